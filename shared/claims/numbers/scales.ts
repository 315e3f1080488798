/** Scale words after a number ("14 million", "3 tỷ 500 triệu") and the half that may follow ("and a half"). */
import type { Scan } from '../scan';
import { NUM } from '../tokenize';
import type { NumberRead } from '../types';
import { parseNumeral } from './numeral';

/** Scale words after a number: "14 million", "1,6 triệu", "3 tỷ 500 triệu", "nghìn tỷ". */
export function readScales(s: Scan, read: NumberRead): void {
  const toks = s.toks;
  let j = read.b;
  let applied = false;
  // "$4-billion": a hyphen glued between the number and its scale
  if (toks[j]?.v === '-' && toks[j]!.gap === 0 && toks[j + 1]?.gap === 0 && s.lex.scales.has(s.word(j + 1) ?? '') && s.word(j + 1)!.length > 1) j++;
  for (let guard = 0; guard < 4; guard++) {
    const w = s.word(j);
    if (w === null || toks[j]!.nl) break;
    if (w.length === 1) break; // single letters only when glued ("62m")
    let sc: number | undefined;
    for (const f of s.variants(w, true)) {
      sc = s.lex.scales.get(f);
      if (sc !== undefined) break;
    }
    if (sc === undefined) {
      if (j > read.b && !applied) j = read.b; // the hyphen was no scale's
      break;
    }
    if (applied && sc <= read.scale) break;
    // (without the float's noise: 1.035 x 10^12 is 1,035,000,000,000, not 1,034,999,999,999.9999)
    const v = read.value * sc;
    read.value = Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6;
    read.scale = applied ? read.scale * sc : sc;
    applied = true;
    j++;
  }
  read.b = j;
  // "11 ألفا و532 سيارة": the rest of the thousands after "and"
  if (applied && s.lang === 'ar' && read.scale === 1000 && toks[j]?.v === 'و' && toks[j + 1]?.type === NUM && toks[j + 1]!.gap === 0 && !toks[j]!.nl) {
    const rest = parseNumeral(toks[j + 1]!.v, 'ar');
    if (rest !== null && Number.isInteger(rest) && rest < 1000 && !s.lex.scales.has(s.word(j + 2) ?? '')) {
      read.value += rest;
      read.b = j + 2;
      return;
    }
  }
  // "3 tỷ 500 triệu": a smaller scaled number added to the larger one
  if (applied && s.lang === 'vi' && toks[j]?.type === NUM) {
    const smallValue = parseNumeral(toks[j]!.v, 'vi');
    const smallScale = s.lex.scales.get(s.word(j + 1) ?? '');
    if (smallValue !== null && smallScale !== undefined && smallScale < read.scale) {
      read.value += smallValue * smallScale;
      read.b = j + 2;
    }
  }
}

/** "ونصف المليار", "and a half", "rưỡi": adds half of the scale (or of one). */
export function readHalf(s: Scan, read: NumberRead): void {
  const j = read.b;
  if (s.lang === 'en') {
    const end = englishHalfEnd(s, j);
    if (end !== null) {
      read.value += 0.5 * read.scale;
      read.b = end;
      // "two and a half million dollars": the scale comes after the half
      if (read.scale === 1) readScales(s, read);
    }
    return;
  }
  const w = s.word(j);
  if (w === null || s.toks[j]!.nl) return;
  if (s.lang === 'vi' && s.lex.halfWords.has(w)) {
    read.value += 0.5 * read.scale;
    read.b = j + 1;
  } else if (s.lang === 'ar' && s.lex.halfWords.has(w) && w.startsWith('و')) {
    const after = s.word(j + 1);
    const sc = after ? s.lex.scales.get(after.replace(/^ال/, '')) : undefined;
    if (sc !== undefined && sc === read.scale) {
      read.value += 0.5 * sc;
      read.b = j + 2;
    } else if (read.scale === 1 && !read.digits) {
      read.value += 0.5;
      read.b = j + 1;
    }
  }
}

/**
 * Where "and a half" starting at token j ends, written with spaces or hyphens ("seven and a
 * half", "seven-and-a-half", "a year-and-a-half"), or null; not a half of something else
 * ("and a half-million").
 */
export function englishHalfEnd(s: Scan, j: number): number | null {
  const toks = s.toks;
  const hyphens = toks[j]?.v === '-' && toks[j]!.gap === 0;
  const words = ['and', 'a', 'half'];
  let k = j;
  for (let n = 0; n < words.length; n++) {
    if (hyphens) {
      if (toks[k]?.v !== '-' || toks[k]!.gap !== 0 || toks[k + 1]?.gap !== 0) return null;
      k++;
    }
    if (s.word(k) !== words[n] || toks[k]!.nl) return null;
    k++;
  }
  return toks[k]?.v === '-' && toks[k]!.gap === 0 ? null : k;
}
