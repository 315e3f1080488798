/**
 * Numbers written with digits: the numeral with a glued or following scale ("62m", "14 million"),
 * race times ("2:04:51"), and what is no number at all: identifiers glued to letters or signs
 * ("A321", "#5", "GPT-4"), day/month dates ("29/9") and phone numbers.
 */
import { LEXICONS } from '../lexicon/index';
import type { Scan } from '../scan';
import { NUM, SYM, WORD, type Token } from '../tokenize';
import { SKIP, type NumberRead, type Read } from '../types';
import { currencyLetterBefore, currencySignBefore } from '../units/currencies';
import { dotGroupValue, isDotGroup, isPlainDigits, parseNumeral } from './numeral';
import { readHalf, readScales } from './scales';

/** One or two plain digits at token k. */
function isSmall(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!t || t.type !== NUM || t.v.length > 2) return false;
  const c0 = t.v.charCodeAt(0);
  const c1 = t.v.length === 2 ? t.v.charCodeAt(1) : 48;
  return c0 >= 48 && c0 <= 57 && c1 >= 48 && c1 <= 57;
}

/** A slash at token k with a space on one side at least. */
function isSpacedSlash(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  return !!t && t.v === '/' && (t.gap > 0 || (toks[k + 1]?.gap ?? 0) > 0);
}

export function readDigits(s: Scan, i: number, secondOfRange = false): Read<NumberRead> {
  const toks = s.toks;
  const t = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];

  // "2 / 1", "7 / 11 / 1436هـ": small numbers joined by a spaced slash are a score or a day and month
  if (isSmall(toks, i) && ((isSpacedSlash(toks, i + 1) && isSmall(toks, i + 2)) || (isSpacedSlash(toks, i - 1) && isSmall(toks, i - 2)))) return SKIP;

  // "tháng 1.2017": a month and its year written with a dot, after a month word
  if (t.v.length >= 6 && t.v.length <= 7 && t.v.charCodeAt(t.v.length - 5) === 46 && s.lex.monthWords.has(s.word(i - 1) ?? '')) {
    const m = /^(\d{1,2})\.(\d{4})$/.exec(t.v);
    const month = m ? Number(m[1]) : 0;
    const year = m ? Number(m[2]) : 0;
    if (month >= 1 && month <= 12 && year >= 1900 && year <= 2100) {
      return { a: i, b: i + 1, value: year, digits: true, scale: 1, bareScale: false, unit: { kind: 'date', unit: 'year', end: i + 1 } };
    }
  }

  // "$30, 000": a group of three zeros after a comma and a stray space is no list item
  if (next?.v === ',' && next.gap === 0 && toks[i + 2]?.v === '000' && toks[i + 2]!.gap === 1 && toks[i + 3]?.type !== NUM && /^\d{1,3}$/.test(t.v)) {
    const v = Number(t.v) * 1000;
    return { a: i, b: i + 3, value: v, digits: true, scale: 1, bareScale: false };
  }

  // the second amount of "1.250/1.180 m3/s"
  const secondOfPair = prev?.v === '/' && t.gap === 0 && prev.gap === 0 && toks[i - 2]?.type === NUM && unitAfterPair(s, i + 1);
  if (prev && t.gap === 0 && !secondOfRange && !secondOfPair) {
    if (prev.type === WORD && s.isLatinWord(i - 1) && !s.lex.currencyPrefixes.has(prev.v) && !currencyLetterBefore(s, i)) return SKIP; // A321, X9, S25
    // "+8,84%": a signed change; "+84 ..." is a telephone prefix
    if (prev.type === SYM && prev.v === '+' && !percentAt(s, i + 1)) return SKIP;
    if (prev.type === SYM && (prev.v === '#' || prev.v === '/' || prev.v === ':' || prev.v === '@')) return SKIP;
    // GPT-4, كوفيد-19, and the second half of an identifier such as 737-800 (not a year after a date
    // word: "mid-2023", "late-2024")
    if (prev.type === SYM && prev.v === '-' && prev.gap === 0 && (toks[i - 2]?.type === WORD || toks[i - 2]?.type === NUM)
      && !(toks[i - 2]?.type === WORD && /^\d{4}$/.test(t.v) && s.anyForm(s.word(i - 2)!, s.lex.dateMarkers))) return SKIP;
  }
  if (next && next.gap === 0 && next.type === SYM) {
    const span = readYearSpan(s, i);
    if (span) return span;
    const mixed = readMixedNumber(s, i, i + 2) ?? readFractionOfUnit(s, i);
    if (mixed) return mixed;
    const date = readFullDate(s, i);
    if (date) return date;
    if (next.v === ':' && toks[i + 2]?.type === NUM && toks[i + 2]!.gap === 0) return readClock(s, i);
    if (next.v === '/' && toks[i + 2]?.type === NUM && toks[i + 2]!.gap === 0) {
      const share = readShare(s, i);
      if (share) return share;
      // "1.250/1.180 m3/s": two amounts of one unit; otherwise a day and month (29/9, 11/6/2024)
      if (!unitAfterPair(s, i + 3)) return SKIP;
      const plain = isPlainDigits(t.v) ? t.v : undefined;
      const v = parseNumeral(t.v, s.lang);
      return v === null ? SKIP : { a: i, b: i + 1, value: v, digits: true, scale: 1, bareScale: false, plain, pairedWith: i + 3 };
    }
  }
  // "2 1/2 years": a whole number and a fraction, a space apart
  if (next && next.gap === 1 && !next.nl && next.type === NUM && plainWhole(t.v)) {
    const mixed = readMixedNumber(s, i, i + 1);
    if (mixed) return mixed;
  }
  const letterDecimal = readLetterDecimal(s, i);
  if (letterDecimal) {
    readScales(s, letterDecimal);
    return letterDecimal;
  }
  const decade = readDecade(s, i);
  if (decade) return decade;
  const grouped = s.lex.spaceGroupsThousands ? readSpaceGroups(s, i) : null;
  if (grouped) {
    readScales(s, grouped);
    return grouped;
  }
  const plain = isPlainDigits(t.v) ? t.v : undefined;
  if (plain !== undefined && isPhoneGroup(s, i)) return SKIP;
  let value = parseNumeral(t.v, s.lang);
  if (value === null) return SKIP;
  if (s.lex.dotGroupsThousands && isDotGroup(t.v) && s.writesDecimalComma()) value = dotGroupValue(t.v);

  let b = i + 1;
  let scale = 1;
  // a glued suffix: scale (62m, 19.7bn, 5k) or unit (450mm, 19C): units are read later
  const glued = toks[b];
  if (glued && glued.gap === 0 && glued.type === WORD) {
    const sc = s.lex.scales.get(glued.v) ?? LEXICONS.en.scales.get(glued.v);
    const currencyBefore = currencySignBefore(s, i) !== null || s.matchPhrase(s.lex.currencies, i + 2, true, true) !== null;
    if (sc !== undefined && (glued.v.length > 1 || currencyBefore || glued.v === 'k') && !(glued.v === 'm' && !currencyBefore)) {
      scale = sc;
      b++;
    }
  }
  const read: NumberRead = { a: i, b, value: value * scale, digits: true, scale, bareScale: false, plain };
  if (scale === 1) readScales(s, read);
  readHalf(s, read);
  return read;
}

