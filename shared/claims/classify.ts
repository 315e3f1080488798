/**
 * What kind of claim a number makes once its unit is known: an age (years with an age word, or
 * a number between commas after a name), a magnitude, or a year with a date word before it.
 */
import { plainYear } from './numbers/numeral';
import type { Scan } from './scan';
import { NUM, SYM, WORD } from './tokenize';
import type { NumberRead } from './types';

/** A number of years with an age word before it ("aged", "البالغ من العمر") or after it ("old"). */
export function isAgeContext(s: Scan, a: number, b: number): boolean {
  const lex = s.lex;
  for (let k = a - 1; k >= Math.max(0, a - lex.ageWindow); k--) {
    const w = s.word(k);
    if (w !== null && s.anyForm(w, lex.ageContext, true)) return true;
  }
  if (lex.ageWindow > 0 && s.pairAt(lex.ageContext, a - 1)) return true;
  return lex.ageAfter.has(s.word(b) ?? '');
}

/**
 * Where the age words right before token a start ("aged", "the age of", "the ages of"), or null:
 * what stands before them qualifies the age ("over the age of 65").
 */
export function agePhraseStart(s: Scan, a: number): number | null {
  const lex = s.lex;
  if (lex.ageWindow === 0) return null;
  const start = s.pairAt(lex.ageContext, a - 1) ? a - 2 : s.word(a - 1) !== null && lex.ageContext.has(s.word(a - 1)!) ? a - 1 : null;
  if (start === null) return null;
  return lex.determiners.has(s.word(start - 1) ?? '') ? start - 1 : start;
}

/** "Ingrid Solberg, 52, said", "Messi, at 39, gazed": a number between commas after a capitalized name. */
export function isEnglishAppositiveAge(s: Scan, num: NumberRead): boolean {
  if (s.lang !== 'en' || !num.plain || num.b !== num.a + 1) return false;
  const v = Number(num.plain);
  if (v < 1 || v > 119) return false;
  const toks = s.toks;
  const a = s.word(num.a - 1) === 'at' ? num.a - 1 : num.a;
  return toks[a - 1]?.v === ',' && toks[num.b]?.v === ',' && toks[a - 2]?.type === WORD && s.hasCapital(a - 2);
}

/**
 * A number of years set off after a word, between commas or in brackets: an age, in scripts
 * with no capitals to mark the name before it ("وانغ، 28 عامًا، قالت", "فرنانديز (58 عاماً)").
 */
export function isAppositiveYears(s: Scan, num: NumberRead, b: number): boolean {
  if (s.lang !== 'ar' || !Number.isInteger(num.value) || num.value < 1 || num.value > 119) return false;
  const toks = s.toks;
  const open = toks[num.a - 1];
  const close = toks[b];
  if (!open || !close || open.type !== SYM || close.type !== SYM || toks[num.a - 2]?.type !== WORD) return false;
  return open.v === '(' ? close.v === ')' : (open.v === '،' || open.v === ',') && (close.v === '،' || close.v === ',');
}

/**
 * A bare number that can only be an age: after a subject and its verb with nothing after it
 * ("He's 19.", "who is 19,"), after a life event and "at" ("died at 81", "Dead at 81"), or an age
 * changed to it ("raise the retirement age to 70").
 */
export function isBareAge(s: Scan, num: NumberRead): boolean {
  const lex = s.lex;
  if (!num.plain || num.b !== num.a + 1 || (lex.ageSubjects.size === 0 && lex.ageEvents.size === 0)) return false;
  const v = Number(num.plain);
  if (v < 1 || v > 119) return false;
  const next = s.toks[num.b];
  // (a spaced dash ends it too: "Dead at 81 – Wanted To See")
  const ends = !next || next.nl || (next.type !== WORD && next.v !== '%' && (next.v !== '-' || next.gap > 0)) || next.v === 'and';
  const w1 = s.word(num.a - 1);
  const followed = ends || (next!.type === WORD && !next!.nl && lex.ageEventsFollowedBy.has(s.word(num.b)!));
  // "by the time she turns 30", "he turned 65 last week"
  if (w1 !== null && lex.ageTurnWords.has(w1)) return followed || s.word(num.b) === 'last' || s.word(num.b) === 'this' || s.word(num.b) === 'next';
  // "died at 81 in his home", "Dead at 81 after a long illness": a function word may follow
  if (w1 === 'at' && lex.ageEvents.has(s.word(num.a - 2) ?? '')) return followed;
  // "raise the retirement age to 70", "the age of consent should be lowered to 13", "the voting age stays at 18"
  // ("the minimum age of 21 for an MP would be reduced to 18": the age a dozen words back)
  if ((w1 === 'to' || w1 === 'at') && s.lang === 'en' && ends) {
    for (let k = num.a - 2; k >= Math.max(0, num.a - 12); k--) {
      if (s.toks[k + 1]!.nl) break;
      if (s.word(k) === 'age') return true;
    }
  }
  // "the voting age is 18", "the age of consent was 16"
  if (s.lang === 'en' && ends && (w1 === 'is' || w1 === 'was' || w1 === 'remains' || w1 === 'stays') && s.word(num.a - 2) === 'age') return true;
  // "He's 19": he ' s 19
  const subject = w1 === 's' && s.toks[num.a - 2]?.v === "'" ? s.word(num.a - 3) : w1 === 'is' || w1 === 'was' ? s.word(num.a - 2)
    : w1 === 'be' && (s.word(num.a - 2) === 'll' || s.word(num.a - 2) === 'will') ? 'will' : null;
  return subject !== null && lex.ageSubjects.has(subject) && ends;
}

