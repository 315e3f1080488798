/**
 * The DynamoDB adapters of the stores, split by concern (articles, claims, the corroboration
 * index, senders), all on the one table. The only code that speaks DynamoDB.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoArticleStore } from './articles';
import { DynamoClaimStore } from './claims';
import { DynamoCounters } from './counters';
import { DynamoMatchIndex } from './matches';
import { DynamoSenderStore } from './senders';
import { TableClient } from './table-client';
import { DynamoArticleTexts } from './texts';

export { DynamoArticleStore } from './articles';
export { DynamoClaimStore } from './claims';
export { DynamoCounters } from './counters';
export { DynamoMatchIndex } from './matches';
export { DynamoSenderStore } from './senders';
export { TableClient } from './table-client';
export { DynamoArticleTexts } from './texts';

export interface DynamoStores {
  articles: DynamoArticleStore;
  claims: DynamoClaimStore;
  matches: DynamoMatchIndex;
  counters: DynamoCounters;
  texts: DynamoArticleTexts;
  senders: DynamoSenderStore;
}

/** The stores on one table; `sleep` is the pause between retries of unprocessed batch items. */
export function dynamoStores(db: DynamoDBDocumentClient, tableName: string, sleep?: (ms: number) => Promise<void>): DynamoStores {
  const table = new TableClient(db, tableName, sleep);
  const counters = new DynamoCounters(table);
  const claims = new DynamoClaimStore(table, counters);
  return {
    articles: new DynamoArticleStore(table),
    claims,
    matches: new DynamoMatchIndex(table, claims, counters),
    counters,
    texts: new DynamoArticleTexts(table),
    senders: new DynamoSenderStore(table),
  };
}
