import type { Span } from '../schemas/claim';

const TERMINAL = /[.!?؟。…]/;
const ABBREVIATIONS = new Set(['no', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'inc', 'ltd', 'co', 'jr', 'sr', 'tp', 'u.s', 'u.k', 'e.g', 'i.e']);

/**
 * Splits a text into sentences: a line break always ends one; a terminal mark (. ! ? ؟ …)
 * followed by white space ends one unless it closes a common abbreviation ("No. 11").
 * Returns spans of the original text without surrounding white space.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (ch === '\n' || ch === '\r' || ch === '\u2029') {
      push(i);
      start = i + 1;
    } else if (TERMINAL.test(ch) && (i + 1 >= n || /\s/.test(text[i + 1]!))) {
      if (ch === '.' && isAbbreviation(text, i)) continue;
      push(i + 1);
      start = i + 1;
    }
  }
  push(n);
  return spans;
}

function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /\p{Lu}/u.test(text[s]!)) return true; // initials: "J. Smith"
  return ABBREVIATIONS.has(word);
}

/** The sentence that contains offset `at` (binary search over sorted spans). */
export function sentenceAt(spans: readonly Span[], at: number, fallback: Span): Span {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (at < span.start) hi = mid - 1;
    else if (at >= span.end) lo = mid + 1;
    else return span;
  }
  return fallback;
}