/**
 * A decade, from its first year to its last: "the 1990s", "the 1990's", "thập niên 1950" (a year
 * that ends in 0 after a decade word).
 */
function readDecade(s: Scan, i: number): NumberRead | null {
  const toks = s.toks;
  const v = toks[i]!.v;
  if (v.length !== 4 || !isPlainDigits(v) || !v.endsWith('0')) return null;
  const year = Number(v);
  if (year < 1000 || year > 2100) return null;
  let b: number | null = null;
  let a = i;
  // "1990s", "1990's"
  if (s.lang === 'en' && toks[i + 1]?.gap === 0 && toks[i + 1]!.v === 's') b = i + 2;
  else if (s.lang === 'en' && toks[i + 1]?.gap === 0 && toks[i + 1]!.v === "'" && toks[i + 2]?.gap === 0 && toks[i + 2]!.v === 's') b = i + 3;
  else if (s.pairAt(s.lex.decadeWords, i - 1)) {
    b = i + 1;
    a = i - 2;
  }
  if (b === null || (toks[b] && toks[b]!.gap === 0 && (toks[b]!.type === NUM || toks[b]!.type === WORD))) return null;
  return { a, b, value: year, digits: true, scale: 1, bareScale: false, lastYear: year + 9, unit: { kind: 'date', unit: 'year', end: b } };
}

