/**
 * Number words put together, in the three languages:
 *
 *   units, teens and tens       "twenty-five", "خمسة وعشرون", "خمسة عشر", "hai mươi lăm"
 *   hundreds                    "two hundred and five", "ثلاثمائة", "ثلاث مئة", "ba trăm linh năm"
 *   scales, largest first       "two million three hundred thousand", "مائتان وخمسون ألفا",
 *                               "một nghìn tỷ" (a scale after a smaller one multiplies it)
 *   Arabic duals of scales      "ألفان", "مليونين" (two thousand, two million)
 *
 * Each word has a role (lexicon `numbers`, `hundreds`, `scales`, `dualScales` and `numberRoles`),
 * and a word that does not fit where it stands ends the number: "five six" is two numbers,
 * "mười năm" is ten years (fifteen is "mười lăm").
 */
import type { Scan } from '../scan';
import { NUM, SYM, WORD } from '../tokenize';
import type { NumberRead } from '../types';
import { readHalf } from './scales';

/** What the previous word of the number was. */
const enum Last {
  None,
  Unit,
  Teen,
  Ten,
  Hundred,
  Scale,
  /** "linh", "lẻ": a zero in the tens, only a unit may follow. */
  ZeroTens,
  /** "and", "و": another number word must follow. */
  And,
}

