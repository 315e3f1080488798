/**
 * A part of an article's text, read from where it is kept only (GetItem each): the article item
 * for a text that fits in it (articles.ts), else the chunks that hold the part, so that a claim's
 * sentence in a long article costs one or two reads of 100,000 characters, not the whole article
 * (up to 1 MiB).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ArticleTexts } from '../../pipeline/ports';
import { ARTICLE_TEXT_ATTRIBUTE, TEXT_CHUNK_CHARS } from '../table';
import { articleKey, articlePartition, textSortKey } from './keys';
import type { TableClient } from './table-client';

export class DynamoArticleTexts implements ArticleTexts {
  constructor(private readonly table: TableClient) {}

  async slice(articleId: string, start: number, end: number): Promise<string> {
    if (!(end > start) || start < 0) return '';
    if (end <= TEXT_CHUNK_CHARS) {
      const out = await this.table.db.send(new GetCommand({
        TableName: this.table.name, Key: articleKey(articleId), ConsistentRead: true, ProjectionExpression: '#text', ExpressionAttributeNames: { '#text': ARTICLE_TEXT_ATTRIBUTE },
      }));
      const text: unknown = out.Item?.[ARTICLE_TEXT_ATTRIBUTE];
      if (typeof text === 'string') return text.slice(start, end);
    }
    const first = Math.floor(start / TEXT_CHUNK_CHARS);
    const last = Math.floor((end - 1) / TEXT_CHUNK_CHARS);
    const chunks = await Promise.all(
      Array.from({ length: last - first + 1 }, async (_, i) => {
        const out = await this.table.db.send(
          new GetCommand({ TableName: this.table.name, Key: { PK: articlePartition(articleId), SK: textSortKey(first + i) }, ConsistentRead: true }),
        );
        return String(out.Item?.text ?? '');
      }),
    );
    const offset = first * TEXT_CHUNK_CHARS;
    return chunks.join('').slice(start - offset, end - offset);
  }
}