/** The magnitude of an earthquake: "magnitude 6.8", "بقوة 6.8 درجات", "mạnh 6,8 độ". */
export function isMagnitude(s: Scan, i: number): boolean {
  const w = s.word(i - 1);
  if (w === null) return false;
  return s.anyForm(w, s.lex.magnitudeWords) || s.pairAt(s.lex.magnitudeWords, i - 1);
}

/**
 * The token where a year's claim starts when a date word stands before it ("in 2023", "عام
 * 2023", "mid-2024", "June 5, 2024"), or null. Some date words belong to the span ("năm 2024").
 */
export function dateMarkerBefore(s: Scan, i: number): number | null {
  const toks = s.toks;
  let j = i - 1;
  if (toks[j]?.v === '-' && toks[j]!.gap === 0) j--; // mid-2024
  if (toks[j]?.v === ',' && s.lang === 'en') j--; // June 5, 2024
  if (toks[j]?.type === NUM && s.lang === 'en') j--; // 5 June 2024 handled by the month below
  if (toks[j]?.v === '.' && toks[j]!.gap === 0 && s.lang === 'en') j--; // Jan. 5, 2022
  const w = s.word(j);
  if (w === null || toks[i]!.nl) return null;
  // a title with its year ("Báo cáo thường niên năm 2018"): a name, not a date
  if (isYearTitle(s, j)) return null;
  for (const f of s.variants(w)) {
    if (s.lex.dateMarkers.has(f)) {
      return s.lex.dateMarkersInSpan.has(f) || s.lex.dateMarkersInSpan.has(w) ? j : i;
    }
  }
  return null;
}

/** A title word (or two-word title) right before token j, or before the date word at j. */
function isYearTitle(s: Scan, j: number): boolean {
  const words = s.lex.namedYearWords;
  for (let k = j; k >= Math.max(0, j - 1); k--) {
    const w = s.word(k);
    if (w !== null && (words.has(w) || s.pairAt(words, k))) return true;
  }
  return false;
}

/**
 * A year used as a modifier after a determiner, where it tells when something was: "the 2020
 * election", "his 2006 book", "Reagan's 1986 tax reform". Returns where the claim starts.
 */
export function yearAsModifier(s: Scan, num: NumberRead): number | null {
  const year = Number(num.plain);
  if (year < 1900 || year > 2100 || s.toks[num.a]!.nl) return null;
  const det = s.word(num.a - 1);
  if (det === null || !s.lex.yearDeterminers.has(det)) return null;
  if (det === 's' && s.toks[num.a - 2]?.v !== "'") return null;
  const next = s.toks[num.b];
  return next && next.type === WORD && !next.nl && !unitFollows(s, num.b) ? num.a : null;
}

/**
 * A year written alone where English would write a count with a comma: a four-digit number with
 * nothing counted after it and no qualifier says when, from 1900 to 2100 ("Trump won 2020
 * presidential election", "2013 Supreme Court ruling", "took place 1999"), and from 1000 after a
 * determiner before a word ("the 1857 revolt"; a bare "scored 1500" stays a number, "call the 1090
 * helpline" a label). Not after a capitalized word (a name: "Oscars 2022", "Windows 2000"), a
 * symbol or a glued word, nor before a clock word ("1400 GMT") or a glued suffix ("1990s",
 * "2020-21"). Returns where the claim starts.
 */
