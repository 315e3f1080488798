/**
 * Deciding which claims of other sources state the same fact, and whether they agree.
 * Pure: the worker gives it the claims of a new article and candidates it looked up by bucket.
 *
 * 1. Story: two articles are about the same story when they are close in time (30 days, when
 *    both dates are known) and share a name, or agree exactly on two specific figures.
 * 2. Fact: within a story, a pair of claims can state the same fact when they measure the same
 *    dimension (same kind and unit concept: money in any currency, counts of the same concept,
 *    "person" standing for any kind of person) and the words near them say the same thing
 *    (a shared concept: killed/chết/قتلى -> death). Claims with a specific unit (km/h, seats,
 *    households) may pair without such words when nothing else competes.
 * 3. Each claim pairs with at most one claim of each other article, best score first.
 * 4. Relation: corroborates when the two asserted intervals overlap, conflicts otherwise.
 *    "about" is ±5 %; amounts in different currencies are compared in US dollars (dated table in
 *    data.ts) with a further ±6 %; "more than 14" is (14, ∞), "up to 8" is [0, 8], ranges and
 *    vague amounts are their bounds.
 */
import { CONVERSION_TOLERANCE, GENERIC_NAMES, GENERIC_UNITS, PERSON_FAMILY, WEAK_UNITS } from './data';
import type { ClaimFeatures } from './features';
import { sameSender } from './independence';

export interface MatchEntry {
  claimId: string;
  articleId: string;
  source: string;
  /** The sender that posted the claim's article, and whether it relayed it (an aggregator). */
  senderId?: string;
  relayed?: boolean;
  url: string;
  text: string;
  publishedAt?: string;
  entities: readonly string[];
  features: ClaimFeatures;
}

export type Relation = 'corroborates' | 'conflicts';

export interface Link {
  from: MatchEntry;
  to: MatchEntry;
  relation: Relation;
  score: number;
  /** Both posted by one sender that is not an aggregator: not independent (./independence.ts). */
  sameSender?: boolean;
}

const STORY_WINDOW_MS = 30 * 24 * 3600 * 1000;
const EXACT_TOLERANCE = 0.005;

export function findLinks(claims: readonly MatchEntry[], candidates: readonly MatchEntry[]): Link[] {
  const byArticle = new Map<string, MatchEntry[]>();
  for (const c of candidates) {
    if (claims.some((own) => own.articleId === c.articleId || own.source === c.source)) continue;
    const list = byArticle.get(c.articleId) ?? [];
    if (!list.some((x) => x.claimId === c.claimId)) list.push(c);
    byArticle.set(c.articleId, list);
  }
  const links: Link[] = [];
  for (const others of byArticle.values()) {
    if (!sameStory(claims, others)) continue;
    const scored: Link[] = [];
    for (const a of claims) {
      for (const b of others) {
        const score = factScore(a, b, claims, others);
        if (score > 0) scored.push({ from: a, to: b, relation: relationOf(a.features, b.features, a, b), score });
      }
    }
    scored.sort((x, y) => y.score - x.score || x.from.claimId.localeCompare(y.from.claimId) || x.to.claimId.localeCompare(y.to.claimId));
    const usedA = new Set<string>();
    const usedB = new Set<string>();
    for (const link of scored) {
      if (usedA.has(link.from.claimId) || usedB.has(link.to.claimId)) continue;
      usedA.add(link.from.claimId);
      usedB.add(link.to.claimId);
      links.push(sameSender(link.from, link.to) ? { ...link, sameSender: true } : link);
    }
  }
  return links;
}

export function sameStory(a: readonly MatchEntry[], b: readonly MatchEntry[]): boolean {
  const ta = a[0]?.publishedAt ? Date.parse(a[0].publishedAt) : NaN;
  const tb = b[0]?.publishedAt ? Date.parse(b[0].publishedAt) : NaN;
  if (Number.isFinite(ta) && Number.isFinite(tb) && Math.abs(ta - tb) > STORY_WINDOW_MS) return false;
  const names = new Set(a[0]?.entities ?? []);
  const shared = (b[0]?.entities ?? []).filter((n) => names.has(n));
  const sharedName = shared.length > 0;
  // a shared name of a company, a place or a person is the story itself; a country is not
  if (shared.some((n) => !GENERIC_NAMES.has(n))) return true;
  let anchors = 0;
  let strong = 0;
  for (const x of a) {
    for (const y of b) {
      if (!isAnchor(x, y)) continue;
      anchors++;
      // amounts converted between currencies agree only approximately: never a strong sign
      const converted = x.features.dimension === 'money' && x.features.concept !== y.features.concept;
      if (Math.min(x.features.digits, y.features.digits) >= 3 && !converted) strong++;
    }
  }
  // a shared name and one agreeing figure, or two figures too precise to agree by chance
  return (sharedName && anchors >= 1) || strong >= 2;
}

