/**
 * Numbers that state no quantity: labels and ranks ("No. 11", "المرتبة 67", "Quận 7"), product
 * names ("iPhone 16 Pro", "Nimbus 5"), times of day written with a dot ("09.41 BST"), idioms
 * ("one in a million") and the glued parts of identifiers. Page chrome and URLs are marked
 * when the text is cut into tokens (tokenize.ts).
 */
import { plainYear } from './numbers/numeral';
import type { Scan } from './scan';
import { SYM, WORD } from './tokenize';
import type { NumberRead } from './types';

/** Words that make a number a label: "No. 11", "المرتبة 67", "Quận 7", "tháng 4", "top 200". */
export function isLabelled(s: Scan, i: number): boolean {
  const toks = s.toks;
  const lex = s.lex;
  let j = i - 1;
  if (toks[j]?.v === '.' && toks[j]!.gap === 0) j--;
  if (toks[j]?.v === '#') return true;
  const w = s.word(j);
  if (w === null || toks[i]!.nl) return false;
  if (lex.definitePrefixes.includes(w) && toks[i]!.gap === 0) return isLabelled(s, j);
  // "tổng số 312 hộ": a total is an amount, the number of a thing ("số 5") is a label
  if (s.anyForm(w, lex.labelsBefore)) return !s.pairAt(lex.amountsBefore, j);
  if (s.anyForm(w, lex.bandWords)) return s.anyForm(s.word(j - 1) ?? '', lex.bandContext);
  // a model name: a brand before the number ("بوينغ 737", "Boeing 737"), a model word after it
  // ("737 ماكس", "15 Pro"), or a number after a model word ("ماكس 8")
  if (s.anyForm(w, lex.modelWords)) return true;
  if (s.lang === 'ar') return false;
  if (s.pairAt(lex.labelsBefore, j)) return true;
  // a name in capitals before the number and after it: "iPhone 16 Pro", "STOXX 600 Europe" (not a
  // headline in Title Case, nor a unit after the number: "0.05S 80 USD", "Within 24 Hours"), nor
  // a year after its month ("the March 2019 Christchurch shootings")
  if (s.isLatinWord(j) && s.hasCapital(j) && !s.inTitleCase(i) && !lex.stopWords.has(w) && !s.matchBefore(lex.qualifiersBefore, i)
    && !(plainYear(toks[i]!.v, 1000) !== null && s.anyForm(w, lex.dateMarkers))) {
    const next = toks[i + 1];
    if (next && next.type === WORD && s.isLatinWord(i + 1) && s.hasCapital(i + 1) && !next.nl && !isUnitWordAt(s, i + 1)) return true;
  }
  return false;
}

/** A word that starts a unit: a currency, a time unit, a measure, a percent word. */
function isUnitWordAt(s: Scan, k: number): boolean {
  const lex = s.lex;
  return s.matchPhrase(lex.currencies, k) !== null || s.matchPhrase(lex.timeUnits, k) !== null ||
    s.matchPhrase(lex.measures, k) !== null || s.matchPhrase(lex.percentWords, k) !== null ||
    /^[A-Z]{3}$/.test(s.raw(k));
}

/** A model word at token k ("Max", "ماكس"); in Latin script only when capitalized. */
export function isModelWordAt(s: Scan, k: number): boolean {
  const w = s.word(k);
  if (w === null || s.toks[k]!.nl || !s.anyForm(w, s.lex.modelWords)) return false;
  return !s.isLatinWord(k) || s.hasCapital(k);
}

/** "09.41 BST", "at 03.17", "8,38 صباحا": a time of day written with a dot or a comma. */
export function isClockLike(s: Scan, num: NumberRead): boolean {
  const raw = s.toks[num.a]!.v;
  if (!isClockShape(raw)) return false;
  return raw.startsWith('0') || isTimeOfDay(s, num);
}

/** A clock-shaped number with a time word before or after it: a time of day, whatever follows. */
export function isTimeOfDay(s: Scan, num: NumberRead): boolean {
  // "from 1.25 trillion dong": a scale makes it an amount
  if (num.scale > 1 || !isClockShape(s.toks[num.a]!.v)) return false;
  return s.lex.clockBefore.has(s.word(num.a - 1) ?? '') || s.lex.clockAfter.has(s.word(num.b) ?? '');
}

/** hh.mm, hh:mm or hh,mm with hours up to 23 and minutes up to 59 (read without a regex: every number passes here). */
function isClockShape(raw: string): boolean {
  const n = raw.length;
  if (n !== 4 && n !== 5) return false;
  const sep = raw.charCodeAt(n - 3);
  if (sep !== 46 && sep !== 58 && sep !== 44) return false;
  let hours = 0;
  for (let k = 0; k < n - 3; k++) {
    const c = raw.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return false;
    hours = hours * 10 + c;
  }
  const m1 = raw.charCodeAt(n - 2) - 48;
  const m2 = raw.charCodeAt(n - 1) - 48;
  return hours <= 23 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9;
}

/** A capitalized word inside a sentence right before the number: a product or a name ("Nimbus 5"). */
export function isNameBefore(s: Scan, i: number): boolean {
  if (s.lang === 'ar' || s.toks[i]!.nl || s.inTitleCase(i)) return false;
  const j = i - 1;
  if (!s.isLatinWord(j) || !s.hasCapital(j)) return false;
  const before = s.toks[j - 1];
  if (!before || s.toks[j]!.nl || (before.type === SYM && '.!?:|'.includes(before.v))) return false;
  return !s.lex.capitalizedOk.has(s.word(j)!);
}

/** The token after an idiom that covers token i ("one in a million"), or -1. */
export function idiomEnd(s: Scan, i: number): number {
  if (!s.idiomWords.has(s.norm, s.toks[i]!)) return -1;
  for (let start = Math.max(0, i - 2); start <= i; start++) {
    const m = s.matchPhrase(s.lex.idioms, start);
    if (m && m.end > i) return m.end;
  }
  return -1;
}

/** After an identifier (phone number, date label, model name), the token after its glued parts. */
export function skipNumberRun(s: Scan, i: number): number {
  const toks = s.toks;
  let j = i + 1;
  while (j < toks.length && toks[j]!.gap === 0 && toks[j]!.type !== WORD) j++;
  while (j < toks.length && toks[j]!.gap === 0 && toks[j]!.type === WORD) j++;
  return j;
}
