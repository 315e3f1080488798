/**
 * Stories in DynamoDB, and what corroboration writes on claims:
 * - a story item per story (`STORY#<id>` / `META`): its recent articles with their signatures,
 *   the stories merged into it, a version; in GSI1 under `STORIES#active`, sorted by the time of
 *   its latest article, so that an article finds the stories active from two months before its
 *   own to two after, the nearest first on each side, with two Queries (up to five when the
 *   stories near it fill more than a 1 MB page; merged stories leave the index);
 * - the claims of a story through GSI2 (`STORY#<id>` / `<publishedAt>#<claimId>`, written with
 *   each claim, with its match features), one Query per story;
 * - on an earlier claim, its risen status and the fact it starts, in one conditional update per
 *   claim that changes (a status only rises); the evidence itself is written with the new claims
 *   (claims.ts, `gives`), never on the earlier ones.
 * The rules (which story, which fact, which status) are in shared/corroboration; this only stores.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClaimFeatures } from '../../corroboration/features';
import { changesEarlierClaim, type EarlierClaimUpdate, higher, type StoryClaim } from '../../corroboration/records';
import type { Story } from '../../corroboration/stories';
import { StaleVersionError } from '../../errors';
import type { StoryStore } from '../../pipeline/ports';
import { ClaimStatus, Corroboration } from '../../schemas/article';
import * as z from '../../schemas/zod';
import { TABLE } from '../table';
import { claimKey, reviewSortKey } from './keys';
import type { BacklogPlace, DynamoCounters } from './counters';
import type { TableClient } from './table-client';
import { mapLimited } from '../../lib/limited';

export const storyKey = (id: string) => ({ PK: `STORY#${id}`, SK: 'META' });
export const storyPartition = (id: string) => `STORY#${id}`;
/**
 * Active stories in GSI1, one partition sorted by the time of their latest article (in UTC, so
 * that the order of the keys is the order in time).
 */
export const ACTIVE_STORIES = 'STORIES#active';
export const activeStorySortKey = (latest: string, storyId: string) => `${new Date(latest).toISOString()}#${storyId}`;
/**
 * The stories an article reads: those whose latest article is at most two months before its own
 * or two months after (articles arrive out of order), the nearest in time first on each side, in
 * one Query per side.
 */
export const STORY_MONTHS_BEFORE = 2;
export const STORY_MONTHS_AFTER = 2;
export const STORIES_BEFORE = 300;
export const STORIES_AFTER = 200;
/**
 * Pages read at most on each side: a page is 1 MB, and a story item with twelve members can take
 * a tenth of that, so that a busy table needs more than one page (five Queries at most in all).
 */
export const STORY_PAGES_BEFORE = 3;
export const STORY_PAGES_AFTER = 2;
/** Earlier claims updated at once (a claim-dense article can raise thousands). */
const UPDATES_IN_FLIGHT = 16;
/** Earlier claims read per story, the most recent first. */
export const CLAIMS_PER_STORY = 600;
/** Stories whose claims are read: the joined one and the most recent merged into it. */
export const MAX_STORIES_READ = 2;

const StoredStory = z.object({
  id: z.string(),
  version: z.number(),
  merged: z.array(z.string()),
  members: z.array(z.object({
    articleId: z.string(),
    source: z.string(),
    publishedAt: z.optional(z.string()),
    signature: z.object({
      names: z.array(z.string()), generic: z.array(z.string()), latinSounds: z.array(z.string()),
      arabicSounds: z.array(z.string()), words: z.array(z.string()), figures: z.array(z.string()),
      roughFigures: z._default(z.array(z.string()), []),
    }),
  })),
});

const StoredFeatures = z.object({
  dimension: z.string(),
  concept: z.string(),
  lo: z.number(),
  hi: z.nullable(z.number()),
  pointLike: z.boolean(),
  digits: z.number(),
  about: z.record(z.string(), z.number()),
  context: z.array(z.string()),
  words: z.array(z.string()),
  lead: z.boolean(),
});
const StoredClaim = z.object({
  id: z.string(),
  articleId: z.string(),
  source: z.optional(z.string()),
  text: z.string(),
  language: z.optional(z.enum(['ar', 'en', 'vi'])),
  url: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  createdAt: z.string(),
  corroboration: z._default(Corroboration, 'single_source'),
  factId: z.optional(z.string()),
  senderId: z.optional(z.string()),
  relayed: z.optional(z.boolean()),
  match: z.string(),
});

