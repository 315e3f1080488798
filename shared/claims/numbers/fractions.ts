/**
 * Fractions written in words, which the corpus reads as percents: "a fifth of sales" (20 %),
 * "two-thirds of voters", "one-twelfth of the allocation", "more than half of the members",
 * and in Arabic a half, a third or a quarter after a change or a qualifier ("هبطت الأسعار إلى
 * النصف", "نحو ثلث الموظفين"). A fraction that names a part of a period or a round ("the first
 * half", "الربع الثاني", "ربع النهائي") is no share, nor is a fraction with no "of" in English
 * ("a quarter" of a year, a coin).
 */
import type { Scan } from '../scan';
import type { NumberRead } from '../types';

export function readFraction(s: Scan, i: number, forms: readonly string[]): NumberRead | null {
  const lex = s.lex;
  if (lex.fractionWords.size === 0) return null;
  return s.lang === 'ar' ? readArabicFraction(s, i, forms) : readEnglishFraction(s, i);
}

/** "a fifth of", "one-twelfth of", "two-thirds of", "more than half of", "Half of". */
function readEnglishFraction(s: Scan, i: number): NumberRead | null {
  const lex = s.lex;
  const toks = s.toks;
  const w = s.word(i)!;
  let numerator: number;
  let k: number;
  let hyphenated = false; // "two-thirds": a share even with no "of" ("the surge is two-thirds")
  if (w === 'half') {
    // a half alone: after a qualifier ("nearly half of") or opening a sentence ("Half of voters")
    const prev = toks[i - 1];
    const opens = !prev || toks[i]!.nl || (prev.type !== 1 && '.!?:;"“'.includes(prev.v));
    if (!opens && !s.matchBefore(lex.qualifiersBefore, i)) return null;
    numerator = 1;
    k = i;
  } else {
    const n = lex.articles.has(w) ? 1 : lex.numbers.get(w);
    if (n === undefined || n >= 20) return null;
    numerator = n;
    k = i + 1;
    if (toks[k]?.v === '-' && toks[k]!.gap === 0 && toks[k + 1]?.gap === 0) {
      k++;
      hyphenated = true;
    }
  }
  const fw = s.word(k);
  const den = fw === null ? undefined : lex.fractionWords.get(fw);
  if (den === undefined || toks[k]!.nl) return null;
  // "a fifth-grade class", "third-party", "half-time": a compound, not a share
  if (toks[k + 1]?.v === '-' && toks[k + 1]!.gap === 0) return null;
  // "two thirds", "one third": plural with a numerator above one, singular with one
  if ((numerator === 1) === fw!.endsWith('s') && fw !== 'half') return null;
  const after = s.word(k + 1);
  const of = after !== null && lex.fractionOf.has(after) && !toks[k + 1]!.nl;
  // with no "of": after a change ("fell to half"), or a change and a qualifier ("slips to just under
  // half"); or, as polls are reported, opening a sentence or after a qualifier, before no span of
  // time ("Three quarters said", "nearly half those surveyed", "Almost a quarter (21%)")
  const prev = toks[i - 1];
  const opens = !prev || toks[i]!.nl || (prev.type !== 1 && '.!?:;"“'.includes(prev.v));
  // (a word or a bracket after it, and not "half a billion": a scale with its article)
  const follow = toks[k + 1];
  const followed = !!follow && !follow.nl && ((follow.type === 1 && !lex.articles.has(follow.v)) || follow.v === '(');
  const polled = followed && (opens || s.matchBefore(lex.qualifiersBefore, i) !== null) && !s.matchPhrase(lex.timeUnits, k + 1);
  if (!of && !hyphenated && !polled && !lex.fractionChange.has(s.word(i - 1) ?? '') && !lex.fractionChange.has(s.word((s.matchBefore(lex.qualifiersBefore, i)?.start ?? i) - 1) ?? '')) return null;
  // "a quarter of an hour", "a quarter of a century": a span of time, not a share
  if (of) {
    const an = lex.articles.has(s.word(k + 2) ?? '') ? k + 3 : k + 2;
    const time = s.matchPhrase(lex.timeUnits, an);
    if (time) {
      return { a: i, b: time.end, value: numerator / den, digits: false, scale: 1, bareScale: false,
        unit: { kind: 'duration', unit: time.value.unit, end: time.end, factor: time.value.factor } };
    }
  }
  return share(i, k + 1, (100 * numerator) / den);
}

/** "إلى النصف", "نحو ثلث الموظفين", "أكثر من ربع السكان": a share after a change or a qualifier. */
function readArabicFraction(s: Scan, i: number, forms: readonly string[]): NumberRead | null {
  const lex = s.lex;
  let den: number | undefined;
  let parts = 1;
  let definite = false; // "الثلثين": a definite dual stands after a change ("بمقدار الثلثين"), never in construct
  for (const f of forms) {
    const article = f.startsWith('ال');
    const bare = article ? f.slice(2) : f;
    den = lex.fractionWords.get(bare);
    if (den !== undefined) break;
    // a dual: two parts of the whole ("ثلثا الإنتاج", "ثلثي الموظفين")
    den = lex.fractionDuals.get(bare);
    if (den !== undefined) {
      parts = 2;
      definite = article;
      break;
    }
  }
  if (den === undefined) return null;
  const next = s.word(i + 1);
  const sameLine = !s.toks[i + 1]?.nl;
  // ("الربع للعام المالي", the quarter of a fiscal year: a period, with the year's article)
  if (next !== null && sameLine && (lex.fractionPeriods.has(next) || s.isNumberWord(next) || s.matchPhrase(lex.timeUnits, i + 1, true, true))) return null;
  // "نصف ما كانت عليه" (half of what it was); "خمس" is also five: a fifth only so
  const ofWhat = next !== null && sameLine && lex.fractionOf.has(next);
  const numberWord = forms.some((f) => s.isNumberWord(f));
  const prev = s.word(i - 1);
  const afterChange = (prev !== null && lex.fractionChange.has(prev)) || s.matchBefore(lex.qualifiersBefore, i) !== null;
  // a dual stands in construct with what it divides: the definite noun after it
  const construct = parts === 2 && !definite && next !== null && sameLine && next.startsWith('ال');
  // "وخمس مبيعات هذا الطراز" (a fifth of this model's sales): a word that is also a number is a
  // fraction when the noun after it stands in construct with what follows, a definite noun or a
  // demonstrative (five sales of it would be "خمس مبيعات من هذا الطراز")
  const after = s.word(i + 2);
  const chain = parts === 1 && next !== null && sameLine && !next.startsWith('ال') && !s.isNumberWord(next) && after !== null && !s.toks[i + 2]!.nl
    && (lex.fractionGenitives.has(after) || (after.startsWith('ال') && after.length > 3 && !s.matchPhrase(lex.timeUnits, i + 2, true, true) && !lex.dateMarkers.has(after)));
  if (!ofWhat && !construct && !chain && (numberWord || !afterChange)) return null;
  const read = share(i, i + 1, (100 * parts) / den);
  // the divided noun is part of the claim, and a qualifier after it is the claim's ("ثلثا الإنتاج تقريباً")
  return construct || chain ? { ...read, unit: { ...read.unit!, end: i + 2 } } : read;
}

function share(a: number, b: number, percent: number): NumberRead {
  return { a, b, value: percent, digits: false, scale: 1, bareScale: false, unit: { kind: 'percent', unit: '%', end: b } };
}
