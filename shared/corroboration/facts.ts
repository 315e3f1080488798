/**
 * Same-fact decisions within a story, many-to-many. Pure: the worker gives it the match entries
 * of a new article's claims and those of the story's earlier claims (with the fact each belongs
 * to), and gets back the links to store, the fact of each claim, and the "possibly the same
 * fact" candidates below the threshold.
 *
 * 1. Candidates: same-dimension claims of other sources (money in any currency, counts of people
 *    of any kind, ...). Each pair gets a probability from the fitted model (pairs.ts, model.ts).
 * 2. Facts: a new claim joins the fact (or the lone earlier claim) it is most likely to state:
 *    some member at or above the threshold, and on average at least half of it. A fact holds
 *    one claim per article, unless the article says the same thing twice (in two currencies).
 * 3. Links: the new claim is linked to every member of its fact from another source; the
 *    relation comes from the intervals (relation.ts). A conflict with a later report whose value
 *    continues the fact's course over time (a rising toll) is marked as a possible update.
 * 4. Candidates below the threshold, best first, at most MAX_CANDIDATES per claim, are kept for
 *    the reviewer; they are not links.
 */
import type { MatchEntry } from './entries';
import { MODELS, probability, type Models } from './model';
import { sameSender } from './independence';
import { factFeatures } from './pairs';
import { mid, relationOf, type Relation } from './relation';
import { compareCodeUnits } from '../lib/compare';

export interface StoredEntry extends MatchEntry {
  /** The fact the claim belongs to; none while it stands alone. */
  factId?: string;
}

export interface Link {
  /** The new claim ... */
  from: MatchEntry;
  /** ... and an earlier one of another source. */
  to: MatchEntry;
  relation: Relation;
  score: number;
  /** The other report is later, conflicts, and continues the fact's course: maybe an update. */
  possibleUpdate: { from: boolean; to: boolean };
  /** Both posted by one sender that is not an aggregator: not independent (./independence.ts). */
  sameSender?: boolean;
}

export interface Candidate {
  entry: MatchEntry;
  score: number;
}

export interface Corroboration {
  links: Link[];
  /** The fact of every claim that has one now (new claims, and earlier ones that start a fact). */
  facts: Map<string, string>;
  candidates: Map<string, Candidate[]>;
}

export const MAX_CANDIDATES = 3;

interface Scored {
  a: MatchEntry;
  b: StoredEntry;
  p: number;
}