/** The match features as a claim item keeps them (JSON has no Infinity: an open bound is null). */
export function storedMatch(features: ClaimFeatures): string {
  return JSON.stringify({ ...features, hi: Number.isFinite(features.hi) ? features.hi : null });
}

function monthsFrom(iso: string, months: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

export class DynamoStoryStore implements StoryStore {
  constructor(
    private readonly table: TableClient,
    /** The review counters, moved when an earlier claim's corroboration rises (counters.ts). */
    private readonly counters?: Pick<DynamoCounters, 'movedAll'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async candidateStories(publishedAt: string | undefined): Promise<Story[]> {
    const at = new Date(publishedAt ?? this.now().toISOString()).toISOString();
    // '#\uffff' sorts after every story id: a story whose latest article is at that very time is read before
    const side = async (from: string, to: string, forward: boolean, limit: number, pages: number) => {
      const items: Record<string, unknown>[] = [];
      // a page holds at most 1 MB, a few large stories: read on, up to `pages` pages
      for await (const item of this.table.query({
        IndexName: TABLE.reviewIndex.name,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': TABLE.reviewIndex.partitionKey, '#sk': TABLE.reviewIndex.sortKey },
        ExpressionAttributeValues: { ':pk': ACTIVE_STORIES, ':from': from, ':to': to },
        ScanIndexForward: forward,
        Limit: limit,
      }, { maxPages: pages })) {
        items.push(item);
        if (items.length >= limit) break;
      }
      return items;
    };
    const pages = await Promise.all([
      side(monthsFrom(at, -STORY_MONTHS_BEFORE), `${at}#\uffff`, false, STORIES_BEFORE, STORY_PAGES_BEFORE),
      side(`${at}#\uffff`, `${monthsFrom(at, STORY_MONTHS_AFTER)}#\uffff`, true, STORIES_AFTER, STORY_PAGES_AFTER),
    ]);
    const stories = new Map<string, Story>();
    for (const item of pages.flat()) {
      const story = parseStory(item);
      stories.set(story.id, story);
    }
    return [...stories.values()];
  }

  async storyClaims(storyIds: readonly string[]): Promise<StoryClaim[]> {
    const lists = await Promise.all(storyIds.slice(0, MAX_STORIES_READ).map(async (id) => {
      const out: StoryClaim[] = [];
      for await (const item of this.table.query({
        IndexName: TABLE.storyIndex.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE.storyIndex.partitionKey },
        ExpressionAttributeValues: { ':pk': storyPartition(id) },
        ScanIndexForward: false,
      })) {
        out.push(parseStoryClaim(item));
        if (out.length >= CLAIMS_PER_STORY) break;
      }
      return out;
    }));
    return lists.flat();
  }

  async updateEarlier(updates: readonly EarlierClaimUpdate[]): Promise<void> {
    const moves = await mapLimited(updates.filter(changesEarlierClaim), UPDATES_IN_FLIGHT, (u) => this.updateOne(u));
    // the backlog counters follow the claims' new corroboration, in one request (counters.ts)
    const moved = moves.flatMap((m) => (m ? [m] : []));
    if (this.counters && moved.length > 0) await this.counters.movedAll(moved);
  }

  /**
   * One earlier claim: its risen status (and its review-queue place), and the fact it starts.
   * Answers the move in the backlog, if its status rose.
   */
  private async updateOne(update: EarlierClaimUpdate): Promise<{ from: BacklogPlace; to: BacklogPlace } | null> {
    const key = claimKey(update.claimId);
    if (!key) return null;
    let seen = update.seen;
    let next = update.corroboration;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const out = await this.table.db.send(new UpdateCommand({
          TableName: this.table.name,
          Key: key,
          ReturnValues: 'ALL_OLD',
          UpdateExpression: `SET corroboration = :next, #sk = :sk${update.factId ? ', factId = if_not_exists(factId, :fact)' : ''}`,
          ConditionExpression: 'attribute_exists(PK) AND (corroboration = :seen OR (attribute_not_exists(corroboration) AND :seen = :single))',
          ExpressionAttributeNames: { '#sk': TABLE.reviewIndex.sortKey },
          ExpressionAttributeValues: {
            ':next': next,
            ':sk': reviewSortKey(next, update.createdAt, update.claimId),
            ':seen': seen,
            ':single': 'single_source',
            ...(update.factId ? { ':fact': update.factId } : {}),
          },
        }));
        const status = ClaimStatus.safeParse(out.Attributes?.status);
        return status.success && next !== seen ? { from: { status: status.data, corroboration: seen }, to: { status: status.data, corroboration: next } } : null;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        // another worker changed the claim meanwhile: read it, and rise from where it is now
        const out = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: key, ConsistentRead: true }));
        if (!out.Item) return null;
        seen = Corroboration.parse(out.Item.corroboration ?? 'single_source');
        next = higher(seen, update.corroboration);
        if (next === seen && (!update.factId || out.Item.factId)) return null;
      }
    }
    throw new Error(`claim ${update.claimId} kept changing while its corroboration rose`);
  }

  async getStory(id: string): Promise<Story | null> {
    const out = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: storyKey(id), ConsistentRead: true }));
    return out.Item && !out.Item.mergedInto ? parseStory(out.Item) : null;
  }

  async saveStory(story: Story, merged: readonly Story[]): Promise<void> {
    const latest = story.members[0]?.publishedAt ?? this.now().toISOString();
    try {
      await this.table.db.send(new PutCommand({
        TableName: this.table.name,
        Item: {
          ...storyKey(story.id),
          type: 'story',
          [TABLE.reviewIndex.partitionKey]: ACTIVE_STORIES,
          [TABLE.reviewIndex.sortKey]: activeStorySortKey(latest, story.id),
          ...story,
        },
        ConditionExpression: story.version === 0 ? 'attribute_not_exists(PK)' : 'version = :read',
        ...(story.version === 0 ? {} : { ExpressionAttributeValues: { ':read': story.version - 1 } }),
      }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new StaleVersionError(`story ${story.id} changed meanwhile`);
      throw error;
    }
    // a merged story leaves the index of active stories and points to the one it joined
    await Promise.all(merged.map((m) => this.table.db.send(new UpdateCommand({
      TableName: this.table.name,
      Key: storyKey(m.id),
      UpdateExpression: 'SET mergedInto = :into REMOVE #pk, #sk',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#pk': TABLE.reviewIndex.partitionKey, '#sk': TABLE.reviewIndex.sortKey },
      ExpressionAttributeValues: { ':into': story.id },
    })).catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    })));
  }
}

function parseStory(item: Record<string, unknown>): Story {
  const parsed = StoredStory.safeParse(item);
  if (!parsed.success) throw new Error(`stored story ${String(item.PK)} does not match its schema: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function parseStoryClaim(item: Record<string, unknown>): StoryClaim {
  const parsed = StoredClaim.safeParse(item);
  if (!parsed.success) throw new Error(`stored claim ${String(item.SK)} does not match its schema: ${z.prettifyError(parsed.error)}`);
  const c = parsed.data;
  const features = StoredFeatures.parse(JSON.parse(c.match));
  return {
    claimId: c.id,
    articleId: c.articleId,
    source: c.source ?? '',
    url: c.url ?? '',
    text: c.text,
    ...(c.publishedAt ? { publishedAt: c.publishedAt } : {}),
    ...(c.language ? { language: c.language } : {}),
    ...(c.factId ? { factId: c.factId } : {}),
    ...(c.senderId === undefined ? {} : { senderId: c.senderId }),
    ...(c.relayed ? { relayed: true } : {}),
    corroboration: c.corroboration,
    createdAt: c.createdAt,
    features: { ...features, hi: features.hi ?? Infinity },
  };
}