/** Two figures equal to the rounding, specific enough not to be a coincidence. */
export function isAnchor(x: MatchEntry, y: MatchEntry): boolean {
  const fx = x.features;
  const fy = y.features;
  if (fx.dimension !== fy.dimension || !unitsCompatible(fx, fy) || !fx.pointLike || !fy.pointLike) return false;
  if (fx.dimension === 'date') return false; // a year is no sign of the same story
  if (WEAK_UNITS.has(fx.concept) && Math.min(fx.digits, fy.digits) < 3 && fx.dimension !== 'money' && fx.dimension !== 'percent') return false;
  if ((fx.dimension === 'money' || fx.dimension === 'percent') && Math.min(fx.digits, fy.digits) < 2) return false;
  return relationOf(fx, fy, x, y) === 'corroborates' && Math.abs(mid(fx) - mid(fy)) <= 0.06 * Math.max(mid(fx), mid(fy));
}

const mid = (f: ClaimFeatures) => (Number.isFinite(f.hi) ? (f.lo + f.hi) / 2 : f.lo);

function unitsCompatible(a: ClaimFeatures, b: ClaimFeatures, loose = false): boolean {
  if (a.dimension !== b.dimension) return false;
  if (!a.dimension.startsWith('count:')) return true;
  if (a.concept === b.concept || GENERIC_UNITS.has(a.concept) || GENERIC_UNITS.has(b.concept)) return true;
  // two kinds of people ("workers", "cán bộ") only when their words say the same thing
  return loose && PERSON_FAMILY.has(a.concept) && PERSON_FAMILY.has(b.concept);
}

/** How strongly nearby words say the two claims are about the same thing (0 when nothing shared). */
function sharedConcept(a: ClaimFeatures, b: ClaimFeatures): number {
  let best = 0;
  for (const [concept, da] of Object.entries(a.about)) {
    const db = b.about[concept];
    if (db === undefined) continue;
    best = Math.max(best, 1 / (1 + da) + 1 / (1 + db));
  }
  return best;
}

function factScore(a: MatchEntry, b: MatchEntry, own: readonly MatchEntry[], others: readonly MatchEntry[]): number {
  const fa = a.features;
  const fb = b.features;
  if (!unitsCompatible(fa, fb, true)) return 0;
  if (!unitsCompatible(fa, fb) && sharedConcept(fa, fb) === 0) return 0;
  if (!Number.isFinite(fa.lo) || !Number.isFinite(fb.lo)) return 0;
  // far apart figures are not the same fact told differently (buckets already bound this)
  const ratio = Math.max(mid(fa), mid(fb)) / Math.max(1e-9, Math.min(mid(fa), mid(fb)));
  if (ratio > 4 && fa.pointLike && fb.pointLike) return 0;
  const shared = sharedConcept(fa, fb);
  // ages of two people are rarely one fact: only when the words next to both say so
  if (fa.dimension === 'age' && shared < 1) return 0;
  const specific = !WEAK_UNITS.has(fa.concept) && !WEAK_UNITS.has(fb.concept) && fa.dimension !== 'money' && fa.dimension !== 'percent' && fa.dimension !== 'date';
  if (shared === 0) {
    if (!specific) return anchorOnly(a, b) ? 0.4 : 0;
    // a specific unit pairs alone only when neither side has another claim of that dimension
    const rivals = own.filter((x) => x.features.dimension === fa.dimension && x.features.concept === fa.concept).length +
      others.filter((x) => x.features.dimension === fb.dimension && x.features.concept === fb.concept).length;
    if (rivals > 2) return 0;
    return 0.5;
  }
  const equal = relationOf(fa, fb, a, b) === 'corroborates' ? 0.2 : 0;
  return shared + (specific ? 0.5 : 0) + equal;
}

/** Equal figures precise enough not to be a coincidence ("23.9 dirhams" and "23.90 dirhams"). */
function anchorOnly(a: MatchEntry, b: MatchEntry): boolean {
  return isAnchor(a, b) && Math.min(a.features.digits, b.features.digits) >= 3;
}

export function relationOf(a: ClaimFeatures, b: ClaimFeatures, ea?: MatchEntry, eb?: MatchEntry): Relation {
  // rounding: none for years and whole counts, a hair for percentages, 0.5 % for amounts
  let relative = a.dimension === 'date' || a.dimension.startsWith('count:') ? 0 : a.dimension === 'percent' ? 0 : EXACT_TOLERANCE;
  const absolute = a.dimension === 'percent' ? 0.05 : 0;
  if (a.dimension === 'money' && ea && eb && ea.features.concept !== eb.features.concept) relative += CONVERSION_TOLERANCE;
  // the tolerance widens one side only
  const overlap = a.lo * (1 - relative) - absolute <= b.hi && b.lo <= a.hi * (1 + relative) + absolute;
  return overlap ? 'corroborates' : 'conflicts';
}
