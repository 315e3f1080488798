import { createHash, timingSafeEqual } from 'node:crypto';
import * as z from '../schemas/zod';
import { ForbiddenError, issuesOf, NotFoundError, UnauthorizedError, ValidationError } from '../errors';
import {
  type ArticleResponse,
  type ClaimPage,
  type ClaimRecord,
  type ClaimDetail,
  ClaimStatus,
  Corroboration,
  ReviewRequest,
  type Verdict,
} from '../schemas/article';
import { ClaimKind, Language } from '../schemas/claim';
import type { ArticleStore, ClaimStore, Clock } from './ports';

export interface ReviewDeps {
  articles: ArticleStore;
  claims: ClaimStore;
}

/** Who may use the review API: the Cognito group in AWS. */
export const REVIEWERS_GROUP = 'reviewers';

/** Checks "Authorization: Bearer <token>" in constant time. */
export function authorizeBearer(header: string | undefined, token: string): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedError('missing bearer token');
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(token))) throw new UnauthorizedError('invalid bearer token');
}

/**
 * The reviewer behind a request whose JWT the HTTP API's authorizer already verified: must be
 * in the reviewers group (403 otherwise). Answers the name kept in the audit history.
 */
export function reviewerFromJwt(claims: Readonly<Record<string, unknown>>): string {
  const raw = claims['cognito:groups'];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  if (!groups.includes(REVIEWERS_GROUP)) throw new ForbiddenError(`only members of the ${REVIEWERS_GROUP} group may review`);
  return String(claims.email ?? claims['cognito:username'] ?? claims.username ?? claims.sub ?? 'reviewer');
}

/**
 * A reviewer's name given with the shared token (local runtime): printable, short. HTTP headers
 * carry Latin-1 only, so a name in another script may come percent-encoded ("Mai%20Tr%E1%BA%A7n").
 */
export function reviewerName(header: string | undefined): string {
  let raw = header ?? '';
  try {
    if (/%[0-9a-f]{2}/i.test(raw)) raw = decodeURIComponent(raw);
  } catch {
    // not percent-encoding after all: keep it as it came
  }
  const name = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 100);
  return name || 'reviewer';
}

/** An article with its claims. */
export async function getArticle(id: string, deps: ReviewDeps): Promise<ArticleResponse> {
  const article = await deps.articles.getArticle(id);
  if (!article) throw new NotFoundError(`no article ${id}`);
  const claims = await deps.claims.claimsOf(id);
  const { url, source, title, language, publishedAt, status, reason, truncated } = article;
  return { id, url, source, title, language, publishedAt, status, reason, truncated, claims };
}

export const ClaimQuery = z.strictObject({
  status: z._default(ClaimStatus, 'needs_review'),
  corroboration: z.optional(Corroboration),
  language: z.optional(Language),
  source: z.optional(z.string().check(z.minLength(1), z.maxLength(253))),
  kind: z.optional(ClaimKind),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
});

/** The review queue, conflicting claims first, a page at a time, optionally narrowed. */
export async function listClaims(query: Record<string, string | undefined>, deps: ReviewDeps): Promise<ClaimPage> {
  const parsed = ClaimQuery.safeParse(query);
  if (!parsed.success) throw new ValidationError('invalid query', issuesOf(parsed.error));
  const { status, limit, cursor, corroboration, language, source, kind } = parsed.data;
  return deps.claims.claimsByStatus(status, limit, cursor, corroboration, { language, source, kind });
}

/** One claim with its evidence, history, sentence and the article it comes from. */
export async function getClaim(id: string, deps: ReviewDeps): Promise<ClaimDetail> {
  const claim = await deps.claims.getClaim(id);
  if (!claim) throw new NotFoundError(`no claim ${id}`);
  const article = await deps.articles.getArticle(claim.articleId);
  if (!article) throw new NotFoundError(`no article ${claim.articleId} for claim ${id}`);
  const text = await deps.articles.getText(article);
  const { url, source, title, publishedAt, language } = article;
  return {
    ...claim,
    sentenceText: text.slice(claim.sentence.start, claim.sentence.end),
    article: { id: article.id, url, source, title, publishedAt, language },
  };
}

