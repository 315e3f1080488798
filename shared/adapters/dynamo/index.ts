/**
 * The DynamoDB adapters of the stores, split by concern (articles, claims, stories, senders), all
 * on the one table. The only code that speaks DynamoDB.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from './articles';
import { DynamoClaimStore } from './claims';
import { DynamoCounters } from './counters';
import { DynamoReviewQueue } from './review-queue';
import { DynamoSenderStore } from './senders';
import { DynamoStoryStore } from './stories';
import { TableClient } from './table-client';
import { DynamoArticleTexts } from './texts';

export { DynamoArticleStore } from './articles';
export { DynamoClaimStore } from './claims';
export { DynamoCounters } from './counters';
export { DynamoReviewQueue } from './review-queue';
export { DynamoSenderStore } from './senders';
export { DynamoStoryStore } from './stories';
export { TableClient } from './table-client';
export { DynamoArticleTexts } from './texts';

export interface DynamoStores {
  articles: DynamoArticleStore;
  /** The claim store with the review queue on it. */
  claims: DynamoReviewQueue;
  stories: DynamoStoryStore;
  counters: DynamoCounters;
  texts: DynamoArticleTexts;
  senders: DynamoSenderStore;
}

/** The stores on one table; `sleep` is the pause between retries of unprocessed batch items. */
export function dynamoStores(db: DynamoDBDocumentClient, tableName: string, sleep?: (ms: number) => Promise<void>): DynamoStores {
  const table = new TableClient(db, tableName, sleep);
  const counters = new DynamoCounters(table);
  return {
    ...storesOf(table, counters),
    claims: new DynamoReviewQueue(table, counters),
    counters,
    texts: new DynamoArticleTexts(table),
    senders: new DynamoSenderStore(table),
  };
}

/**
 * The stores the claim worker uses, and only those: its bundle then leaves out the code of the
 * others (the review queue, senders, sentence reads).
 */
export function workerStores(db: DynamoDBDocumentClient, tableName: string): { articles: DynamoArticleStore; claims: DynamoClaimStore; stories: DynamoStoryStore } {
  const table = new TableClient(db, tableName);
  const counters = new DynamoCounters(table);
  return { ...storesOf(table, counters), claims: new DynamoClaimStore(table, counters) };
}

function storesOf(table: TableClient, counters: DynamoCounters): Pick<DynamoStores, 'articles' | 'stories'> {
  return { articles: new DynamoArticleStore(table), stories: new DynamoStoryStore(table, counters) };
}
