/**
 * A claim around a number read at a token: what stands before it (currency sign, label, date
 * word), a range, the unit, qualifiers before and after, the kind, and whether a number with
 * no unit states anything at all.
 */
import type { ClaimKind, Qualifier } from '../schemas/claim';
import { agePhraseStart, bareYear, dateMarkerBefore, yearBeforeYear, isAgeContext, isBareAge, isWindLevel, isAppositiveYears, isEnglishAppositiveAge, isMagnitude, isYearName, unitFollows, yearAsModifier, yearInList } from './classify';
import { isClockLike, isLabelled, isModelWordAt, isNameBefore, isTimeOfDay } from './filters';
import { lowerBound, qualifierAfter, qualifierBefore, upperBound } from './qualifiers';
import { SPEED_UNITS } from './lexicon/index';
import { readRange } from './ranges';
import type { Scan } from './scan';
import { NUM, WORD } from './tokenize';
import { parseNumeral } from './numbers/numeral';
import { SKIP, type Candidate, type NumberRead, type Read, type UnitRead } from './types';
import { currencySignAfter, currencySignBefore } from './units/currencies';
import { readUnit } from './units/index';
import { labelledNoun, nounBefore } from './units/nouns';
import { dotGroupValue, isDotGroup } from './numbers/numeral';

