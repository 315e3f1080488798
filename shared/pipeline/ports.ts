import type { MatchEntry } from '../corroboration/entries';
import type { EarlierClaimUpdate, StoryClaim } from '../corroboration/records';
import type { Story } from '../corroboration/stories';
import type { ArticleMessage, ArticleRecord, ClaimPage, ClaimRecord, ClaimStatus, Corroboration, ReviewEntry, UndoEntry } from '../schemas/article';
import type { Backlog } from '../schemas/review';
import type { Language } from '../schemas/claim';

/** Where articles live. Implemented by the DynamoDB adapter (dynalite locally). */
export interface ArticleStore {
  /** Stores a new article and its text; answers 'exists' (and writes nothing) when the id is taken. */
  createArticle(article: ArticleRecord, text: string): Promise<'created' | 'exists'>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  /**
   * The article and, when it is kept in the article item (most are), its text, in one read; the
   * text is null when it is kept apart (a long article: read it with getText).
   */
  getArticleWithText(id: string): Promise<{ article: ArticleRecord; text: string | null } | null>;
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
   * a stored claim, and a reviewer's verdict on it, is never rewritten by the pipeline). A claim
   * with a `storyId` is filed in its story with its match entry, for later articles to compare.
   * The evidence the new claims give earlier claims (`earlier`) is kept with the new claims and
   * is part of the earlier claims' evidence whenever they are read from then on.
   */
  putClaims(claims: readonly ClaimRecord[], matches?: ReadonlyMap<string, MatchEntry>, earlier?: readonly EarlierClaimUpdate[]): Promise<void>;
  /** The claims of an article with their evidence (`evidence: false`: without what later claims gave them, which costs reads). */
  claimsOf(articleId: string, options?: { evidence?: boolean }): Promise<ClaimRecord[]>;
  getClaim(claimId: string): Promise<ClaimRecord | null>;
}

/**
 * Where stories live, and what corroboration writes on earlier claims. Every lookup is a Query
 * on a key, a bounded number per article, whatever the size of the table.
 */
export interface StoryStore {
  /** Stories that may be an article's: those active from two months before its own to two after, newest first. */
  candidateStories(publishedAt: string | undefined): Promise<Story[]>;
  /** The claims filed in these stories (the most recent, a bounded number per story). */
  storyClaims(storyIds: readonly string[]): Promise<StoryClaim[]>;
  /**
   * Sets the risen status, and the fact an earlier claim starts, on the earlier claims that
   * change (one conditional update each; a status only rises, so applying one twice is harmless).
   * Their new evidence is written with the new claims (ClaimStore.putClaims).
   */
  updateEarlier(updates: readonly EarlierClaimUpdate[]): Promise<void>;
  /** The story as stored now (null when unknown or merged into another). */
  getStory(id: string): Promise<Story | null>;
  /**
   * Writes the story (only over the version it was read at: StaleVersionError otherwise) and
   * marks the stories merged into it.
   */
  saveStory(story: Story, merged: readonly Story[]): Promise<void>;
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
