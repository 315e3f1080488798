/**
 * Arabic constructions read from a word before any number: the age noun with an ordinal or
 * digits ("دون سن الخامسة", "فوق سن 60"), a decade after a limit ("دون الثلاثين"), and a
 * definite number after a definite noun ("العقود الثلاثة", "السنوات الخمس") or before an
 * indefinite one ("الثلاثين عاما").
 * Each pushes its claim and returns the token to go on from, or null.
 */
import type { Scan } from '../scan';
import { NUM } from '../tokenize';
import { parseNumeral } from './numeral';

/** The ten of a teen written after its unit, normalized ("خمسة عشر", "ثلاث عشرة"). */
const TEN_WORDS = new Set(['عشر', 'عشره']);

export function readArabicDefinite(s: Scan, i: number): number | null {
  const w = s.word(i)!;
  // age: "دون سن الخامسة", "فوق سن 60"
  if (s.variants(w).includes('سن')) {
    const ordinal = s.word(i + 1);
    let value: number | null = null;
    let end = i + 2;
    if (ordinal !== null && s.lex.ordinals.has(ordinal)) value = s.lex.ordinals.get(ordinal)!;
    else if (s.isNum(i + 1)) value = parseNumeral(s.toks[i + 1]!.v, 'ar');
    else if (ordinal !== null && /^ال$/.test(ordinal) && s.isNum(i + 2)) {
      value = parseNumeral(s.toks[i + 2]!.v, 'ar');
      end = i + 3;
    }
    if (value === null) return null;
    const q = s.matchBefore(s.lex.qualifiersBefore, i);
    s.push({
      a: q ? q.start : i, b: end, kind: 'age', value, min: null, max: null,
      qualifier: q ? q.value : 'exact', unit: 'year', inherit: false,
    });
    return end;
  }
  // a definite number after a definite noun: "العقود الثلاثة", "السنوات الخمس"; an age: "دون الثلاثين"
  // (with "for the" too: "للخمسة عشر عاماً القادمة", for the fifteen years to come)
  if ((w.startsWith('ال') || w.startsWith('لل')) && !s.lex.weekdays.has(w)) {
    const unit = s.lex.numbers.get(w.slice(2));
    // "الخمسة عشر": a definite teen, its ten after it; l is the number's last word
    const teen = unit !== undefined && unit < 10 && TEN_WORDS.has(s.word(i + 1) ?? '') && !s.toks[i + 1]!.nl;
    const l = teen ? i + 1 : i;
    const n = teen ? unit! + 10 : unit;
    const prev = s.word(i - 1);
    // "الأيام الستة والـ12 والـ17": a list of definite numbers names days, no span of six
    if (n !== undefined && s.toks[l + 1]?.v === 'وال' && s.toks[l + 2]?.type === NUM) return l + 1;
    if (n !== undefined && n >= 20 && n < 100 && n % 10 === 0 && prev !== null && s.lex.ageLimits.has(prev)) {
      const q = s.matchBefore(s.lex.qualifiersBefore, i);
      s.push({ a: i - 1, b: l + 1, kind: 'age', value: n, min: null, max: null, qualifier: q ? q.value : 'exact', unit: 'year', inherit: false });
      return l + 1;
    }
    // "الثلاثين عاما التي قضيتها", "العشرة سنوات الماضية": a definite number before its indefinite noun
    const next = s.word(l + 1);
    if (n !== undefined && n >= 3 && next !== null && !next.startsWith('ال') && !s.toks[l + 1]!.nl) {
      const time = s.matchPhrase(s.lex.timeUnits, l + 1, true, false);
      const noun = time ? null : s.matchPhrase(s.lex.nouns, l + 1, true, false);
      if (time) {
        s.push({ a: i, b: time.end, kind: 'duration', value: n * time.value.factor, min: null, max: null, qualifier: 'exact', unit: time.value.unit, inherit: false });
        return time.end;
      }
      if (noun) {
        s.push({ a: i, b: noun.end, kind: 'count', value: n, min: null, max: null, qualifier: 'exact', unit: noun.value, inherit: false });
        return noun.end;
      }
    }
    if (n !== undefined && n >= 3 && prev !== null && /^(ال|وال|بال|لل)/.test(prev) && !s.toks[i]!.nl) {
      const time = s.matchPhrase(s.lex.timeUnits, i - 1, true, true);
      const noun = s.matchPhrase(s.lex.nouns, i - 1, true, true);
      const start = i - 1 >= s.consumedUpTo ? i - 1 : i;
      if (time) {
        s.push({ a: start, b: l + 1, kind: 'duration', value: n * time.value.factor, min: null, max: null, qualifier: 'exact', unit: time.value.unit, inherit: false });
      } else {
        s.push({ a: start, b: l + 1, kind: 'count', value: n, min: null, max: null, qualifier: 'exact', unit: noun ? noun.value : prev.replace(/^(وال|بال|لل|ال)/, ''), inherit: false });
      }
      return l + 1;
    }
  }
  return null;
}