/**
 * Thousands grouped by spaces: "850 000 دولار", and the same typed right to left, which leaves
 * the groups in reverse order: "000 850 دولار", "500 7 دولار" (no number starts with a 0, and
 * only the first group of a number is shorter than three digits, so the order shows).
 */
function readSpaceGroups(s: Scan, i: number): NumberRead | null {
  const toks = s.toks;
  // the whole run or nothing: not from its middle ("800 77 123" is a telephone number)
  if (toks[i - 1]?.type === NUM && !toks[i]!.nl) return null;
  const groups: string[] = [];
  let k = i;
  while (toks[k]?.type === NUM && /^\d{1,3}$/.test(toks[k]!.v) && (k === i || (toks[k]!.gap === 1 && !toks[k]!.nl))) groups.push(toks[k++]!.v);
  if (groups.length < 2) return null;
  const after = toks[k];
  if (after && after.gap === 0 && (after.type === NUM || after.type === WORD || after.v === ',' || after.v === '.' || after.v === '،') && !(after.v === '.' && toks[k + 1]?.type !== NUM)) return null;
  const last = groups.length - 1;
  let ordered: string[];
  if (!groups[0]!.startsWith('0') && groups.every((g, n) => n === 0 || g.length === 3)) ordered = groups;
  // reversed: the first group starts with a 0, or a short group ends the run ("500 7 دولار": 7,500)
  else if ((groups[0]!.startsWith('0') || groups[last]!.length < 3) && !groups[last]!.startsWith('0') && groups.every((g, n) => n === last || g.length === 3)) ordered = [...groups].reverse();
  else return null;
  return { a: i, b: k, value: Number(ordered.join('')), digits: true, scale: 1, bareScale: false };
}

/**
 * A date with its year, whose claim is the year: day/month/year ("1/8/2017", "31.7.2017") and a
 * month number and its year after a month word ("tháng 4-2018", "tháng 4/2018").
 */
function readFullDate(s: Scan, i: number): NumberRead | null {
  const toks = s.toks;
  const sep = toks[i + 1]!.v;
  if (sep !== '/' && sep !== '-' && sep !== '.') return null;
  const first = Number(toks[i]!.v);
  // day/month/year
  if (toks[i + 2]?.type === NUM && glued(s, i + 2) && toks[i + 3]?.v === sep && glued(s, i + 3)) {
    const month = Number(toks[i + 2]!.v);
    const year = yearAt(s, i + 4);
    if (year !== null && first >= 1 && first <= 31 && month >= 1 && month <= 12 && /^\d{1,2}$/.test(toks[i]!.v)) {
      return { a: i, b: i + 5, value: year, digits: true, scale: 1, bareScale: false, unit: { kind: 'date', unit: 'year', end: i + 5 } };
    }
  }
  // month-year after a month word
  const year = yearAt(s, i + 2);
  if (year !== null && sep !== '.' && first >= 1 && first <= 12 && s.lex.monthWords.has(s.word(i - 1) ?? '')) {
    return { a: i, b: i + 3, value: year, digits: true, scale: 1, bareScale: false, unit: { kind: 'date', unit: 'year', end: i + 3 } };
  }
  return null;
}

/**
 * A span of two consecutive years written as one, a fiscal, school or sports year: "1985/86",
 * "2015-16", "2014/2015". It is one date, from the first year to the second.
 */
function readYearSpan(s: Scan, i: number): NumberRead | null {
  const toks = s.toks;
  const first = toks[i]!.v;
  const sep = toks[i + 1]!.v;
  const second = toks[i + 2];
  if ((sep !== '/' && sep !== '-') || !second || second.type !== NUM || second.gap !== 0) return null;
  if (first.length !== 4 || !isPlainDigits(first) || !isPlainDigits(second.v)) return null;
  const year = Number(first);
  if (year < 1900 || year > 2100) return null;
  const next = year + 1;
  const last = second.v.length === 2 && Number(second.v) === next % 100 ? next : second.v.length === 4 && Number(second.v) === next ? next : null;
  if (last === null) return null;
  // not a part of something longer: "2015-16-17", "2014/15/16"
  const after = toks[i + 3];
  if (after && after.gap === 0 && (after.type === NUM || after.type === WORD || after.v === sep)) return null;
  return { a: i, b: i + 3, value: year, digits: true, scale: 1, bareScale: false, lastYear: last, unit: { kind: 'date', unit: 'year', end: i + 3 } };
}

