/**
 * The counted noun after a number, as an English singular: the lexicon's noun table first
 * (longest phrase first), then a partitive ("two of its aides", "اثنين من مساعدي"), then a
 * noun the lexicon does not know, as written (English plurals singularized).
 */
import { LABELLED_UNITS } from '../lexicon/index';
import type { Scan } from '../scan';
import { NUM, SYM, WORD } from '../tokenize';
import type { NumberRead, Read, UnitRead } from '../types';
import { moneyUnit } from './currencies';

export function readNoun(s: Scan, j: number, num: NumberRead): Read<UnitRead> {
  const lex = s.lex;
  let k = j;
  // vague amounts take "of"/"من": "dozens of routes", "عشرات المليارات من الدولارات"
  if (num.vague) {
    const w = s.word(k);
    if ((s.lang === 'en' && w === 'of') || (s.lang === 'ar' && w === 'من')) {
      k++;
      if (s.lang === 'en' && s.word(k) === 'the') k++;
      const currency = s.matchPhrase(lex.currencies, k, true, true);
      if (currency) return moneyUnit(s, currency.value, currency.end);
      // "نزح المئات من منازلهم": a noun with an attached pronoun after من is where from, not what
      if (s.lang === 'ar' && !s.matchPhrase(lex.nouns, k, true, true) && /^(?!ال)\S{2,}(?:هم|هن|ها|كم|نا)$/u.test(s.word(k) ?? '')) return impliedBefore(s, num, j);
    }
  }
  // "injuring 40 others", "وإصابة 40 آخرين": more of what the sentence just counted
  if (lex.otherOnes.size > 0 && s.anyForm(s.word(k) ?? '', lex.otherOnes)) {
    const counted = countedBefore(s, k);
    if (counted !== null) return { kind: 'count', unit: counted, end: k + 1 };
  }
  const lexNoun = s.matchPhrase(lex.nouns, k, true, num.vague !== undefined || s.lang === 'ar');
  if (lexNoun) return { kind: 'count', unit: lexNoun.value, end: lexNoun.end };
  // a partitive: "two of its aides", "اثنين من مساعدي"
  if (!num.vague && ((s.lang === 'en' && s.word(k) === 'of') || (s.lang === 'ar' && s.word(k) === 'من'))) {
    let p = k + 1;
    // "43 of Joe's proposals": a name with its possessive
    if (s.lang === 'en' && s.hasCapital(p) && s.toks[p + 1]?.v === "'" && s.word(p + 2) === 's') p += 3;
    // "35 من مئة مقعد", "12 of 40 seats": the noun of the whole, which stays a claim of its own
    if (s.isNum(p) || s.isNumberWord(s.word(p) ?? '')) {
      let q = p + 1;
      while (q < p + 3 && (s.isNumberWord(s.word(q) ?? '') || s.toks[q]?.v === ',')) q++;
      const noun = s.matchPhrase(lex.nouns, q, true, true);
      return noun ? { kind: 'count', unit: noun.value, end: k } : null;
    }
    // "eight of which were secret", "nine of them critically": a part of what the sentence just counted
    if (lex.partitivePronouns.has(s.word(p) ?? '')) {
      const counted = countedBefore(s, p);
      return counted === null ? null : { kind: 'count', unit: counted, end: p + 1 };
    }
    if (lex.determiners.has(s.word(p) ?? '')) p++;
    const inner = s.lang === 'en' ? readEnglishNoun(s, p) : readArabicNoun(s, p, true);
    if (inner) return inner;
    return null;
  }

  if (s.lang === 'en') {
    // "three more bodies", "40 other workers": what is counted, after a word of addition
    if (lex.countAdditions.has(s.word(k) ?? '') && !s.toks[k]!.nl) {
      const known = s.matchPhrase(lex.nouns, k + 1, true, false);
      const noun: UnitRead | null = known ? { kind: 'count', unit: known.value, end: known.end } : readEnglishNoun(s, k + 1);
      if (noun) return noun;
    }
    // "293 out of 300 parks": the noun of the whole
    if (s.word(k) === 'out' && s.word(k + 1) === 'of' && s.isNum(k + 2)) {
      const whole = readEnglishNoun(s, k + 3);
      return whole ? { ...whole, end: k } : null;
    }
    // "650 died", "dozens were injured": a verb of deaths or injuries after the number counts people
    let v = k;
    while (v < k + 2 && lex.impliedAuxiliaries.has(s.word(v) ?? '') && !s.toks[v]!.nl) v++;
    const implied = lex.impliedNouns.get(s.word(v) ?? '');
    if (implied && !s.toks[v]!.nl) return { kind: 'count', unit: implied, end: v === k ? k + 1 : j };
    // "296 H-1B visas", "40 F-16 jets": the noun after a code, the code's digits no part of the claim
    const afterCode = codeEnd(s, k);
    if (afterCode > k) {
      const noun = readEnglishNoun(s, afterCode);
      return noun ? { ...noun, detached: true } : null;
    }
    return readEnglishNoun(s, k) ?? impliedBefore(s, num, j);
  }
  if (s.lang === 'ar') return readArabicNoun(s, k, num.vague !== undefined) ?? impliedBefore(s, num, j);
  return num.digits ? readVietnameseNoun(s, k) : null;
}