export function accumulate(s: Scan, i: number): NumberRead | null {
  const lex = s.lex;
  const toks = s.toks;
  let total = 0; // the chunks closed by a scale word
  let group = 0; // below a thousand, not yet scaled
  let lastChunk = 0;
  let lastScale = Number.POSITIVE_INFINITY;
  let last: Last = Last.None;
  let any = false;
  let onlyScale = true;
  let scale = 1;
  let end = i; // token after the last word that belongs to the number
  for (let j = i; j < toks.length; j++) {
    const t = toks[j]!;
    if (j > i && (t.nl || t.skip)) break;
    if (t.type === SYM) {
      // "twenty-five": a hyphen glued between two number words
      if (t.v === '-' && t.gap === 0 && any && toks[j + 1]?.gap === 0 && toks[j + 1]?.type === WORD) continue;
      break;
    }
    if (t.type !== WORD) break;
    const w = wordForm(s, t.v, j === i);
    // "مائة ألف وألف" (101,000): one more of the same scale after hundreds of it
    const sameScaleAgain = j > i && w !== t.v && group === 0 && last === Last.Scale && lastChunk >= 100 * lastScale;
    const role = lex.numberRoles.get(w);
    const next = s.word(j + 1);

    if (role === 'and') {
      if (!any || next === null) break;
      const after = wordForm(s, next, false);
      if (!s.isNumberWord(after) || lex.scales.has(after) || lex.numberRoles.has(after)) break;
      last = Last.And;
      continue;
    }
    if (role === 'zeroTens') {
      if (last !== Last.Hundred && last !== Last.Scale) break;
      last = Last.ZeroTens;
      continue;
    }
    if (role === 'zero') {
      // "không trăm": no hundreds, in a number already begun
      if (!any || !lex.hundreds.has(next ?? '')) break;
      last = Last.Unit;
      continue;
    }
    if (role === 'tensOf') {
      // "hai mươi": the unit before it counts tens
      if (last !== Last.Unit || group % 100 >= 10) break;
      const unit = group % 10;
      group += unit * 9;
      last = Last.Ten;
      onlyScale = false;
      end = j + 1;
      continue;
    }
    if (role === 'unitAfterTen') {
      if (last !== Last.Ten) break;
      group += lex.unitsAfterTen.get(w) ?? 0;
      last = Last.Unit;
      end = j + 1;
      continue;
    }
    if (role === 'teenUnit') {
      // "أحد عشر", "اثنا عشر": a unit that only begins a teen
      const ten = next === null ? undefined : lex.numbers.get(wordForm(s, next, false));
      if (ten !== 10 || (last !== Last.None && last !== Last.Hundred && last !== Last.Scale && last !== Last.And)) break;
      group += lex.numbers.get(w) ?? 0;
      last = Last.Unit;
      any = true;
      onlyScale = false;
      continue;
    }

    const dual = lex.dualScales.get(w);
    if (dual !== undefined && dual >= 1000) {
      // "ألفان", "مليونين": two of a scale, a chunk of its own
      if (group > 0 || (dual / 2 >= lastScale && !(sameScaleAgain && dual / 2 === lastScale))) break;
      total += dual;
      lastChunk = dual;
      lastScale = dual / 2;
      if (dual / 2 > scale) scale = dual / 2;
      last = Last.Scale;
      any = true;
      onlyScale = false;
      end = j + 1;
      continue;
    }
    const scaleValue = lex.scales.get(w);
    if (scaleValue !== undefined && w.length > 1) {
      if (last === Last.And || last === Last.ZeroTens) break;
      if (last === Last.Scale && group === 0 && scaleValue > lastScale) {
        // "nghìn tỷ": a scale after a smaller one multiplies it
        total += lastChunk * (scaleValue - 1);
        lastChunk *= scaleValue;
        lastScale *= scaleValue;
      } else if (sameScaleAgain && scaleValue === lastScale) {
        total += scaleValue;
      } else {
        if (scaleValue >= lastScale) break;
        const chunk = (group || 1) * scaleValue;
        total += chunk;
        lastChunk = chunk;
        lastScale = scaleValue;
        group = 0;
      }
      if (lastScale > scale) scale = lastScale;
      last = Last.Scale;
      any = true;
      end = j + 1;
      continue;
    }
    const hundred = lex.hundreds.get(w);
    if (hundred !== undefined && (last === Last.Unit || !any || last === Last.Scale || last === Last.And)) {
      // "two hundred", "ثلاث مئة", "trăm" alone
      if (last === Last.Unit) {
        const unit = group % 10;
        if (group % 100 !== unit) break; // "twenty-one hundred": no
        group += unit * (hundred - 1);
      } else {
        if (group !== 0) break;
        group = hundred;
      }
      if (hundred > scale) scale = hundred;
      onlyScale = onlyScale && last !== Last.Unit;
      last = Last.Hundred;
      any = true;
      end = j + 1;
      continue;
    }
    const small = lex.numbers.get(w);
    if (small === undefined) break;
    if (lex.timeUnitNumbers.has(w) && !numberWordAhead(s, j, last)) break; // "mười năm": ten years
    if (lex.timeUnitNumbers.has(w) && toks[j + 1]?.type === NUM && !toks[j + 1]!.nl) break; // "hơn năm 2016": than the year 2016
    if (small === 12 && lex.dozens.has(w)) {
      // "two dozen", "a dozen"
      if (last !== Last.Unit && last !== Last.None) break;
      group = (group || 1) * 12;
      last = Last.Teen;
    } else if (small < 10) {
      if (last === Last.Unit || last === Last.Teen) break;
      if (last === Last.Ten && !lex.unitsAfterTens) break;
      group += small;
      last = Last.Unit;
    } else if (small < 20) {
      // a teen; in Arabic also the "عشر" of "خمسة عشر" after its unit
      if (small === 10 && last === Last.Unit && lex.unitsBeforeTens && group % 100 < 10 && group % 10 !== 0) group += 10;
      else if (last === Last.None || last === Last.Hundred || last === Last.Scale || last === Last.And) group += small;
      else break;
      last = lex.tenTakesUnits && small === 10 ? Last.Ten : Last.Teen;
    } else if (small < 100) {
      // a ten; in Arabic after its unit: "خمسة وعشرون"
      const afterUnit = last === Last.Unit && lex.unitsBeforeTens && group % 100 < 10 && group % 100 > 0;
      if (!afterUnit && !(last === Last.None || last === Last.Hundred || last === Last.Scale || last === Last.And)) break;
      if (!afterUnit && group % 100 !== 0) break;
      group += small;
      last = Last.Ten;
    } else {
      // a hundreds word: "ثلاثمائة", "مئتان"
      if (last !== Last.None && last !== Last.Scale && last !== Last.And) break;
      if (group !== 0) break;
      group = small;
      last = Last.Hundred;
      if (small > scale) scale = 100;
    }
    any = true;
    onlyScale = false;
    end = j + 1;
  }
  if (!any) return null;
  const value = total + group;
  if (value === 0) return null;
  // a scale word alone ("thousand", "مليون", "مئة") is a bare scale: it needs a unit or a qualifier
  let words = 0;
  for (let k = i; k < end; k++) if (toks[k]!.type === WORD) words++;
  const read: NumberRead = { a: i, b: end, value, digits: false, scale, bareScale: onlyScale && words === 1 };
  readHalf(s, read);
  return read;
}

/** The word as the number lexicon knows it: an Arabic clitic dropped ("وخمسون", "بثلاثة"). */
function wordForm(s: Scan, w: string, first: boolean): string {
  if (s.lex.clitics.length === 0 || w.length <= 2) return w;
  if (!first) return w[0] === 'و' && !s.isNumberWord(w) && !s.lex.numberRoles.has(w) ? w.slice(1) : w;
  for (const f of s.variants(w)) if (s.isNumberWord(f) || s.lex.numberRoles.has(f)) return f;
  return w;
}

/**
 * Whether a unit that is also a time word ("năm": five, or year) is a number here: first in the
 * number, after "linh/lẻ", or before another number word ("năm trăm", "năm mươi").
 */
function numberWordAhead(s: Scan, j: number, last: Last): boolean {
  if (last === Last.None || last === Last.ZeroTens) return true;
  const next = s.word(j + 1);
  if (next === null) return false;
  return s.lex.hundreds.has(next) || s.lex.scales.has(next) || s.lex.numberRoles.get(next) === 'tensOf';
}
