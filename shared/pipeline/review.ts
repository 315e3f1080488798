/**
 * The reviewers' use cases: the queue, one claim in context, an article with all its claims,
 * verdicts (one, or many at once), undo, soft leases, the counts, the ClaimReview of a verdict
 * and the export. They take domain input (parsed ids, requests and the reviewer's name: the
 * HTTP concerns are in shared/http) and talk to the stores through their ports.
 */
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../errors';
import {
  type ArticleResponse,
  type ClaimDetail,
  type ClaimPage,
  type ClaimRecord,
  isUndo,
  type LinkContext,
  type ReviewEntry,
  type ReviewRequest,
  type Verdict,
} from '../schemas/article';
import {
  type ArticleView,
  type BulkReviewRequest,
  type BulkReviewResponse,
  type ArticleQuery,
  type ClaimQuery,
  type Counts,
  type ExportRow,
  type Lease,
  MAX_RANGE_DAYS,
  type Sources,
  type UndoRequest,
} from '../schemas/review';
import { standingVerdicts, verdictInForce } from './history';
import type { ArticleStore, ArticleTexts, ClaimStore, Clock, ReviewCounts, ReviewQueue } from './ports';

export interface ReviewDeps {
  articles: Pick<ArticleStore, 'getArticle' | 'getText'>;
  claims: Pick<ClaimStore, 'claimsOf' | 'getClaim'>;
  queue: ReviewQueue;
  texts: ArticleTexts;
  counts: ReviewCounts;
  now: Clock;
}

/** How long a reviewer may take back their own verdict. */
export const UNDO_WINDOW_MS = 5 * 60_000;
/** How long opening a claim from the queue keeps it with the reviewer (renewed while it stays open). */
export const LEASE_MS = 5 * 60_000;

/** An article with its claims, in the order of the text, a page at a time. */
export async function getArticle(id: string, deps: Pick<ReviewDeps, 'articles' | 'claims'>, page: Partial<ArticleQuery> = {}): Promise<ArticleResponse> {
  const article = await deps.articles.getArticle(id);
  if (!article) throw new NotFoundError(`no article ${id}`);
  const all = await deps.claims.claimsOf(id);
  let from = 0;
  if (page.cursor !== undefined) {
    const at = all.findIndex((c) => c.id === page.cursor);
    if (at < 0) throw new ValidationError('invalid cursor', [{ path: 'cursor', message: `not a claim of article ${id}` }]);
    from = at + 1;
  }
  const claims = all.slice(from, from + (page.limit ?? all.length));
  const more = from + claims.length < all.length;
  const { url, source, title, language, publishedAt, status, reason, truncated } = article;
  return { id, url, source, title, language, publishedAt, status, reason, truncated, claims, nextCursor: more ? claims[claims.length - 1]!.id : null };
}

/** An article's whole text with every claim and its status, for triage in one view (no evidence or history). */
export async function articleView(id: string, deps: Pick<ReviewDeps, 'articles' | 'claims'>): Promise<ArticleView> {
  const article = await deps.articles.getArticle(id);
  if (!article) throw new NotFoundError(`no article ${id}`);
  const [text, claims] = await Promise.all([deps.articles.getText(article), deps.claims.claimsOf(id)]);
  const { url, source, title, language, publishedAt, status } = article;
  return {
    article: { id, url, source, title, language, publishedAt, status },
    text,
    claims: claims.map((c) => ({ ...c, evidence: [], history: [], candidates: undefined })),
  };
}

/**
 * The review queue, conflicting claims first, a page at a time, narrowed by the filters. A page
 * may hold fewer claims than asked (even none) with a cursor for more: the filters apply after
 * the index is read, a bounded amount per request.
 */
export async function listClaims(query: ClaimQuery, deps: Pick<ReviewDeps, 'queue'>): Promise<ClaimPage> {
  const { status, limit, cursor, from, to, ...filter } = query;
  if (from && to && from > to) throw new ValidationError('invalid query', [{ path: 'to', message: 'must not be before from' }]);
  return deps.queue.claimsByStatus(status, limit, cursor, {
    ...filter,
    ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
    ...(to ? { to: `${to}T23:59:59.999Z` } : {}),
  });
}