/** An amount with no noun of its own after a noun of what befell people: "مقتل العشرات" (deaths), "إصابة 40" (injured). */
export function impliedBefore(s: Scan, num: NumberRead, j: number): UnitRead | null {
  const w = s.word(num.a - 1);
  if (w === null || s.toks[num.a]!.nl) return null;
  for (const f of s.variants(w)) {
    const unit = s.lex.impliedNounsBefore.get(f);
    if (unit) return { kind: 'count', unit, end: j };
  }
  return s.lang === 'en' ? countedSubject(s, num, j) : null;
}

/** The noun the claim just before token k counted, when it is a count in the same sentence. */
function countedBefore(s: Scan, k: number): string | null {
  const prev = s.candidates[s.candidates.length - 1];
  return prev && prev.kind === 'count' && prev.unit !== '' && !s.crossesSentence(prev.b, k) ? prev.unit : null;
}

/**
 * How far back (tokens) a counting label still names what a later number counts: a subject with
 * its clauses ("the number of people killed in the explosion at the refinery in Fujairah has
 * risen to at least 19").
 */
const LABEL_REACH = 24;

/**
 * "The number of people killed has risen to at least 19", "the death toll climbed to 40": the
 * amount a change reaches counts what the subject of the sentence counts.
 */
function countedSubject(s: Scan, num: NumberRead, j: number): UnitRead | null {
  const toks = s.toks;
  const k = (s.matchBefore(s.lex.qualifiersBefore, num.a)?.start ?? num.a) - 1;
  if (s.word(k) !== 'to') return null;
  for (let m = k - 1; m >= Math.max(0, num.a - LABEL_REACH); m--) {
    const t = toks[m]!;
    if (t.v === '.' || t.v === ';' || toks[m + 1]!.nl) return null;
    const w = s.word(m);
    if (w === 'toll' && s.lex.changeBefore.has(s.word(k - 1) ?? '')) return { kind: 'count', unit: 'death', end: j };
    if (w === 'number' && s.word(m + 1) === 'of') {
      const noun = readEnglishNoun(s, m + 2);
      return noun ? { kind: 'count', unit: noun.unit, end: j } : null;
    }
  }
  return null;
}

/** Any Arabic noun after a number, as written, unless it is a function word or an adverb. */
function readArabicNoun(s: Scan, k: number, definiteOk: boolean): UnitRead | null {
  const w = s.word(k);
  const toks = s.toks;
  if (w === null || toks[k]!.nl || toks[k]!.skip) return null;
  if (s.anyForm(w, s.lex.stopWords)) return null;
  if (w.startsWith('ال') && !definiteOk) return null;
  if (s.lex.weekdays.has(w) || s.lex.weekdays.has(w.slice(1))) return null;
  // "مقتل 3 وإصابة 40": the next pair begins, nothing counted by this word
  if (s.variants(w).some((f) => s.lex.impliedNounsBefore.has(f))) return null;
  // a short word after "و" is "and" and a word, unless the lexicon knows it as written ("وجهة")
  const asWritten = s.matchPhrase(s.lex.nouns, k, false);
  if (asWritten) return { kind: 'count', unit: asWritten.value, end: asWritten.end };
  if (/^و/.test(w) && w.length <= 4) return null;
  if (w.endsWith('يا') && w.length >= 5) return null; // adverbs: سنويًا, عالميًا
  const noun = s.matchPhrase(s.lex.nouns, k, true, true);
  if (noun) return { kind: 'count', unit: noun.value, end: noun.end };
  const surface = s.surface(toks[k]!.s, toks[k]!.e);
  return { kind: 'count', unit: surface.replace(/^(ال)/, ''), end: k + 1 };
}

/** A Vietnamese noun not in the lexicon: one lowercase word that is no function word or verb. */
function readVietnameseNoun(s: Scan, k: number): UnitRead | null {
  const w = s.word(k);
  const t = s.toks[k];
  if (w === null || !t || t.nl || t.gap === 0 || s.hasCapital(k)) return null;
  if (s.lex.stopWords.has(w) || s.lex.notNouns.has(w)) return null;
  if (s.lex.timeUnits.hasFirst(w) || s.lex.labelsBefore.has(w)) return null;
  return { kind: 'count', unit: s.surface(t.s, t.e), end: k + 1 };
}

