/**
 * The corroboration index in DynamoDB: one item per bucket a claim covers
 * (`MATCH#<dimension>#<bucket>`), looked up by key, and the links found stored as evidence items
 * on both claims.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { indexKeys, lookupKeys } from '../../corroboration/buckets';
import type { ClaimFeatures } from '../../corroboration/features';
import { countedRelations } from '../../corroboration/independence';
import type { Link, MatchEntry } from '../../corroboration/match';
import type { ClaimStore, MatchIndex } from '../../pipeline/ports';
import { ClaimStatus, type Corroboration, Corroboration as CorroborationSchema, type Evidence } from '../../schemas/article';
import * as z from '../../schemas/zod';
import { TABLE } from '../table';
import type { DynamoCounters } from './counters';
import { claimKey, evidenceSortKey, reviewSortKey } from './keys';
import type { TableClient } from './table-client';

/** Lookups per article are bounded: at most this many keys, and this many entries per key. */
const MAX_LOOKUP_KEYS = 200;
const ENTRIES_PER_KEY = 100;
/** Two articles more than this apart are not about the same story (as in corroboration/match). */
const STORY_WINDOW_MS = 30 * 24 * 3600 * 1000;

export class DynamoMatchIndex implements MatchIndex {
  constructor(
    private readonly table: TableClient,
    private readonly claims: Pick<ClaimStore, 'getClaim'>,
    /** The review counters, moved when a claim's corroboration changes (counters.ts). */
    private readonly counters?: Pick<DynamoCounters, 'moved'>,
  ) {}

  async index(entries: readonly MatchEntry[]): Promise<void> {
    await this.table.batchPut(
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
        const out = await this.table.db.send(
          new QueryCommand({
            TableName: this.table.name,
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
          ...(other.senderId === undefined ? {} : { senderId: other.senderId }),
          ...(link.sameSender ? { sameSender: true } : {}),
        };
        items.push({ PK: key.PK, SK: evidenceSortKey(key.SK, other.claimId), type: 'evidence', ...evidence });
        touched.add(self.claimId);
      }
    }
    await this.table.batchPut(items);
    for (const claimId of touched) await this.refreshCorroboration(claimId);
  }

  /**
   * Sets a claim's corroboration from its evidence. Evidence is only ever added, so the update
   * applies only if it counts at least as much evidence as the last one (concurrent workers).
   */
  private async refreshCorroboration(claimId: string): Promise<void> {
    const claim = await this.claims.getClaim(claimId);
    if (!claim) return;
    const relations = countedRelations(claim.evidence);
    const corroboration: Corroboration = relations.includes('conflicts') ? 'conflicting' : relations.length > 0 ? 'corroborated' : 'single_source';
    try {
      const out = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: claimKey(claimId)!,
          ReturnValues: 'ALL_OLD',
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
      await this.moveCounters(out.Attributes, corroboration);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** The backlog counters follow a claim's new corroboration, from the values the write replaced. */
  private async moveCounters(old: Record<string, unknown> | undefined, corroboration: Corroboration): Promise<void> {
    const status = ClaimStatus.safeParse(old?.status);
    const before = CorroborationSchema.safeParse(old?.corroboration ?? 'single_source');
    if (!this.counters || !status.success || !before.success) return;
    await this.counters.moved({ status: status.data, corroboration: before.data }, { status: status.data, corroboration });
  }
}

const StoredFeatures = z.object({
  dimension: z.string(),
  concept: z.string(),
  lo: z.number(),
  hi: z.nullable(z.number()),
  pointLike: z.boolean(),
  digits: z.number(),
  about: z.record(z.string(), z.number()),
});
const StoredEntry = z.object({
  claimId: z.string(),
  articleId: z.string(),
  source: z.string(),
  senderId: z.optional(z.string()),
  relayed: z.optional(z.boolean()),
  url: z.string(),
  text: z.string(),
  publishedAt: z.optional(z.string()),
  entities: z.array(z.string()),
  features: StoredFeatures,
});

function parseEntry(json: string, key: string): MatchEntry {
  const parsed = StoredEntry.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`stored match entry ${key} does not match its schema: ${z.prettifyError(parsed.error)}`);
  const { features } = parsed.data;
  return { ...parsed.data, features: { ...features, hi: features.hi ?? Infinity } satisfies ClaimFeatures };
}
