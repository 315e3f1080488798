/**
 * Numbers written in words: compounds ("twenty-five", "خمسة وعشرون", "hai mươi lăm"), hundreds
 * and scales ("two hundred", "مئة ألف"), "half a billion", and the indefinite article before a
 * scale or a time unit ("a thousand", "more than a minute").
 */
import type { Scan } from '../scan';
import { NUM } from '../tokenize';
import type { NumberRead, Read } from '../types';
import { accumulate } from './compound';
import { readArabicDual } from './duals';
import { readFraction } from './fractions';
import { readVague } from './vague';

/** "One" and "two" written after the counted noun, normalized (ة as ه). */
const ARABIC_ONE_TWO = new Map([['واحد', 1], ['واحده', 1], ['اثنان', 2], ['اثنين', 2], ['اثنتان', 2], ['اثنتين', 2]]);

export function readWords(s: Scan, i: number): Read<NumberRead> {
  const lex = s.lex;
  const w = s.word(i);
  if (w === null) return null;
  const forms = s.variants(w);

  // vague amounts: dozens, hàng trăm, عشرات المليارات, بضع مئات, a few hundred
  const vague = readVague(s, i, forms);
  if (vague) return vague;

  // "تسعينات القرن الماضي", "في الثلاثينيات": a decade, from its first year to its last
  for (const f of forms) {
    const tens = lex.decadeNames.get(f);
    if (tens === undefined) continue;
    const century = s.matchPhrase(lex.centuries, i + 1, true, true);
    const year = (century ? century.value : 1900) + tens;
    const end = century ? century.end : i + 1;
    return { a: i, b: end, value: year, digits: false, scale: 1, bareScale: false, lastYear: year + 9, unit: { kind: 'date', unit: 'year', end } };
  }
  // "للمرة الثانية عشرة" (for the twelfth time): the ten of a compound ordinal
  if (s.lang === 'ar' && (forms.includes('عشره') || forms.includes('عشر')) && s.lex.ordinals.has(s.word(i - 1) ?? '')) return null;
  if (s.lang === 'ar') {
    const dual = readArabicDual(s, i, forms);
    if (dual !== null) return dual;
  }

  // "zero votes", "zero percent": nothing, on its own (a compound adjective is no amount: "zero-emission cars")
  if (lex.zeroWords.has(w)) {
    const next = s.toks[i + 1];
    return next && next.v === '-' && next.gap === 0 ? null : { a: i, b: i + 1, value: 0, digits: false, scale: 1, bareScale: false };
  }

  // "ربع مليون" (a quarter of a million), "a quarter million", "a third of a billion": a part of a scale
  const part = partOfScale(s, i, w, forms);
  if (part) return part;

  // "a fifth of", "two-thirds of", "إلى النصف": a share
  const fraction = readFraction(s, i, forms);
  if (fraction) return fraction;

  // "một nửa" (a half): read from "nửa"
  if (s.lang === 'vi' && w === 'một' && s.word(i + 1) === 'nửa' && !s.toks[i + 1]!.nl) {
    const half = readWords(s, i + 1);
    return half && typeof half === 'object' ? { ...half, a: i } : half;
  }

  // "half a billion", "نصف مليار", "nửa triệu"
  const halfOf = s.lang === 'en' && w === 'half' && (s.word(i + 1) === 'a' || s.word(i + 1) === 'an') ? i + 2 : (w === 'nửa' || forms.includes('نصف')) ? i + 1 : -1;
  if (halfOf > 0) {
    const sc = lex.scales.get(s.word(halfOf) ?? '');
    if (sc !== undefined && sc >= 1000) return { a: i, b: halfOf + 1, value: sc / 2, digits: false, scale: sc, bareScale: false };
    // half a span of time: "نصف قرن", "half a century", "nửa thế kỷ"
    const an = lex.articles.has(s.word(halfOf) ?? '') ? halfOf + 1 : halfOf;
    const time = s.matchPhrase(lex.timeUnits, an);
    if (time && !time.value.dual) {
      return { a: i, b: time.end, value: 0.5, digits: false, scale: 1, bareScale: false,
        unit: { kind: 'duration', unit: time.value.unit, end: time.end, factor: time.value.factor } };
    }
    // "quá nửa", "hơn một nửa": half of something after a qualifier, a share
    const one = s.lang === 'vi' && s.word(i - 1) === 'một' ? i - 1 : i;
    if (w === 'nửa' && s.matchBefore(lex.qualifiersBefore, one)) {
      return { a: one, b: i + 1, value: 50, digits: false, scale: 1, bareScale: false, unit: { kind: 'percent', unit: '%', end: i + 1 } };
    }
    return null;
  }
  // "a/an" + unit after a qualifier: "more than a minute"
  if (lex.articles.has(w)) {
    const after = s.word(i + 1);
    if (after === 'dozen') {
      const read = accumulate(s, i + 1); // "a dozen": twelve, with "at least" and the like before it
      if (read) return { ...read, a: i };
    }
    if (after !== null && (lex.hundreds.has(after) || lex.scales.has(after))) {
      const read = accumulate(s, i + 1);
      if (read) return { ...read, a: i, bareScale: true, article: true };
    }
    // "more than a minute", "for a decade", "lasted a week": one of a span of time
    if (after !== null && s.matchPhrase(lex.timeUnits, i + 1) && (s.matchBefore(lex.qualifiersBefore, i) || lex.durationBefore.has(s.word(i - 1) ?? ''))) {
      return { a: i, b: i + 1, value: 1, digits: false, scale: 1, bareScale: false };
    }
    return null;
  }
  // a bare time noun after a qualifier: "أكثر من عقد" (more than a decade), or before "one": "سنة واحدة"
  if (s.lang === 'ar') {
    // a counted noun followed by "one" or "two": "نقطة واحدة", "فيديو واحد", "مقاولين اثنين"
    const after = ARABIC_ONE_TWO.get(w);
    if (after !== undefined && i > 0 && s.consumedUpTo <= i - 1 && !s.toks[i]!.nl) {
      const noun = s.matchPhrase(lex.nouns, i - 1, true, true);
      if (noun && noun.end === i) {
        return { a: i - 1, b: i + 1, value: after, digits: false, scale: 1, bareScale: false, explicitOne: after === 1,
          unit: { kind: 'count', unit: noun.value, end: i + 1 } };
      }
    }
    const unit = s.matchPhrase(lex.timeUnits, i);
    const one = unit ? s.word(unit.end) : null;
    if (unit && !unit.value.dual && (one === 'واحد' || one === 'واحده')) {
      return {
        a: i, b: unit.end + 1, value: 1, digits: false, scale: 1, bareScale: false,
        unit: { kind: 'duration', unit: unit.value.unit, end: unit.end + 1, factor: unit.value.factor },
      };
    }
    // (not the day of a weekday or a date: "ابتداء من يوم السبت", "من يوم 5")
    const named = unit && (s.anyForm(s.word(unit.end) ?? '', lex.weekdays) || s.toks[unit.end]?.type === NUM);
    if (unit && !unit.value.dual && !named && s.matchBefore(lex.qualifiersBefore, i)) {
      return { a: i, b: i, value: 1, digits: false, scale: 1, bareScale: false };
    }
  }
  return accumulate(s, i);
}

