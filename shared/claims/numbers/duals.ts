/**
 * Arabic duals that state two of something by themselves: time units ("عامين", "ساعتين ونصف"),
 * currencies ("دولارين"), masculine duals of known nouns ("مشروعين") and feminine duals
 * ("نسختين", "جامعتان"), with the adjective that agrees with them.
 */
import { normalizeKey } from '../normalize';
import type { Scan } from '../scan';
import { NUM } from '../tokenize';
import { SKIP, type NumberRead, type Read } from '../types';

const AND_HALF = normalizeKey('ونصف');

/** Words around a dual that point back to the two just named ("these two", "referred to"), normalized. */
const BACK_BEFORE = new Set(['هذين', 'هاتين', 'هذان', 'هاتان'].map((w) => normalizeKey(w)));
const BACK_AFTER = new Set(['المشار', 'المذكورين', 'المذكورتين', 'المذكوران'].map((w) => normalizeKey(w)));

export function readArabicDual(s: Scan, i: number, forms: string[]): Read<NumberRead> {
  const lex = s.lex;
  if (s.isNum(i - 1)) return null;
  const time = s.matchPhrase(lex.timeUnits, i, true, true); // also "العقدين" (the two decades)
  if (time && time.value.dual) {
    // "هذين اليومين", "اليومين المشار إليهما": the two just named, no new span
    if (s.anyForm(s.word(i - 1) ?? '', BACK_BEFORE) || s.anyForm(s.word(time.end) ?? '', BACK_AFTER)) return null;
    // "في الدقيقتين 51 و62": the two minutes of a match that a number names, no span of two
    const named = s.toks[time.end];
    if (named && !named.nl && (named.type === NUM || s.lex.ordinals.has(s.word(time.end) ?? ''))) {
      // the minutes it names are no claims either: "51 و62", "الرابعة و79"
      for (let k = time.end; k < Math.min(s.toks.length, time.end + 4); k++) {
        const t = s.toks[k]!;
        if (t.nl || !(t.type === NUM || t.v === 'و' || s.lex.ordinals.has(s.word(k) ?? '') || /^و\d+$/.test(t.v))) break;
        t.skip = true;
      }
      return null;
    }
    const half = s.word(time.end) === AND_HALF ? 1 : 0; // "ساعتين ونصف": two and a half hours
    return {
      a: i, b: time.end + half, value: 2, digits: false, scale: 1, bareScale: false,
      unit: { kind: 'duration', unit: time.value.unit, end: time.end + half, factor: time.value.factor, extra: half * 0.5 },
    };
  }
  for (const f of forms) {
    const currency = lex.currencyDuals.get(f);
    if (currency) {
      return { a: i, b: i + 1, value: 2, digits: false, scale: 1, bareScale: false, unit: { kind: 'money', unit: currency, end: i + 1 } };
    }
  }
  // masculine duals of known nouns: مشروعين, مقعدان (a listed plural such as موظفين is no dual)
  for (const f of forms) {
    if (f.startsWith('ال') || f.length < 5 || s.matchPhrase(lex.nouns, i)) break;
    const m = /^(.+)(ين|ان)$/.exec(f);
    if (!m) continue;
    const known = lex.nouns.candidates(m[1]!)?.find((e) => e.words.length === 1);
    if (known) return { a: i, b: i + 1, value: 2, digits: false, scale: 1, bareScale: false, unit: { kind: 'count', unit: known.value, end: i + 1 } };
  }
  // a definite dual before an order adjective counts: "النسختين الأخيرتين" (the last two editions);
  // without one it names a known pair ("الحزبين")
  const order = s.word(i + 1);
  if (order !== null && lex.dualOrderAdjectives.has(order)) {
    for (const f of forms) {
      const m = /^ال(.+)(تان|تين)$/.exec(f);
      if (!m) continue;
      const known = lex.nouns.candidates(m[1]! + 'ه')?.find((e) => e.words.length === 1);
      const t = s.toks[i]!;
      const unitText = known ? known.value : s.surface(t.s, t.e).replace(/^ال/, '').replace(/(تان|تين)$/, 'ة');
      return { a: i, b: i + 2, value: 2, digits: false, scale: 1, bareScale: false, unit: { kind: 'count', unit: unitText, end: i + 2 } };
    }
  }
  for (const f of forms) {
    if (f.startsWith('ال') || f.length < 5 || lex.dualExcluded.has(f) || f.endsWith('ستان')) continue;
    if (s.isNumberWord(f)) continue;
    const m = /^(.+)(تان|تين)$/.exec(f);
    if (!m) continue;
    const singular = m[1]! + 'ه';
    const known = lex.nouns.candidates(singular)?.find((e) => e.words.length === 1);
    let end = i + 1;
    // the adjective agrees with the dual: "نسختين جديدتين"
    while (/(تان|تين|يين|يان)$/.test(s.word(end) ?? '') && !s.toks[end]!.nl) end++;
    const t = s.toks[i]!;
    // an unknown dual a few words after a dual count agrees with it: an adjective ("طائرتين من هذا الطراز تابعتين")
    const prev = s.candidates[s.candidates.length - 1];
    if (!known && prev && prev.value === 2 && prev.kind === 'count' && i - prev.b <= 5 && !s.crossesSentence(prev.b, i)) return SKIP;
    const unitText = known ? known.value : s.surface(t.s, t.e).replace(/(تان|تين)$/, 'ة');
    return { a: i, b: i + 1, value: 2, digits: false, scale: 1, bareScale: false, unit: { kind: 'count', unit: unitText, end } };
  }
  return null;
}