/** A claim's sentence and article, the part of the text it needs only. */
async function contextOf(claim: ClaimRecord, deps: Pick<ReviewDeps, 'articles' | 'texts'>): Promise<LinkContext | null> {
  const article = await deps.articles.getArticle(claim.articleId);
  if (!article) return null;
  const sentenceText = await deps.texts.slice(article.id, claim.sentence.start, claim.sentence.end);
  const { url, source, title, publishedAt, language } = article;
  const { kind, value, min, max, qualifier, unit, start, end, sentence, status } = claim;
  return {
    claim: { kind, value, min, max, qualifier, unit, language: claim.language, start, end, sentence, status },
    sentenceText,
    article: { id: article.id, url, source, title, publishedAt, language },
  };
}

/**
 * One claim with its sentence and article, and for each claim its evidence and candidates name,
 * that claim in its sentence with its article (so that a reviewer can judge the link).
 */
export async function getClaim(id: string, deps: Pick<ReviewDeps, 'articles' | 'claims' | 'texts'>): Promise<ClaimDetail> {
  const claim = await deps.claims.getClaim(id);
  if (!claim) throw new NotFoundError(`no claim ${id}`);
  const own = await contextOf(claim, deps);
  if (!own) throw new NotFoundError(`no article ${claim.articleId} for claim ${id}`);
  const linked = [...new Set([...claim.evidence, ...(claim.candidates ?? [])].map((e) => e.claimId))];
  const context: Record<string, LinkContext> = {};
  await Promise.all(
    linked.map(async (otherId) => {
      const other = await deps.claims.getClaim(otherId);
      const found = other && (await contextOf(other, deps));
      if (found) context[otherId] = found;
    }),
  );
  return { ...claim, sentenceText: own.sentenceText, article: own.article, context };
}

/**
 * Records a verdict. In: the claim id, the verdict on the version the reviewer saw, who gave it.
 * Out: the claim as it now is. A stale version answers 409 with the claim as it is, and nothing
 * is overwritten.
 */
export async function reviewClaim(id: string, request: ReviewRequest, reviewer: string, deps: Pick<ReviewDeps, 'queue' | 'now'>): Promise<ClaimRecord> {
  const { verdict, note, sourceUrls, expectedVersion } = request;
  return deps.queue.review(id, expectedVersion, { verdict, ...(note ? { note } : {}), sourceUrls, reviewer, at: deps.now().toISOString() });
}

/**
 * Takes back the caller's own verdict, within UNDO_WINDOW_MS of giving it, as a new history
 * entry: the claim returns to the status it had before, at the next version, and stays leased
 * to the caller. The verdict must be the last thing that happened to the claim (the version it
 * produced): 409 otherwise, as for a verdict; 403 for someone else's verdict.
 */
export async function undoReview(id: string, request: UndoRequest, reviewer: string, deps: Pick<ReviewDeps, 'claims' | 'queue' | 'now'>): Promise<ClaimRecord> {
  const claim = await deps.claims.getClaim(id);
  if (!claim) throw new NotFoundError(`no claim ${id}`);
  if (claim.version !== request.expectedVersion) {
    throw new StaleVersionError(`claim ${id} changed meanwhile: it is at version ${claim.version}, not ${request.expectedVersion}`, claim);
  }
  const last = claim.history.at(-1);
  if (!last || isUndo(last) || last.version !== claim.version) throw new ConflictError(`the last change to claim ${id} is not a verdict that can be taken back`);
  if (last.reviewer !== reviewer) throw new ForbiddenError('only the reviewer who gave a verdict may take it back');
  const now = deps.now();
  if (now.getTime() - Date.parse(last.at) > UNDO_WINDOW_MS) {
    throw new ConflictError(`a verdict can be taken back within ${UNDO_WINDOW_MS / 60_000} minutes; this one was given at ${last.at}`);
  }
  const inForce = standingVerdicts(claim.history).filter((v) => v.version !== last.version).at(-1);
  return deps.queue.undo(
    id,
    claim.version,
    { undoes: last.version, status: inForce?.verdict ?? 'needs_review', reviewer, at: now.toISOString() },
    { undone: last, inForce, lease: { leasedBy: reviewer, leasedUntil: new Date(now.getTime() + LEASE_MS).toISOString() } },
  );
}

/**
 * One verdict for several claims of an article (typically "not a claim" for dates and vague
 * amounts), in one request: each claim is written on the version the reviewer saw, alone; a claim
 * that changed meanwhile is left as it is and reported stale, with its status and version now.
 */
