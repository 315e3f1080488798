/**
 * The unit after a number, tried in this order: percent, a hyphenated time unit ("24-year-old"),
 * an ISO code, a currency, an age unit, a time unit (with a smaller one or a half added: "6 giờ
 * 30 phút", "ست ساعات ونصف"), a measure, and last the counted noun (units/nouns.ts).
 */
import { LEXICONS, type TimeUnit } from '../lexicon/index';
import { parseNumeral } from '../numbers/numeral';
import { englishHalfEnd } from '../numbers/scales';
import { accumulate } from '../numbers/compound';
import type { Scan } from '../scan';
import { NUM, SYM, WORD } from '../tokenize';
import { SKIP, type NumberRead, type Read, type UnitRead } from '../types';
import { isoCodeAt, moneyUnit } from './currencies';
import { impliedBefore, readNoun } from './nouns';

/** Short words that are currencies in lower case too ("dlr", "cts", "stg": wire copy). */
const SHORT_CURRENCY_WORDS = new Set(['yen', 'won', 'dlr', 'cts', 'stg']);

export function readUnit(s: Scan, b: number, num: NumberRead, hasCurrency: boolean): Read<UnitRead> {
  const toks = s.toks;
  const lex = s.lex;
  let j = b;
  const t = toks[j];
  if (!t || t.skip) return null;
  if (t.nl && !num.vague) return null;
  if (t.type === SYM) {
    if (t.v === '%') return { kind: 'percent', unit: '%', end: j + 1 };
    if (t.v === '°' && s.word(j + 1) === 'c') return { kind: 'measure', unit: 'degree_celsius', end: j + 2 };
    // "a $15-an-hour wage", "a $5-a-night tax": a rate of the amount before it (no unit of its own)
    if (t.v === '-' && t.gap === 0 && hasCurrency && (lex.articles.has(s.word(j + 1) ?? '') || s.word(j + 1) === 'per') && toks[j + 2]?.v === '-') return null;
    // "24-year-old", "five-year": a hyphen glued between number and unit
    if (t.v === '-' && t.gap === 0 && toks[j + 1]?.type === WORD && toks[j + 1]!.gap === 0) j++;
    else return impliedBefore(s, num, j);
  }
  const hyphenated = j !== b;
  const glued = toks[j]!.gap === 0 && toks[j]!.type === WORD;

  // "3 times larger": a multiplier, not a count of times
  if (lex.multipliers.has(s.word(j) ?? '') && lex.comparatives.has(s.word(j + 1) ?? '')) return SKIP;
  const stop = s.matchPhrase(lex.stopNouns, j) ?? (s.lang !== 'en' ? s.matchPhrase(LEXICONS.en.stopNouns, j, false) : null);
  if (stop) {
    const grams = glued && s.word(j) === 'g' && !s.isUpperAt(toks[j]!.s); // 500g, not 5G
    if (!grams) return SKIP;
  }
  if (glued && s.word(j) === 'c' && s.isUpperAt(toks[j]!.s)) return { kind: 'measure', unit: 'degree_celsius', end: j + 1 };

  const percent = s.matchPhrase(lex.percentWords, j);
  if (percent) {
    // "0.5 pct point": a change of the percent itself, in points
    const point = s.word(percent.end);
    if (point !== null && lex.pointWords.has(point) && !toks[percent.end]!.nl) return { kind: 'measure', unit: 'percentage_point', end: percent.end + 1 };
    return { kind: 'percent', unit: '%', end: percent.end };
  }

  if (hyphenated) {
    // "24-year-old", "six-month-old" (age), "five-year contract" (duration), "10-year Treasury"
    // (a name), "six-foot wall", "10-km race" (measures)
    const time = s.matchPhrase(lex.timeUnits, j, false);
    if (!time) {
      const measure = s.matchPhrase(lex.measures, j, false);
      // "a 360-degree view", "a 180-degree turn": a figure of speech, not a measure
      if (measure?.value === 'degree') return SKIP;
      if (measure) return { kind: 'measure', unit: measure.value, end: measure.end };
      // "a 6.3-magnitude earthquake": the magnitude word after the number
      if (s.anyForm(s.word(j) ?? '', lex.magnitudeWords)) return { kind: 'measure', unit: 'magnitude', end: j + 1 };
      // "a 927-page report", "a 33-storey tower": the counted noun in the compound
      const w = s.word(j);
      if (s.lang === 'en' && w !== null && w.length >= 3 && !w.endsWith('ed') && !s.hasCapital(j) && !lex.stopWords.has(w) && toks[j + 1]?.v !== '-') {
        return { kind: 'count', unit: w, end: j + 1 };
      }
      return SKIP;
    }
    const end = time.end;
    if (toks[end]?.v === '-' && lex.ageAfter.has(s.word(end + 1) ?? '')) return { kind: 'age', unit: time.value.unit, end: end + 2, factor: time.value.factor };
    if (s.isLatinWord(end) && s.hasCapital(end) && !toks[end]!.nl && toks[end]!.gap > 0) return SKIP;
    return { kind: 'duration', unit: time.value.unit, end, factor: time.value.factor };
  }

  const iso = isoCodeAt(s, j);
  if (iso) return { kind: 'money', unit: iso, end: j + 1 };
  const currency = s.matchPhrase(lex.currencies, j, true, true) ?? (s.lang === 'vi' ? s.matchPhrase(LEXICONS.en.currencies, j, false) : null);
  if (currency) {
    const w = s.word(j)!;
    // short English words ("sol", "pen", "p") are currencies only in capitals or glued
    const shortWord = s.lang === 'en' && w.length <= 3 && !s.isUpperAt(toks[j]!.s) && !SHORT_CURRENCY_WORDS.has(w);
    if (!shortWord || (w === 'p' && glued)) return moneyUnit(s, currency.value, currency.end);
  }

  if (lex.ageUnits.has(s.word(j) ?? '')) return { kind: 'age', unit: 'year', end: j + 1 };

  const time = s.matchPhrase(lex.timeUnits, j, true, num.vague !== undefined);
  // "... 162.000.000  Tháng 11/2016 ...": a capitalized month or year before its number labels what
  // follows (a table's next row), it is no unit of the number before it
  if (time && s.lang === 'vi' && s.hasCapital(j) && toks[time.end]?.type === NUM) return null;
  // "one season-ticket holder", "a day-trip": the unit opens a compound noun (not "year-old": an age)
  const hyphen = time ? toks[time.end] : undefined;
  if (time && hyphen?.v === '-' && hyphen.gap === 0 && toks[time.end + 1]?.type === WORD && toks[time.end + 1]!.gap === 0 && s.word(time.end + 1) !== 'old') return null;
  if (time) return timeUnit(s, time.value, time.end);

  const measure = s.matchPhrase(lex.measures, j, true) ?? (s.lang !== 'en' ? s.matchPhrase(LEXICONS.en.measures, j, false) : null);
  if (measure) {
    const w = s.word(j)!;
    const singleLetter = w.length === 1 && measure.end === j + 1;
    if (!(singleLetter && (hasCurrency || !glued))) return { kind: 'measure', unit: measure.value, end: measure.end };
  }
  // "the over 55s", "under 18s": an age group after a bound
  if (glued && s.lang === 'en' && s.word(j) === 's' && num.plain !== undefined && num.value >= 10 && num.value < 120 && s.matchBefore(lex.qualifiersBefore, num.a)) {
    return { kind: 'age', unit: 'year', end: j + 1 };
  }
  if (glued && s.lang !== 'ar') return SKIP; // 2024vn, 3x: an identifier
  return readNoun(s, j, num);
}