export function buildClaim(s: Scan, read: NumberRead): Read<Candidate> {
  const num = ratioOf(s, read) ?? read;
  const toks = s.toks;
  let a = num.a;
  let b = num.b;
  if (!num.digits && s.lang === 'vi' && s.word(a - 1) === 'thứ') return SKIP; // Thứ Sáu, thứ ba: weekdays, ordinals
  if (s.lang === 'vi' && s.word(a - 1) === 'gấp') return SKIP; // "gấp 3 lần": a multiplier

  // a full date ("1/8/2017", "tháng 4-2018") states its year, whatever label stands before it
  if (num.unit?.kind === 'date') {
    if (num.lastYear !== undefined) {
      // a season of a league is part of its name: "V.League 2025/26", "Saudi Pro League 2026/27"
      if (num.digits && isYearName(s, a)) return SKIP;
      return { a, b, kind: 'date', value: num.value, min: num.value, max: num.lastYear, qualifier: 'range', unit: 'year', inherit: false };
    }
    return { a, b, kind: 'date', value: num.value, min: null, max: null, qualifier: 'exact', unit: 'year', inherit: false };
  }

  // what stands right before the number
  let currency: string | null = null;
  const sign = currencySignBefore(s, num.a);
  if (sign) {
    currency = sign.code;
    a = sign.start;
  } else if (num.digits) {
    // a sign after the amount ("61 $", "650 مليون $"), or between it and its scale ("1.7 $ مليار")
    const after = currencySignAfter(s, num);
    if (after) {
      currency = after.code;
      b = num.b = after.end;
    }
  }
  // a wind level: "gió mạnh cấp 12"
  if (num.digits && isWindLevel(s, num.a)) {
    // "giật cấp 7-8": a range of levels
    const to = toks[b]?.v === '-' && toks[b]!.gap === 0 && toks[b + 1]?.type === NUM && toks[b + 1]!.gap === 0 ? parseNumeral(toks[b + 1]!.v, s.lang) : null;
    if (to !== null && to > num.value && to <= 17) {
      return { a: num.a - 1, b: b + 2, kind: 'measure', value: num.value, min: num.value, max: to, qualifier: 'range', unit: 'beaufort', inherit: false };
    }
    return { a: num.a - 1, b, kind: 'measure', value: num.value, min: num.value, max: num.value, qualifier: 'exact', unit: 'beaufort', inherit: false };
  }
  // a measure after the number overrides a label before it ("a highway 880 km long")
  // (Vietnamese names a thing by the number word after it too: "đội một" the first team, "vòng hai")
  if ((num.digits || s.lang === 'vi') && ((isLabelled(s, a) && !measureAt(s, num.b)) || isModelWordAt(s, num.b) || isTimeOfDay(s, num))) {
    // "lúc 12 giờ 58 phút": the minutes of a time of day go with it
    if (s.lang === 'vi' && s.word(num.b) === 'giờ' && toks[num.b + 1]?.type === NUM && s.word(num.b + 2) === 'phút') s.skipTo = num.b + 3;
    return SKIP;
  }
  // "Comments (3)": a counter in brackets (an amount in brackets has a scale or separators: "(1.2 million)"),
  // unless its unit follows, as wire copy writes numbers in brackets or quotes: "( 343 ) دائرة",
  // "(21) يوماً", '"855" فعالية', "«42» فعالية"
  let unitAt = b;
  const bracketed = toks[a - 1]?.v === '(' && toks[b]?.v === ')' && num.scale === 1;
  if (num.plain !== undefined && !sign && (bracketed || (OPEN_QUOTES.has(toks[a - 1]?.v ?? '') && CLOSE_QUOTES.has(toks[b]?.v ?? '')))) {
    const after = toks[b + 1] && !toks[b + 1]!.nl ? readUnit(s, b + 1, num, false) : null;
    if (after && after !== SKIP && !after.detached) {
      unitAt = b + 1;
      a--;
    } else if (bracketed) return SKIP;
  }
  const definite = num.digits && definitePrefixBefore(s, num.a);
  // "الأيام الـ11 والـ13 والـ18", "اليومين الخامس والـ10": definite numbers in a list name days, not amounts
  if (definite && (toks[num.a - 1]!.v === 'وال' || (toks[num.b]?.v === 'وال' && toks[num.b + 1]?.type === NUM && toks[num.b + 1]!.gap === 0))) return SKIP;
  // "اليوم الـ19 من شوال", "15 من أغسطس": a day of a month
  if (s.lang === 'ar' && s.word(b) === 'من' && s.matchPhrase(s.lex.stopNouns, b + 1) !== null) return SKIP;
  if (definite) a = num.a - 1;

  // a year with a date word before it, used as a modifier ("the 2020 election"), or in a list of years
  if (num.plain && num.plain.length === 4 && !sign && num.scale === 1) {
    const year = Number(num.plain);
    // "22 / 8 / 2015م", "عام 2015 م": a year with its era after it
    const era = year >= 1900 && year <= 2100 && s.lex.yearEras.has(s.word(b) ?? '') && !toks[b]!.nl;
    const date = dateMarkerBefore(s, num.a) ?? yearAsModifier(s, num) ?? yearInList(s, num) ?? yearBeforeYear(s, num);
    if (era) return { a: date ?? num.a, b: b + 1, kind: 'date', value: year, min: null, max: null, qualifier: 'exact', unit: 'year', inherit: false };
    if (year >= 1000 && year <= 2100 && date !== null && !unitFollows(s, b)) {
      return { a: date, b, kind: 'date', value: year, min: null, max: null, qualifier: 'exact', unit: 'year', inherit: false };
    }
  }

  // "50-plus years", "40-odd years", "20-some percent": a qualifier between the number and its unit
  let glued: Qualifier | undefined;
  if (toks[b]?.v === '-' && toks[b]!.gap === 0 && toks[b + 1]?.gap === 0 && num.scale === 1) {
    glued = s.lex.hyphenQualifiers.get(s.word(b + 1) ?? '');
    if (glued) unitAt = b + 2;
  }

  // ranges: "between X and Y", "từ X đến Y", "بين X وY", "5-10%"
  const range = glued ? null : readRange(s, num, a, currency);
  let value: number | null = num.value;
  let max: number | null = null;
  let qualifier: Qualifier = 'exact';
  if (range === SKIP) return SKIP;
  if (range) {
    a = range.a;
    b = range.b;
    value = range.low;
    // two prices of one rate: the first in the unit of the second, which is read next
    max = range.pair ? null : range.high;
    qualifier = range.pair ? 'exact' : 'range';
    if (range.currency) currency = range.currency;
  }

  // the unit
  let unit: UnitRead | null = num.unit ?? null;
  if (!unit && !range?.unit) {
    const u = readUnit(s, num.pairedWith ?? unitAt, num, currency !== null);
    if (u === SKIP) return SKIP;
    unit = u;
  } else if (range?.unit) {
    unit = range.pair ? { ...range.unit, detached: true } : range.unit;
  }
  if (unit && num.pairedWith === undefined && !unit.detached) b = Math.max(b, unit.end);
  // "0 giờ 30 phút" is half past midnight, not a duration; so is "8 giờ 45 phút sáng 6-2", "13 giờ 10
  // phút ngày 6-2": hours and minutes before a part of the day or a date are a time of day
  if (unit?.kind === 'duration' && ((num.value === 0 && unit.extra) || (unit.unit === 'hour' && clockOfDay(s, unit.end)))) {
    s.skipTo = unit.end;
    return SKIP;
  }

  let kind: ClaimKind;
  let unitName: string;
  let inherit = false;
  if (unit?.kind === 'money' && unit.factor && value !== null) {
    value = Math.round(value * unit.factor * 1e6) / 1e6; // cents
    if (max !== null) max = Math.round(max * unit.factor * 1e6) / 1e6;
  }
  if (currency && (!unit || unit.kind === 'count' || unit.kind === 'money')) {
    kind = 'money';
    unitName = unit?.kind === 'money' ? unit.unit : currency;
    if (unit?.kind === 'count' && !unit.detached) b = unit.end;
  } else if (unit) {
    kind = unit.kind;
    unitName = unit.unit;
    if (unit.extra && value !== null) value += unit.extra;
    if (unit.factor && unit.factor !== 1 && unit.kind !== 'money') {
      if (value !== null) value *= unit.factor;
      if (max !== null) max *= unit.factor;
    }
  } else {
    kind = 'count';
    unitName = '';
    inherit = true;
  }

  // "١.٢٧٧ فردا": a counted noun of whole things after a dot and three digits; the dot groups thousands
  if (kind === 'count' && unit !== null && unitName !== 'point' && num.scale === 1 && !range && s.lex.dotGroupsThousands && isDotGroup(toks[num.a]!.v)) {
    value = dotGroupValue(toks[num.a]!.v);
  }

  // "the two finalists", "his two greatest prizes", "the senator's two minutes": a known pair
  if (!num.digits && num.value === 2) {
    const det = s.word(num.a - 1);
    const possessive = det === 's'
      ? s.toks[num.a - 2]?.v === "'" && s.word(num.a - 3) !== null && !s.lex.contractions.has(s.word(num.a - 3)!) // not "it's two"
      : det !== null && s.lex.possessives.has(det);
    if (possessive || (kind === 'count' && det !== null && det !== 's' && s.lex.pairDeterminers.has(det))) return null;
  }
  // "tôm cỡ 30 con/kg": pieces per kilogram, a size grade, not a count
  if (kind === 'count' && unit !== null && toks[unit.end]?.v === '/' && toks[unit.end]!.gap === 0 && measureAt(s, unit.end + 1)) return null;
  // "2 mệnh giá này", "hai dự án nói trên": a few of what was already named, no new count
  if (kind === 'count' && unit !== null && value !== null && value < 10 && !range && pointsBack(s, unit.end)) return null;
  // "hai đội", "2 nước": the known pair, where no article says so
  if (kind === 'count' && value === 2 && !range && !s.matchBefore(s.lex.qualifiersBefore, a) && s.lex.pairUnits.has(unitName)) return null;
  // "two things", "three ways": small spelled numbers of nouns that count nothing checkable
  if (!num.digits && num.value < 10 && kind === 'count' && s.lex.uncountedNouns.has(unitName)) return null;

  // qualifiers before and after
  const before = qualifierBefore(s, a, kind, currency !== null || kind === 'money');
  if (before && qualifier !== 'range') {
    qualifier = before.qualifier;
    a = before.start;
  }
  if (glued && qualifier === 'exact') qualifier = glued;
  const after = qualifierAfter(s, b);
  if (after && (qualifier === 'exact' || (!before && qualifier !== 'range'))) {
    qualifier = after.qualifier;
    b = after.end;
  }

  // "show 2021 protests", "2023 elections", "more 2020 presidential votes": a year-shaped number written
  // without a thousands separator before a counted noun modifies it (an English count of 1,900 to 2,100
  // takes a comma; a counted amount takes a qualifier: "more than 2000 people")
  if (s.lex.plainYears && kind === 'count' && unitName !== '' && qualifier === 'exact' && !range && !currency && num.scale === 1
    && num.plain?.length === 4 && num.value >= 1900 && num.value <= 2100) {
    return { a: num.a, b: num.b, kind: 'date', value: num.value, min: null, max: null, qualifier: 'exact', unit: 'year', inherit: false };
  }

  // a conversion in brackets shares the qualifier of the measure it converts: "up to 110km/h (68mph)"
  if (qualifier === 'exact' && toks[a - 1]?.v === '(') {
    const prev = s.candidates[s.candidates.length - 1];
    // (a measure: a converted amount of money is the journalist's own figure)
    if (prev && prev.b === a - 1 && prev.kind === kind && kind === 'measure' && prev.qualifier !== 'range' && prev.qualifier !== 'vague') qualifier = prev.qualifier;
  }

  // the kind: an age, a magnitude
  if (kind === 'duration' && unitName === 'year' && (isAgeContext(s, num.a, b) || (qualifier === 'exact' && isAppositiveYears(s, num, b)))) kind = 'age';
  if ((unitName === '' || unitName === 'degree_celsius') && (kind === 'count' || kind === 'measure') && isMagnitude(s, num.a)) {
    kind = 'measure';
    unitName = 'magnitude';
    inherit = false;
  }
  if (kind === 'count' && unitName === '' && (isEnglishAppositiveAge(s, num) || isBareAge(s, num) || isAgeContext(s, num.a, num.b))) {
    kind = 'age';
    unitName = 'year';
    inherit = false;
  }
  // "over the age of 65 qualifies", "children under the age of 18 need": age words before a bare
  // number make it an age; the word after it, unknown to the noun table, is a verb, not what it counts
  // ("aged over 65": the age words before the qualifier)
  const ageStart = (kind === 'count' || kind === 'age') && num.plain && num.b === num.a + 1 && !range && !currency && Number(num.plain) <= 119
    ? agePhraseStart(s, num.a) ?? (before ? agePhraseStart(s, before.start) : null) : null;
  if (ageStart !== null && kind === 'count' && (unit === null ? unitName === '' : !s.matchPhrase(s.lex.nouns, num.b, true, false))) {
    kind = 'age';
    unitName = 'year';
    inherit = false;
    if (!after) b = num.b;
  }
  // what stands before the age words qualifies the age: "over the age of 65", "under the age of 18"
  if (kind === 'age' && ageStart !== null && qualifier === 'exact') {
    const q = qualifierBefore(s, ageStart, kind, false);
    if (q) {
      qualifier = q.qualifier;
      a = q.start;
    }
  }

  // "earned millions": a vague amount after a verb of money is money, in the currency of the text's
  // latest amount of money
  if (num.vague && unitName === '' && s.lex.moneyVerbs.has(s.word(num.a - 1) ?? '')) {
    for (let k = s.candidates.length - 1; k >= 0; k--) {
      if (s.candidates[k]!.kind === 'money') {
        kind = 'money';
        unitName = s.candidates[k]!.unit;
        inherit = false;
        break;
      }
    }
  }
  if (num.vague) {
    return { a, b, kind, value: null, min: num.vague.min, max: num.vague.max, qualifier: 'vague', unit: unitName, inherit };
  }

  // numbers with no unit state something only with a qualifier, a scale or a telling form
  const qualified = qualifier !== 'exact';
  // a scale word alone states one of it where the language writes it so ("ألف شخص", "مليون دولار",
  // "a million dollars"; a bare "tỷ USD" is "billions"), for money and counts: spans and
  // distances so written are figures of speech ("a million years", "a thousand miles", "ألف عام")
  if (num.bareScale && !qualified) {
    // "bốc hơi tỉ USD": where a scale word alone means "billions", an amount of money so written is vague
    if (s.lex.scaleAloneIsMany && kind === 'money' && num.article !== true) {
      return { a, b, kind, value: null, min: num.scale, max: num.scale * 10, qualifier: 'vague', unit: unitName, inherit: false };
    }
    const statesOne = num.article === true || s.lex.scaleAloneIsOne;
    if (!statesOne || !unit || (kind !== 'money' && kind !== 'count' && kind !== 'percent')) return null;
  }
  // "أربع تسديدات مقابل اثنتين فقط", "four shots against two", "7 cú sút so với 3": a bare number set
  // against a count or a share of its sentence is one of the same
  let contrasted = false;
  // ("so với năm ngoái", "so với năm 2019": "năm" is five and year)
  if (kind === 'count' && unitName === '' && !range && !currency && !unit && (num.digits || !s.matchPhrase(s.lex.timeUnits, num.a, true, true))) {
    const prev = s.candidates[s.candidates.length - 1];
    const w = s.word(a - 1);
    const contrast = w !== null && (s.anyForm(w, s.lex.contrastWords) || s.pairAt(s.lex.contrastWords, a - 1));
    if (contrast && prev && (prev.kind === 'count' || prev.kind === 'percent') && prev.unit !== '' && prev.qualifier !== 'vague' && !s.crossesSentence(prev.b, a)) {
      kind = prev.kind;
      unitName = prev.unit;
      inherit = false;
      contrasted = true;
    }
  }
  // "số người chết đã tăng lên thành 27", "ارتفع عدد القتلى إلى 27": a bare number after the label of
  // what its sentence counts ("the number of dead") counts that
  if (kind === 'count' && unitName === '' && num.digits && num.plain !== undefined && num.plain.length <= 4 && !range && !currency) {
    const labelled = labelledNoun(s, num.a);
    if (labelled !== null) {
      unitName = labelled;
      inherit = false;
    }
  }
  if (kind === 'count' && unitName === '') {
    // a bare number: only with a qualifier or a scale ("up from 28.9 million"), or an age
    // "620.000"; in Arabic text thousands are written without separators too ("10000"), years aside
    const plainThousands = s.lang === 'ar' && num.plain !== undefined && num.value >= 1000 && !(num.plain.length === 4 && num.value >= 1900 && num.value <= 2100);
    const grouped = num.digits && (!num.plain || plainThousands) && num.value >= 1000 && Number.isInteger(num.value);
    const decimal = num.digits && num.scale === 1 && !Number.isInteger(num.value) && !isClockLike(s, num); // a score: "4,78"
    if (!qualified && !range && !currency && !definite) {
      // "won 2020 presidential election": a year with nothing counted
      const year = bareYear(s, num);
      if (year !== null) return { a: year, b: num.b, kind: 'date', value: num.value, min: null, max: null, qualifier: 'exact', unit: 'year', inherit: false };
    }
    if (!qualified && !(num.scale >= 1000 && !num.bareScale) && !definite && !grouped && !decimal) return null;
    // "ngày 28.1": in Vietnamese a dot groups thousands, so one or two digits after it make a day and month
    if (decimal && !qualified && s.lang === 'vi' && /^\d{1,2}\.\d{1,2}$/.test(toks[num.a]!.v)) return null;
    if (decimal && !qualified) kind = 'measure';
    if (num.plain && num.plain.length >= 5 && !qualified && !plainThousands) return null;
  }
  if (kind === 'count' && !num.digits && num.value === 1 && !qualified && !num.explicitOne) return null;
  // codes: 60012, 1556369 (before a counted noun, a count written without separators: "16500 عميل")
  if (num.plain && num.plain.length >= 5 && kind === 'count' && !qualified && num.scale === 1 && unitName === '' && s.lang !== 'ar') {
    return null;
  }
  if (definite && kind === 'count' && unitName === '') {
    unitName = nounBefore(s, num.a - 1) ?? '';
    inherit = unitName === '';
  }
  // number words with no unit: only with a qualifier or a scale ("ثلاثة مليارات أخرى", as "3 billion"
  // in digits), and never as a small range ("from one to ten")
  const scaledWords = num.scale >= 1000 && !num.bareScale;
  if (kind === 'count' && !num.digits && !unit && !contrasted && ((!qualified && !scaledWords) || (qualifier === 'range' && (max ?? 0) < 1000))) return null;
  // "6 or 5", "5 أو 6" with nothing counted: no claim
  if (range?.or && kind === 'count' && unitName === '' && (max ?? 0) < 1000) return null;
  // "Nimbus 5 analytics": a name before the number; a place before a counted noun is no name ("Tây Nguyên 17 hồ")
  if (kind === 'count' && num.digits && !qualified && !(s.lang === 'vi' && s.matchPhrase(s.lex.nouns, num.b, true, true)) && isNameBefore(s, num.a)) return SKIP;

  // "tăng tốc từ 0 đến 100 km/h", "from 0 to 60 mph": the benchmark an acceleration is timed over
  if (kind === 'measure' && SPEED_UNITS.has(unitName) && (qualifier === 'range' ? value === 0 : fromZeroBefore(s, a))) return null;

  // "فاز بهدفين دون رد", "won by two goals to nil": a score, like "2-0"
  if (kind === 'count' && unitName === 'goal' && s.matchPhrase(s.lex.scoreAfter, b) !== null) return SKIP;

  const min = qualifier === 'range' ? value : lowerBound(qualifier, value);
  const upper = qualifier === 'range' ? max : upperBound(qualifier, value);
  return { a, b, kind, value, min, max: upper, qualifier, unit: unitName, inherit };
}

