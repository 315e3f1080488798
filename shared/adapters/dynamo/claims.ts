/**
 * Claims in DynamoDB: claim items under their article (each with its evidence), the review queue on GSI1, and verdicts as conditional, versioned updates.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { NotFoundError, StaleVersionError } from '../../errors';
import type { MatchEntry } from '../../corroboration/entries';
import type { ClaimFilter, ClaimStore } from '../../pipeline/ports';
import { ClaimRecord, type Corroboration, type ReviewEntry } from '../../schemas/article';
import { TABLE } from '../table';
import { articlePartition, claimKey, decodeCursor, encodeCursor, parseItem, RANK, reviewSortKey } from './keys';
import { storedMatch, storyPartition } from './stories';
import type { TableClient } from './table-client';

export class DynamoClaimStore implements ClaimStore {
  constructor(private readonly table: TableClient) {}

  async putClaims(claims: readonly ClaimRecord[], matches?: ReadonlyMap<string, MatchEntry>): Promise<void> {
    await this.table.batchPut(
      claims.map((claim) => {
        const match = matches?.get(claim.id);
        // a claim of a story is filed in it, with what corroboration compares (GSI2)
        const filed = claim.storyId && match ? {
          [TABLE.storyIndex.partitionKey]: storyPartition(claim.storyId),
          [TABLE.storyIndex.sortKey]: `${match.publishedAt ?? '~'}#${claim.id}`,
          match: storedMatch(match.features),
          url: match.url,
          ...(match.relayed ? { relayed: true } : {}),
          ...(match.publishedAt ? { publishedAt: match.publishedAt } : {}),
          ...(claim.evidence.length > 0 ? { evidenceFrom: new Set(claim.evidence.map((e) => e.claimId)) } : {}),
        } : {};
        return {
          ...claimKey(claim.id)!,
          type: 'claim',
          [TABLE.reviewIndex.partitionKey]: `STATUS#${claim.status}`,
          [TABLE.reviewIndex.sortKey]: reviewSortKey(claim.corroboration, claim.createdAt, claim.id),
          ...claim,
          ...filed,
        };
      }),
    );
  }

  async claimsOf(articleId: string): Promise<ClaimRecord[]> {
    return this.claimsWithEvidence(articlePartition(articleId), 'CLAIM#');
  }

  async getClaim(claimId: string): Promise<ClaimRecord | null> {
    const key = claimKey(claimId);
    if (!key) return null;
    const [claim] = await this.claimsWithEvidence(key.PK, key.SK);
    return claim?.id === claimId ? claim : null;
  }

  /** Claim items (each holds its evidence). */
  private async claimsWithEvidence(pk: string, prefix: string): Promise<ClaimRecord[]> {
    const claims: ClaimRecord[] = [];
    for await (const item of this.table.query({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
      ConsistentRead: true,
    })) {
      claims.push(parseItem(ClaimRecord, item, `claim ${String(item.SK)}`));
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
      const out = await this.table.db.send(
        new QueryCommand({
          TableName: this.table.name,
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
      await this.table.db.send(
        new UpdateCommand({
          TableName: this.table.name,
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
}
