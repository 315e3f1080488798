/**
 * The relation between two claims of one fact, from the intervals they assert: corroborates when
 * both can be true, conflicts otherwise. "about" is ±5 %; amounts in different currencies are
 * compared in US dollars (dated table in data.ts) with a further ±6 %; "more than 14" is (14, ∞),
 * "up to 8" is [0, 8], ranges and vague amounts are their bounds; whole counts and years must be
 * equal.
 */
import { CONVERSION_TOLERANCE } from './data';
import type { ClaimFeatures } from './features';

export type Relation = 'corroborates' | 'conflicts';

const EXACT_TOLERANCE = 0.005;

export function relationOf(a: ClaimFeatures, b: ClaimFeatures): Relation {
  // rounding: none for years and whole counts, a hair for percentages, 0.5 % for amounts
  let relative = a.dimension === 'date' || a.dimension.startsWith('count:') || a.dimension === 'percent' ? 0 : EXACT_TOLERANCE;
  const absolute = a.dimension === 'percent' ? 0.05 : 0;
  if (a.dimension === 'money' && a.concept !== b.concept) relative += CONVERSION_TOLERANCE;
  // the tolerance widens one side only
  const overlap = a.lo * (1 - relative) - absolute <= b.hi && b.lo <= a.hi * (1 + relative) + absolute;
  return overlap ? 'corroborates' : 'conflicts';
}

/** The middle of a claim's interval (its low end when open above). */
export const mid = (f: ClaimFeatures) => (Number.isFinite(f.hi) ? (f.lo + f.hi) / 2 : f.lo);