export function corroborate(own: readonly MatchEntry[], earlier: readonly StoredEntry[], models: Models = MODELS): Corroboration {
  const model = models.fact;
  const ownIds = new Set(own.map((e) => e.articleId));
  const sources = new Set(own.map((e) => e.source));
  const others = earlier.filter((e) => !ownIds.has(e.articleId) && !sources.has(e.source));
  const byDimension = (list: readonly MatchEntry[]) => {
    const map = new Map<string, Map<string, MatchEntry[]>>();
    for (const e of list) {
      const perArticle = map.get(e.features.dimension) ?? new Map<string, MatchEntry[]>();
      perArticle.set(e.articleId, [...(perArticle.get(e.articleId) ?? []), e]);
      map.set(e.features.dimension, perArticle);
    }
    return map;
  };
  const ownDims = byDimension(own);
  const otherDims = byDimension(others);

  const scored = new Map<string, Scored[]>();
  for (const a of own) {
    if (!Number.isFinite(a.features.lo)) continue;
    const aMates = ownDims.get(a.features.dimension)!.get(a.articleId)!;
    const list: Scored[] = [];
    for (const [articleId, bMates] of otherDims.get(a.features.dimension) ?? []) {
      void articleId;
      for (const b of bMates) {
        if (!Number.isFinite(b.features.lo)) continue;
        list.push({ a, b: b as StoredEntry, p: probability(model, factFeatures(a, b, aMates, bMates)) });
      }
    }
    scored.set(a.claimId, list.sort((x, y) => y.p - x.p || compareCodeUnits(x.b.claimId, y.b.claimId)));
  }

  // the groups earlier claims are in: their fact, or themselves alone
  const groupOf = (e: StoredEntry) => e.factId ?? e.claimId;
  const groups = new Map<string, StoredEntry[]>();
  for (const e of others) groups.set(groupOf(e), [...(groups.get(groupOf(e)) ?? []), e as StoredEntry]);

  const facts = new Map<string, string>();
  const links: Link[] = [];
  const candidates = new Map<string, Candidate[]>();
  const joined = new Map<string, MatchEntry[]>(); // group -> new claims that joined it
  // the most certain claims choose first
  const order = [...own].sort((x, y) => (scored.get(y.claimId)?.[0]?.p ?? 0) - (scored.get(x.claimId)?.[0]?.p ?? 0) || compareCodeUnits(x.claimId, y.claimId));
  for (const a of order) {
    const list = scored.get(a.claimId) ?? [];
    const p = new Map(list.map((s) => [s.b.claimId, s.p]));
    let best: { group: string; mean: number } | null = null;
    for (const group of new Set(list.filter((s) => s.p >= model.threshold).map((s) => groupOf(s.b)))) {
      const members = groups.get(group)!;
      const scores = members.map((m) => p.get(m.claimId) ?? 0);
      const mean = scores.reduce((x, y) => x + y, 0) / scores.length;
      if (mean < model.threshold / 2) continue;
      // one claim per article in a fact, unless it says the same thing again
      const mine = joined.get(group) ?? [];
      if (mine.some((m) => relationOf(m.features, a.features) === 'conflicts')) continue;
      if (!best || mean > best.mean) best = { group, mean };
    }
    if (best) {
      const members = groups.get(best.group)!;
      const factId = members[0]!.factId ?? best.group;
      facts.set(a.claimId, factId);
      for (const m of members) if (!m.factId) facts.set(m.claimId, factId);
      joined.set(best.group, [...(joined.get(best.group) ?? []), a]);
      const course = [...members, ...(joined.get(best.group) ?? [])];
      for (const m of members) {
        const relation = relationOf(a.features, m.features);
        links.push({
          from: a,
          to: m,
          relation,
          score: round(p.get(m.claimId) ?? 0),
          possibleUpdate: relation === 'conflicts'
            ? { from: isUpdate(a, m, course), to: isUpdate(m, a, course) }
            : { from: false, to: false },
          ...(sameSender(a, m) ? { sameSender: true } : {}),
        });
      }
    }
    const linked = new Set(best ? groups.get(best.group)!.map((m) => m.claimId) : []);
    const maybe = list
      .filter((s) => !linked.has(s.b.claimId) && s.p >= model.candidateFloor)
      .slice(0, MAX_CANDIDATES)
      .map((s) => ({ entry: s.b as MatchEntry, score: round(s.p) }));
    if (maybe.length > 0) candidates.set(a.claimId, maybe);
  }
  return { links, facts, candidates };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Whether, for claim `self`, the other report is a possible update: published later, and the
 * fact's values taken in publication order move one way only (all rises, or all falls).
 */
function isUpdate(self: MatchEntry, other: MatchEntry, course: readonly MatchEntry[]): boolean {
  const t = (e: MatchEntry) => (e.publishedAt ? Date.parse(e.publishedAt) : NaN);
  if (!(t(other) > t(self))) return false;
  const values = course.filter((e) => Number.isFinite(t(e)) && e.features.pointLike)
    .sort((x, y) => t(x) - t(y))
    .map((e) => mid(e.features));
  const direction = Math.sign(mid(other.features) - mid(self.features));
  if (direction === 0) return false;
  for (let i = 1; i < values.length; i++) if (Math.sign(values[i]! - values[i - 1]!) === -direction) return false;
  return true;
}
