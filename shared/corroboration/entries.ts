import type { ExtractedClaim, Language } from '../schemas/claim';
import { claimFeatures, type ClaimFeatures } from './features';
import { contentWords, leadEnd, namesIn } from './names';

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

/** What corroboration knows of one claim: where it comes from and what it measures. */
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
  language?: Language;
  features: ClaimFeatures;
}

/** An article's claims beyond this many are not matched (a listing, not a news story). */
export const MAX_MATCHED_CLAIMS = 1000;

/**
 * A figure as a context key: its value to two significant digits ("n:14", "n:1.3e3"); a year
 * whole ("y:2024"), since two significant digits make every year of a decade one figure.
 */
const figureKey = (claim: ExtractedClaim) => (claim.value === null ? null : claim.kind === 'date' ? `y:${claim.value}` : `n:${Number(claim.value.toPrecision(2))}`);

/** The match entries of an article's claims (claim ids given by the caller, in claim order). */
export function matchEntries(article: ArticleForMatching, all: readonly (ExtractedClaim & { id: string })[]): MatchEntry[] {
  const claims = all.slice(0, MAX_MATCHED_CLAIMS);
  const lead = leadEnd(article.text);
  const bySentence = new Map<number, (ExtractedClaim & { id: string })[]>();
  for (const claim of claims) {
    const list = bySentence.get(claim.sentence.start) ?? [];
    list.push(claim);
    bySentence.set(claim.sentence.start, list);
  }
  const sentences = new Map<number, { names: string[]; words: string[] }>();
  for (const [start, list] of bySentence) {
    const text = article.text.slice(start, list[0]!.sentence.end);
    sentences.set(start, { names: namesIn(text), words: contentWords(text) });
  }
  const entries = claims.map((claim): MatchEntry => {
    const { start: s, end: e } = claim.sentence;
    const mates = bySentence.get(s)!.filter((o) => o !== claim);
    const others = mates.map((o): [number, number] => [o.start - s, o.end - s]);
    const sentence = sentences.get(s)!;
    const context = [...new Set([...sentence.names, ...mates.map(figureKey).filter((k): k is string => k !== null)])].sort();
    return {
      claimId: claim.id,
      articleId: article.id,
      source: article.source,
      ...(article.senderId === undefined ? {} : { senderId: article.senderId }),
      ...(article.relayed ? { relayed: true } : {}),
      url: article.url,
      text: claim.text,
      publishedAt: article.publishedAt,
      language: claim.language,
      features: claimFeatures(claim, article.text.slice(s, e), [claim.start - s, claim.end - s], others, {
        context,
        words: sentence.words,
        lead: s < lead,
      }),
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
