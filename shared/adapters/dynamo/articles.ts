/**
 * Articles in DynamoDB: the article item, its text in chunks, and the webhook deliveries seen.
 * SDK errors become our own (ConditionalCheckFailed -> 'exists' / StaleVersionError).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StaleVersionError } from '../../errors';
import type { ArticleStore } from '../../pipeline/ports';
import { ArticleRecord } from '../../schemas/article';
import type { Language } from '../../schemas/claim';
import { TEXT_CHUNK_CHARS } from '../table';
import { articleKey, articlePartition, deliveryKey, parseItem, textSortKey } from './keys';
import type { TableClient } from './table-client';

export class DynamoArticleStore implements ArticleStore {
  constructor(private readonly table: TableClient) {}

  async createArticle(article: ArticleRecord, text: string): Promise<'created' | 'exists'> {
    // The text first: an article item only exists once its text is complete, so a reader never
    // sees an article without text. Rewriting the same chunks after a crash is harmless.
    const chunks: Record<string, unknown>[] = [];
    for (let i = 0, n = 0; i < Math.max(text.length, 1); i += TEXT_CHUNK_CHARS, n++) {
      chunks.push({ PK: articlePartition(article.id), SK: textSortKey(n), text: text.slice(i, i + TEXT_CHUNK_CHARS) });
    }
    await this.table.batchPut(chunks);
    try {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.name,
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
    const out = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: articleKey(id), ConsistentRead: true }));
    return out.Item ? parseItem(ArticleRecord, out.Item, `article ${id}`) : null;
  }

  async getText(article: ArticleRecord): Promise<string> {
    const parts: string[] = [];
    for await (const item of this.table.query({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': articlePartition(article.id), ':prefix': 'TEXT#' },
      ConsistentRead: true,
    })) {
      parts.push(String(item.text ?? ''));
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

  /** An update that only applies to the version read (optimistic locking: no transactions here). */
  private async updateVersioned(article: ArticleRecord, clauses: { set: string; remove?: string }, values: Record<string, unknown>): Promise<void> {
    const names: Record<string, string> = { '#status': 'status' };
    if (clauses.set.includes('#language')) names['#language'] = 'language';
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