/** A time unit ending before token `end`, with "years old", a smaller unit or a half after it. */
function timeUnit(s: Scan, unit: TimeUnit, unitEnd: number): UnitRead {
  const toks = s.toks;
  // "years old"
  if (s.lang === 'en' && s.word(unitEnd) === 'old') return { kind: 'age', unit: 'year', end: unitEnd + 1 };
  let end = unitEnd;
  let extra = 0;
  // "6 giờ 30 phút", "2 hours 30 minutes", "20 năm một tháng": the smaller unit is added
  const n2 = toks[end];
  if (n2 && !n2.nl) {
    const word = n2.type === WORD && s.isNumberWord(n2.v) ? accumulate(s, end) : null;
    const v2 = n2.type === NUM ? parseNumeral(n2.v, s.lang) : word?.value ?? null;
    const after = n2.type === NUM ? end + 1 : word?.b ?? end + 1;
    const t2 = v2 === null ? null : s.matchPhrase(s.lex.timeUnits, after);
    if (v2 !== null && t2 && toSeconds(t2.value) < toSeconds(unit)) {
      extra = (v2 * toSeconds(t2.value)) / toSeconds(unit);
      end = t2.end;
    }
  }
  // "ست ساعات ونصف", "hai năm rưỡi"
  const half = s.word(end);
  if (half !== null && ((s.lang === 'ar' && s.lex.halfWords.has(half) && half.startsWith('و')) || (s.lang === 'vi' && s.lex.halfWords.has(half)))) {
    extra += 0.5;
    end++;
  } else if (s.lang === 'en' && extra === 0) {
    // "a year and a half", "a year-and-a-half", "two hours and a half"
    const halfEnd = englishHalfEnd(s, end);
    if (halfEnd !== null) {
      extra = 0.5;
      end = halfEnd;
    }
  }
  return { kind: 'duration', unit: unit.unit, end, factor: unit.factor, extra };
}

// a month is a twelfth of a year: "92 năm 3 tháng" is 92.25 years
const SECONDS = { year: 31_536_000, month: 2_628_000, week: 604_800, day: 86_400, hour: 3600, minute: 60, second: 1 };

function toSeconds(t: TimeUnit): number {
  return SECONDS[t.unit] * t.factor;
}