/**
 * A fraction word for one part before a scale word: "ربع مليون" (a quarter of a million), "ثلث
 * مليار", "a quarter million", "a third of a billion". (Halves are read with "half a billion".)
 */
function partOfScale(s: Scan, i: number, w: string, forms: readonly string[]): NumberRead | null {
  const lex = s.lex;
  // "a quarter of a million": the article before it belongs to the span, "of a" after it
  const j = lex.articles.has(w) ? i + 1 : i;
  const fw = j === i ? w : s.word(j);
  if (fw === null || fw.endsWith('s') || s.toks[j]!.nl) return null;
  const fractionForms = j === i ? forms : [fw];
  // (not a word that is a number too: "خمس ملايين" is five million, not a fifth of one)
  if (fractionForms.some((f) => lex.numbers.has(f))) return null;
  let den: number | undefined;
  for (const f of fractionForms) {
    den = lex.fractionWords.get(f);
    if (den !== undefined) break;
  }
  if (den === undefined || den === 2) return null;
  let k = j + 1;
  if (s.lang === 'en' && s.word(k) === 'of' && lex.articles.has(s.word(k + 1) ?? '')) k += 2;
  const scaleWord = s.word(k);
  const scale = scaleWord === null || s.toks[k]!.nl ? undefined : lex.scales.get(scaleWord);
  if (scale === undefined || scale < 1000) return null;
  return { a: i, b: k + 1, value: scale / den, digits: false, scale, bareScale: false };
}
