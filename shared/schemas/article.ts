import { z } from 'zod';
import { ExtractedClaim, Language } from './claim';

/** Largest accepted webhook body, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body a newsroom posts to POST /webhooks/articles. Exactly one of `text` and `html`. */
export const WebhookArticle = z
  .object({
    id: z.string().min(1).max(200).optional(),
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048),
    source: z.string().min(1).max(253).optional(),
    title: z.string().min(1).max(1000),
    language: Language.optional(),
    publishedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
  })
  .strict()
  .refine((a) => (a.text === undefined) !== (a.html === undefined), {
    message: 'exactly one of text and html is required',
    path: ['text'],
  });
export type WebhookArticle = z.infer<typeof WebhookArticle>;

export const ArticleStatus = z.enum(['queued', 'processed', 'failed']);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

/** An article as stored (the text itself is stored apart, in chunks). */
export const ArticleRecord = z.object({
  id: z.string(),
  externalId: z.string().optional(),
  url: z.string(),
  source: z.string(),
  title: z.string(),
  language: Language.optional(),
  publishedAt: z.string().optional(),
  receivedAt: z.string(),
  status: ArticleStatus,
  reason: z.string().optional(),
  claimCount: z.number().int().nonnegative().optional(),
  textLength: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const ClaimStatus = z.enum(['needs_review', 'confirmed', 'refuted', 'unverifiable', 'not_a_claim']);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** A claim as stored and served: the extractor's contract plus its identity and review state. */
export const Relation = z.enum(['corroborates', 'conflicts']);
export type Relation = z.infer<typeof Relation>;

export const Corroboration = z.enum(['single_source', 'corroborated', 'conflicting']);
export type Corroboration = z.infer<typeof Corroboration>;

/** What another source said about the same fact. */
export const Evidence = z.object({
  claimId: z.string(),
  articleId: z.string(),
  source: z.string(),
  url: z.string(),
  text: z.string(),
  relation: Relation,
  score: z.number(),
});
export type Evidence = z.infer<typeof Evidence>;

export const VERDICTS = ['confirmed', 'refuted', 'unverifiable', 'not_a_claim'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** One verdict, as kept in a claim's audit history. */
export const ReviewEntry = z.object({
  verdict: Verdict,
  note: z.string().optional(),
  sourceUrls: z.array(z.string()).default([]),
  reviewer: z.string(),
  at: z.string(),
  /** The claim's version this verdict produced. */
  version: z.number().int().positive(),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

/** POST /api/claims/{id}/review: a verdict on the version of the claim the reviewer saw. */
export const ReviewRequest = z
  .object({
    verdict: Verdict,
    note: z.string().trim().max(4000).optional(),
    sourceUrls: z.array(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048)).max(20).default([]),
    expectedVersion: z.number().int().nonnegative(),
  })
  .strict();
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const ClaimRecord = ExtractedClaim.extend({
  id: z.string(),
  articleId: z.string(),
  /** The publisher of the claim's article (kept on the claim for the queue and its filters). */
  source: z.string().optional(),
  status: ClaimStatus,
  version: z.number().int().nonnegative(),
  createdAt: z.string(),
  corroboration: Corroboration.default('single_source'),
  evidence: z.array(Evidence).default([]),
  /** Every verdict, oldest first; the last one is the claim's status. */
  history: z.array(ReviewEntry).default([]),
});
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/** What the ingest function puts on the queue for the claim worker. */
export const ArticleMessage = z.object({ articleId: z.string().min(1) });
export type ArticleMessage = z.infer<typeof ArticleMessage>;

export const IngestResponse = z.object({ articleId: z.string(), status: z.literal('queued') });
export type IngestResponse = z.infer<typeof IngestResponse>;

export const ArticleResponse = ArticleRecord.pick({
  id: true, url: true, source: true, title: true, language: true, publishedAt: true, status: true, reason: true,
}).extend({ claims: z.array(ClaimRecord) });
export type ArticleResponse = z.infer<typeof ArticleResponse>;

export const ClaimPage = z.object({ items: z.array(ClaimRecord), nextCursor: z.string().nullable() });

/** The answer to a stale review: what the claim is now, so that the page can show it. */
export const ReviewConflict = z.object({ error: z.string(), current: z.lazy(() => ClaimRecord) });

/** A claim with the article it comes from, as GET /api/claims/{id} serves it. */
export const ClaimResponse = ClaimRecord.extend({
  article: ArticleRecord.pick({ id: true, url: true, source: true, title: true, publishedAt: true, language: true }),
});
export type ClaimResponse = z.infer<typeof ClaimResponse>;
export type ClaimPage = z.infer<typeof ClaimPage>;

export const ErrorResponse = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