export async function bulkReview(articleId: string, request: BulkReviewRequest, reviewer: string, deps: Pick<ReviewDeps, 'queue' | 'now'>): Promise<BulkReviewResponse> {
  const issues = request.claims.flatMap((c, i) => (c.id.startsWith(`${articleId}-c`) ? [] : [{ path: `claims.${i}.id`, message: `is not a claim of article ${articleId}` }]));
  if (issues.length > 0) throw new ValidationError('invalid bulk review', issues);
  const claims = [...new Map(request.claims.map((c) => [c.id, c])).values()];
  const at = deps.now().toISOString();
  const results: BulkReviewResponse['results'] = new Array(claims.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < claims.length; i = next++) {
      const { id, expectedVersion } = claims[i]!;
      try {
        const written = await deps.queue.review(id, expectedVersion, { verdict: request.verdict, ...(request.note ? { note: request.note } : {}), sourceUrls: [], reviewer, at });
        results[i] = { id, outcome: 'recorded', status: written.status, version: written.version };
      } catch (error) {
        if (error instanceof StaleVersionError) {
          const current = error.current as ClaimRecord | undefined;
          results[i] = { id, outcome: 'stale', ...(current ? { status: current.status, version: current.version } : {}) };
        } else if (error instanceof NotFoundError) results[i] = { id, outcome: 'missing' };
        else throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, claims.length) }, worker));
  return { results };
}

/**
 * Leases a claim that needs review to the reviewer for LEASE_MS (renewing their own lease). Not
 * granted when someone else holds it or it was reviewed meanwhile: the answer says who, or what.
 */
export async function leaseClaim(id: string, reviewer: string, deps: Pick<ReviewDeps, 'queue' | 'now'>): Promise<Lease> {
  const now = deps.now();
  let claim: ClaimRecord;
  let granted = true;
  try {
    claim = await deps.queue.lease(id, reviewer, now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString());
  } catch (error) {
    if (!(error instanceof StaleVersionError) || !error.current) throw error;
    claim = error.current as ClaimRecord;
    granted = false;
  }
  const held = claim.status === 'needs_review' && claim.leasedBy && (granted || (claim.leasedUntil ?? '') > now.toISOString());
  return { claimId: claim.id, granted, status: claim.status, ...(held ? { leasedBy: claim.leasedBy, leasedUntil: claim.leasedUntil } : {}) };
}

export async function releaseClaim(id: string, reviewer: string, deps: Pick<ReviewDeps, 'queue'>): Promise<void> {
  await deps.queue.release(id, reviewer);
}

/** Every day from `from` to `to`, both included (YYYY-MM-DD). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The backlog per status and corroboration, and each reviewer's verdicts per day (today by default), from the counters. */
export async function counts(query: { from?: string; to?: string }, deps: Pick<ReviewDeps, 'counts' | 'now'>): Promise<Counts> {
  const today = deps.now().toISOString().slice(0, 10);
  const to = query.to ?? query.from ?? today;
  const from = query.from ?? to;
  if (from > to) throw new ValidationError('invalid query', [{ path: 'to', message: 'must not be before from' }]);
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (span > MAX_RANGE_DAYS) throw new ValidationError(`the range is longer than ${MAX_RANGE_DAYS} days`, [{ path: 'to', message: `at most ${MAX_RANGE_DAYS} days after from` }]);
  const [backlog, reviews] = await Promise.all([deps.counts.backlog(), deps.counts.reviews(daysBetween(from, to))]);
  return { backlog, from, to, reviews: reviews.filter((r) => r.count > 0) };
}

export async function sources(deps: Pick<ReviewDeps, 'counts'>): Promise<Sources> {
  const list = await deps.counts.sources();
  return { sources: list.filter((s) => s.claims > 0).sort((a, b) => a.source.localeCompare(b.source)) };
}

const RATINGS: Record<Exclude<Verdict, 'not_a_claim'>, { name: string; value: number }> = {
  confirmed: { name: 'True', value: 5 },
  refuted: { name: 'False', value: 1 },
  unverifiable: { name: 'Unverifiable', value: 3 },
};

/** Where the published review of a claim lives, under the public base URL (never a request's own headers). */
export const publicReviewUrl = (baseUrl: string, id: string) => `${baseUrl.replace(/\/+$/, '')}/reviews/${encodeURIComponent(id)}`;

/**
 * schema.org ClaimReview of the verdict in force, for search engines and fact-check aggregators:
 * its public URL, the verdict's date, the publishing organisation with the reviewer, and the
 * article the claim appeared in. A claim without a verdict, or marked "not a claim", has none (404).
 */