/** Denominators of the fractions written in prices and spreads ("7/8", "13/16"), and thirds. */
const FRACTION_DENOMINATORS = new Set([2, 3, 4, 8, 16, 32, 64]);

/** A fraction n/d at token k (n below d, d a denominator of prices), alone: its value, else null. */
function fractionAt(s: Scan, k: number): number | null {
  const toks = s.toks;
  const n = toks[k];
  const slash = toks[k + 1];
  const d = toks[k + 2];
  if (!n || !slash || !d || n.type !== NUM || slash.v !== '/' || slash.gap !== 0 || d.type !== NUM || d.gap !== 0) return null;
  if (!isPlainDigits(n.v) || !isPlainDigits(d.v) || n.v.length > 2 || d.v.length > 2) return null;
  const after = toks[k + 3];
  if (after && after.gap === 0 && (after.type === NUM || after.v === '/' || after.v === '-' || after.type === WORD)) return null;
  const num = Number(n.v);
  const den = Number(d.v);
  return num >= 1 && num < den && FRACTION_DENOMINATORS.has(den) ? num / den : null;
}

function plainWhole(raw: string): boolean {
  return raw.length <= 3 && isPlainDigits(raw);
}

/**
 * A mixed number, a whole number and a fraction: "6-1/2 pct", "15-1/2 year", "1-1/8 points", and
 * "2 1/2 years" (a space apart, then only before a word, its unit). `k` is the fraction's token.
 */
function readMixedNumber(s: Scan, i: number, k: number): NumberRead | null {
  const toks = s.toks;
  const whole = toks[i]!.v;
  if (!plainWhole(whole)) return null;
  if (k === i + 2 && (toks[i + 1]!.v !== '-' || toks[k]?.gap !== 0)) return null;
  const fraction = fractionAt(s, k);
  if (fraction === null) return null;
  const b = k + 3;
  if (k === i + 1 && toks[b]?.type !== WORD) return null;
  const prev = toks[i - 1];
  if (prev && prev.gap === 0 && toks[i]!.gap === 0 && (prev.v === '/' || prev.v === '-')) return null;
  return withPointUnit(s, { a: i, b, value: Number(whole) + fraction, digits: true, scale: 1, bareScale: false });
}

/**
 * A fraction before its unit: "7/8 point", "1/2 pct", "3/4 mile" (a fraction of a share, "2/3 of",
 * is read by readShare; a day and month, "7/8", has no unit after it).
 */
function readFractionOfUnit(s: Scan, i: number): NumberRead | null {
  const fraction = fractionAt(s, i);
  if (fraction === null) return null;
  const read: NumberRead = { a: i, b: i + 3, value: fraction, digits: true, scale: 1, bareScale: false };
  const withPoint = withPointUnit(s, read);
  if (withPoint.unit) return withPoint;
  const k = i + 3;
  const unit = s.toks[k]?.v === '%' || s.matchPhrase(s.lex.percentWords, k) || s.matchPhrase(s.lex.measures, k) || s.matchPhrase(s.lex.timeUnits, k);
  return unit && !s.toks[k]!.nl ? read : null;
}

/** "of a point": a fraction of a point is a change or a spread in points ("7/8 point over LIBOR"). */
function withPointUnit(s: Scan, read: NumberRead): NumberRead {
  const w = s.word(read.b);
  if (w === null || s.toks[read.b]!.nl || !s.lex.pointWords.has(w)) return read;
  return { ...read, unit: { kind: 'measure', unit: 'point', end: read.b + 1 } };
}

/**
 * A decimal written with a letter as its mark, fraction first ("84ر3" = 3.84, "6ر3 في المائة" =
 * 3.6 %): the letter breaks the digits into two runs shown right to left, so the integer part,
 * shown on the left, is stored after the mark.
 */
function readLetterDecimal(s: Scan, i: number): NumberRead | null {
  const toks = s.toks;
  const mark = toks[i + 1];
  const whole = toks[i + 2];
  if (!mark || mark.type !== WORD || mark.gap !== 0 || !s.lex.decimalLetters.has(mark.v)) return null;
  if (!whole || whole.type !== NUM || whole.gap !== 0 || !isPlainDigits(whole.v) || !isPlainDigits(toks[i]!.v)) return null;
  const after = toks[i + 3];
  if (after && after.gap === 0 && (after.type === NUM || after.type === WORD)) return null;
  const value = Number(`${whole.v}.${toks[i]!.v}`);
  return Number.isFinite(value) ? { a: i, b: i + 3, value, digits: true, scale: 1, bareScale: false } : null;
}