/** A word that points back to what was named, right after the counted noun or one word later. */
function pointsBack(s: Scan, k: number): boolean {
  for (let j = k; j <= k + 1; j++) {
    const t = s.toks[j];
    if (!t || t.nl || t.type !== WORD) return false;
    if (s.matchPhrase(s.lex.backReferences, j) !== null) return true;
  }
  return false;
}

const OPEN_QUOTES = new Set(['"', '«', '“']);
const CLOSE_QUOTES = new Set(['"', '»', '”']);

/** A part of the day ("sáng", "chiều") or a date ("ngày 6-2") at token k, after hours written in Vietnamese. */
function clockOfDay(s: Scan, k: number): boolean {
  if (s.lang !== 'vi' || s.toks[k]?.nl) return false;
  return s.matchPhrase(s.lex.stopNouns, k) !== null || (s.word(k) === 'ngày' && s.toks[k + 1]?.type === NUM);
}

/** A measure word (not a single letter) at token k. */
function measureAt(s: Scan, k: number): boolean {
  return s.matchPhrase(s.lex.measures, k) !== null && s.word(k)!.length > 1;
}

/** The Arabic article glued before digits: "الـ27". */
function definitePrefixBefore(s: Scan, i: number): boolean {
  const prev = s.toks[i - 1];
  return !!prev && prev.type === WORD && s.toks[i]!.gap === 0 && s.lex.definitePrefixes.includes(prev.v);
}

