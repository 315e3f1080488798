declare module 'number-to-words' {
  /** The number in English words: "one hundred five", "one thousand, one". */
  export function toWords(n: number): string;
}
