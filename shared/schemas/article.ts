import { PublishedAt } from './bounds';
import { count, ExtractedClaim, Language } from './claim';
import * as z from './zod';

/** Largest accepted webhook body, in bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(z.maxLength(2048));
const text = (min: number, max?: number) =>
  max === undefined ? z.string().check(z.minLength(min)) : z.string().check(z.minLength(min), z.maxLength(max));

/** The body a newsroom posts to POST /webhooks/articles. Exactly one of `text` and `html`. */
export const WebhookArticle = z
  .strictObject({
    id: z.optional(text(1, 200)),
    url: httpUrl(),
    source: z.optional(text(1, 253)),
    title: text(1, 1000),
    language: z.optional(Language),
    publishedAt: z.optional(PublishedAt),
    text: z.optional(text(1)),
    html: z.optional(text(1)),
  })
  .check(
    z.refine((a) => (a.text === undefined) !== (a.html === undefined), {
      message: 'exactly one of text and html is required',
      path: ['text'],
    }),
  );
export type WebhookArticle = z.infer<typeof WebhookArticle>;

/** queued -> processing (a worker holds it) -> processed | failed; queued again by the reconciler if it stalls. */
export const ArticleStatus = z.enum(['queued', 'processing', 'processed', 'failed']);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

/** An article as stored (the text itself is stored apart, in chunks). */
export const ArticleRecord = z.object({
  id: z.string(),
  externalId: z.optional(z.string()),
  url: z.string(),
  source: z.string(),
  /** The sender that posted it (absent on articles stored before senders existed). */
  senderId: z.optional(z.string()),
  /** Posted by an aggregator, relaying the outlet named by `source`. */
  relayed: z.optional(z.boolean()),
  title: z.string(),
  language: z.optional(Language),
  publishedAt: z.optional(z.string()),
  receivedAt: z.string(),
  status: ArticleStatus,
  /** Why it failed, or what was left out of it (claims beyond the cap). */
  reason: z.optional(z.string()),
  claimCount: z.optional(count()),
  /** Set when more claims were found than an article may have: only the first ones are kept. */
  truncated: z.optional(z.boolean()),
  textLength: count(),
  version: count(),
  /** Worker runs that started on it, and times the reconciler queued it again. */
  attempts: z.optional(count()),
  requeues: z.optional(count()),
  /** Until when a worker holds it (status processing). */
  leaseUntil: z.optional(z.string()),
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const CLAIM_STATUSES = ['needs_review', 'confirmed', 'refuted', 'unverifiable', 'not_a_claim'] as const;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** A claim as stored and served: the extractor's contract plus its identity and review state. */
export const Relation = z.enum(['corroborates', 'conflicts']);
export type Relation = z.infer<typeof Relation>;

export const CORROBORATIONS = ['single_source', 'corroborated', 'conflicting'] as const;
export const Corroboration = z.enum(CORROBORATIONS);
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
  /** When the other claim's article was published, and this claim's (links stored earlier have neither). */
  publishedAt: z.optional(z.string()),
  ownPublishedAt: z.optional(z.string()),
  /** The two figures differ, and the later one may be an update of the earlier (a rising toll), not a conflict. */
  possibleUpdate: z.optional(z.boolean()),
  /** The sender that posted the other claim's article. */
  senderId: z.optional(z.string()),
  /** Both claims were posted by one sender that is not an aggregator: not independent, so an
   * agreement does not count as corroboration (shared/corroboration/independence.ts). */
  sameSender: z.optional(z.boolean()),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * A claim of another source that may state the same fact, short of a confident link: shown to
 * reviewers apart from the evidence, never counted in the claim's corroboration.
 */
export const Candidate = z.object({
  claimId: z.string(),
  articleId: z.string(),
  source: z.string(),
  url: z.string(),
  text: z.string(),
  score: z.optional(z.number()),
  publishedAt: z.optional(z.string()),
});
export type Candidate = z.infer<typeof Candidate>;

export const VERDICTS = ['confirmed', 'refuted', 'unverifiable', 'not_a_claim'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

/** One verdict, as kept in a claim's audit history. */
export const ReviewEntry = z.object({
  verdict: Verdict,
  note: z.optional(z.string()),
  sourceUrls: z._default(z.array(z.string()), []),
  reviewer: z.string(),
  at: z.string(),
  /** The claim's version this verdict produced. */
  version: z.int().check(z.positive()),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;

/** A verdict taken back by the reviewer who gave it: the claim returns to the status it had before. */
export const UndoEntry = z.object({
  /** The version of the verdict taken back. */
  undoes: z.int().check(z.positive()),
  /** The status the claim returned to. */
  status: ClaimStatus,
  reviewer: z.string(),
  at: z.string(),
  version: z.int().check(z.positive()),
});
export type UndoEntry = z.infer<typeof UndoEntry>;

/** One step of a claim's audit history: a verdict, or a verdict taken back. Nothing is ever removed. */
export const HistoryEntry = z.union([UndoEntry, ReviewEntry]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const isUndo = (entry: HistoryEntry): entry is UndoEntry => 'undoes' in entry;

/** POST /api/claims/{id}/review: a verdict on the version of the claim the reviewer saw. */
export const ReviewRequest = z.strictObject({
  verdict: Verdict,
  note: z.optional(z.string().check(z.trim(), z.maxLength(4000))),
  sourceUrls: z._default(z.array(httpUrl()).check(z.maxLength(20)), []),
  expectedVersion: count(),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

export const ClaimRecord = z.extend(ExtractedClaim, {
  id: z.string(),
  articleId: z.string(),
  /** The publisher of the claim's article (kept on the claim for the queue and its filters). */
  source: z.optional(z.string()),
  /** The sender that posted the claim's article. */
  senderId: z.optional(z.string()),
  status: ClaimStatus,
  version: count(),
  createdAt: z.string(),
  corroboration: z._default(Corroboration, 'single_source'),
  evidence: z._default(z.array(Evidence), []),
  /** The story of the claim's article, and the fact of the story the claim states (once linked). */
  storyId: z.optional(z.string()),
  factId: z.optional(z.string()),
  /** Claims of other sources that may state the same fact, apart from the confident links. */
  candidates: z.optional(z.array(Candidate)),
  /** Every verdict and undo, oldest first; together they give the claim's status. */
  history: z._default(z.array(HistoryEntry), []),
  /** The reviewer and time of the verdict in force (absent while the claim needs review). */
  reviewedBy: z.optional(z.string()),
  reviewedAt: z.optional(z.string()),
  /** A reviewer has the claim open from the queue until then (a soft lease: others are steered away). */
  leasedBy: z.optional(z.string()),
  leasedUntil: z.optional(z.string()),
});
export type ClaimRecord = z.infer<typeof ClaimRecord>;

/** What the ingest function puts on the queue for the claim worker. */
export const ArticleMessage = z.object({ articleId: text(1) });
export type ArticleMessage = z.infer<typeof ArticleMessage>;

export const IngestResponse = z.object({ articleId: z.string(), status: z.literal('queued') });
export type IngestResponse = z.infer<typeof IngestResponse>;

/** The article as the API shows it beside a claim. */
export const ArticleSummary = z.pick(ArticleRecord, { id: true, url: true, source: true, title: true, publishedAt: true, language: true });
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const ArticleResponse = z.extend(
  z.pick(ArticleRecord, { id: true, url: true, source: true, title: true, language: true, publishedAt: true, status: true, reason: true, truncated: true }),
  {
    claims: z.array(ClaimRecord),
    /** The id of the last claim given, when more follow: the `cursor` of the next page. */
    nextCursor: z.nullable(z.string()),
  },
);
export type ArticleResponse = z.infer<typeof ArticleResponse>;

export const ClaimPage = z.object({ items: z.array(ClaimRecord), nextCursor: z.nullable(z.string()) });
export type ClaimPage = z.infer<typeof ClaimPage>;

/** The answer to a stale review: what the claim is now, so that the page can show it. */
export const ReviewConflict = z.object({ error: z.string(), current: ClaimRecord });

/** A claim with the article it comes from. */
export const ClaimResponse = z.extend(ClaimRecord, { article: ArticleSummary });
export type ClaimResponse = z.infer<typeof ClaimResponse>;

/** What a reviewer needs to judge a link: the other claim in its sentence, and its article. */
export const LinkContext = z.object({
  claim: z.pick(ClaimRecord, { kind: true, value: true, min: true, max: true, qualifier: true, unit: true, language: true, start: true, end: true, sentence: true, status: true }),
  sentenceText: z.string(),
  article: ArticleSummary,
});
export type LinkContext = z.infer<typeof LinkContext>;

/**
 * GET /api/claims/{id}: the claim, its article, the sentence it sits in, and the context of each
 * claim its evidence and candidates name (by claim id; a claim gone since is left out).
 */
export const ClaimDetail = z.extend(ClaimResponse, {
  sentenceText: z.string(),
  context: z._default(z.record(z.string(), LinkContext), {}),
});
export type ClaimDetail = z.infer<typeof ClaimDetail>;

export const ErrorResponse = z.object({
  error: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** The part of the ClaimReview JSON-LD the admin page relies on; the rest is shown as it is. */
export const ClaimReviewLd = z.looseObject({ '@type': z.literal('ClaimReview') });
