/**
 * Vague amounts and their bounds: "dozens" (24..99), "a few hundred" (200..999), "tens of
 * thousands", "hàng trăm", "عشرات المليارات", "بضع مئات".
 */
import type { Scan } from '../scan';
import type { NumberRead } from '../types';

export function readVague(s: Scan, i: number, forms: string[]): NumberRead | null {
  const lex = s.lex;
  const w = forms[0]!;
  const prevNum = s.isNum(i - 1);
  if (prevNum) return null;
  // "a few hundred", "several thousand", "بضع مئات", "vài trăm"
  let k = i;
  let few = false;
  if (s.lang === 'en' && w === 'a' && s.word(i + 1) === 'few') {
    k = i + 2;
    few = true;
  } else if (lex.fewWords.has(w) || (forms.length > 1 && forms.some((f) => lex.fewWords.has(f)))) {
    k = i + 1;
    few = true;
  }
  if (few) {
    const sc = scaleWordAt(s, k, true);
    if (sc === null) return null;
    const more = scaleWordAt(s, k + 1, false);
    const base = more ? sc * more : sc;
    return { a: i, b: more ? k + 2 : k + 1, value: 0, digits: false, scale: base, bareScale: false, vague: { min: 2 * base, max: 10 * base - 1 } };
  }
  if (s.lang === 'vi') {
    if (w !== 'hàng') return null;
    const first = lex.pluralScales.get(s.word(i + 1) ?? '');
    if (first === undefined) return null;
    const second = lex.scales.get(s.word(i + 2) ?? '');
    const base = first * (second ?? 1);
    // "hàng trăm" up to ten times, "hàng nghìn" up to a thousand times; "hàng vạn" (ten thousands)
    // are tens of thousands, up to ten times
    const spread = first <= 100 || first === 1e4 ? 10 : 1000;
    return { a: i, b: second ? i + 3 : i + 2, value: 0, digits: false, scale: base, bareScale: false, vague: { min: base, max: base * spread } };
  }
  let plural: number | undefined;
  for (const f of forms) {
    plural = lex.pluralScales.get(f);
    if (plural !== undefined) break;
  }
  // Arabic also writes the amount alone with the article: "إصابة العشرات", "نزوح الآلاف"
  if (plural === undefined && s.lang === 'ar') {
    for (const f of s.variants(w, true)) {
      plural = lex.pluralScales.get(f);
      if (plural !== undefined) break;
    }
  }
  if (plural === undefined) return null;
  if (s.lang === 'en' && w === 'tens' && s.word(i + 1) !== 'of') return null;
  // "tens of thousands", "عشرات المليارات", "hundreds of millions"
  const k2 = s.lang === 'en' && s.word(i + 1) === 'of' ? i + 2 : i + 1;
  if (plural <= 100) {
    const sc = scaleWordAt(s, k2, false, true);
    if (sc !== null) {
      return { a: i, b: k2 + 1, value: 0, digits: false, scale: plural * sc, bareScale: false, vague: { min: plural * sc, max: plural * sc * 10 } };
    }
    if (w === 'dozens') return { a: i, b: i + 1, value: 0, digits: false, scale: 12, bareScale: false, vague: { min: 24, max: 99 } };
    if (plural === 10) return { a: i, b: i + 1, value: 0, digits: false, scale: 10, bareScale: false, vague: { min: 20, max: 99 } };
    return { a: i, b: i + 1, value: 0, digits: false, scale: plural, bareScale: false, vague: { min: plural, max: plural * 10 } };
  }
  // "thousands of people": from two to under ten thousand, in English
  if (plural === 1e3 && s.lex.thousandsBelowTenThousand) return { a: i, b: i + 1, value: 0, digits: false, scale: plural, bareScale: false, vague: { min: 2000, max: 9999 } };
  return { a: i, b: i + 1, value: 0, digits: false, scale: plural, bareScale: false, vague: { min: plural, max: plural * 1000 } };
}

/** A scale word (singular or plural) at token k; `definite` accepts "المليارات". */
export function scaleWordAt(s: Scan, k: number, allowHundred: boolean, definite = false): number | null {
  const w = s.word(k);
  if (w === null) return null;
  for (const f of s.variants(w, definite)) {
    const sc = s.lex.pluralScales.get(f) ?? s.lex.scales.get(f) ?? (allowHundred ? s.lex.hundreds.get(f) : undefined);
    if (sc !== undefined && (f.length > 1 || s.lang !== 'en')) {
      if (sc < 100 && !allowHundred) return null;
      return sc;
    }
  }
  return null;
}
