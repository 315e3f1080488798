/**
 * What corroboration compares, computed once per claim when it is stored: the interval the claim
 * asserts in a common unit (US dollars, days, ...), the concept it counts, the words near it that
 * say what it is about, and the buckets under which it is indexed.
 */
import { normalizeKey } from '../claims/normalize';
import type { ExtractedClaim } from '../schemas/claim';
import { IMPLIED_CONCEPTS, PERSON_FAMILY, PREDICATES, UNIT_CONCEPTS, USD_PER_UNIT } from './data';

export interface ClaimFeatures {
  /** What is measured: "money", "percent", "duration", "age", "date", "count:<concept>", "measure:<unit>". */
  dimension: string;
  /** The counted concept ("resident", "house", ...), or the unit for other kinds. */
  concept: string;
  /** The asserted interval in the dimension's common unit; hi is Infinity for "more than". */
  lo: number;
  hi: number;
  /** Whether the claim states one value (exact or about), not a bound or a range. */
  pointLike: boolean;
  /** Significant digits of the stated value (1 for "three", 3 for "23.9"). */
  digits: number;
  /** Concepts of the nearby words, with their distance in words from the claim. */
  about: Record<string, number>;
  /** What else the claim's sentence holds, comparable across languages: names and the other figures. */
  context: string[];
  /** The folded words of the claim's sentence (comparable within one script). */
  words: string[];
  /** Whether the claim is in the article's lead (its first two sentences). */
  lead: boolean;
}

const ABOUT_TOLERANCE = 0.05;
const DAYS: Record<string, number> = { year: 365.25, month: 30.44, week: 7, day: 1, hour: 1 / 24, minute: 1 / 1440, second: 1 / 86400 };
const MEASURE_UNITS: Record<string, [string, number]> = {
  mph: ['km/h', 1.609], mile: ['km', 1.609], m: ['km', 0.001], cm: ['mm', 10], ft: ['km', 0.0003048], inch: ['mm', 25.4],
  acre: ['hectare', 0.4047], km2: ['hectare', 100], m2: ['hectare', 0.0001], kg: ['tonne', 0.001], lb: ['tonne', 0.000453592], degree_fahrenheit: ['degree_celsius', NaN],
  // degrees with no scale: in news, almost always a temperature ("30 درجة", "30 độ" read so too)
  degree: ['degree_celsius', 1],
};

export function claimFeatures(
  claim: ExtractedClaim,
  sentenceText: string,
  claimInSentence: [number, number],
  otherClaimsInSentence: readonly [number, number][],
  sentence: { context: string[]; words: string[]; lead: boolean } = { context: [], words: [], lead: false },
): ClaimFeatures {
  const { dimension, concept, factor, offset, implied } = dimensionOf(claim);
  const convert = (v: number) => v * factor + offset;
  let lo: number;
  let hi: number;
  const v = claim.value;
  switch (claim.qualifier) {
    case 'exact': lo = hi = convert(v!); break;
    case 'about': lo = convert(v! * (1 - ABOUT_TOLERANCE)); hi = convert(v! * (1 + ABOUT_TOLERANCE)); break;
    case 'more_than': case 'at_least': lo = convert(v!); hi = Infinity; break;
    case 'less_than': case 'at_most': case 'up_to': lo = 0; hi = convert(v!); break;
    case 'range': lo = convert(v!); hi = convert(claim.max ?? v!); break;
    case 'vague': lo = convert(claim.min ?? 0); hi = claim.max === null ? Infinity : convert(claim.max); break;
  }
  return {
    dimension,
    concept,
    lo,
    hi,
    pointLike: claim.qualifier === 'exact' || claim.qualifier === 'about',
    digits: v === null ? 0 : significantDigits(v),
    about: { ...conceptsNear(sentenceText, claimInSentence, otherClaimsInSentence), ...(implied ? { [implied]: 0 } : {}) },
    ...sentence,
  };
}

