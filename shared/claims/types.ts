/** What the stages of the extractor hand each other, in token indices of the normalized text. */
import type { ClaimKind, Qualifier } from '../schemas/claim';

export interface NumberRead {
  /** Token span of the number itself. */
  a: number;
  b: number;
  value: number;
  /** Written with digits (not number words). */
  digits: boolean;
  /** A scale multiplied it ("14 million"); `scale` is the largest one. */
  scale: number;
  /** Only a scale word, with no number before it ("a thousand", "مليون"): needs a qualifier. */
  bareScale: boolean;
  /** "One" written after its noun, for emphasis: "نقطة واحدة" (a single point) states a count. */
  explicitOne?: boolean;
  /** Written with an indefinite article: "a thousand", "a million". */
  article?: boolean;
  vague?: { min: number; max: number };
  /** The number names its own unit: a dual ("عامين", "نسختين") or a clock duration ("2:04:51"). */
  unit?: UnitRead;
  /** Plain digits with no separator, as written (for years, codes and phone numbers). */
  plain?: string;
  /** The first amount of a pair with one unit ("1.250/1.180 m3/s"): the token of the unit. */
  pairedWith?: number;
  /** The last year of a span of two years written as one ("1985/86", "2015-16"). */
  lastYear?: number;
}

export interface UnitRead {
  kind: ClaimKind;
  unit: string;
  /** Token index after the unit. */
  end: number;
  factor?: number;
  /** Added to the number after the unit: "6 giờ 30 phút" = 6.5 hours, "ست ساعات ونصف". */
  extra?: number;
  /** A code stands between the number and its noun ("296 H-1B visas"): the claim ends at the number. */
  detached?: boolean;
}

/** A claim found, before its offsets are mapped back to the input. */
export interface Candidate {
  a: number;
  b: number;
  kind: ClaimKind;
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  unit: string;
  /** The unit was not stated: borrow it from an earlier claim of the sentence. */
  inherit: boolean;
}

/** A stage's answer: what it read, nothing (try something else), or SKIP (no claim here at all). */
export const SKIP = Symbol('skip');
export type Read<T> = T | null | typeof SKIP;
