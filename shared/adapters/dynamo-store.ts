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
import { indexKeys, lookupKeys } from '../corroboration/buckets';
import type { ClaimFeatures } from '../corroboration/features';
import type { Link, MatchEntry } from '../corroboration/match';
import { NotFoundError, StaleVersionError, ValidationError } from '../errors';
import type { ArticleStore, ClaimFilter, ClaimStore, MatchIndex } from '../pipeline/ports';
import { ArticleRecord, ClaimRecord, type Corroboration, Evidence, type ReviewEntry } from '../schemas/article';
import type { Language } from '../schemas/claim';
import { TABLE, TEXT_CHUNK_CHARS } from './table';

const articleKey = (id: string) => ({ PK: `ARTICLE#${id}`, SK: 'META' });
const claimSortKey = (index: number) => `CLAIM#${String(index).padStart(5, '0')}`;
/** Claim ids are `<articleId>-c<n>`: the item's key follows from the id. */
function claimKey(claimId: string): { PK: string; SK: string } | null {
  const m = /^(.+)-c(\d+)$/.exec(claimId);
  return m ? { PK: `ARTICLE#${m[1]}`, SK: claimSortKey(Number(m[2])) } : null;
}
const RANK: Record<Corroboration, number> = { conflicting: 0, corroborated: 1, single_source: 2 };
/** The review queue's sort key: conflicting claims first, then oldest first. */
const reviewSortKey = (c: Corroboration, createdAt: string, claimId: string) => `${RANK[c]}#${createdAt}#${claimId}`;
/** Lookups per article are bounded: at most this many keys, and this many entries per key. */
const MAX_LOOKUP_KEYS = 200;
const ENTRIES_PER_KEY = 100;
/** Two articles more than this apart are not about the same story (as in corroboration/match). */
const STORY_WINDOW_MS = 30 * 24 * 3600 * 1000;
const textSortKey = (index: number) => `TEXT#${String(index).padStart(4, '0')}`;
const BATCH = 25;

const Cursor = z.record(z.string(), z.string());

