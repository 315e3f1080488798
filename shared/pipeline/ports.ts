import type { Link, MatchEntry } from '../corroboration/match';
import type { ArticleMessage, ArticleRecord, ClaimPage, ClaimRecord, ClaimStatus, Corroboration, ReviewEntry, UndoEntry } from '../schemas/article';
import type { Backlog } from '../schemas/review';
import type { Language } from '../schemas/claim';

/** Where articles live. Implemented by the DynamoDB adapter (dynalite locally). */
export interface ArticleStore {
  /** Stores a new article and its text; answers 'exists' (and writes nothing) when the id is taken. */
  createArticle(article: ArticleRecord, text: string): Promise<'created' | 'exists'>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  getText(article: ArticleRecord): Promise<string>;
  /**
   * Remembers which article a webhook delivery brought; returns the article id recorded first.
   * Delivery ids are per sender (`senderId`); the default sender's have no sender id.
   */
  recordDelivery(deliveryId: string, articleId: string, senderId?: string): Promise<string>;
  /**
   * Takes the article for one worker run: status processing, held until `leaseUntil`, one more
   * attempt. Answers null (and changes nothing) when another run holds it, or it changed since it
   * was read.
   */
  beginProcessing(article: ArticleRecord, leaseUntil: Date, now: Date): Promise<ArticleRecord | null>;
  /** Gives up a run's hold on the article after an error, so that the queue's retry may take it (queued again). */
  release(article: ArticleRecord, now: Date): Promise<void>;
  markProcessed(article: ArticleRecord, update: { claimCount: number; language: Language; truncated?: string }): Promise<void>;
  markFailed(article: ArticleRecord, reason: string): Promise<void>;
  /**
   * Articles not yet processed nor failed (queued, or held by a worker) whose last change is
   * older than `changedBefore`, oldest first, at most `limit` (a Query on a sparse index).
   */
  unfinished(changedBefore: Date, limit: number): Promise<ArticleRecord[]>;
  /**
   * Marks an unfinished article queued again, as of `now`, unless it changed since it was read
   * (then answers false: a worker or another reconciler got to it first).
   */
  requeue(article: ArticleRecord, now: Date): Promise<boolean>;
}

/** Where claims live. */
export interface ClaimStore {
  /**
   * Writes new claims of one article (the use case never passes a claim that is stored already:
   * a stored claim, and a reviewer's verdict on it, is never rewritten by the pipeline).
   */
  putClaims(claims: readonly ClaimRecord[]): Promise<void>;
  /** The claims of an article with their evidence. */
  claimsOf(articleId: string): Promise<ClaimRecord[]>;
  getClaim(claimId: string): Promise<ClaimRecord | null>;
}

/** Where claims are indexed to be found by other sources' claims that may state the same fact. */
export interface MatchIndex {
  /** Indexes the claims under their match keys (writing the same entries again changes nothing). */
  index(entries: readonly MatchEntry[]): Promise<void>;
  /** Entries of other articles under the match keys of these claims (a bounded number per key). */
  candidates(entries: readonly MatchEntry[]): Promise<MatchEntry[]>;
  /** Stores each link on both claims and refreshes their corroboration. */
  saveLinks(links: readonly Link[]): Promise<void>;
}

export interface ArticleQueue {
  enqueue(message: ArticleMessage): Promise<void>;
}

export type Clock = () => Date;

/**
 * The reviewers' side of the claims: the queue, verdicts, undo and leases. Every write is one
 * conditional update of the claim item, and moves the counters (ReviewCounts) by what it changed.
 */
export interface ReviewQueue {
  /** The review queue: claims of a status, conflicting first then oldest first, a page at a time. */
  claimsByStatus(status: ClaimStatus, limit: number, cursor?: string, filter?: ClaimFilter): Promise<ClaimPage>;
  /**
   * Records a verdict on the version of the claim the reviewer saw: the claim takes the verdict
   * as its status and the next version, the verdict joins its history and any lease ends, in one
   * conditional write. Throws StaleVersionError (and writes nothing) when the claim is at another version.
   */
  review(claimId: string, expectedVersion: number, entry: Omit<ReviewEntry, 'version'>): Promise<ClaimRecord>;
  /**
   * Takes a verdict back, on the version it produced: the undo joins the history, the claim takes
   * the status and verdict in force before it, and the next version. `undone` is the verdict taken
   * back; `lease` keeps the claim with the reviewer who took it back. StaleVersionError otherwise.
   */
  undo(
    claimId: string,
    expectedVersion: number,
    entry: Omit<UndoEntry, 'version'>,
    effect: { undone: ReviewEntry; inForce?: ReviewEntry; lease?: { leasedBy: string; leasedUntil: string } },
  ): Promise<ClaimRecord>;
  /**
   * Leases a claim that needs review to a reviewer until `until`, unless someone else holds an
   * unexpired lease (`now` decides): StaleVersionError with the claim as it is otherwise.
   */
  lease(claimId: string, reviewer: string, now: string, until: string): Promise<ClaimRecord>;
  /** Ends the reviewer's lease on the claim, if it is theirs. */
  release(claimId: string, reviewer: string): Promise<void>;
}

/** Narrower views of the review queue; `from` and `to` are ISO instants, both included. */
export interface ClaimFilter {
  corroboration?: Corroboration;
  language?: string;
  source?: string;
  kind?: string;
  articleId?: string;
  reviewer?: string;
  from?: string;
  to?: string;
}

/** Counters kept by the writes themselves (never counted with a Scan). */
export interface ReviewCounts {
  /** Claims per status and corroboration. */
  backlog(): Promise<Backlog>;
  /** Verdicts in force per reviewer on each of these days (YYYY-MM-DD, UTC). */
  reviews(days: readonly string[]): Promise<{ day: string; reviewer: string; count: number }[]>;
  /** Every source claims came from, with how many. */
  sources(): Promise<{ source: string; claims: number }[]>;
}

/** Parts of an article's text, read without reading all of it. */
export interface ArticleTexts {
  slice(articleId: string, start: number, end: number): Promise<string>;
}