/**
 * Records a verdict. In: the raw JSON body and who sent it. Out: the claim as it now is.
 * A stale expectedVersion answers 409 with the claim as it is, and nothing is overwritten.
 */
export async function reviewClaim(id: string, body: string, reviewer: string, deps: ReviewDeps & { now: Clock }): Promise<ClaimRecord> {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new ValidationError(`malformed JSON: ${(error as Error).message}`);
  }
  const parsed = ReviewRequest.safeParse(raw);
  if (!parsed.success) throw new ValidationError('invalid review', issuesOf(parsed.error));
  const { verdict, note, sourceUrls, expectedVersion } = parsed.data;
  return deps.claims.review(id, expectedVersion, { verdict, note, sourceUrls, reviewer, at: deps.now().toISOString() });
}

const RATINGS: Record<Verdict, { name: string; value: number }> = {
  confirmed: { name: 'True', value: 5 },
  refuted: { name: 'False', value: 1 },
  unverifiable: { name: 'Unverifiable', value: 3 },
  not_a_claim: { name: 'Not a checkable claim', value: 3 },
};

/** schema.org ClaimReview of a reviewed claim, for search engines and fact-check aggregators. */
export async function claimReview(id: string, deps: ReviewDeps, site: { baseUrl: string; publisher: string }): Promise<Record<string, unknown>> {
  const claim = await getClaim(id, deps);
  const last = claim.history.at(-1);
  if (!last) throw new NotFoundError(`claim ${id} has no verdict yet`);
  const rating = RATINGS[last.verdict];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${site.baseUrl}/admin#claim=${encodeURIComponent(id)}`,
    claimReviewed: claim.sentenceText,
    datePublished: last.at.slice(0, 10),
    author: { '@type': 'Organization', name: site.publisher },
    reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 5, worstRating: 1, alternateName: rating.name },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: claim.article.source },
      ...(claim.article.publishedAt ? { datePublished: claim.article.publishedAt.slice(0, 10) } : {}),
      appearance: {
        '@type': 'CreativeWork',
        url: claim.article.url,
        headline: claim.article.title,
        ...(claim.article.publishedAt ? { datePublished: claim.article.publishedAt.slice(0, 10) } : {}),
      },
    },
  };
}

/** At most this many reviewed claims in one export. */
export const EXPORT_LIMIT = 10_000;
const EXPORT_COLUMNS = ['id', 'articleId', 'verdict', 'reviewer', 'reviewedAt', 'note', 'sourceUrls', 'kind', 'text', 'value', 'min', 'max', 'qualifier', 'unit', 'language', 'corroboration'] as const;

/** Every reviewed claim, as JSON Lines or CSV rows (RFC 4180 quoting). */
export async function exportReviewed(format: string | undefined, deps: ReviewDeps): Promise<{ contentType: string; body: string }> {
  if (format !== undefined && format !== 'jsonl' && format !== 'csv') {
    throw new ValidationError('invalid query', [{ path: 'format', message: 'must be jsonl or csv' }]);
  }
  const rows: Record<(typeof EXPORT_COLUMNS)[number], unknown>[] = [];
  for (const status of ['confirmed', 'refuted', 'unverifiable', 'not_a_claim'] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.claims.claimsByStatus(status, 100, cursor);
      for (const c of page.items) {
        const last = c.history.at(-1);
        rows.push({
          id: c.id, articleId: c.articleId, verdict: c.status, reviewer: last?.reviewer, reviewedAt: last?.at, note: last?.note,
          sourceUrls: last?.sourceUrls.join(' '), kind: c.kind, text: c.text, value: c.value, min: c.min, max: c.max,
          qualifier: c.qualifier, unit: c.unit, language: c.language, corroboration: c.corroboration,
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows.length < EXPORT_LIMIT);
  }
  if (format === 'csv') {
    const cell = (v: unknown) => {
      const s = v === undefined || v === null ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = [EXPORT_COLUMNS.join(','), ...rows.map((r) => EXPORT_COLUMNS.map((k) => cell(r[k])).join(','))];
    return { contentType: 'text/csv; charset=utf-8', body: `${lines.join('\r\n')}\r\n` };
  }
  return { contentType: 'application/x-ndjson; charset=utf-8', body: rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '') };
}
