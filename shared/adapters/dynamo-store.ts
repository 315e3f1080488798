/**
 * The DynamoDB adapter of the article and claim stores (see table.ts for the keys). The only
 * code that speaks DynamoDB: SDK errors become our own (ConditionalCheckFailed ->
 * AlreadyExistsError / StaleVersionError), and every item read back is parsed with zod.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { StaleVersionError, ValidationError } from '../errors';
import type { ArticleStore, ClaimStore } from '../pipeline/ports';
import { ArticleRecord, ClaimRecord } from '../schemas/article';
import type { Language } from '../schemas/claim';
import { TABLE, TEXT_CHUNK_CHARS } from './table';

const articleKey = (id: string) => ({ PK: `ARTICLE#${id}`, SK: 'META' });
const claimSortKey = (index: number) => `CLAIM#${String(index).padStart(5, '0')}`;
const textSortKey = (index: number) => `TEXT#${String(index).padStart(4, '0')}`;
const BATCH = 25;

const Cursor = z.record(z.string(), z.string());

export class DynamoStore implements ArticleStore, ClaimStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async createArticle(article: ArticleRecord, text: string): Promise<'created' | 'exists'> {
    // The text first: an article item only exists once its text is complete, so a reader never
    // sees an article without text. Rewriting the same chunks after a crash is harmless.
    const chunks: Record<string, unknown>[] = [];
    for (let i = 0, n = 0; i < Math.max(text.length, 1); i += TEXT_CHUNK_CHARS, n++) {
      chunks.push({ PK: `ARTICLE#${article.id}`, SK: textSortKey(n), text: text.slice(i, i + TEXT_CHUNK_CHARS) });
    }
    await this.batchPut(chunks);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...articleKey(article.id), type: 'article', ...article },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'created';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: articleKey(id), ConsistentRead: true }));
    return out.Item ? parseItem(ArticleRecord, out.Item, `article ${id}`) : null;
  }

  async getText(article: ArticleRecord): Promise<string> {
    const parts: string[] = [];
    for await (const item of this.query({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${article.id}`, ':prefix': 'TEXT#' },
      ConsistentRead: true,
    })) {
      parts.push(String(item.text ?? ''));
    }
    return parts.join('');
  }

  async recordDelivery(deliveryId: string, articleId: string): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: `DELIVERY#${deliveryId}`, SK: 'META', type: 'delivery', articleId },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return articleId;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const out = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: { PK: `DELIVERY#${deliveryId}`, SK: 'META' }, ConsistentRead: true }),
      );
      return String(out.Item?.articleId ?? articleId);
    }
  }

  async markProcessed(article: ArticleRecord, update: { claimCount: number; language: Language }): Promise<void> {
    await this.updateVersioned(
      article,
      { set: '#status = :processed, claimCount = :count, #language = :language', remove: 'reason' },
      { ':processed': 'processed', ':count': update.claimCount, ':language': update.language },
    );
  }

  async markFailed(article: ArticleRecord, reason: string): Promise<void> {
    await this.updateVersioned(article, { set: '#status = :failed, reason = :reason' }, { ':failed': 'failed', ':reason': reason });
  }

  async putClaims(claims: readonly ClaimRecord[]): Promise<void> {
    await this.batchPut(
      claims.map((claim, index) => ({
        PK: `ARTICLE#${claim.articleId}`,
        SK: claimSortKey(index),
        type: 'claim',
        [TABLE.reviewIndex.partitionKey]: `STATUS#${claim.status}`,
        [TABLE.reviewIndex.sortKey]: `${claim.createdAt}#${claim.id}`,
        [TABLE.matchIndex.partitionKey]: `MATCH#${claim.kind}#${claim.unit}`,
        [TABLE.matchIndex.sortKey]: claim.id,
        ...claim,
      })),
    );
  }

  async claimsOf(articleId: string): Promise<ClaimRecord[]> {
    const claims: ClaimRecord[] = [];
    for await (const item of this.query({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':prefix': 'CLAIM#' },
    })) {
      claims.push(parseItem(ClaimRecord, item, `claim of ${articleId}`));
    }
    return claims;
  }

  async claimsByStatus(status: ClaimRecord['status'], limit: number, cursor?: string) {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: TABLE.reviewIndex.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE.reviewIndex.partitionKey },
        ExpressionAttributeValues: { ':pk': `STATUS#${status}` },
        Limit: limit,
        ExclusiveStartKey: cursor === undefined ? undefined : decodeCursor(cursor),
      }),
    );
    return {
      items: (out.Items ?? []).map((item) => parseItem(ClaimRecord, item, 'claim')),
      nextCursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : null,
    };
  }

  /** An update that only applies to the version read (optimistic locking: no transactions here). */
  private async updateVersioned(
    article: ArticleRecord,
    clauses: { set: string; remove?: string },
    values: Record<string, unknown>,
  ): Promise<void> {
    const names: Record<string, string> = { '#status': 'status' };
    if (clauses.set.includes('#language')) names['#language'] = 'language';
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: articleKey(article.id),
          UpdateExpression: `SET ${clauses.set}, version = :next${clauses.remove ? ` REMOVE ${clauses.remove}` : ''}`,
          ConditionExpression: 'version = :version',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':version': article.version, ':next': article.version + 1 },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new StaleVersionError(`article ${article.id} changed meanwhile (version ${article.version})`);
      }
      throw error;
    }
  }

  /** BatchWriteItem in chunks of 25, retrying unprocessed items with a growing pause. */
  private async batchPut(items: readonly Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < items.length; i += BATCH) {
      let requests = items.slice(i, i + BATCH).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error(`could not write ${requests.length} items after ${attempt} attempts`);
        if (attempt > 0) await this.sleep(Math.min(50 * 2 ** attempt, 2000));
        const out: BatchWriteCommandOutput = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }),
        );
        requests = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  private async *query(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): AsyncGenerator<Record<string, unknown>> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(new QueryCommand({ ...input, TableName: this.tableName, ExclusiveStartKey: start }));
      yield* out.Items ?? [];
      start = out.LastEvaluatedKey;
    } while (start);
  }
}

function parseItem<T>(schema: z.ZodType<T>, item: Record<string, unknown>, what: string): T {
  const parsed = schema.safeParse(item);
  if (!parsed.success) throw new Error(`stored ${what} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, string> {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this API returned' }]);
  }
}
