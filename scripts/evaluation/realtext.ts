/**
 * Measures on real text written by others (../shared/realtext): QuanTemp claims and the CLEF 2018
 * debates in English and in their human Arabic translation. Pure: the caller reads the files and
 * passes the extractor.
 *
 * - QuanTemp recall: the share of claims in which the extractor finds at least one claim; value
 *   precision: the share of found claims (vague amounts aside) whose value is one of the numbers
 *   written in the claim, as read by `writtenNumbers` (an independent reader, not the extractor).
 * - CLEF agreement: for each line pair whose English side yields values, whether the Arabic line
 *   yields the same multiset of values.
 */
import type { ExtractedClaim } from '../../shared/schemas/claim';

export type Extract = (text: string) => readonly ExtractedClaim[];

/** RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ''));
}

/** The `claim` column of a QuanTemp CSV (with a header row). */
export function quantempClaims(csv: string): string[] {
  const [header, ...rows] = parseCsv(csv);
  const column = header?.indexOf('claim') ?? -1;
  if (column < 0) throw new Error('no "claim" column in the header');
  return rows.map((r) => (r[column] ?? '').replace(/^"+|"+$/g, '').trim()).filter((c) => c !== '');
}

const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
};
/** Units whose normalized value is a multiple of the number written ("three decades" = 30 years). */
const FACTORS: Record<string, number> = { decade: 10, decades: 10, century: 100, centuries: 100, cent: 0.01, cents: 0.01, pence: 0.01, dozen: 12 };
const WORD_VALUES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const FRACTION_WORDS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
  twelfth: 12, twelfths: 12, twentieth: 20, twentieths: 20, hundredth: 100, hundredths: 100,
};

/**
 * Fractions, normalized as the corpus rules say (shared/corpus/README.md: fractions are percents):
 * "2/3" and "two-thirds" give 66.67 (and 2/3 itself), "half" 50; a mixed number "6-1/2" or
 * "2 1/2" gives 6.5 and 2.5.
 */
function writtenFractions(lower: string): number[] {
  const out: number[] = [];
  for (const m of lower.matchAll(/(?:(\d+)[- ])?(\d+)\/(\d+)/g)) {
    const n = Number(m[2]);
    const d = Number(m[3]);
    if (!(d > 0)) continue;
    out.push(n / d, (100 * n) / d);
    if (m[1] !== undefined) out.push(Number(m[1]) + n / d);
  }
  const words = [...lower.matchAll(/[a-z]+/g)];
  words.forEach((m, i) => {
    const d = FRACTION_WORDS[m[0]];
    if (d === undefined) return;
    // the word before counts only when a space or a hyphen alone separates it ("two-thirds")
    const before = words[i - 1];
    const joined = before !== undefined && /^[- ]$/.test(lower.slice(before.index! + before[0].length, m.index));
    const n = joined ? WORD_VALUES[before[0]] ?? 1 : 1;
    out.push((100 * n) / d);
  });
  // a share of a whole: "one in five", "4 in 10" (20 %, 40 %)
  const valueOf = (w: string) => (/^\d+$/.test(w) ? Number(w) : WORD_VALUES[w]);
  for (const m of lower.matchAll(/\b(\d+|[a-z]+) in (\d+|[a-z]+)\b/g)) {
    const n = valueOf(m[1]!);
    const d = valueOf(m[2]!);
    if (n !== undefined && d !== undefined && d > n) out.push((100 * n) / d);
  }
  return out;
}

/**
 * The numbers written in an English text: digits (with thousands commas), number words
 * ("two hundred and fifty"), each also multiplied by a scale word after it ("3.5 million") and
 * by the factor of a unit that normalizes it ("three decades", "50 cents"), and fractions and
 * shares of a whole as the corpus reads them ("a fifth" and "one in five" are 20 %).
 */
export function writtenNumbers(text: string): number[] {
  const lower = text.toLowerCase();
  const tokens = lower.match(/\d+(?:[.,]\d+)*|[a-z]+/g) ?? [];
  const out: number[] = writtenFractions(lower);
  const addWithNext = (n: number, next: number): void => {
    out.push(n);
    const scale = SCALES[tokens[next] ?? ''];
    if (scale !== undefined) {
      out.push(n * scale);
      const factor = FACTORS[tokens[next + 1] ?? ''];
      if (factor !== undefined) out.push(n * scale * factor);
    }
    const factor = FACTORS[tokens[next] ?? ''];
    if (factor !== undefined) out.push(n * factor);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^\d/.test(t)) {
      const n = readDigits(t);
      if (n !== null) addWithNext(n, i + 1);
      continue;
    }
    if (t === 'half' && tokens[i + 1] === 'a' && SCALES[tokens[i + 2] ?? ''] !== undefined) out.push(SCALES[tokens[i + 2]!]! / 2);
    if (WORD_VALUES[t] === undefined && !(t === 'a' && (tokens[i + 1] === 'hundred' || SCALES[tokens[i + 1] ?? '']))) continue;
    // a run of number words: "two hundred and fifty thousand", "a million"
    let total = 0;
    let current = 0;
    let j = i;
    for (; j < tokens.length; j++) {
      const w = tokens[j]!;
      if (w === 'a' && j === i) current = 1;
      else if (WORD_VALUES[w] !== undefined) current += WORD_VALUES[w]!;
      else if (w === 'hundred') current = (current || 1) * 100;
      else if (w === 'and' && j > i && WORD_VALUES[tokens[j + 1] ?? ''] !== undefined) continue;
      else if (SCALES[w] !== undefined && w.length > 2) {
        total += (current || 1) * SCALES[w]!;
        current = 0;
      } else break;
    }
    addWithNext(total + current, j);
    i = j - 1;
  }
  return out;
}

