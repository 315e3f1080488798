import { timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'zod';
import { issuesOf, NotFoundError, UnauthorizedError, ValidationError } from '../errors';
import { type ArticleResponse, type ClaimPage, type ClaimResponse, ClaimStatus, Corroboration } from '../schemas/article';
import type { ArticleStore, ClaimStore } from './ports';

export interface ReviewDeps {
  articles: ArticleStore;
  claims: ClaimStore;
}

/** Checks "Authorization: Bearer <token>" in constant time. */
export function authorizeBearer(header: string | undefined, token: string): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedError('missing bearer token');
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(token))) throw new UnauthorizedError('invalid bearer token');
}

/** An article with its claims. */
export async function getArticle(id: string, deps: ReviewDeps): Promise<ArticleResponse> {
  const article = await deps.articles.getArticle(id);
  if (!article) throw new NotFoundError(`no article ${id}`);
  const claims = await deps.claims.claimsOf(id);
  const { url, source, title, language, publishedAt, status, reason } = article;
  return { id, url, source, title, language, publishedAt, status, reason, claims };
}

export const ClaimQuery = z
  .object({
    status: ClaimStatus.default('needs_review'),
    corroboration: Corroboration.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .strict();

/** The review queue, conflicting claims first, a page at a time. */
export async function listClaims(query: Record<string, string | undefined>, deps: ReviewDeps): Promise<ClaimPage> {
  const parsed = ClaimQuery.safeParse(query);
  if (!parsed.success) throw new ValidationError('invalid query', issuesOf(parsed.error));
  const { status, limit, cursor, corroboration } = parsed.data;
  return deps.claims.claimsByStatus(status, limit, cursor, corroboration);
}

/** One claim with its evidence and the article it comes from. */
export async function getClaim(id: string, deps: ReviewDeps): Promise<ClaimResponse> {
  const claim = await deps.claims.getClaim(id);
  if (!claim) throw new NotFoundError(`no claim ${id}`);
  const article = await deps.articles.getArticle(claim.articleId);
  if (!article) throw new NotFoundError(`no article ${claim.articleId} for claim ${id}`);
  const { url, source, title, publishedAt, language } = article;
  return { ...claim, article: { id: article.id, url, source, title, publishedAt, language } };
}
