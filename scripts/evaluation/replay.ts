/**
 * Corroboration replayed in memory over annotated articles in arrival order, with the same pure
 * functions as the worker (shared/corroboration/article.ts), so that --explain can ask about any
 * pair of claims and the training script can score a model end to end.
 */
import { extractClaims } from '../../shared/claims/index';
import { corroborateInStory, placeInStory } from '../../shared/corroboration/article';
import { matchEntries, type MatchEntry } from '../../shared/corroboration/entries';
import type { Link, StoredEntry } from '../../shared/corroboration/facts';
import { dimensionOf } from '../../shared/corroboration/features';
import { MODELS, probability, type Models } from '../../shared/corroboration/model';
import { factFeatures } from '../../shared/corroboration/pairs';
import type { Story } from '../../shared/corroboration/stories';
import { claimIdOf } from '../../shared/pipeline/process';
import type { ExtractedClaim } from '../../shared/schemas/claim';
import type { AnnotatedArticle } from './corpus';
import type { ExtractedInArticle, PairVerdict, Replay } from './explain';
import type { PredictedLink } from './links';

export interface Extracted {
  article: AnnotatedArticle;
  claims: ExtractedClaim[];
  entries: MatchEntry[];
}

/** Extraction and match entries of each article, done once. */
export function extractAll(articles: readonly AnnotatedArticle[]): Extracted[] {
  return articles.map((article) => {
    const claims = extractClaims(article.text).claims;
    return { article, claims, entries: matchEntries(article, claims.map((c, k) => ({ ...c, id: claimIdOf(article.id, k) }))) };
  });
}

export interface ReplayRun {
  links: Link[];
  predicted: PredictedLink[];
  /** The story each article ended in (merges followed). */
  storyOf: (articleId: string) => string;
}

/** The articles one at a time in the given order, as the worker sees them. */
export function runReplay(extracted: readonly Extracted[], models: Models = MODELS): ReplayRun {
  const stories = new Map<string, Story>();
  const mergedInto = new Map<string, string>();
  const claimsOfStory = new Map<string, StoredEntry[]>();
  const articleStory = new Map<string, string>();
  const links: Link[] = [];
  const resolve = (id: string): string => (mergedInto.has(id) ? resolve(mergedInto.get(id)!) : id);
  for (const { article, entries } of extracted) {
    const live = [...stories.values()].filter((s) => !mergedInto.has(s.id));
    const step = placeInStory(article, entries, live, models);
    const earlier = step.storyIds.flatMap((id) => claimsOfStory.get(id) ?? []);
    const outcome = corroborateInStory(article, entries, step, earlier, models);
    stories.set(outcome.story.id, outcome.story);
    for (const m of step.choice.merge) mergedInto.set(m.id, outcome.story.id);
    articleStory.set(article.id, outcome.story.id);
    for (const list of claimsOfStory.values()) {
      for (const e of list) if (outcome.facts.has(e.claimId)) e.factId = outcome.facts.get(e.claimId);
    }
    claimsOfStory.set(outcome.story.id, [
      ...(claimsOfStory.get(outcome.story.id) ?? []),
      ...entries.map((e) => ({ ...e, ...(outcome.facts.has(e.claimId) ? { factId: outcome.facts.get(e.claimId) } : {}) })),
    ]);
    links.push(...outcome.links);
  }
  const spans = new Map(extracted.flatMap(({ article, claims }) => claims.map((c, k) => [claimIdOf(article.id, k), { article: article.id, start: c.start, end: c.end }] as const)));
  const predicted = links.map((l): PredictedLink => {
    const a = spans.get(l.from.claimId)!;
    const b = spans.get(l.to.claimId)!;
    return { articleA: a.article, startA: a.start, endA: a.end, articleB: b.article, startB: b.start, endB: b.end, relation: l.relation };
  });
  return { links, predicted, storyOf: (id) => resolve(articleStory.get(id) ?? id) };
}

export function replayCorroboration(articles: readonly AnnotatedArticle[], models: Models = MODELS): Replay {
  const extracted = extractAll(articles);
  const run = runReplay(extracted, models);
  const byId = new Map(extracted.map((e) => [e.article.id, e]));
  const linked = new Set(run.links.map((l) => [l.from.claimId, l.to.claimId].sort().join('|')));
  return {
    claimsOf: (id) => byId.get(id)?.claims ?? [],
    dimension: (claim) => dimensionOf(claim).dimension,
    verdict(x: ExtractedInArticle, y: ExtractedInArticle): PairVerdict {
      const ex = byId.get(x.articleId)!;
      const ey = byId.get(y.articleId)!;
      const a = ex.entries[x.index];
      const b = ey.entries[y.index];
      if (!a || !b) return { stage: 'score', detail: 'claim beyond the matched ones' };
      if (a.features.dimension !== b.features.dimension) return { stage: 'dimension', detail: `${a.features.dimension} / ${b.features.dimension}` };
      if (run.storyOf(x.articleId) !== run.storyOf(y.articleId)) return { stage: 'story', detail: 'the articles are in different stories' };
      const mates = (e: Extracted, m: MatchEntry) => e.entries.filter((o) => o.features.dimension === m.features.dimension);
      const p = probability(models.fact, factFeatures(a, b, mates(ex, a), mates(ey, b)));
      if (linked.has([a.claimId, b.claimId].sort().join('|'))) return { stage: 'linked', detail: 'linked', score: p };
      if (p < models.fact.candidateFloor) return { stage: 'score', detail: 'below the candidate floor', score: p };
      if (p < models.fact.threshold) return { stage: 'threshold', detail: 'below the threshold', score: p };
      return { stage: 'threshold', detail: 'above the threshold, not in the fact chosen', score: p };
    },
  };
}