/** After a code written with a capital, a hyphen and digits ("H-1B", "F-16", "COVID-19") at k: the token after it, else k. */
function codeEnd(s: Scan, k: number): number {
  const toks = s.toks;
  const t = toks[k];
  if (!t || t.type !== WORD || t.e - t.s > 5 || !s.isUpperAt(t.s)) return k;
  if (toks[k + 1]?.v !== '-' || toks[k + 1]!.gap !== 0 || toks[k + 2]?.type !== NUM || toks[k + 2]!.gap !== 0) return k;
  let j = k + 3;
  while (toks[j] && toks[j]!.gap === 0 && toks[j]!.type !== SYM) j++;
  return j;
}

function readEnglishNoun(s: Scan, k: number): UnitRead | null {
  const toks = s.toks;
  // up to three words; the parts of a hyphenated word count as one ("19 coronavirus-related deaths")
  let limit = 3;
  for (let step = 0; step < limit; step++) {
    const idx = k + step;
    const t = toks[idx];
    if (!t || t.nl) return null;
    if (t.type === SYM && t.v === '-' && t.gap === 0 && step > 0 && toks[idx + 1]?.type === WORD && toks[idx + 1]!.gap === 0) {
      limit = Math.min(limit + 2, 7);
      continue;
    }
    // "15 unelected, unaccountable bureaucrats": a comma between two adjectives
    if (t.type === SYM && t.v === ',' && step > 0 && toks[idx - 1]!.type === WORD && toks[idx + 1]?.type === WORD && !toks[idx + 1]!.nl) {
      limit = Math.min(limit + 1, 7);
      continue;
    }
    if (t.type !== WORD) return null;
    const w = t.v;
    if (s.lex.stopWords.has(w)) return null;
    if (s.hasCapital(idx) && step === 0 && !/^[a-z]+$/.test(s.raw(idx).toLowerCase())) return null;
    // a capitalized noun after the number: a name ("1,000 World War II veterans"), unless in a headline
    if (step === 0 && s.hasCapital(idx) && !s.inTitleCase(idx) && !s.lex.irregularPlurals.has(w)) {
      // "125 RSS-affiliated schools": past the hyphenated word too
      const after = toks[idx + 1]?.v === '-' && toks[idx + 1]!.gap === 0 ? idx + 3 : idx + 1;
      const inner = readEnglishNoun(s, after);
      if (inner) return inner;
    }
    const irregular = s.lex.irregularPlurals.get(w);
    if (irregular) return { kind: 'count', unit: irregular, end: idx + 1 };
    // (an acronym's plural may be short: "five British MPs", "12 PCs")
    if ((w.length > 3 || /^[A-Z]{2,}s$/.test(s.raw(idx))) && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
      return { kind: 'count', unit: singularize(w), end: idx + 1 };
    }
    if (toks[idx + 1]?.v === '-' && toks[idx + 1]!.gap === 0) continue; // season-ticket holders
  }
  return null;
}

/** The counted noun a few words before token i (for "السنوات الـ5"), or the word right before it. */
export function nounBefore(s: Scan, i: number): string | null {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const noun = s.matchPhrase(s.lex.nouns, j, true, true);
    if (noun) return noun.value;
  }
  const w = s.word(i - 1);
  return w && s.isArabicWord(w) ? s.surface(s.toks[i - 1]!.s, s.toks[i - 1]!.e) : null;
}

export function singularize(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|xes|zes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/**
 * The noun after a counting label ("số người", "عدد القتلى") earlier in the sentence before token
 * i, with no number between, when it is one a label may count (LABELLED_UNITS).
 */
export function labelledNoun(s: Scan, i: number): string | null {
  if (s.lex.countLabels.size === 0) return null;
  const toks = s.toks;
  for (let k = i - 1; k >= Math.max(0, i - LABEL_REACH); k--) {
    const t = toks[k]!;
    if (t.type === NUM || '.!?;:'.includes(t.v) || toks[k + 1]!.nl) return null;
    const w = s.word(k);
    if (w !== null && (s.anyForm(w, s.lex.countLabels) || s.pairAt(s.lex.countLabels, k))) {
      const noun = s.matchPhrase(s.lex.nouns, k + 1, true, true);
      return noun && LABELLED_UNITS.has(noun.value) ? noun.value : null;
    }
  }
  return null;
}