export async function claimReview(id: string, deps: Pick<ReviewDeps, 'articles' | 'claims' | 'texts'>, site: { baseUrl: string; publisher: string }): Promise<Record<string, unknown>> {
  const claim = await getClaim(id, deps);
  const verdict = verdictInForce(claim.history);
  if (!verdict) throw new NotFoundError(`claim ${id} has no verdict yet`);
  if (verdict.verdict === 'not_a_claim') throw new NotFoundError(`claim ${id} was marked not a claim: there is nothing to review`);
  const rating = RATINGS[verdict.verdict];
  const published = claim.article.publishedAt ? { datePublished: claim.article.publishedAt.slice(0, 10) } : {};
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: publicReviewUrl(site.baseUrl, id),
    claimReviewed: claim.sentenceText,
    datePublished: verdict.at.slice(0, 10),
    author: { '@type': 'Organization', name: site.publisher, url: site.baseUrl, member: { '@type': 'Person', name: verdict.reviewer } },
    reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 5, worstRating: 1, alternateName: rating.name },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Organization', name: claim.article.source },
      ...published,
      appearance: { '@type': 'CreativeWork', url: claim.article.url, headline: claim.article.title, ...published },
    },
  };
}

/** Claims per export page: a page stays far below Lambda's 6 MB response. */
export const EXPORT_PAGE = 500;
const EXPORTED = ['confirmed', 'refuted', 'unverifiable', 'not_a_claim'] as const;

/** An export cursor: which status is being read, and the queue's cursor within it. */
function exportCursor(cursor: string | undefined): { status: number; inner?: string } {
  if (cursor === undefined) return { status: 0 };
  const m = /^([0-3])(?:\.(.+))?$/.exec(cursor);
  if (!m) throw new ValidationError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this API returned' }]);
  return { status: Number(m[1]), inner: m[2] };
}

/**
 * Reviewed claims, a page at a time: each with its sentence, its article's title and URL, and
 * its whole history (the caller writes JSON Lines of it, or CSV rows of the verdict in force).
 */
export async function exportReviewed(cursor: string | undefined, deps: Pick<ReviewDeps, 'articles' | 'queue' | 'texts'>): Promise<{ rows: ExportRow[]; nextCursor: string | null }> {
  let { status, inner } = exportCursor(cursor);
  const rows: ExportRow[] = [];
  const articles = new Map<string, Promise<Awaited<ReturnType<ReviewDeps['articles']['getArticle']>>>>();
  while (status < EXPORTED.length && rows.length < EXPORT_PAGE) {
    const page = await deps.queue.claimsByStatus(EXPORTED[status]!, Math.min(100, EXPORT_PAGE - rows.length), inner);
    rows.push(
      ...(await Promise.all(
        page.items.map(async (c): Promise<ExportRow> => {
          if (!articles.has(c.articleId)) articles.set(c.articleId, deps.articles.getArticle(c.articleId));
          const article = await articles.get(c.articleId)!;
          return {
            id: c.id, articleId: c.articleId, status: c.status, kind: c.kind, text: c.text, value: c.value, min: c.min, max: c.max,
            qualifier: c.qualifier, unit: c.unit, language: c.language, corroboration: c.corroboration,
            sentence: article ? await deps.texts.slice(article.id, c.sentence.start, c.sentence.end) : '',
            articleTitle: article?.title ?? '', articleUrl: article?.url ?? '', source: article?.source ?? c.source ?? '',
            history: c.history,
          };
        }),
      )),
    );
    inner = page.nextCursor ?? undefined;
    if (!inner) status++;
  }
  return { rows, nextCursor: status < EXPORTED.length ? `${status}${inner ? `.${inner}` : ''}` : null };
}

/** The CSV columns: the claim, where it was said, and the verdict in force. */
export const EXPORT_COLUMNS = [
  'id', 'articleId', 'verdict', 'reviewer', 'reviewedAt', 'note', 'sourceUrls', 'kind', 'text', 'value', 'min', 'max', 'qualifier', 'unit',
  'language', 'corroboration', 'sentence', 'articleTitle', 'articleUrl', 'source',
] as const;

/** An export row as a CSV record: the verdict in force only. */
export function csvRecord(row: ExportRow): Record<(typeof EXPORT_COLUMNS)[number], unknown> {
  const last: ReviewEntry | undefined = verdictInForce(row.history);
  return {
    id: row.id, articleId: row.articleId, verdict: row.status, reviewer: last?.reviewer, reviewedAt: last?.at, note: last?.note,
    sourceUrls: last?.sourceUrls.join(' '), kind: row.kind, text: row.text, value: row.value, min: row.min, max: row.max,
    qualifier: row.qualifier, unit: row.unit, language: row.language, corroboration: row.corroboration, sentence: row.sentence,
    articleTitle: row.articleTitle, articleUrl: row.articleUrl, source: row.source,
  };
}