/** What a claim measures, and how its values convert to the dimension's common unit. */
export function dimensionOf(claim: Pick<ExtractedClaim, 'kind' | 'unit'>): { dimension: string; concept: string; factor: number; offset: number; implied?: string } {
  switch (claim.kind) {
    case 'money':
      return { dimension: 'money', concept: claim.unit, factor: USD_PER_UNIT[claim.unit] ?? NaN, offset: 0 };
    case 'percent':
      return { dimension: 'percent', concept: '%', factor: 1, offset: 0 };
    case 'duration':
    case 'age':
      return { dimension: claim.kind, concept: claim.unit, factor: claim.kind === 'age' ? (DAYS[claim.unit] ?? 365.25) / 365.25 : DAYS[claim.unit] ?? 1, offset: 0 };
    case 'date':
      return { dimension: 'date', concept: 'year', factor: 1, offset: 0 };
    case 'measure': {
      const [unit, factor] = MEASURE_UNITS[claim.unit] ?? [claim.unit, 1];
      if (claim.unit === 'degree_fahrenheit') return { dimension: 'measure:degree_celsius', concept: 'degree_celsius', factor: 5 / 9, offset: -160 / 9 };
      return { dimension: `measure:${unit}`, concept: unit, factor, offset: 0 };
    }
    case 'count': {
      // "14 người chết" counts deaths: people, about death
      const implied = IMPLIED_CONCEPTS[claim.unit];
      const concept = implied ? 'person' : UNIT_CONCEPTS[claim.unit] ?? claim.unit;
      return { dimension: `count:${PERSON_FAMILY.has(concept) ? 'people' : concept}`, concept, factor: 1, offset: 0, implied };
    }
  }
}

export function significantDigits(v: number): number {
  if (v === 0) return 1;
  const mantissa = Math.abs(v).toExponential(11).split('e')[0]!.replace('.', '').replace(/0+$/, '');
  return Math.max(1, mantissa.length);
}

// ---------------------------------------------------------------------------------------------
// Words near a claim

const PHRASES: { words: string[]; concept: string }[] = Object.entries(PREDICATES)
  .flatMap(([concept, phrases]) => phrases.map((p) => ({ words: words(normalizeKey(p)), concept })))
  .sort((a, b) => b.words.length - a.words.length);
const FIRST_WORDS = new Map<string, { words: string[]; concept: string }[]>();
for (const p of PHRASES) {
  const list = FIRST_WORDS.get(p.words[0]!) ?? [];
  list.push(p);
  FIRST_WORDS.set(p.words[0]!, list);
}
const WINDOW = 16;
const CLITICS = /^(و|ف|ب|ل|ك|ال|وال|بال|لل)/;
const SUFFIXES = /(هما|هم|ها|نا|كم|ه|ي|ا)$/;

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{M}\p{N}%]+/u).filter(Boolean);
}

/**
 * Concepts of the words within WINDOW words of the claim in its sentence, with their distance,
 * up to the neighbouring claims.
 */
export function conceptsNear(sentence: string, claim: [number, number], others: readonly [number, number][]): Record<string, number> {
  // the window stops at another claim: the words beyond it are that claim's
  const left = Math.max(0, ...others.filter(([, e]) => e <= claim[0]).map(([, e]) => e));
  const right = Math.min(sentence.length, ...others.filter(([st]) => st >= claim[1]).map(([st]) => st));
  const tokens: { word: string; at: number }[] = [];
  for (const m of sentence.matchAll(/[\p{L}\p{M}\p{N}%]+/gu)) {
    if (m.index < left || m.index >= right) continue;
    tokens.push({ word: normalizeKey(m[0]), at: m.index });
  }
  const before = tokens.filter((t) => t.at < claim[0]);
  const after = tokens.filter((t) => t.at >= claim[1]);
  const out: Record<string, number> = {};
  const scan = (list: { word: string }[], distanceOf: (k: number) => number) => {
    for (let k = 0; k < list.length; k++) {
      const d = distanceOf(k);
      if (d > WINDOW) continue;
      const w = list[k]!.word;
      const bare = w.replace(CLITICS, '');
      // Arabic nouns carry possessive suffixes: إيراداتها = إيرادات + ها
      const forms = [w, bare, bare.replace(SUFFIXES, ''), w.replace(SUFFIXES, '')];
      for (const form of forms) {
        for (const p of FIRST_WORDS.get(form) ?? []) {
          if (p.words.every((w, i) => i === 0 || list[k + i]?.word === w)) {
            if (out[p.concept] === undefined || out[p.concept]! > d) out[p.concept] = d;
          }
        }
      }
    }
  };
  scan(before, (k) => before.length - k);
  scan(after, (k) => k + 1);
  return out;
}
