/**
 * The sentence of each claim: a line break always ends one; a terminal mark (. ! ? ؟ …)
 * followed by white space ends one unless it closes a common abbreviation ("No. 11", "Dr.").
 */
import type { Span } from '../schemas/claim';

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029;
const ABBREVIATIONS = new Set(['no', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'inc', 'ltd', 'co', 'jr', 'sr', 'tp', 'u.s', 'u.k', 'e.g', 'i.e']);

/** The dot at `dot` closes an abbreviation or an initial. */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && dot - s < 6 && isAbbreviationChar(text.charCodeAt(s - 1))) s--;
  if (s > 0 && isAbbreviationChar(text.charCodeAt(s - 1))) return false;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /\p{Lu}/u.test(text[s]!)) return true; // initials: "J. Smith"
  return ABBREVIATIONS.has(word);
}

const isAbbreviationChar = (c: number): boolean =>
  c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A line break, or a terminal mark followed by white space or the end of the text. */
const BOUNDARY = /[\n\r\u2029]|[.!?\u061f\u3002\u2026](?=[\s\u00a0]|$)/g;

/**
 * Finds the sentence of each claim on demand. Claims come in text order, so the boundaries are
 * found by one forward regex scan shared by all claims, and a sentence found is reused.
 */
export class SentenceFinder {
  private current: Span | null = null;
  /** Where the scan for boundaries is; the last boundary seen before it. */
  private scanFrom = 0;
  private lastBoundary = 0;
  private readonly re = BOUNDARY;

  constructor(private readonly text: string) {}

  at(start: number, end: number): Span {
    const cur = this.current;
    if (cur && start >= cur.start && start < cur.end) return { start: cur.start, end: Math.max(cur.end, end) };
    let s = this.lastBoundary;
    let e = this.text.length;
    this.re.lastIndex = this.scanFrom;
    for (;;) {
      const m = this.re.exec(this.text);
      if (!m) break;
      const isBreak = m[0] !== '.' || !isAbbreviation(this.text, m.index);
      if (!isBreak) continue;
      const boundary = m[0] === '\n' || m[0] === '\r' || m[0] === '\u2029' ? m.index : m.index + 1;
      if (boundary <= start) {
        s = m.index + 1;
        continue;
      }
      if (boundary < end) continue;
      e = boundary;
      this.scanFrom = m.index + 1;
      this.lastBoundary = m.index + 1;
      break;
    }
    if (e === this.text.length) this.scanFrom = e;
    const text = this.text;
    while (s < start && isSpace(text.charCodeAt(s))) s++;
    while (e > end && isSpace(text.charCodeAt(e - 1))) e--;
    this.current = { start: s, end: e };
    return { start: s, end: e };
  }
}
