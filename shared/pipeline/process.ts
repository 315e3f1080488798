import { extractClaims } from '../claims/index';
import { matchEntries } from '../corroboration/entries';
import { findLinks } from '../corroboration/match';
import type { ArticleRecord, ClaimRecord } from '../schemas/article';
import type { ExtractedClaim } from '../schemas/claim';
import type { ArticleStore, ClaimStore, Clock, MatchIndex } from './ports';

export interface ProcessDeps {
  articles: ArticleStore;
  claims: ClaimStore;
  matches: MatchIndex;
  now: Clock;
}

export type ProcessOutcome = 'processed' | 'already_processed' | 'missing' | 'failed';

/**
 * Extracts, stores and corroborates the claims of one queued article.
 * In: the article id from the queue. Out: what happened.
 * Steps: read the article (skip it if gone or already processed); read its text (an article whose
 * text is incomplete, or that the extractor cannot read, is marked failed with the reason);
 * extract the claims and write them with ids derived from the article and their position, so
 * that a redelivered message rewrites the same items; index them and link them to what other
 * sources said (shared/corroboration), on both sides; mark the article processed, only if nobody
 * else did meanwhile (version check).
 */
export async function processArticle(articleId: string, deps: ProcessDeps): Promise<ProcessOutcome> {
  const article = await deps.articles.getArticle(articleId);
  if (!article) return 'missing';
  if (article.status === 'processed') return 'already_processed';
  const text = await deps.articles.getText(article);
  if (text.length !== article.textLength) {
    await deps.articles.markFailed(article, `stored text has ${text.length} characters, expected ${article.textLength}`);
    return 'failed';
  }
  let extracted: ReturnType<typeof extractClaims>;
  try {
    extracted = extractClaims(text, article.language ? { language: article.language } : {});
  } catch (error) {
    // the extractor is not supposed to throw; if it does, retrying the same text cannot help
    await deps.articles.markFailed(article, `claim extraction failed: ${(error as Error).message}`);
    return 'failed';
  }
  const { language, claims } = extracted;
  const records = newClaimRecords(article, claims, deps.now().toISOString());
  await deps.claims.putClaims(records);

  // corroboration: index first, so that of two articles processed at once the later finds the
  // earlier; then look up candidates by key, link, and store the links on both sides
  const entries = matchEntries({ ...article, text }, records);
  await deps.matches.index(entries);
  const links = findLinks(entries, await deps.matches.candidates(entries));
  await deps.matches.saveLinks(links);
  await deps.articles.markProcessed(article, { claimCount: records.length, language });
  return 'processed';
}

/** The stored form of freshly extracted claims: ids from the article and position, awaiting review. */
export function newClaimRecords(article: Pick<ArticleRecord, 'id' | 'source'>, claims: readonly ExtractedClaim[], createdAt: string): ClaimRecord[] {
  return claims.map((claim, index) => ({
    ...claim,
    id: claimIdOf(article.id, index),
    articleId: article.id,
    source: article.source,
    status: 'needs_review',
    version: 0,
    createdAt,
    corroboration: 'single_source',
    evidence: [],
    history: [],
  }));
}

export function claimIdOf(articleId: string, index: number): string {
  return `${articleId}-c${String(index).padStart(4, '0')}`;
}
