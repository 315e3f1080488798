/**
 * Claims in DynamoDB: claim items under their article (each with the evidence found when it was
 * written, and the evidence it gives earlier claims of its fact, which they read through GSI3), as
 * the worker writes and reads them. The review queue (review-queue.ts) extends this store.
 */
import type { MatchEntry } from '../../corroboration/entries';
import { type EarlierClaimUpdate, evidenceGiven, type GivenEvidence, withGiven } from '../../corroboration/records';
import type { ClaimStore } from '../../pipeline/ports';
import { ClaimRecord, Evidence } from '../../schemas/article';
import * as z from '../../schemas/zod';
import { TABLE } from '../table';
import { DynamoCounters } from './counters';
import { articlePartition, claimKey, factPartition, parseItem, reviewSortKey } from './keys';
import { storedMatch, storyPartition } from './stories';
import type { TableClient } from './table-client';
import { mapLimited } from '../../lib/limited';

export class DynamoClaimStore implements ClaimStore {
  constructor(
    protected readonly table: TableClient,
    /** Moved by every review write (and the worker's created claims): see counters.ts. */
    readonly counters: DynamoCounters = new DynamoCounters(table),
  ) {}

  async putClaims(claims: readonly ClaimRecord[], matches?: ReadonlyMap<string, MatchEntry>, earlier: readonly EarlierClaimUpdate[] = []): Promise<void> {
    const given = evidenceGiven(earlier);
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
        } : {};
        // the evidence it gives earlier claims of its fact, which they read through GSI3
        const gives = given.get(claim.id) ?? [];
        if (gives.length > 0 && !claim.factId) throw new Error(`claim ${claim.id} gives evidence but belongs to no fact`);
        const giving = gives.length > 0 ? {
          gives,
          [TABLE.factIndex.partitionKey]: factPartition(claim.factId!),
          [TABLE.factIndex.sortKey]: `${claim.createdAt}#${claim.id}`,
        } : {};
        return {
          ...claimKey(claim.id)!,
          type: 'claim',
          [TABLE.reviewIndex.partitionKey]: `STATUS#${claim.status}`,
          [TABLE.reviewIndex.sortKey]: reviewSortKey(claim.corroboration, claim.createdAt, claim.id),
          ...claim,
          ...filed,
          ...giving,
        };
      }),
    );
    await this.countCreated(claims);
  }

  /**
   * The claims with the evidence later claims of their fact gave them (GSI3): one Query per
   * fact among them, FACT_QUERIES_IN_FLIGHT at a time.
   */
  protected async withGivenEvidence(claims: ClaimRecord[]): Promise<ClaimRecord[]> {
    const facts = [...new Set(claims.flatMap((c) => (c.factId ? [c.factId] : [])))];
    if (facts.length === 0) return claims;
    const wanted = new Set(claims.map((c) => c.id));
    const given = new Map<string, Evidence[]>();
    const perFact = await mapLimited(facts, FACT_QUERIES_IN_FLIGHT, async (factId) => {
      const found: GivenEvidence[] = [];
      for await (const item of this.table.query({
        IndexName: TABLE.factIndex.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': TABLE.factIndex.partitionKey },
        ExpressionAttributeValues: { ':pk': factPartition(factId) },
      })) {
        const parsed = StoredGives.safeParse(item.gives);
        if (!parsed.success) throw new Error(`stored claim ${String(item.SK)} gives evidence that does not match its schema: ${z.prettifyError(parsed.error)}`);
        found.push(...parsed.data.filter((g) => wanted.has(g.to)));
      }
      return found;
    });
    for (const g of perFact.flat()) given.set(g.to, [...(given.get(g.to) ?? []), g.evidence]);
    return claims.map((c) => (given.has(c.id) ? { ...c, evidence: withGiven(c.evidence, given.get(c.id)!) } : c));
  }

  /** The worker's new claims join the backlog counters and their sources the known sources (counters.ts). */
  private async countCreated(claims: readonly ClaimRecord[]): Promise<void> {
    await this.counters.claimsCreated(claims);
  }

  async claimsOf(articleId: string, options: { evidence?: boolean } = {}): Promise<ClaimRecord[]> {
    const claims = await this.claimItems(articlePartition(articleId), 'CLAIM#');
    return options.evidence === false ? claims : this.withGivenEvidence(claims);
  }

  async getClaim(claimId: string): Promise<ClaimRecord | null> {
    const key = claimKey(claimId);
    if (!key) return null;
    const [claim] = await this.claimItems(key.PK, key.SK);
    return claim?.id === claimId ? (await this.withGivenEvidence([claim]))[0]! : null;
  }

  /** Claim items (each with the evidence found when it was written). */
  private async claimItems(pk: string, prefix: string): Promise<ClaimRecord[]> {
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
}

/** GSI3 Queries at once when claims of many facts are read (a page of the queue). */
const FACT_QUERIES_IN_FLIGHT = 16;

const StoredGives = z.array(z.object({ to: z.string(), evidence: Evidence }));

