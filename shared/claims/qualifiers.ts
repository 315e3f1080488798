/**
 * Qualifiers: the words before a number ("more than", "نحو", "khoảng") or after it ("or more",
 * "على الأقل", "trở lên"), starting prices ("from £X" after a price word, "giá từ"), and the
 * interval [min, max] a qualified value asserts.
 */
import type { ClaimKind, Qualifier } from '../schemas/claim';
import type { Scan } from './scan';

export function qualifierBefore(s: Scan, a: number, kind: ClaimKind, money: boolean): { qualifier: Qualifier; start: number } | null {
  const lex = s.lex;
  const m = s.matchBefore(lex.qualifiersBefore, a);
  if (m) {
    const first = s.word(m.start);
    if (s.lang === 'en' && first === 'over' && kind === 'duration') return null; // "over three years": during
    if (s.lang === 'vi' && first === 'trên' && kind === 'duration') return null;
    // a negated comparison is a bound: "không cao hơn" (no higher than) at most, "لا أقل من" at least
    const negation = s.word(m.start - 1);
    if (negation !== null && lex.negations.has(negation) && !s.toks[m.start]!.nl) {
      if (m.value === 'more_than') return { qualifier: 'at_most', start: m.start - 1 };
      if (m.value === 'less_than') return { qualifier: 'at_least', start: m.start - 1 };
    }
    return { qualifier: m.value, start: m.start };
  }
  if (!money && !(s.lang === 'vi' && kind === 'age')) return null;
  // starting prices: "from £X" after a price word, "giá từ", "تبدأ أسعار التذاكر من"
  const w = s.word(a - 1);
  if (w === null || s.toks[a]!.nl) return null;
  if (s.lang === 'vi' && w === 'từ' && kind === 'age') return { qualifier: 'at_least', start: a - 1 }; // "từ 80 tuổi"
  if (s.lang === 'vi' && w === 'từ') {
    // "giá từ 7,9 triệu": a starting price, unless the amount goes on to "đến/lên ..." (a change)
    // ("tăng lên 2,5 tỷ từ 1,25 tỷ": the change came first, "từ" is where it started)
    if (!changeWordIn(s, a, a + 6) && !changeWordIn(s, a - 7, a - 1)) return { qualifier: 'at_least', start: a - 1 };
  }
  if (s.lang === 'en' && w === 'from') {
    for (let k = a - 2; k >= Math.max(0, a - 5); k--) if (lex.priceWords.has(s.word(k) ?? '')) return { qualifier: 'at_least', start: a - 1 };
  }
  if (s.lang === 'ar' && w === 'من') {
    for (let k = a - 2; k >= Math.max(0, a - 5); k--) {
      const pw = s.word(k);
      if (pw !== null && s.anyForm(pw, lex.priceWords)) return { qualifier: 'at_least', start: a - 1 };
    }
  }
  return null;
}

/** A qualifier written after the amount ("or more", "على الأقل"), on the same line. */
export function qualifierAfter(s: Scan, b: number): { qualifier: Qualifier; end: number } | null {
  // "$1 million-plus"
  if (s.toks[b]?.v === '-' && s.toks[b]!.gap === 0 && s.toks[b + 1]?.gap === 0) b++;
  const after = s.matchPhrase(s.lex.qualifiersAfter, b);
  if (!after || s.toks[b]!.nl) return null;
  return { qualifier: after.value, end: after.end };
}

/** Whether a change word ("đến", "lên") is among tokens [from, to). */
function changeWordIn(s: Scan, from: number, to: number): boolean {
  for (let j = Math.max(0, from); j < to && j < s.toks.length; j++) {
    if (s.lex.changeAfter.has(s.word(j) ?? '')) return true;
  }
  return false;
}

/** Without the float's noise: 3,500 x 1.1 is 3,850, not 3850.0000000000005. */
const tidy = (x: number) => Number(x.toPrecision(12));

export function lowerBound(q: Qualifier, v: number | null): number | null {
  if (v === null) return null;
  switch (q) {
    case 'exact':
    case 'more_than':
    case 'at_least':
      return v;
    case 'about':
      return tidy(v * 0.9);
    default:
      return null;
  }
}

export function upperBound(q: Qualifier, v: number | null): number | null {
  if (v === null) return null;
  switch (q) {
    case 'exact':
    case 'less_than':
    case 'at_most':
    case 'up_to':
      return v;
    case 'about':
      return tidy(v * 1.1);
    default:
      return null;
  }
}