export function bareYear(s: Scan, num: NumberRead): number | null {
  const year = s.lex.plainYears && num.plain !== undefined && num.scale === 1 ? plainYear(num.plain, 1000) : null;
  if (year === null) return null;
  const toks = s.toks;
  const first = toks[num.a]!;
  const before = toks[num.a - 1];
  const det = s.word(num.a - 1);
  // "2003's figure": a year's possessive
  const possessive = toks[num.b]?.v === "'" && toks[num.b]!.gap === 0 && s.word(num.b + 1) === 's' && toks[num.b + 1]!.gap === 0;
  const after = toks[possessive ? num.b + 2 : num.b];
  if (before && !first.nl) {
    if (first.gap === 0) return null;
    if (before.type === WORD ? isYearName(s, num.a) : before.type !== SYM || !',;('.includes(before.v)) return null;
  }
  if (after && !after.nl && !possessive) {
    const glued = after.gap === 0 && !(after.type === SYM && '.,;:!?)'.includes(after.v) && toks[num.b + 1]?.type !== NUM);
    if (glued || after.type === NUM || s.lex.clockAfter.has(s.word(num.b) ?? '')) return null;
  }
  if (year >= 1900) return num.a;
  // (the number a label names is no year: "call the 1090 helpline")
  if (det === null || !s.lex.yearDeterminers.has(det) || s.anyForm(s.word(num.a - 2) ?? '', s.lex.labelsBefore)) return null;
  return after?.type === WORD && !after.nl ? num.a : null;
}

/**
 * A capitalized Latin word right before the year at token i, no determiner nor date word: the
 * year belongs to a name ("Oscars 2022", "Windows 2000", "V.League 2025/26").
 */
export function isYearName(s: Scan, i: number): boolean {
  const w = s.word(i - 1);
  if (w === null || s.toks[i]!.nl || !s.isLatinWord(i - 1) || !s.hasCapital(i - 1)) return false;
  return !s.lex.yearDeterminers.has(w) && !s.anyForm(w, s.lex.dateMarkers);
}

/**
 * A year that a span of years starts with ("من 2015 حتى 2030", "from 2015 to 2030"): each year of
 * the span is a date of its own. Returns where the claim starts.
 */
export function yearBeforeYear(s: Scan, num: NumberRead): number | null {
  const toks = s.toks;
  const conn = s.word(num.b);
  if (conn === null || toks[num.b]!.nl || !(s.lex.rangeTo.has(conn) || conn === 'to' || conn === 'and' || conn === 'و')) return null;
  const t = toks[num.b + 1];
  return t && t.type === NUM && plainYear(t.v) !== null && num.plain !== undefined && plainYear(num.plain) !== null ? num.a : null;
}

/** A year in a list of years: "champions in 1980, 1994 and 2013", "أعوام 1980 و1994 و2013". */
export function yearInList(s: Scan, num: NumberRead): number | null {
  const isYear = (k: number): boolean => {
    const t = s.toks[k];
    return !!t && t.type === NUM && plainYear(t.v) !== null;
  };
  const joiner = (k: number): boolean => {
    const t = s.toks[k];
    return !!t && !t.nl && (t.v === ',' || t.v === 'and' || t.v === 'و' || t.v === 'và' || t.v === '،');
  };
  if (joiner(num.b) && isYear(num.b + 1)) return num.a;
  if (joiner(num.a - 1) && isYear(num.a - 2)) return num.a;
  // "بعد عامي 2006 (فاز ...) و2014": an "and" glued to the year, an earlier year a few words back
  if (s.lang === 'ar' && joiner(num.a - 1) && s.toks[num.a]!.gap === 0 && isYear(num.a)) {
    for (let k = num.a - 2; k >= Math.max(0, num.a - 12) && !s.toks[k + 1]!.nl; k--) if (isYear(k)) return num.a;
  }
  return null;
}

/** A wind level: the level word right before the number, with a wind word a few words before it. */
export function isWindLevel(s: Scan, i: number): boolean {
  const lex = s.lex;
  if (lex.windLevelWords.size === 0 || !lex.windLevelWords.has(s.word(i - 1) ?? '')) return false;
  for (let k = i - 2; k >= Math.max(0, i - 5); k--) if (lex.windWords.has(s.word(k) ?? '')) return true;
  return false;
}

/** A unit follows token b (so a four-digit number before it is an amount, not a year). */
export function unitFollows(s: Scan, b: number): boolean {
  const t = s.toks[b];
  if (!t) return false;
  if (t.v === '%') return true;
  const lex = s.lex;
  return !!(s.matchPhrase(lex.percentWords, b) || s.matchPhrase(lex.currencies, b) || s.matchPhrase(lex.measures, b));
}