export class DynamoStore implements ArticleStore, ClaimStore, MatchIndex {
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
      claims.map((claim) => {
        const { evidence: _evidence, ...stored } = claim;
        return {
          ...claimKey(claim.id)!,
          type: 'claim',
          [TABLE.reviewIndex.partitionKey]: `STATUS#${claim.status}`,
          [TABLE.reviewIndex.sortKey]: reviewSortKey(claim.corroboration, claim.createdAt, claim.id),
          ...stored,
        };
      }),
    );
  }

  async claimsOf(articleId: string): Promise<ClaimRecord[]> {
    return this.claimsWithEvidence(`ARTICLE#${articleId}`, 'CLAIM#');
  }

  async getClaim(claimId: string): Promise<ClaimRecord | null> {
    const key = claimKey(claimId);
    if (!key) return null;
    const [claim] = await this.claimsWithEvidence(key.PK, key.SK);
    return claim?.id === claimId ? claim : null;
  }

  /** Claim items and their evidence items (SK `CLAIM#n` then `CLAIM#n#EV#...`), assembled. */
  private async claimsWithEvidence(pk: string, prefix: string): Promise<ClaimRecord[]> {
    const claims: ClaimRecord[] = [];
    for await (const item of this.query({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    })) {
      if (String(item.SK).includes('#EV#')) {
        const evidence = parseItem(Evidence, item, `evidence ${String(item.SK)}`);
        claims.at(-1)?.evidence.push(evidence);
      } else {
        claims.push(parseItem(ClaimRecord, item, `claim ${String(item.SK)}`));
      }
    }
    return claims;
  }

  async claimsByStatus(status: ClaimRecord['status'], limit: number, cursor?: string, corroboration?: Corroboration, filter: ClaimFilter = {}) {
    const names: Record<string, string> = { '#pk': TABLE.reviewIndex.partitionKey };
    const values: Record<string, unknown> = { ':pk': `STATUS#${status}` };
    if (corroboration) {
      names['#sk'] = TABLE.reviewIndex.sortKey;
      values[':rank'] = `${RANK[corroboration]}#`;
    }
    const conditions: string[] = [];
    for (const [field, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      conditions.push(`#${field} = :${field}`);
    }
    const items: ClaimRecord[] = [];
    let start = cursor === undefined ? undefined : decodeCursor(cursor);
    // a filter applies after DynamoDB's page limit: read a few pages to fill one (bounded)
    for (let page = 0; page < (conditions.length > 0 ? 10 : 1); page++) {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: TABLE.reviewIndex.name,
          KeyConditionExpression: corroboration ? '#pk = :pk AND begins_with(#sk, :rank)' : '#pk = :pk',
          FilterExpression: conditions.length > 0 ? conditions.join(' AND ') : undefined,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Limit: limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      // the queue lists claims; their evidence is one GET /api/claims/{id} away
      items.push(...(out.Items ?? []).map((item) => parseItem(ClaimRecord, item, 'claim')));
      start = out.LastEvaluatedKey;
      if (!start || items.length >= limit) break;
    }
    return { items, nextCursor: start ? encodeCursor(start) : null };
  }

  async review(claimId: string, expectedVersion: number, entry: Omit<ReviewEntry, 'version'>): Promise<ClaimRecord> {
    const key = claimKey(claimId);
    const current = key ? await this.getClaim(claimId) : null;
    if (!key || !current) throw new NotFoundError(`no claim ${claimId}`);
    const recorded: ReviewEntry = { ...entry, version: expectedVersion + 1 };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #status = :status, version = :next, history = list_append(if_not_exists(history, :none), :entry), #pk = :queue',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#status': 'status', '#pk': TABLE.reviewIndex.partitionKey },
          ExpressionAttributeValues: {
            ':status': entry.verdict,
            ':next': expectedVersion + 1,
            ':entry': [recorded],
            ':none': [],
            ':queue': `STATUS#${entry.verdict}`,
            ':expected': expectedVersion,
          },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        const now = (await this.getClaim(claimId))!;
        throw new StaleVersionError(`claim ${claimId} was reviewed meanwhile: it is at version ${now.version}, not ${expectedVersion}`, now);
      }
      throw error;
    }
    return (await this.getClaim(claimId))!;
  }

  async index(entries: readonly MatchEntry[]): Promise<void> {
    await this.batchPut(
      entries.flatMap((entry) =>
        indexKeys(entry.features).map((key) => ({
          PK: `MATCH#${key}`,
          SK: `${entry.publishedAt ?? '~'}#${entry.claimId}`,
          type: 'match',
          // JSON has no Infinity: an open upper bound ("more than") is stored as null
          entry: JSON.stringify({ ...entry, features: { ...entry.features, hi: Number.isFinite(entry.features.hi) ? entry.features.hi : null } }),
        })),
      ),
    );
  }

  async candidates(entries: readonly MatchEntry[]): Promise<MatchEntry[]> {
    const keys = [...new Set(entries.flatMap((e) => lookupKeys(e.features)))].slice(0, MAX_LOOKUP_KEYS);
    const found = new Map<string, MatchEntry>();
    const own = new Set(entries.map((e) => e.articleId));
    // entries sort by publication time: a dated article reads only its story window
    const published = entries[0]?.publishedAt ? Date.parse(entries[0].publishedAt) : NaN;
    const window = Number.isFinite(published)
      ? { from: new Date(published - STORY_WINDOW_MS).toISOString(), to: `${new Date(published + STORY_WINDOW_MS).toISOString()}~` }
      : null;
    await Promise.all(
      keys.map(async (key) => {
        const out = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: window ? 'PK = :pk AND SK BETWEEN :from AND :to' : 'PK = :pk',
            ExpressionAttributeValues: { ':pk': `MATCH#${key}`, ...(window ? { ':from': window.from, ':to': window.to } : {}) },
            ScanIndexForward: false, // the most recent first
            Limit: ENTRIES_PER_KEY,
          }),
        );
        for (const item of out.Items ?? []) {
          const entry = parseEntry(String(item.entry), String(item.SK));
          if (!own.has(entry.articleId)) found.set(entry.claimId, entry);
        }
      }),
    );
    return [...found.values()];
  }

  async saveLinks(links: readonly Link[]): Promise<void> {
    const items: Record<string, unknown>[] = [];
    const touched = new Set<string>();
    for (const link of links) {
      for (const [self, other] of [[link.from, link.to], [link.to, link.from]] as const) {
        const key = claimKey(self.claimId);
        if (!key) continue;
        const evidence: Evidence = {
          claimId: other.claimId, articleId: other.articleId, source: other.source, url: other.url, text: other.text,
          relation: link.relation, score: Math.round(link.score * 1000) / 1000,
        };
        items.push({ PK: key.PK, SK: `${key.SK}#EV#${other.claimId}`, type: 'evidence', ...evidence });
        touched.add(self.claimId);
      }
    }
    await this.batchPut(items);
    for (const claimId of touched) await this.refreshCorroboration(claimId);
  }

  /**
   * Sets a claim's corroboration from its evidence. Evidence is only ever added, so the update
   * applies only if it counts at least as much evidence as the last one (concurrent workers).
   */
  private async refreshCorroboration(claimId: string): Promise<void> {
    const claim = await this.getClaim(claimId);
    if (!claim) return;
    const relations = claim.evidence.map((e) => e.relation);
    const corroboration: Corroboration = relations.includes('conflicts') ? 'conflicting' : relations.length > 0 ? 'corroborated' : 'single_source';
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: claimKey(claimId)!,
          UpdateExpression: 'SET corroboration = :c, evidenceCount = :n, #sk = :sk',
          ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(evidenceCount) OR evidenceCount <= :n)',
          ExpressionAttributeNames: { '#sk': TABLE.reviewIndex.sortKey },
          ExpressionAttributeValues: {
            ':c': corroboration,
            ':n': claim.evidence.length,
            ':sk': reviewSortKey(corroboration, claim.createdAt, claim.id),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
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

const StoredFeatures = z.object({
  dimension: z.string(),
  concept: z.string(),
  lo: z.number(),
  hi: z.number().nullable(),
  pointLike: z.boolean(),
  digits: z.number(),
  about: z.record(z.string(), z.number()),
});
const StoredEntry = z.object({
  claimId: z.string(),
  articleId: z.string(),
  source: z.string(),
  url: z.string(),
  text: z.string(),
  publishedAt: z.string().optional(),
  entities: z.array(z.string()),
  features: StoredFeatures,
});

function parseEntry(json: string, key: string): MatchEntry {
  const parsed = StoredEntry.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`stored match entry ${key} does not match its schema: ${parsed.error.message}`);
  const { features } = parsed.data;
  return { ...parsed.data, features: { ...features, hi: features.hi ?? Infinity } satisfies ClaimFeatures };
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
