/**
 * Articles in DynamoDB: the article item (with its text when it fits, in `text`), the text of a
 * longer article in chunks, and the webhook deliveries seen.
 * SDK errors become our own (ConditionalCheckFailed -> 'exists' / StaleVersionError).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StaleVersionError } from '../../errors';
import type { ArticleStore } from '../../pipeline/ports';
import { ArticleRecord } from '../../schemas/article';
import type { Language } from '../../schemas/claim';
import { ARTICLE_TEXT_ATTRIBUTE, INLINE_TEXT_BYTES, TABLE, TEXT_CHUNK_CHARS } from '../table';
import { articleKey, articlePartition, deliveryKey, parseItem, textSortKey, UNFINISHED_ARTICLES, unfinishedSortKey } from './keys';
import type { TableClient } from './table-client';

export class DynamoArticleStore implements ArticleStore {
  constructor(private readonly table: TableClient) {}

  async createArticle(article: ArticleRecord, text: string): Promise<'created' | 'exists'> {
    // A text that fits goes in the article item. A longer one goes first, in chunks: an article
    // item only exists once its text is complete, so a reader never sees an article without
    // text. Rewriting the same chunks after a crash is harmless.
    const inline = fitsInItem(text);
    if (!inline) {
      const chunks: Record<string, unknown>[] = [];
      for (let i = 0, n = 0; i < text.length; i += TEXT_CHUNK_CHARS, n++) {
        chunks.push({ PK: articlePartition(article.id), SK: textSortKey(n), text: text.slice(i, i + TEXT_CHUNK_CHARS) });
      }
      await this.table.batchPut(chunks);
    }
    try {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.name,
          Item: {
            ...articleKey(article.id),
            type: 'article',
            ...article,
            ...(inline ? { [ARTICLE_TEXT_ATTRIBUTE]: text } : {}),
            // in the sparse index of unfinished articles until processed or failed
            [TABLE.reviewIndex.partitionKey]: UNFINISHED_ARTICLES,
            [TABLE.reviewIndex.sortKey]: unfinishedSortKey(article.receivedAt, article.id),
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return 'created';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  /** The article item without its text (a text kept in the item can be 300 KB). */
  async getArticle(id: string): Promise<ArticleRecord | null> {
    const out = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: articleKey(id), ConsistentRead: true, ...RECORD_ONLY }));
    return out.Item ? parseItem(ArticleRecord, out.Item, `article ${id}`) : null;
  }

  async getArticleWithText(id: string): Promise<{ article: ArticleRecord; text: string | null } | null> {
    const out = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: articleKey(id), ConsistentRead: true }));
    if (!out.Item) return null;
    const text = out.Item[ARTICLE_TEXT_ATTRIBUTE];
    return { article: parseItem(ArticleRecord, out.Item, `article ${id}`), text: typeof text === 'string' ? text : null };
  }

  async getText(article: ArticleRecord): Promise<string> {
    // the article item (its text, when kept there) sorts just before the chunks: one Query reads either
    const parts: string[] = [];
    for await (const item of this.table.query({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :meta AND :chunks',
      ExpressionAttributeNames: { '#text': ARTICLE_TEXT_ATTRIBUTE },
      ExpressionAttributeValues: { ':pk': articlePartition(article.id), ':meta': articleKey(article.id).SK, ':chunks': 'TEXT#\uffff' },
      ProjectionExpression: 'SK, #text',
      ConsistentRead: true,
    })) {
      if (typeof item[ARTICLE_TEXT_ATTRIBUTE] === 'string') parts.push(item[ARTICLE_TEXT_ATTRIBUTE]);
    }
    return parts.join('');
  }

  async recordDelivery(deliveryId: string, articleId: string, senderId?: string): Promise<string> {
    const key = deliveryKey(deliveryId, senderId);
    try {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...key, type: 'delivery', articleId },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return articleId;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const out = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }));
      return String(out.Item?.articleId ?? articleId);
    }
  }

  async beginProcessing(article: ArticleRecord, leaseUntil: Date, now: Date): Promise<ArticleRecord | null> {
    const next: ArticleRecord = {
      ...article,
      status: 'processing',
      leaseUntil: leaseUntil.toISOString(),
      attempts: (article.attempts ?? 0) + 1,
      version: article.version + 1,
    };
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: articleKey(article.id),
          UpdateExpression: 'SET #status = :processing, leaseUntil = :lease, attempts = :attempts, version = :next, #pk = :unfinished, #sk = :since',
          // the version read, and no other run holding it (a lease that ended is free to take)
          ConditionExpression: 'version = :version AND (#status <> :processing OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status', '#pk': TABLE.reviewIndex.partitionKey, '#sk': TABLE.reviewIndex.sortKey },
          ExpressionAttributeValues: {
            ':processing': 'processing',
            ':unfinished': UNFINISHED_ARTICLES,
            ':lease': next.leaseUntil,
            ':attempts': next.attempts,
            ':next': next.version,
            ':version': article.version,
            ':now': now.toISOString(),
            ':since': unfinishedSortKey(now.toISOString(), article.id),
          },
        }),
      );
      return next;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  async release(article: ArticleRecord, now: Date): Promise<void> {
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: articleKey(article.id),
          UpdateExpression: 'SET #status = :queued, version = :next, #sk = :since REMOVE leaseUntil',
          ConditionExpression: 'version = :version AND #status = :processing',
          ExpressionAttributeNames: { '#status': 'status', '#sk': TABLE.reviewIndex.sortKey },
          ExpressionAttributeValues: {
            ':queued': 'queued',
            ':processing': 'processing',
            ':next': article.version + 1,
            ':version': article.version,
            ':since': unfinishedSortKey(now.toISOString(), article.id),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error; // changed meanwhile: nothing to give up
    }
  }

  async markProcessed(article: ArticleRecord, update: { claimCount: number; language: Language; truncated?: string }): Promise<void> {
    const truncated = update.truncated !== undefined;
    await this.updateVersioned(
      article,
      {
        set: `#status = :processed, claimCount = :count, #language = :language${truncated ? ', truncated = :true, reason = :truncated' : ''}`,
        remove: `leaseUntil, #pk, #sk${truncated ? '' : ', reason, truncated'}`,
      },
      { ':processed': 'processed', ':count': update.claimCount, ':language': update.language, ...(truncated ? { ':true': true, ':truncated': update.truncated } : {}) },
    );
  }

  async markFailed(article: ArticleRecord, reason: string): Promise<void> {
    await this.updateVersioned(article, { set: '#status = :failed, reason = :reason', remove: 'leaseUntil, #pk, #sk' }, { ':failed': 'failed', ':reason': reason });
  }

  async unfinished(changedBefore: Date, limit: number): Promise<ArticleRecord[]> {
    const out = await this.table.db.send(
      new QueryCommand({
        TableName: this.table.name,
        IndexName: TABLE.reviewIndex.name,
        KeyConditionExpression: '#pk = :pk AND #sk < :before',
        ExpressionAttributeValues: { ':pk': UNFINISHED_ARTICLES, ':before': changedBefore.toISOString() },
        ProjectionExpression: RECORD_ONLY.ProjectionExpression,
        ExpressionAttributeNames: { '#pk': TABLE.reviewIndex.partitionKey, '#sk': TABLE.reviewIndex.sortKey, ...RECORD_ONLY.ExpressionAttributeNames },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((item) => parseItem(ArticleRecord, item, `article ${String(item.id)}`));
  }

  async requeue(article: ArticleRecord, now: Date): Promise<boolean> {
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: articleKey(article.id),
          UpdateExpression: 'SET #status = :queued, requeues = :requeues, version = :next, #sk = :since REMOVE leaseUntil',
          ConditionExpression: 'version = :version AND attribute_exists(#pk)',
          ExpressionAttributeNames: { '#status': 'status', '#pk': TABLE.reviewIndex.partitionKey, '#sk': TABLE.reviewIndex.sortKey },
          ExpressionAttributeValues: {
            ':queued': 'queued',
            ':requeues': (article.requeues ?? 0) + 1,
            ':next': article.version + 1,
            ':version': article.version,
            ':since': unfinishedSortKey(now.toISOString(), article.id),
          },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** An update that only applies to the version read (optimistic locking: no transactions here). */
  private async updateVersioned(article: ArticleRecord, clauses: { set: string; remove?: string }, values: Record<string, unknown>): Promise<void> {
    const names: Record<string, string> = { '#status': 'status' };
    if (clauses.set.includes('#language')) names['#language'] = 'language';
    if (clauses.remove?.includes('#pk')) Object.assign(names, { '#pk': TABLE.reviewIndex.partitionKey, '#sk': TABLE.reviewIndex.sortKey });
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
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
}


/**
 * Whether a text is kept in the article item: up to one chunk's length and INLINE_TEXT_BYTES of
 * UTF-8, which leaves the item well below DynamoDB's 400 KB with the article's other fields.
 */
export function fitsInItem(text: string): boolean {
  return text.length <= TEXT_CHUNK_CHARS && Buffer.byteLength(text, 'utf8') <= INLINE_TEXT_BYTES;
}

/** A read of the article record's attributes only (not its text). */
const RECORD_ONLY = (() => {
  const names = Object.fromEntries(Object.keys(ArticleRecord.shape).map((name, i) => [`#r${i}`, name]));
  return { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
})();