function readDigits(t: string): number | null {
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\d+,\d{1,2}$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);

export interface QuantempClaimResult {
  text: string;
  claims: readonly ExtractedClaim[];
  /** Found claims with a value that is not among the numbers written (vague amounts aside). */
  wrong: ExtractedClaim[];
}

export interface QuantempScore {
  claims: number;
  /** Claims in which at least one claim was found. */
  withClaim: number;
  recall: number;
  /** Found claims with a value (vague amounts have none). */
  valued: number;
  /** Of those, the ones whose value is one of the numbers written in the claim. */
  valueRight: number;
  valuePrecision: number;
  vague: number;
  results: QuantempClaimResult[];
}

export function scoreQuantemp(texts: readonly string[], extract: Extract): QuantempScore {
  let withClaim = 0;
  let valued = 0;
  let valueRight = 0;
  let vague = 0;
  const results: QuantempClaimResult[] = [];
  for (const text of texts) {
    const claims = extract(text);
    if (claims.length > 0) withClaim++;
    const written = writtenNumbers(text);
    const wrong: ExtractedClaim[] = [];
    for (const c of claims) {
      if (c.value === null) {
        vague++;
        continue;
      }
      valued++;
      if (written.some((n) => close(n, c.value!))) valueRight++;
      else wrong.push(c);
    }
    results.push({ text, claims, wrong });
  }
  return {
    claims: texts.length,
    withClaim,
    recall: texts.length === 0 ? 0 : withClaim / texts.length,
    valued,
    valueRight,
    valuePrecision: valued === 0 ? 0 : valueRight / valued,
    vague,
    results,
  };
}

/** The utterances of a CLEF 2018 Task 1 file (`line<TAB>speaker<TAB>text<TAB>label`), by line number. */
export function clefLines(tsv: string): Map<number, string> {
  const lines = new Map<number, string>();
  for (const row of tsv.split('\n')) {
    const parts = row.split('\t');
    const n = Number(parts[0]);
    if (parts.length >= 3 && Number.isInteger(n)) lines.set(n, parts[2]!.trim());
  }
  return lines;
}

export interface ClefPair {
  debate: string;
  line: number;
  en: string;
  ar: string;
}

/** Pairs the English and Arabic lines of each debate by line number. */
export function clefPairs(debates: readonly { name: string; en: string; ar: string }[]): ClefPair[] {
  const pairs: ClefPair[] = [];
  for (const d of debates) {
    const en = clefLines(d.en);
    const ar = clefLines(d.ar);
    for (const [line, text] of en) {
      const other = ar.get(line);
      if (other !== undefined) pairs.push({ debate: d.name, line, en: text, ar: other });
    }
  }
  return pairs;
}

export interface ClefDisagreement extends ClefPair {
  enValues: number[];
  arValues: number[];
}

export interface ClefScore {
  pairs: number;
  /** Pairs whose English side yields values. */
  withValues: number;
  agree: number;
  agreement: number;
  disagreements: ClefDisagreement[];
}

const valuesOf = (claims: readonly ExtractedClaim[]): number[] =>
  claims.filter((c) => c.value !== null).map((c) => Number(c.value!.toPrecision(12))).sort((a, b) => a - b);

export function scoreClef(pairs: readonly ClefPair[], extract: Extract): ClefScore {
  let withValues = 0;
  let agree = 0;
  const disagreements: ClefDisagreement[] = [];
  for (const pair of pairs) {
    const enValues = valuesOf(extract(pair.en));
    if (enValues.length === 0) continue;
    withValues++;
    const arValues = valuesOf(extract(pair.ar));
    if (enValues.length === arValues.length && enValues.every((v, k) => v === arValues[k])) agree++;
    else disagreements.push({ ...pair, enValues, arValues });
  }
  return { pairs: pairs.length, withValues, agree, agreement: withValues === 0 ? 0 : agree / withValues, disagreements };
}
