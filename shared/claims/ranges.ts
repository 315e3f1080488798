/**
 * Ranges: "between X and Y", "X to Y", "từ X đến Y", "بين X وY", "5-10%", each end with its own
 * unit or currency sign ("8% đến 10%", "£140,000 and £160,000"). A hyphenated pair is a range
 * only with a unit after it ("737-800" is not one); "0-100 km/h" and time windows ("từ 11 giờ
 * đến 16 giờ") are no claims.
 */
import { readDigits } from './numbers/digits';
import { accumulate } from './numbers/compound';
import type { Scan } from './scan';
import { NUM, SYM, WORD } from './tokenize';
import { SKIP, type NumberRead, type Read, type UnitRead } from './types';
import { currencySignAt } from './units/currencies';
import { readUnit } from './units/index';

export interface RangeRead {
  a: number;
  b: number;
  low: number;
  high: number;
  currency: string | null;
  unit: UnitRead | null;
  /** Two alternatives joined by "or". */
  or: boolean;
  /**
   * Two prices of one rate side by side, not a range: "36,55 - 37,35 triệu đồng/lượng" (buying and
   * selling), "22.540 - 22.610 đồng/USD". The first is a claim of its own in the second's unit.
   */
  pair?: boolean;
}

export function readRange(s: Scan, num: NumberRead, a: number, currency: string | null): Read<RangeRead> {
  const toks = s.toks;
  const lex = s.lex;
  if (num.vague || num.unit) return null;
  const introWord = s.word(a - 1);
  const intro = introWord !== null && s.anyForm(introWord, lex.rangeIntro);
  let j = num.b;
  // the first number's own unit before the connector: "8% đến 10%", "£140,000 and £160,000"
  let firstUnitEnd = j;
  let firstKind: string | null = null;
  if (toks[j]?.v === '%') {
    firstUnitEnd = j + 1;
    firstKind = 'percent';
  } else if (intro) {
    const percent = s.matchPhrase(lex.percentWords, j);
    const money = percent ? null : s.matchPhrase(lex.currencies, j);
    const measure = percent || money ? null : s.matchPhrase(lex.measures, j);
    const time = percent || money || measure ? null : s.matchPhrase(lex.timeUnits, j);
    const pw = percent ?? money ?? measure ?? time;
    if (pw) {
      firstUnitEnd = pw.end;
      firstKind = percent ? 'percent' : money ? 'money' : measure ? 'measure' : 'duration';
    }
  }
  const hour = s.lang === 'vi' && s.word(num.b) === 'giờ';
  // "200- to 300-seat planes", "five- to 10-year terms": the first end's hyphen waits for the unit of the second
  if (s.lang === 'en' && firstUnitEnd === num.b && toks[j]?.v === '-' && toks[j]!.gap === 0 && (s.word(j + 1) === 'to' || s.word(j + 1) === 'and')) {
    firstUnitEnd = j + 1;
  }
  j = firstUnitEnd;
  const conn = toks[j];
  if (!conn || conn.nl) return null;
  let k = j + 1;
  let ok = false;
  // a dash with spaces ("từ 500 - 700 triệu đồng", "من 10 - 15 دولاراً"): where the lexicon writes ranges so
  const spaced = conn.type === SYM && conn.v === '-' && (conn.gap > 0 || toks[k]?.gap !== 0);
  if (conn.type === SYM && conn.v === '-' && !spaced && toks[k]?.type === NUM) ok = true;
  else if (spaced && toks[k]?.type === NUM && firstUnitEnd === num.b && lex.rangeTo.has('-')) ok = true;
  // two alternatives: "five or six people", "3 or 4 million"
  else if (conn.type === WORD && lex.rangeOr.has(conn.v) && firstUnitEnd === num.b) ok = true;
  else if (conn.type === WORD) {
    if (s.lang === 'en') {
      const before = s.word(a - 1);
      ok = (conn.v === 'and' && intro) || (conn.v === 'to' && (intro || (before !== 'from' && !lex.changeBefore.has(before ?? ''))));
    } else if (s.lang === 'vi') ok = lex.rangeTo.has(conn.v) || (conn.v === 'và' && introWord === 'giữa');
    else if (s.lang === 'ar') {
      if (conn.v === 'و' && intro) ok = true;
      else if (lex.rangeTo.has(conn.v) && (intro || (conn.v !== '-' && !s.anyForm(introWord ?? '', lex.changeBefore)))) ok = true;
      else if (intro && conn.v.startsWith('و') && s.isNumberWord(conn.v.slice(1))) {
        ok = true; // "بين ستة وتسعة أشهر": the "and" is glued to the second number
        k = j;
      }
    }
  }
  if (!ok) return null;
  // "từ 700 đồng đến gần 1.000 đồng": a qualifier of the second end does not break the range
  const inner = s.matchPhrase(lex.qualifiersBefore, k);
  if (inner && (s.toks[inner.end]?.type === NUM || currencySignAt(s, inner.end))) k = inner.end;
  // the second number, with its own currency sign (not after "or": "$10 million or $20 million" are two)
  let secondCurrency: string | null = null;
  const sign2 = currencySignAt(s, k);
  if (sign2 && lex.rangeOr.has(conn.v)) return null;
  if (sign2) {
    secondCurrency = sign2.code;
    k = sign2.end;
  }
  const second = toks[k]?.type === NUM ? readDigits(s, k, true) : !num.digits && toks[k]?.type === WORD ? accumulate(s, k) : null;
  if (second === SKIP || second === null) return null;
  if (hour && s.word(second.b) === 'giờ') {
    s.skipTo = second.b + 1;
    return SKIP; // "từ 11 giờ đến 16 giờ": a time window
  }
  let low = num.value;
  const high = second.value;
  // a year is no end of a range of amounts: "ميزانية 2015 إلى 30 مليار دولار" (the 2015 budget, cut to 30 billion)
  if (num.scale === 1 && second.scale > 1 && isYearShaped(num)) return null;
  if (num.scale === 1 && second.scale > 1 && low * second.scale <= high) low *= second.scale;
  if (!(high > low)) return null;
  // a hyphenated pair is a range only with a unit after it: "5-10%" (and not "737-800")
  let unit = readUnit(s, second.b, second, (currency ?? secondCurrency) !== null);
  if (unit === SKIP) return SKIP;
  // a band of ages: "the age group of 25-34", "children aged 5-11"
  if ((!unit || unit.kind === 'count') && !currency && !secondCurrency && s.matchBefore(lex.ageBandsBefore, a)) {
    unit = { kind: 'age', unit: 'year', end: second.b };
  }
  if (spaced && !unit && !currency) return null;
  if (conn.v === '-' && !unit && !currency) return SKIP;
  if (conn.v === '-' && low === 0 && unit?.kind !== 'percent') {
    s.skipTo = Math.max(second.b, unit?.end ?? 0);
    return SKIP; // "0-100 km/h": an acceleration test, not a range
  }
  // the two ends state one kind of thing: "من 10% إلى 379 دولارا" is two claims, and so is
  // "paid $5 to 20 farmers"
  // (and "rose 8% to 4.7 million": a change to a level, not a span)
  if (firstKind !== null && (!unit || unit.kind !== firstKind)) return null;
  if (currency && !secondCurrency && unit?.kind === 'count') return null;
  // a hyphenated pair before a counted noun is a range only with a noun of the lexicon ("1.500-1600 bệnh nhân")
  const grouped = /[.,]/.test(toks[num.a]!.v) && /[.,]/.test(toks[second.a]!.v); // "50,000-100,000 Americans": no identifier
  if (conn.v === '-' && unit && unit.kind === 'count' && !currency && !grouped && !s.matchPhrase(lex.nouns, second.b, true, true)) return spaced ? null : SKIP;
  const end = Math.max(second.b, unit?.end ?? 0);
  const pair = spaced && !intro && unit?.kind === 'money' && toks[end]?.v === '/' && toks[end]!.gap === 0 && toks[end + 1]?.type === WORD;
  return {
    a: intro ? a - 1 : a,
    b: pair ? num.b : end,
    low,
    high,
    currency: currency ?? secondCurrency,
    unit,
    or: lex.rangeOr.has(conn.v),
    ...(pair ? { pair: true } : {}),
  };
}

function isYearShaped(num: NumberRead): boolean {
  return num.plain !== undefined && num.plain.length === 4 && num.value >= 1900 && num.value <= 2100;
}
