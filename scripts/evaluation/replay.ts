/**
 * Corroboration replayed in memory over annotated articles in arrival order, with the same pure
 * functions as the worker, so that --explain can ask about any pair of claims.
 */
import { extractClaims } from '../../shared/claims/index';
import { matchEntries } from '../../shared/corroboration/entries';
import { dimensionOf } from '../../shared/corroboration/features';
import { factScore, findLinks, sameStory, type MatchEntry } from '../../shared/corroboration/match';
import { claimIdOf } from '../../shared/pipeline/process';
import type { ExtractedClaim } from '../../shared/schemas/claim';
import type { AnnotatedArticle } from './corpus';
import type { ExtractedInArticle, PairVerdict, Replay } from './explain';

export function replayCorroboration(articles: readonly AnnotatedArticle[]): Replay {
  const claims = new Map<string, ExtractedClaim[]>();
  const entries = new Map<string, MatchEntry[]>();
  const order = new Map<string, number>();
  articles.forEach((a, i) => {
    const extracted = extractClaims(a.text).claims;
    claims.set(a.id, extracted);
    order.set(a.id, i);
    entries.set(a.id, matchEntries(a, extracted.map((c, k) => ({ ...c, id: claimIdOf(a.id, k) }))));
  });
  return {
    claimsOf: (id) => claims.get(id) ?? [],
    dimension: (claim) => dimensionOf(claim).dimension,
    verdict(x: ExtractedInArticle, y: ExtractedInArticle): PairVerdict {
      // the later article looks up the earlier one
      const [a, b] = order.get(x.articleId)! > order.get(y.articleId)! ? [x, y] : [y, x];
      const ea = entries.get(a.articleId)!;
      const eb = entries.get(b.articleId)!;
      const fa = ea[a.index]!;
      const fb = eb[b.index]!;
      if (fa.features.dimension !== fb.features.dimension) return { stage: 'dimension', detail: `${fa.features.dimension} / ${fb.features.dimension}` };
      if (!sameStory(ea, eb)) return { stage: 'story', detail: 'no story tie (30 days, a shared name or two figures)' };
      const score = factScore(fa, fb, ea, eb);
      if (score <= 0) return { stage: 'score', detail: 'no fact score', score };
      const linked = findLinks(ea, eb).some((l) => l.from.claimId === fa.claimId && l.to.claimId === fb.claimId);
      return linked ? { stage: 'linked', detail: 'linked', score } : { stage: 'threshold', detail: 'lost to a better pair (one link per claim per article)', score };
    },
  };
}