/**
 * "one in five children", "about 4 in 10 Americans", "واحد من كل خمسة", "واحد من بين خمسة": a share of a whole, a
 * percent (20 %, 40 %), not a count of five or ten.
 */
function ratioOf(s: Scan, num: NumberRead): NumberRead | null {
  if (num.scale !== 1 || num.unit || num.vague) return null;
  const toks = s.toks;
  // "in", "من كل", "من بين" (lexicon data; none in Vietnamese, where "một trong năm người" is one of the five)
  const between = s.matchPhrase(s.lex.ratioWords, num.b);
  if (!between) return null;
  const k = between.end;
  if (!toks[k] || toks[k]!.nl || toks[num.b]!.nl) return null;
  const t = toks[k]!;
  const whole = t.type === WORD ? s.lex.numbers.get(t.v) : /^\d{1,4}$/.test(t.v) && !(t.v.length === 4 && num.value < 10) ? Number(t.v) : undefined;
  // a whole of at most 1,000 ("2 in 2020" is a year); "3 in 10 minutes": a span, not a whole
  if (whole === undefined || !(num.value >= 1 && num.value < whole && whole <= 1000) || !Number.isInteger(num.value)) return null;
  if (s.matchPhrase(s.lex.timeUnits, k + 1) || s.matchPhrase(s.lex.measures, k + 1)) return null;
  return { ...num, b: k + 1, value: (100 * num.value) / whole, unit: { kind: 'percent', unit: '%', end: k + 1 } };
}

/** Whether "0 to", "0 đến" (a benchmark's start) stands right before token a. */
function fromZeroBefore(s: Scan, a: number): boolean {
  const zero = s.toks[a - 2];
  const to = s.word(a - 1);
  return zero !== undefined && zero.v === '0' && to !== null && s.lex.fromZeroTo.has(to);
}
