/**
 * The review API's answers as the admin page validates them. The contracts live in
 * shared/schemas (classic zod); the page restates the ones it reads with zod/mini, which a
 * bundler can shake: the classic API drags all of zod into the bundle (about 450 KB minified).
 * test/unit/admin/schemas.test.ts checks that each one here has the same JSON Schema as the
 * shared contract, so the two cannot drift apart.
 */
import * as z from 'zod/mini';

// The page's Content-Security-Policy forbids eval: zod must not even try its compiled parsers
// (the caught attempt would still be reported as a violation). Set before any schema is built.
z.config({ jitless: true });

export const LANGUAGES = ['ar', 'en', 'vi'] as const;
export const CLAIM_KINDS = ['money', 'percent', 'count', 'age', 'duration', 'date', 'measure'] as const;
export const QUALIFIERS = ['exact', 'more_than', 'at_least', 'less_than', 'at_most', 'up_to', 'about', 'range', 'vague'] as const;
export const CLAIM_STATUSES = ['needs_review', 'confirmed', 'refuted', 'unverifiable', 'not_a_claim'] as const;
export const CORROBORATIONS = ['single_source', 'corroborated', 'conflicting'] as const;
export const VERDICTS = ['confirmed', 'refuted', 'unverifiable', 'not_a_claim'] as const;

export const Language = z.enum(LANGUAGES);
export const ClaimKind = z.enum(CLAIM_KINDS);
export const Qualifier = z.enum(QUALIFIERS);
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export const Corroboration = z.enum(CORROBORATIONS);
export const Relation = z.enum(['corroborates', 'conflicts']);
export const Verdict = z.enum(VERDICTS);

export type Language = z.infer<typeof Language>;
export type ClaimStatus = z.infer<typeof ClaimStatus>;
export type Corroboration = z.infer<typeof Corroboration>;
export type Verdict = z.infer<typeof Verdict>;

const count = () => z.int().check(z.nonnegative());

export const Span = z.object({ start: count(), end: count() });

export const ExtractedClaim = z.object({
  kind: ClaimKind,
  text: z.string(),
  start: count(),
  end: count(),
  value: z.nullable(z.number()),
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  qualifier: Qualifier,
  unit: z.string(),
  sentence: Span,
  language: Language,
});

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

export const ReviewEntry = z.object({
  verdict: Verdict,
  note: z.optional(z.string()),
  sourceUrls: z._default(z.array(z.string()), []),
  reviewer: z.string(),
  at: z.string(),
  version: z.int().check(z.positive()),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

export const ClaimRecord = z.extend(ExtractedClaim, {
  id: z.string(),
  articleId: z.string(),
  /** The publisher of the claim's article (older claims may lack it). */
  source: z.optional(z.string()),
  status: ClaimStatus,
  version: count(),
  createdAt: z.string(),
  corroboration: z._default(Corroboration, 'single_source'),
  evidence: z._default(z.array(Evidence), []),
  history: z._default(z.array(ReviewEntry), []),
});
export type ClaimRecord = z.infer<typeof ClaimRecord>;

export const ClaimPage = z.object({ items: z.array(ClaimRecord), nextCursor: z.nullable(z.string()) });
export type ClaimPage = z.infer<typeof ClaimPage>;

export const ArticleSummary = z.object({
  id: z.string(),
  url: z.string(),
  source: z.string(),
  title: z.string(),
  publishedAt: z.optional(z.string()),
  language: z.optional(Language),
});

export const ClaimResponse = z.extend(ClaimRecord, { article: ArticleSummary });

/** GET /api/claims/{id}: the claim, its article, and the sentence it sits in. */
export const ClaimDetail = z.extend(ClaimResponse, { sentenceText: z.string() });
export type ClaimDetail = z.infer<typeof ClaimDetail>;

export const ReviewConflict = z.object({ error: z.string(), current: ClaimRecord });

export const ErrorResponse = z.object({
  error: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** The part of the ClaimReview JSON-LD the page relies on; the rest is shown as it is. */
export const ClaimReviewLd = z.looseObject({ '@type': z.literal('ClaimReview') });