/** A measure or a currency right after the second amount of a pair ("1.250/1.180 m3/s"). */
function unitAfterPair(s: Scan, k: number): boolean {
  const t = s.toks[k];
  if (!t || t.type !== WORD || t.nl || t.gap > 1) return false;
  return s.matchPhrase(s.lex.measures, k) !== null || s.matchPhrase(s.lex.currencies, k) !== null || t.v === 'usd';
}

/**
 * A share written as a fraction: "chiếm 1/5" (a fifth), "nearly 2/3 of": a percent. A fraction
 * below one, after a word of shares (or a qualifier after it) or before a partitive.
 */
function readShare(s: Scan, i: number): NumberRead | null {
  const toks = s.toks;
  const raw = toks[i]!.v;
  const den = toks[i + 2]!.v;
  if (!/^\d{1,2}$/.test(raw) || !/^\d{1,3}$/.test(den)) return null;
  const n = Number(raw);
  const d = Number(den);
  if (!(n >= 1 && n < d) || toks[i + 3]?.v === '/' ) return null;
  let k = i - 1;
  const q = s.matchBefore(s.lex.qualifiersBefore, i);
  if (q) k = q.start - 1;
  // the share word right before, or with one word between ("chiếm tới 1/7")
  const shareBefore = [s.word(k), s.word(k - 1)].some((w) => w !== null && s.lex.shareWords.has(w));
  const after = s.word(i + 3);
  const shared = shareBefore || (after !== null && s.lex.shareAfter.has(after) && toks[i + 3]!.gap > 0);
  if (!shared) return null;
  return { a: i, b: i + 3, value: (100 * n) / d, digits: true, scale: 1, bareScale: false, unit: { kind: 'percent', unit: '%', end: i + 3 } };
}

/** Token k is glued to the one before it, on the same line. */
function glued(s: Scan, k: number): boolean {
  const t = s.toks[k];
  return t !== undefined && t.gap === 0 && !t.nl;
}

/** A four-digit year from 1900 to 2100 at token k, glued and not followed by more digits. */
function yearAt(s: Scan, k: number): number | null {
  const t = s.toks[k];
  if (!t || t.type !== NUM || !glued(s, k) || t.v.length !== 4 || !isPlainDigits(t.v)) return null;
  const y = Number(t.v);
  return y >= 1900 && y <= 2100 && !(s.toks[k + 1]?.type === NUM && glued(s, k + 1)) ? y : null;
}

/** A percent sign or percent word at token k. */
function percentAt(s: Scan, k: number): boolean {
  return s.toks[k]?.v === '%' || s.matchPhrase(s.lex.percentWords, k) !== null;
}

/** 2:04:51 is a duration (race time); 14:05 is a time of day and no claim. */
function readClock(s: Scan, i: number): Read<NumberRead> {
  const toks = s.toks;
  const parts = [toks[i]!.v];
  let j = i + 1;
  while (toks[j]?.v === ':' && toks[j]!.gap === 0 && toks[j + 1]?.type === NUM && toks[j + 1]!.gap === 0) {
    parts.push(toks[j + 1]!.v);
    j += 2;
  }
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return SKIP;
  const [h, m, sec] = parts.map(Number) as [number, number, number];
  if (m >= 60 || sec >= 60) return SKIP;
  const seconds = h * 3600 + m * 60 + sec;
  return {
    a: i, b: j, value: seconds, digits: true, scale: 1, bareScale: false,
    unit: { kind: 'duration', unit: 'second', end: j },
  };
}

/** Digit groups split by single spaces or a leading zero: phone numbers and hotlines. */
function isPhoneGroup(s: Scan, i: number): boolean {
  const toks = s.toks;
  const t = toks[i]!;
  if (t.v.length >= 3 && t.v[0] === '0') return true;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  const groupNext = next?.type === NUM && next.gap === 1 && !next.nl && /^\d{2,}$/.test(next.v) && t.v.length >= 2;
  const groupPrev = prev?.type === NUM && t.gap === 1 && !t.nl && /^\d{2,}$/.test(prev.v) && /^\d+$/.test(prev.v);
  return groupNext || (groupPrev && t.v.length >= 2);
}
