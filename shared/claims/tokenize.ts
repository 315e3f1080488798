/** Tokens of the normalized text: numbers, words and single symbols, with the spacing before them. */
export const NUM = 0;
export const WORD = 1;
export const SYM = 2;

export class Token {
  private text: string | undefined;
  /** The hash of the token's code units for the hashed word sets, once computed (-1: not yet). */
  hash = -1;
  /** Arabic forms without clitics, kept by the extractor once computed. */
  forms: string[] | undefined;
  definiteForms: string[] | undefined;

  constructor(
    private readonly source: string,
    readonly type: typeof NUM | typeof WORD | typeof SYM,
    /** Offsets in the normalized text. */
    readonly s: number,
    readonly e: number,
    /** Whitespace characters before the token (0: glued to the previous one). */
    readonly gap: number,
    /** A line break precedes the token. */
    readonly nl: boolean,
    /** Inside a URL, an e-mail address or a line of page chrome: never part of a claim. */
    public skip: boolean,
  ) {}

  /** The token's text, cut from the source only when asked for. */
  get v(): string {
    return (this.text ??= this.source.slice(this.s, this.e));
  }
}

const LETTER_LIMIT = 0x2500;
const letterTable = new Uint8Array(LETTER_LIMIT);
{
  const re = /[\p{L}\p{M}]/u;
  for (let c = 0; c < LETTER_LIMIT; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    letterTable[c] = re.test(String.fromCharCode(c)) ? 1 : 0;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean =>
  c < LETTER_LIMIT ? letterTable[c] === 1 : c >= 0x3040 && c <= 0x9fff; // CJK and kana as letters
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0x2028 || c === 0x2029;
/** Separators inside a number: . , and the Arabic decimal and thousands signs. */
const isNumberSeparator = (c: number): boolean => c === 46 || c === 44 || c === 0x066b || c === 0x066c;

/** Exactly three digits at i, then no further digit. */
function isThreeDigitGroup(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && !isDigit(text.charCodeAt(i + 3));
}

// The local part is bounded so that a long run without "@" is not rescanned from every position.
const URL_OR_MAIL = /(?:https?:\/\/|www\.)[^\s]+|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/gi;

/**
 * How a line that links to a story begins ("رابط الخبر بصحيفة ...: <headline>", "Read more: ...",
 * "Xem thêm: ..."), in the normalized text: the headline after it repeats or points elsewhere.
 */
const LINK_LINE_STARTS = ['رابط الخبر', 'رابط المقال', 'اقرا ايضا', 'اقرأ أيضا', 'read more', 'read also', 'see also', 'related:', 'xem thêm', 'tin liên quan', 'đọc thêm'];
const LINK_LINE_FIRST = new Set(LINK_LINE_STARTS.map((p) => p.charCodeAt(0)));

function isLinkLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (i >= end || !LINK_LINE_FIRST.has(text[i]!.toLowerCase().charCodeAt(0))) return false;
  const head = text.slice(i, Math.min(end, i + 16)).toLowerCase();
  return LINK_LINE_STARTS.some((p) => head.startsWith(p));
}

/** The longest line that can be a timestamp line, and the most words it can have. */
const STAMP_MAX_LENGTH = 64;
const STAMP_MAX_WORDS = 4;

/**
 * Lines of page chrome: a section, a time and counters separated by "|" ("Markets | 16:42 |
 * 4 min read"), lines that link to a story (above), and timestamp lines: a short line with a
 * time of day and at most a few words, a weekday, a month, a time zone ("Thứ Sáu, 3/7/2026, 09:15
 * (GMT+7)", "Updated: May 12, 2026, 7:45 PM", "الأربعاء 3 يونيو 2026 - 12:20 م"). Their numbers
 * are no claims.
 */
export function skipChromeLines(text: string, tokens: Token[]): void {
  let k = 0;
  const bars0 = text.includes('|');
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let bars = 0;
    if (bars0) for (let i = start; i < end && bars < 2; i++) if (text.charCodeAt(i) === 124) bars++;
    let chrome = bars >= 2 || (bars === 1 && end - start < 80) || isLinkLine(text, start, end);
    const first = k;
    let words = 0;
    let clock = false;
    while (k < tokens.length && tokens[k]!.s < end) {
      const t = tokens[k]!;
      if (t.type === WORD) words++;
      else if (!clock && t.type === NUM && k >= first + 2) clock = isClockEnd(text, tokens, k);
      k++;
    }
    if (!chrome && clock && words <= STAMP_MAX_WORDS && end - start <= STAMP_MAX_LENGTH) chrome = true;
    if (chrome) for (let m = first; m < k; m++) tokens[m]!.skip = true;
    start = end + 1;
  }
}

/** Token k ends a time of day: two digits glued after a colon glued after an hour ("09:15"). */
function isClockEnd(text: string, tokens: Token[], k: number): boolean {
  const minutes = tokens[k]!;
  const colon = tokens[k - 1]!;
  const hour = tokens[k - 2]!;
  return minutes.e - minutes.s === 2 && minutes.gap === 0 && colon.e - colon.s === 1 && text.charCodeAt(colon.s) === 58 &&
    colon.gap === 0 && hour.type === NUM && hour.e - hour.s <= 2;
}

export function tokenize(text: string): Token[] {
  const skipRanges: [number, number][] = [];
  if (text.includes('@') || text.includes('http') || text.includes('www.')) {
    for (const m of text.matchAll(URL_OR_MAIL)) skipRanges.push([m.index, m.index + m[0].length]);
  }
  let skipAt = 0;

  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let gap = 0;
  let nl = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      gap++;
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) nl = true;
      i++;
      continue;
    }
    const start = i;
    let type: Token['type'];
    if (isDigit(c)) {
      type = NUM;
      i++;
      for (;;) {
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        if (i + 1 < n && isNumberSeparator(text.charCodeAt(i)) && isDigit(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        // the Arabic comma between thousands: "33،000" (and not a list: "5،6")
        if (text.charCodeAt(i) === 0x060c && isThreeDigitGroup(text, i + 1)) {
          i++;
          continue;
        }
        break;
      }
    } else if (isLetter(c)) {
      type = WORD;
      i++;
      while (i < n && isLetter(text.charCodeAt(i))) i++;
    } else {
      type = SYM;
      i++;
      // keep a surrogate pair in one token
      if (c >= 0xd800 && c <= 0xdbff && i < n) {
        const d = text.charCodeAt(i);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    while (skipAt < skipRanges.length && skipRanges[skipAt]![1] <= start) skipAt++;
    const range = skipRanges[skipAt];
    const skip = range !== undefined && range[0] <= start && start < range[1];
    tokens.push(new Token(text, type, start, i, gap, nl, skip));
    gap = 0;
    nl = false;
  }
  return tokens;
}
