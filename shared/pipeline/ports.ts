import type { ArticleMessage, ArticleRecord, ClaimRecord } from '../schemas/article';
import type { Language } from '../schemas/claim';

/** Where articles live. Implemented by the DynamoDB adapter (dynalite locally). */
export interface ArticleStore {
  /** Stores a new article and its text; answers 'exists' (and writes nothing) when the id is taken. */
  createArticle(article: ArticleRecord, text: string): Promise<'created' | 'exists'>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  getText(article: ArticleRecord): Promise<string>;
  /** Remembers which article a webhook delivery brought; returns the article id recorded first. */
  recordDelivery(deliveryId: string, articleId: string): Promise<string>;
  markProcessed(article: ArticleRecord, update: { claimCount: number; language: Language }): Promise<void>;
  markFailed(article: ArticleRecord, reason: string): Promise<void>;
}

/** Where claims live. */
export interface ClaimStore {
  /** Writes the claims of one article; writing the same claims again changes nothing. */
  putClaims(claims: readonly ClaimRecord[]): Promise<void>;
  claimsOf(articleId: string): Promise<ClaimRecord[]>;
  /** The review queue: claims of a status, oldest first, a page at a time. */
  claimsByStatus(status: ClaimRecord['status'], limit: number, cursor?: string): Promise<{ items: ClaimRecord[]; nextCursor: string | null }>;
}

export interface ArticleQueue {
  enqueue(message: ArticleMessage): Promise<void>;
}

export type Clock = () => Date;
