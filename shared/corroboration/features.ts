/**
 * What corroboration compares, computed once per claim when it is stored: the interval the claim
 * asserts in a common unit (US dollars, days, ...), the concept it counts, the words near it that
 * say what it is about, and the buckets under which it is indexed.
 */
import { normalizeKey } from '../claims/normalize';
import type { ExtractedClaim } from '../schemas/claim';
import { ENTITY_ALIASES, IMPLIED_CONCEPTS, PERSON_FAMILY, PREDICATES, UNIT_CONCEPTS, USD_PER_UNIT } from './data';

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
}

const ABOUT_TOLERANCE = 0.05;
const DAYS: Record<string, number> = { year: 365.25, month: 30.44, week: 7, day: 1, hour: 1 / 24, minute: 1 / 1440, second: 1 / 86400 };
const MEASURE_UNITS: Record<string, [string, number]> = {
  mph: ['km/h', 1.609], mile: ['km', 1.609], m: ['km', 0.001], cm: ['mm', 10], ft: ['km', 0.0003048], inch: ['mm', 25.4],
  acre: ['hectare', 0.4047], km2: ['hectare', 100], m2: ['hectare', 0.0001], kg: ['tonne', 0.001], degree_fahrenheit: ['degree_celsius', NaN],
};

export function claimFeatures(claim: ExtractedClaim, sentenceText: string, claimInSentence: [number, number], otherClaimsInSentence: readonly [number, number][]): ClaimFeatures {
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

function significantDigits(v: number): number {
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

// ---------------------------------------------------------------------------------------------
// Names in an article

const STOP_NAMES = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'for', 'and', 'but', 'or', 'by', 'photo', 'source', 'comments',
  'shares', 'updated', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'this', 'that', 'it',
  'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'its', 'with', 'from', 'after', 'before', 'as', 'said', 'says']);
const ALIASES: [string, string][] = Object.entries(ENTITY_ALIASES).flatMap(([key, spellings]) =>
  [key, ...spellings].map((s) => [fold(s), key] as [string, string]));

const ARABIC_CONSONANTS: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'g', 'ح': 'h', 'خ': 'h', 'د': 'd', 'ذ': 'd', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 's',
  'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
};

/**
 * The consonants of a name, as Arabic script keeps them, so that a Latin name and its Arabic
 * spelling meet: "Hai Lam" and «هاي لام» are both "~h lm". Null when too short to be telling.
 */
export function latinSkeleton(name: string): string | null {
  const words = fold(name)
    .replace(/[^a-z\s]/g, '')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/ph/g, 'f').replace(/th/g, 't').replace(/kh/g, 'h').replace(/gh/g, 'g').replace(/sh/g, 's')
      .replace(/ch/g, 's').replace(/p/g, 'b').replace(/v/g, 'f').replace(/[cq]/g, 'k').replace(/x/g, 'ks').replace(/j/g, 'g')
      .replace(/[aeiouyw]/g, '').replace(/(.)\1+/g, '$1'));
  return skeletonKey(words);
}

export function arabicSkeleton(name: string): string | null {
  const words = name.split(/\s+/).filter(Boolean).map((w) =>
    [...w.replace(/ه$/, '')].map((c) => ARABIC_CONSONANTS[c] ?? '').join('').replace(/(.)\1+/g, '$1'));
  return skeletonKey(words);
}

function skeletonKey(words: string[]): string | null {
  const kept = words.filter(Boolean);
  const consonants = kept.join('').length;
  return kept.length > 0 && consonants >= 3 && (kept.length > 1 || consonants >= 4) ? `~${kept.join(' ')}` : null;
}

/** Lower case without diacritics: "Hà Tĩnh" -> "ha tinh", so Latin names match across languages. */
export function fold(s: string): string {
  return normalizeKey(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

/**
 * The names an article mentions: runs of capitalized Latin words (in any language's text) and the
 * known names of ENTITY_ALIASES in any script, folded to one spelling.
 */
export function articleEntities(title: string, text: string): string[] {
  const found = new Set<string>();
  for (const line of `${title}\n${text}`.split('\n')) {
    if ((line.match(/\|/g) ?? []).length >= 1 && line.length < 120) continue; // page chrome
    for (const m of line.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*/gu)) {
      const words = m[0].split(/\s+/);
      // a single capitalized word opening a sentence is no name ("The", "Theo", "Năm")
      const before = line.slice(0, m.index).trimEnd();
      if (words.length === 1 && (before === '' || /[.!?:"“«(]$/.test(before))) continue;
      const name = fold(m[0]).replace(/['’]s$/, '');
      if (name.length < 3 || STOP_NAMES.has(name)) continue;
      found.add(name);
      // the shorter names inside a long one: "Hai Lam Textile" also names "Hai Lam"
      const parts = name.split(/\s+/).filter((w) => !STOP_NAMES.has(w));
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 2; j <= parts.length; j++) found.add(parts.slice(i, j).join(' '));
      }
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j <= Math.min(parts.length, i + 3); j++) {
          const skeleton = latinSkeleton(parts.slice(i, j).join(' '));
          if (skeleton) found.add(skeleton);
        }
      }
    }
  }
  // Arabic news sets foreign names between guillemets: «هاي لام» is Hai Lam
  for (const m of `${title}\n${text}`.matchAll(/«([^»\n]{2,40})»/g)) {
    const name = fold(m[1]!);
    if (/[\u0600-\u06ff]/.test(name)) {
      found.add(name);
      const skeleton = arabicSkeleton(name);
      if (skeleton) found.add(skeleton);
    }
  }
  const folded = ` ${fold(`${title}\n${text}`).replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')} `;
  // Arabic words carry a one-letter conjunction or preposition: وجوجل = و + جوجل
  const unclitic = folded.replace(/ [وبلفك](?=[\u0600-\u06ff]{3})/g, ' ');
  for (const [spelling, key] of ALIASES) {
    const words = ` ${spelling.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')} `;
    if (spelling.length >= 3 && (folded.includes(words) || unclitic.includes(words))) found.add(key);
  }
  return [...found].sort();
}
