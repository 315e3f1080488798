/**
 * A matching copy of the input: lower case, Arabic-Indic digits as ASCII digits, Arabic letter
 * variants folded (أ إ آ -> ا, ى -> ي, ة -> ه), Arabic diacritics, tatweel and bidi/format marks
 * removed, combining marks composed (NFC). `map[i]` is the index in the original text of
 * `text[i]`, and `map[text.length]` is the original length, so a span [s, e) of the copy is
 * [map[s], map[e]) of the input.
 */
export interface Normalized {
  text: string;
  map: Int32Array;
}

const DROP = 0xffff;
const TABLE_SIZE = 0x2500;
const table = new Uint16Array(TABLE_SIZE);

for (let c = 0; c < TABLE_SIZE; c++) {
  const lower = String.fromCharCode(c).toLowerCase();
  table[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}
for (let d = 0; d < 10; d++) {
  table[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
  table[0x06f0 + d] = 0x30 + d; // Extended Arabic-Indic digits
}
for (const c of [0x0623, 0x0625, 0x0622, 0x0671]) table[c] = 0x0627; // alef variants
table[0x0649] = 0x064a; // alef maksura -> yeh
table[0x0629] = 0x0647; // teh marbuta -> heh
table[0x06cc] = 0x064a; // Farsi yeh
table[0x06a9] = 0x0643; // keheh
table[0x066a] = 0x25; // Arabic percent sign
for (let c = 0x064b; c <= 0x065f; c++) table[c] = DROP; // harakat
table[0x0670] = DROP; // superscript alef
table[0x0640] = DROP; // tatweel
table[0x00ad] = DROP; // soft hyphen
table[0x061c] = DROP; // Arabic letter mark
for (const c of [0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a]) {
  table[c] = 0x20;
}
for (let c = 0x200b; c <= 0x200f; c++) table[c] = DROP; // zero-width and direction marks
for (let c = 0x202a; c <= 0x202e; c++) table[c] = DROP; // bidi embeddings
table[0x202f] = 0x20; // narrow no-break space
table[0x2010] = 0x2d; // hyphen
table[0x2011] = 0x2d; // non-breaking hyphen
table[0x2012] = 0x2d; // figure dash
table[0x2013] = 0x2d; // en dash
table[0x2212] = 0x2d; // minus sign
table[0x2019] = 0x27; // right single quotation mark

function mapUnit(c: number): number {
  if (c < TABLE_SIZE) return table[c]!;
  if ((c >= 0x2066 && c <= 0x2069) || c === 0xfeff) return DROP;
  if (c === 0x3000) return 0x20;
  return c;
}

const isCombining = (c: number): boolean => c >= 0x0300 && c <= 0x036f;

const decoder = new TextDecoder('utf-16le');

/** Reused between calls (the function is synchronous): only the map is handed out. */
let buffer = new Uint16Array(4096);

/** Below this many code units a string is built directly: TextDecoder's call costs more than short text. */
const DIRECT_DECODE = 1024;

/** The mapped code units of `input` into `buffer`, with the input index of each in `map` when given; the length. */
function fill(input: string, map: Int32Array | null): number {
  const n = input.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  const out = buffer;
  let len = 0;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (isCombining(c)) {
      if (len > 0) {
        const composed = String.fromCharCode(out[len - 1]!, c).normalize('NFC');
        if (composed.length === 1) out[len - 1] = mapUnit(composed.charCodeAt(0));
      }
      continue;
    }
    const m = mapUnit(c);
    if (m === DROP) continue;
    out[len] = m;
    if (map) map[len] = i;
    len++;
  }
  return len;
}

function textOf(len: number): string {
  const units = buffer.subarray(0, len);
  return len < DIRECT_DECODE ? String.fromCharCode.apply(null, units as unknown as number[]) : decoder.decode(units);
}

export function normalize(input: string): Normalized {
  const map = new Int32Array(input.length + 1);
  const len = fill(input, map);
  map[len] = input.length;
  return { text: textOf(len), map: map.subarray(0, len + 1) };
}

/** The normalized form of a word or phrase, for building lexicons (no map). */
export function normalizeKey(s: string): string {
  return textOf(fill(s, null));
}
