/**
 * The review API's requests and answers beyond the claim itself (shared/schemas/article.ts):
 * the ids in its paths, the queue's query, undo, leases, bulk verdicts, the article view, the
 * counts, the known sources and the export. Every bound here is what keeps a key-forming or
 * oversized input a 400 before it reaches DynamoDB.
 */
import { ArticleSummary, CLAIM_STATUSES, ClaimRecord, ClaimStatus, CORROBORATIONS, Corroboration, HistoryEntry, Verdict } from './article';
import { ClaimKind, count, Language } from './claim';
import * as z from './zod';

import { ArticleId, ClaimId } from './bounds';

export { ArticleId, ClaimId };

/** A calendar day, UTC: 2026-02-10. */
export const Day = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-02-10'),
  z.refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(s);
  }, 'is not a day of the calendar'),
);

/** The widest date range one request may ask for. */
export const MAX_RANGE_DAYS = 31;

const name = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

/**
 * GET /api/claims: the review queue, a status at a time, narrowed by any of the filters. `from`
 * and `to` bound when a claim arrived (status needs_review) or when its verdict was given (any
 * other status), both days included.
 */
export const ClaimQuery = z.strictObject({
  status: z._default(ClaimStatus, 'needs_review'),
  corroboration: z.optional(Corroboration),
  language: z.optional(Language),
  source: z.optional(z.string().check(z.minLength(1), z.maxLength(253))),
  kind: z.optional(ClaimKind),
  articleId: z.optional(ArticleId),
  reviewer: z.optional(name()),
  from: z.optional(Day),
  to: z.optional(Day),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 25),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
});
export type ClaimQuery = z.infer<typeof ClaimQuery>;

/** The most claims one article answer carries (an answer stays far below Lambda's 6 MB). */
export const MAX_ARTICLE_CLAIMS_PAGE = 500;

/** GET /api/articles/{id}: its claims a page at a time, after the claim id of `cursor`. */
export const ArticleQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_ARTICLE_CLAIMS_PAGE)), MAX_ARTICLE_CLAIMS_PAGE),
  cursor: z.optional(ClaimId),
});
export type ArticleQuery = z.infer<typeof ArticleQuery>;

/** POST /api/claims/{id}/undo: takes back the caller's verdict that produced this version. */
export const UndoRequest = z.strictObject({ expectedVersion: z.int().check(z.positive()) });
export type UndoRequest = z.infer<typeof UndoRequest>;

/** The most claims one bulk verdict may carry. */
export const MAX_BULK_CLAIMS = 200;

/** POST /api/articles/{id}/review: one verdict for several claims of the article, each on the version seen. */
export const BulkReviewRequest = z.strictObject({
  verdict: Verdict,
  note: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
  claims: z.array(z.strictObject({ id: ClaimId, expectedVersion: count() })).check(z.minLength(1), z.maxLength(MAX_BULK_CLAIMS)),
});
export type BulkReviewRequest = z.infer<typeof BulkReviewRequest>;

export const BULK_OUTCOMES = ['recorded', 'stale', 'missing'] as const;
/** What happened to each claim: recorded, left alone because it changed meanwhile (its status and version now), or not found. */
export const BulkReviewResponse = z.object({
  results: z.array(z.object({ id: z.string(), outcome: z.enum(BULK_OUTCOMES), status: z.optional(ClaimStatus), version: z.optional(count()) })),
});
export type BulkReviewResponse = z.infer<typeof BulkReviewResponse>;

/**
 * POST /api/claims/{id}/lease: whether the claim is now the caller's (`granted`), and who holds it
 * until when; not granted when someone else holds an unexpired lease, or the claim no longer
 * needs review (its status says so). Being refused a lease is an answer, not an error.
 */
export const Lease = z.object({
  claimId: z.string(),
  granted: z.boolean(),
  status: ClaimStatus,
  leasedBy: z.optional(z.string()),
  leasedUntil: z.optional(z.string()),
});
export type Lease = z.infer<typeof Lease>;

/** GET /api/articles/{id}/view: the article's whole text with every claim (without evidence or history). */
export const ArticleView = z.object({
  article: z.extend(ArticleSummary, { status: z.string() }),
  text: z.string(),
  claims: z.array(ClaimRecord),
});
export type ArticleView = z.infer<typeof ArticleView>;

/** Claims per status and corroboration. */
export const Backlog = z.record(ClaimStatus, z.record(Corroboration, count()));
export type Backlog = z.infer<typeof Backlog>;

/** GET /api/counts?from=&to=: the backlog now, and the verdicts of each reviewer on each day of the range. */
export const CountsQuery = z.strictObject({ from: z.optional(Day), to: z.optional(Day) });
export const Counts = z.object({
  backlog: Backlog,
  from: Day,
  to: Day,
  reviews: z.array(z.object({ day: Day, reviewer: z.string(), count: count() })),
});
export type Counts = z.infer<typeof Counts>;

/** GET /api/sources: every source claims have come from, with how many. */
export const Sources = z.object({ sources: z.array(z.object({ source: z.string(), claims: count() })) });
export type Sources = z.infer<typeof Sources>;

/** GET /api/export?format=jsonl|csv&cursor=: reviewed claims a page at a time (the next page's cursor in `x-next-cursor`). */
export const ExportQuery = z.strictObject({
  format: z._default(z.enum(['jsonl', 'csv']), 'jsonl'),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** One exported claim: what it says, where, and every verdict and undo on it. */
export const ExportRow = z.object({
  id: z.string(),
  articleId: z.string(),
  status: ClaimStatus,
  kind: ClaimKind,
  text: z.string(),
  value: z.nullable(z.number()),
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  qualifier: z.string(),
  unit: z.string(),
  language: Language,
  corroboration: Corroboration,
  sentence: z.string(),
  articleTitle: z.string(),
  articleUrl: z.string(),
  source: z.string(),
  history: z.array(HistoryEntry),
});
export type ExportRow = z.infer<typeof ExportRow>;

export const EMPTY_BACKLOG = (): Backlog =>
  Object.fromEntries(CLAIM_STATUSES.map((s) => [s, Object.fromEntries(CORROBORATIONS.map((c) => [c, 0]))])) as Backlog;
