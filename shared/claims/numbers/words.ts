/**
 * Numbers written in words: compounds ("twenty-five", "خمسة وعشرون", "hai mươi lăm"), hundreds
 * and scales ("two hundred", "مئة ألف"), "half a billion", and the indefinite article before a
 * scale or a time unit ("a thousand", "more than a minute").
 */
import type { Scan } from '../scan';
import { SYM, WORD } from '../tokenize';
import type { NumberRead, Read } from '../types';
import { readArabicDual } from './duals';
import { readHalf } from './scales';
import { readVague } from './vague';

export function readWords(s: Scan, i: number): Read<NumberRead> {
  const lex = s.lex;
  const w = s.word(i);
  if (w === null) return null;
  const forms = s.variants(w);

  // vague amounts: dozens, hàng trăm, عشرات المليارات, بضع مئات, a few hundred
  const vague = readVague(s, i, forms);
  if (vague) return vague;

  if (s.lang === 'ar') {
    const dual = readArabicDual(s, i, forms);
    if (dual !== null) return dual;
  }

  // "half a billion", "نصف مليار", "nửa triệu"
  const halfOf = s.lang === 'en' && w === 'half' && s.word(i + 1) === 'a' ? i + 2 : (w === 'nửa' || forms.includes('نصف')) ? i + 1 : -1;
  if (halfOf > 0) {
    const sc = lex.scales.get(s.word(halfOf) ?? '');
    if (sc !== undefined && sc >= 1000) return { a: i, b: halfOf + 1, value: sc / 2, digits: false, scale: sc, bareScale: false };
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
      if (read) return { ...read, a: i, bareScale: true };
    }
    if (after !== null && s.matchPhrase(lex.timeUnits, i + 1) && s.matchBefore(lex.qualifiersBefore, i)) {
      return { a: i, b: i + 1, value: 1, digits: false, scale: 1, bareScale: false };
    }
    return null;
  }
  // a bare time noun after a qualifier: "أكثر من عقد" (more than a decade), or before "one": "سنة واحدة"
  if (s.lang === 'ar') {
    const unit = s.matchPhrase(lex.timeUnits, i);
    const one = unit ? s.word(unit.end) : null;
    if (unit && !unit.value.dual && (one === 'واحد' || one === 'واحده')) {
      return {
        a: i, b: unit.end + 1, value: 1, digits: false, scale: 1, bareScale: false,
        unit: { kind: 'duration', unit: unit.value.unit, end: unit.end + 1, factor: unit.value.factor },
      };
    }
    if (unit && !unit.value.dual && s.matchBefore(lex.qualifiersBefore, i)) {
      return { a: i, b: i, value: 1, digits: false, scale: 1, bareScale: false };
    }
  }
  return accumulate(s, i);
}

/** Number words, compounded: "twenty-five", "two hundred", "خمسة وعشرون", "hai mươi lăm", "مئة ألف". */
export function accumulate(s: Scan, i: number): NumberRead | null {
  const lex = s.lex;
  const toks = s.toks;
  let total = 0;
  let current = 0;
  let lastSmall = false; // the previous word was 1..9: another one starts a new number
  let any = false;
  let onlyScale = true;
  let scale = 1;
  let j = i;
  for (; j < toks.length; j++) {
    const t = toks[j]!;
    if (j > i && (t.nl || t.skip)) break;
    if (t.type === SYM) {
      if (t.v === '-' && t.gap === 0 && any && toks[j + 1]?.gap === 0 && toks[j + 1]?.type === WORD) continue;
      break;
    }
    if (t.type !== WORD) break;
    let w = t.v;
    if (s.lang === 'ar' && j > i && w.length > 2 && w[0] === 'و') w = w.slice(1);
    else if (s.lang === 'ar' && j === i) w = firstNumberForm(s, w);
    if (j > i && (w === 'and' || w === 'linh' || w === 'lẻ') && any) {
      const after = s.word(j + 1);
      if (after !== null && s.isNumberWord(after) && !lex.scales.has(after)) continue;
      break;
    }
    if (s.lang === 'vi' && j > i && any) {
      if (w === 'năm' && current % 10 === 0) break; // "mười năm": ten years (fifteen is "mười lăm")
      if (w === 'mươi') { current = (current || 1) * 10; lastSmall = false; onlyScale = false; continue; }
      if (w === 'lăm' || w === 'nhăm') { current += 5; lastSmall = true; continue; }
      if (w === 'mốt') { current += 1; lastSmall = true; continue; }
      if (w === 'tư') { current += 4; lastSmall = true; continue; }
    }
    const hundred = lex.hundreds.get(w);
    const scaleValue = lex.scales.get(w);
    const small = lex.numbers.get(w);
    const dualScale = lex.dualScales.get(w);
    if (hundred !== undefined && (any || small === undefined)) {
      if (any && current === 0 && total === 0) break;
      current = (current || 1) * hundred;
      lastSmall = false;
      onlyScale = onlyScale && !any;
      any = true;
      if (scale < hundred) scale = hundred;
      continue;
    }
    if (scaleValue !== undefined) {
      if (w.length === 1) break;
      total += (current || 1) * scaleValue;
      current = 0;
      lastSmall = false;
      if (scaleValue > scale) scale = scaleValue;
      any = true;
      continue;
    }
    if (dualScale !== undefined) {
      if (any) break;
      total += dualScale;
      scale = dualScale / 2;
      any = true;
      onlyScale = false;
      continue;
    }
    if (small !== undefined) {
      if (w === 'dozen' || w === 'tá') {
        current = (current || 1) * 12;
        any = true;
        onlyScale = false;
        lastSmall = false;
        continue;
      }
      const isUnitDigit = small < 10;
      if (any && ((isUnitDigit && lastSmall) || (small >= 10 && current % 100 !== 0 && current > 0))) break;
      current += small;
      lastSmall = isUnitDigit;
      any = true;
      onlyScale = false;
      continue;
    }
    break;
  }
  if (!any) return null;
  const value = total + current;
  if (value === 0) return null;
  const read: NumberRead = { a: i, b: j, value, digits: false, scale, bareScale: onlyScale };
  readHalf(s, read);
  return read;
}

function firstNumberForm(s: Scan, w: string): string {
  for (const f of s.variants(w)) if (s.isNumberWord(f)) return f;
  return w;
}
