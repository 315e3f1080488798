import type { ExtractedClaim } from '../schemas/claim';
import { articleEntities, claimFeatures } from './features';
import type { MatchEntry } from './match';

export interface ArticleForMatching {
  id: string;
  source: string;
  senderId?: string;
  relayed?: boolean;
  url: string;
  title: string;
  publishedAt?: string;
  text: string;
}

/** An article's claims beyond this many are not matched (a listing, not a news story). */
export const MAX_MATCHED_CLAIMS = 1000;

/** The match entries of an article's claims (claim ids given by the caller, in claim order). */
export function matchEntries(article: ArticleForMatching, all: readonly (ExtractedClaim & { id: string })[]): MatchEntry[] {
  const claims = all.slice(0, MAX_MATCHED_CLAIMS);
  const entities = articleEntities(article.title, article.text);
  const bySentence = new Map<number, (ExtractedClaim & { id: string })[]>();
  for (const claim of claims) {
    const list = bySentence.get(claim.sentence.start) ?? [];
    list.push(claim);
    bySentence.set(claim.sentence.start, list);
  }
  const entries = claims.map((claim): MatchEntry => {
    const { start: s, end: e } = claim.sentence;
    const others = bySentence.get(s)!.filter((o) => o !== claim).map((o): [number, number] => [o.start - s, o.end - s]);
    return {
      claimId: claim.id,
      articleId: article.id,
      source: article.source,
      ...(article.senderId === undefined ? {} : { senderId: article.senderId }),
      ...(article.relayed ? { relayed: true } : {}),
      url: article.url,
      text: claim.text,
      publishedAt: article.publishedAt,
      entities,
      features: claimFeatures(claim, article.text.slice(s, e), [claim.start - s, claim.end - s], others),
    };
  });
  const byId = new Map(entries.map((entry) => [entry.claimId, entry]));
  // a claim with no telling words of its own shares those of its nearest neighbour in the
  // sentence, a little further away: "invest $500 million over five years"
  return entries.map((entry, i) => {
    const own = entry.features.about;
    if (Math.min(Infinity, ...Object.values(own)) <= 6) return entry;
    const claim = claims[i]!;
    let nearest: Record<string, number> | null = null;
    let nearestGap = Infinity;
    for (const other of bySentence.get(claim.sentence.start)!) {
      const about = byId.get(other.id)!.features.about;
      if (other === claim || !(Math.min(Infinity, ...Object.values(about)) <= 6)) continue;
      const gap = other.end <= claim.start ? claim.start - other.end : other.start - claim.end;
      if (gap < nearestGap) {
        nearest = about;
        nearestGap = gap;
      }
    }
    if (!nearest) return entry;
    const about: Record<string, number> = Object.fromEntries(Object.entries(nearest).map(([k, d]) => [k, d + 3]));
    for (const [k, d] of Object.entries(own)) if (about[k] === undefined || d < about[k]!) about[k] = d;
    return { ...entry, features: { ...entry.features, about } };
  });
}
