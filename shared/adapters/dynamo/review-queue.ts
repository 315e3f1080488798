/**
 * The review queue in DynamoDB: claims by status on GSI1 (filtered and paged by cursor), and
 * verdicts, undos and leases as conditional, versioned updates of the claim items. The review API
 * uses it; the worker needs only the claim store it extends.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, StaleVersionError, ValidationError } from '../../errors';
import type { ClaimFilter, ReviewQueue } from '../../pipeline/ports';
import { type ClaimPage, ClaimRecord, type ClaimStatus, type Corroboration, type ReviewEntry, type UndoEntry } from '../../schemas/article';
import * as z from '../../schemas/zod';
import { TABLE } from '../table';
import { DynamoClaimStore } from './claims';
import { articlePartition, claimKey, encodeCursor, parseItem, RANK } from './keys';

export class DynamoReviewQueue extends DynamoClaimStore implements ReviewQueue {
  async claimsByStatus(status: ClaimStatus, limit: number, cursor?: string, filter: ClaimFilter = {}): Promise<ClaimPage> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const conditions: string[] = [];
    const when = status === 'needs_review' ? 'createdAt' : 'reviewedAt';
    const equal: [string, string | undefined][] = [
      ['language', filter.language],
      ['source', filter.source],
      ['kind', filter.kind],
      ['reviewedBy', filter.reviewer],
    ];
    if (filter.articleId) equal.push(['status', status], ['corroboration', filter.corroboration], ['type', 'claim']);
    for (const [field, value] of equal) {
      if (value === undefined) continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      conditions.push(`#${field} = :${field}`);
    }
    if (filter.from || filter.to) {
      names['#when'] = when;
      if (filter.from) values[':from'] = filter.from;
      if (filter.to) values[':to'] = filter.to;
      conditions.push(filter.from && filter.to ? '#when BETWEEN :from AND :to' : filter.from ? '#when >= :from' : '#when <= :to');
    }
    let key: string;
    let keyAttributes: readonly string[];
    if (filter.articleId) {
      // one article's claims: its own partition, in the order of the text
      names['#pk'] = 'PK';
      names['#sk'] = 'SK';
      values[':pk'] = articlePartition(filter.articleId);
      values[':prefix'] = 'CLAIM#';
      key = '#pk = :pk AND begins_with(#sk, :prefix)';
      keyAttributes = ['PK', 'SK'];
    } else {
      names['#pk'] = TABLE.reviewIndex.partitionKey;
      values[':pk'] = `STATUS#${status}`;
      key = '#pk = :pk';
      if (filter.corroboration) {
        names['#sk'] = TABLE.reviewIndex.sortKey;
        values[':rank'] = `${RANK[filter.corroboration]}#`;
        key += ' AND begins_with(#sk, :rank)';
      }
      keyAttributes = ['PK', 'SK', TABLE.reviewIndex.partitionKey, TABLE.reviewIndex.sortKey];
    }
    const filtered = conditions.length > 0;
    const items: ClaimRecord[] = [];
    let start = cursor === undefined ? undefined : decodeQueueCursor(cursor, filter.articleId ? { PK: articlePartition(filter.articleId) } : { [TABLE.reviewIndex.partitionKey]: `STATUS#${status}` }, keyAttributes);
    // A filter applies after DynamoDB's page limit: read pages until the page is full, a bounded
    // number of them; a page cut short ends on its last claim, so that nothing is skipped.
    for (let read = 0; read < (filtered ? MAX_FILTERED_READS : 1); read++) {
      const out = await this.table.db.send(
        new QueryCommand({
          TableName: this.table.name,
          IndexName: filter.articleId ? undefined : TABLE.reviewIndex.name,
          KeyConditionExpression: key,
          FilterExpression: filtered ? conditions.join(' AND ') : undefined,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Limit: filtered ? FILTERED_READ : limit - items.length,
          ExclusiveStartKey: start,
          ConsistentRead: filter.articleId ? true : undefined,
        }),
      );
      const found = out.Items ?? [];
      for (let i = 0; i < found.length; i++) {
        items.push(parseItem(ClaimRecord, found[i]!, 'claim'));
        if (items.length === limit && (i < found.length - 1 || out.LastEvaluatedKey)) {
          return { items: await this.withGivenEvidence(items), nextCursor: encodeCursor(Object.fromEntries(keyAttributes.map((a) => [a, found[i]![a]]))) };
        }
      }
      start = out.LastEvaluatedKey;
      if (!start) break;
    }
    return { items: await this.withGivenEvidence(items), nextCursor: start ? encodeCursor(start) : null };
  }

  async review(claimId: string, expectedVersion: number, entry: Omit<ReviewEntry, 'version'>): Promise<ClaimRecord> {
    const recorded: ReviewEntry = { ...entry, version: expectedVersion + 1 };
    const old = await this.update(claimId, expectedVersion, {
      UpdateExpression:
        'SET #status = :status, version = :next, history = list_append(if_not_exists(history, :none), :entry), #pk = :queue, reviewedBy = :by, reviewedAt = :at REMOVE leasedBy, leasedUntil',
      ExpressionAttributeNames: { '#status': 'status', '#pk': TABLE.reviewIndex.partitionKey },
      ExpressionAttributeValues: {
        ':status': entry.verdict, ':next': expectedVersion + 1, ':entry': [recorded], ':none': [], ':queue': `STATUS#${entry.verdict}`,
        ':by': entry.reviewer, ':at': entry.at,
      },
    });
    await Promise.all([
      this.counters.moved(old, { status: entry.verdict, corroboration: old.corroboration }),
      this.counters.reviewed(entry.reviewer, entry.at, 1),
    ]);
    return (await this.getClaim(claimId))!;
  }

  async undo(
    claimId: string,
    expectedVersion: number,
    entry: Omit<UndoEntry, 'version'>,
    effect: { undone: ReviewEntry; inForce?: ReviewEntry; lease?: { leasedBy: string; leasedUntil: string } },
  ): Promise<ClaimRecord> {
    const recorded: UndoEntry = { ...entry, version: expectedVersion + 1 };
    const sets = ['#status = :status', 'version = :next', 'history = list_append(if_not_exists(history, :none), :entry)', '#pk = :queue'];
    const values: Record<string, unknown> = { ':status': entry.status, ':next': expectedVersion + 1, ':entry': [recorded], ':none': [], ':queue': `STATUS#${entry.status}` };
    const removes: string[] = [];
    if (effect.inForce) {
      sets.push('reviewedBy = :by', 'reviewedAt = :at');
      Object.assign(values, { ':by': effect.inForce.reviewer, ':at': effect.inForce.at });
    } else removes.push('reviewedBy', 'reviewedAt');
    if (effect.lease) {
      sets.push('leasedBy = :leasedBy', 'leasedUntil = :leasedUntil');
      Object.assign(values, { ':leasedBy': effect.lease.leasedBy, ':leasedUntil': effect.lease.leasedUntil });
    }
    const old = await this.update(claimId, expectedVersion, {
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ExpressionAttributeNames: { '#status': 'status', '#pk': TABLE.reviewIndex.partitionKey },
      ExpressionAttributeValues: values,
    });
    await Promise.all([
      this.counters.moved(old, { status: entry.status, corroboration: old.corroboration }),
      this.counters.reviewed(effect.undone.reviewer, effect.undone.at, -1),
    ]);
    return (await this.getClaim(claimId))!;
  }

  /** One versioned update of a claim item; answers the claim's status and corroboration as they were. */
  private async update(
    claimId: string,
    expectedVersion: number,
    input: { UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> },
  ): Promise<{ status: ClaimStatus; corroboration: Corroboration }> {
    const key = claimKey(claimId);
    if (!key) throw new NotFoundError(`no claim ${claimId}`);
    try {
      const out = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: key,
          ...input,
          ConditionExpression: 'attribute_exists(PK) AND version = :expected',
          ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ':expected': expectedVersion },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const old = parseItem(ClaimRecord, out.Attributes ?? {}, `claim ${claimId}`);
      return { status: old.status, corroboration: old.corroboration };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const now = await this.getClaim(claimId);
      if (!now) throw new NotFoundError(`no claim ${claimId}`);
      throw new StaleVersionError(`claim ${claimId} was reviewed meanwhile: it is at version ${now.version}, not ${expectedVersion}`, now);
    }
  }

  async lease(claimId: string, reviewer: string, now: string, until: string): Promise<ClaimRecord> {
    const key = claimKey(claimId);
    if (!key) throw new NotFoundError(`no claim ${claimId}`);
    try {
      const out = await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: key,
          UpdateExpression: 'SET leasedBy = :me, leasedUntil = :until',
          ConditionExpression: 'attribute_exists(PK) AND #status = :needs AND (attribute_not_exists(leasedUntil) OR leasedUntil < :now OR leasedBy = :me)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':me': reviewer, ':until': until, ':now': now, ':needs': 'needs_review' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return parseItem(ClaimRecord, out.Attributes ?? {}, `claim ${claimId}`);
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.getClaim(claimId);
      if (!current) throw new NotFoundError(`no claim ${claimId}`);
      throw new StaleVersionError(
        current.status !== 'needs_review'
          ? `claim ${claimId} was reviewed meanwhile`
          : `claim ${claimId} is open with ${current.leasedBy ?? 'another reviewer'} until ${current.leasedUntil ?? 'soon'}`,
        current,
      );
    }
  }

  async release(claimId: string, reviewer: string): Promise<void> {
    const key = claimKey(claimId);
    if (!key) return;
    try {
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
          Key: key,
          UpdateExpression: 'REMOVE leasedBy, leasedUntil',
          ConditionExpression: 'leasedBy = :me',
          ExpressionAttributeValues: { ':me': reviewer },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

/** Filtered queue reads: items evaluated per read, and reads per request. */
const FILTERED_READ = 200;
const MAX_FILTERED_READS = 25;

const StoredKey = z.string().check(z.minLength(1), z.maxLength(400));


/**
 * A queue cursor as this API hands it out: the key of a claim item, with exactly the attributes
 * of the query it came from and the partition asked for (a crafted cursor is a 400, never a
 * DynamoDB error).
 */
function decodeQueueCursor(cursor: string, partition: Record<string, string>, attributes: readonly string[]): Record<string, string> {
  const refuse = () => new ValidationError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this API returned for this query' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const shape = z.strictObject(Object.fromEntries(attributes.map((a) => [a, StoredKey])));
  const parsed = shape.safeParse(raw);
  if (!parsed.success) throw refuse();
  const key = parsed.data as Record<string, string>;
  if (!/^ARTICLE#art_[0-9a-f]{24}$/.test(key.PK!) || !/^CLAIM#\d{5,6}$/.test(key.SK!)) throw refuse();
  for (const [attribute, value] of Object.entries(partition)) if (key[attribute] !== value) throw refuse();
  if (attributes.includes(TABLE.reviewIndex.sortKey) && !/^[0-2]#/.test(key[TABLE.reviewIndex.sortKey]!)) throw refuse();
  return key;
}
