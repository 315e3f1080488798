/**
 * The DynamoDB adapters of the stores, split by concern (articles, claims, stories, senders), all
 * on the one table. The only code that speaks DynamoDB.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from './articles';
import { DynamoClaimStore } from './claims';
import { DynamoCounters } from './counters';
import { DynamoSenderStore } from './senders';
import { DynamoStoryStore } from './stories';
import { TableClient } from './table-client';
import { DynamoArticleTexts } from './texts';

export { DynamoArticleStore } from './articles';
export { DynamoClaimStore } from './claims';
export { DynamoCounters } from './counters';
export { DynamoSenderStore } from './senders';
export { DynamoStoryStore } from './stories';
export { TableClient } from './table-client';
export { DynamoArticleTexts } from './texts';

export interface DynamoStores {
  articles: DynamoArticleStore;
  claims: DynamoClaimStore;
  stories: DynamoStoryStore;
  counters: DynamoCounters;
  texts: DynamoArticleTexts;
  senders: DynamoSenderStore;
}

/** The stores on one table; `sleep` is the pause between retries of unprocessed batch items. */
export function dynamoStores(db: DynamoDBDocumentClient, tableName: string, sleep?: (ms: number) => Promise<void>): DynamoStores {
  const table = new TableClient(db, tableName, sleep);
  return { ...coreStores(table), texts: new DynamoArticleTexts(table), senders: new DynamoSenderStore(table) };
}

/**
 * The stores the claim worker uses, and only those: its bundle then leaves out the code of the
 * others (senders, sentence reads).
 */
export function workerStores(db: DynamoDBDocumentClient, tableName: string): Pick<DynamoStores, 'articles' | 'claims' | 'stories'> {
  return coreStores(new TableClient(db, tableName));
}

function coreStores(table: TableClient): Pick<DynamoStores, 'articles' | 'claims' | 'stories' | 'counters'> {
  const counters = new DynamoCounters(table);
  return { articles: new DynamoArticleStore(table), claims: new DynamoClaimStore(table, counters), stories: new DynamoStoryStore(table, counters), counters };
}
