/**
 * The review counters, kept by the writes themselves so that counting never needs a Scan:
 *
 * | item                          | PK                | SK                  | attributes                         |
 * |-------------------------------|-------------------|---------------------|------------------------------------|
 * | the backlog                   | COUNTS            | BACKLOG             | `<status>/<corroboration>`: claims |
 * | a reviewer's verdicts one day | REVIEWS#<day>     | REVIEWER#<name>     | reviewer, verdicts                 |
 * | a source claims came from     | SOURCES           | SOURCE#<source>     | source, claims, backlog cells      |
 *
 * The backlog is the sum of its cells over the backlog item and the source items: the worker's
 * new claims of a source join its source item, claims and cells in one request, and every other
 * move (a verdict, an undo, a risen corroboration) is added to the backlog item.
 * Each change is an atomic ADD. A claim write and its counter update are two requests (DynamoDB
 * Local has no transactions): the counter update follows the claim write, with the values the
 * claim write returned, so a count can only lag by a write whose process died in between.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReviewCounts } from '../../pipeline/ports';
import { CLAIM_STATUSES, type ClaimRecord, type ClaimStatus, type Corroboration, CORROBORATIONS } from '../../schemas/article';
import { type Backlog, EMPTY_BACKLOG } from '../../schemas/review';
import type { TableClient } from './table-client';

export const BACKLOG_KEY = { PK: 'COUNTS', SK: 'BACKLOG' } as const;
export const reviewsKey = (day: string, reviewer: string) => ({ PK: `REVIEWS#${day}`, SK: `REVIEWER#${reviewer}` });
export const sourceKey = (source: string) => ({ PK: 'SOURCES', SK: `SOURCE#${source}` });

const cell = (status: ClaimStatus, corroboration: Corroboration) => `${status}/${corroboration}`;

/** A claim's place in the backlog. */
export interface BacklogPlace {
  status: ClaimStatus;
  corroboration: Corroboration;
}

export class DynamoCounters implements ReviewCounts {
  constructor(private readonly table: TableClient) {}

  /** Adds each delta to its attribute of one item, in one request. */
  private async add(key: Record<string, string>, deltas: ReadonlyMap<string, number>, set: Record<string, string> = {}): Promise<void> {
    const changes = [...deltas].filter(([, d]) => d !== 0);
    if (changes.length === 0) return;
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const adds = changes.map(([attribute, delta], i) => {
      names[`#a${i}`] = attribute;
      values[`:a${i}`] = delta;
      return `#a${i} :a${i}`;
    });
    const sets = Object.entries(set).map(([attribute, value], i) => {
      names[`#s${i}`] = attribute;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
    await this.table.db.send(
      new UpdateCommand({
        TableName: this.table.name,
        Key: key,
        UpdateExpression: `ADD ${adds.join(', ')}${sets.length ? ` SET ${sets.join(', ')}` : ''}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
  }

  /** A claim moved in the backlog (a verdict, an undo, a new corroboration). */
  async moved(from: BacklogPlace, to: BacklogPlace): Promise<void> {
    await this.movedAll([{ from, to }]);
  }

  /** Claims moved in the backlog (the corroboration of several earlier claims rose), in one request. */
  async movedAll(moves: readonly { from: BacklogPlace; to: BacklogPlace }[]): Promise<void> {
    const deltas = new Map<string, number>();
    for (const { from, to } of moves) {
      if (from.status === to.status && from.corroboration === to.corroboration) continue;
      deltas.set(cell(from.status, from.corroboration), (deltas.get(cell(from.status, from.corroboration)) ?? 0) - 1);
      deltas.set(cell(to.status, to.corroboration), (deltas.get(cell(to.status, to.corroboration)) ?? 0) + 1);
    }
    await this.add(BACKLOG_KEY, deltas);
  }

  /** A reviewer's verdicts on a day went up (a verdict) or down (an undo). */
  async reviewed(reviewer: string, at: string, delta: 1 | -1): Promise<void> {
    await this.add(reviewsKey(at.slice(0, 10), reviewer), new Map([['verdicts', delta]]), { reviewer });
  }

  /**
   * Claims the worker created (never claims it found already there): the backlog gains them,
   * and each source joins the list of known sources. One request per source (an article has one),
   * which moves its claims and its backlog cells together; claims of no source join the backlog item.
   */
  async claimsCreated(claims: readonly Pick<ClaimRecord, 'status' | 'corroboration' | 'source' | 'articleId'>[]): Promise<void> {
    const bySource = new Map<string, Map<string, number>>();
    for (const claim of claims) {
      const source = claim.source ?? '';
      const deltas = bySource.get(source) ?? bySource.set(source, new Map([['claims', 0]])).get(source)!;
      deltas.set('claims', deltas.get('claims')! + 1);
      const key = cell(claim.status, claim.corroboration);
      deltas.set(key, (deltas.get(key) ?? 0) + 1);
    }
    await Promise.all([...bySource].map(([source, deltas]) => {
      if (source) return this.add(sourceKey(source), deltas, { source });
      deltas.delete('claims');
      return this.add(BACKLOG_KEY, deltas);
    }));
  }

  /** The backlog: the backlog item's cells plus the source items' (one GetItem, one Query). */
  async backlog(): Promise<Backlog> {
    const [out, sources] = await Promise.all([
      this.table.db.send(new GetCommand({ TableName: this.table.name, Key: BACKLOG_KEY, ConsistentRead: true })),
      this.sourceItems(),
    ]);
    const backlog = EMPTY_BACKLOG();
    const items = out.Item ? [out.Item, ...sources] : sources;
    for (const status of CLAIM_STATUSES) {
      for (const corroboration of CORROBORATIONS) {
        let n = 0;
        for (const item of items) n += Number(item[cell(status, corroboration)] ?? 0);
        // a count that lagged a crashed write must not show as negative
        backlog[status][corroboration] = Number.isFinite(n) && n > 0 ? n : 0;
      }
    }
    return backlog;
  }

  private async sourceItems(): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for await (const item of this.table.query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': 'SOURCES' }, ConsistentRead: true })) items.push(item);
    return items;
  }

  async reviews(days: readonly string[]): Promise<{ day: string; reviewer: string; count: number }[]> {
    const perDay = await Promise.all(
      days.map(async (day) => {
        const found: { day: string; reviewer: string; count: number }[] = [];
        for await (const item of this.table.query({
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `REVIEWS#${day}` },
        })) {
          found.push({ day, reviewer: String(item.reviewer ?? String(item.SK).slice('REVIEWER#'.length)), count: Math.max(0, Number(item.verdicts ?? 0)) });
        }
        return found;
      }),
    );
    return perDay.flat();
  }

  async sources(): Promise<{ source: string; claims: number }[]> {
    return (await this.sourceItems()).map((item) => ({ source: String(item.source ?? String(item.SK).slice('SOURCE#'.length)), claims: Math.max(0, Number(item.claims ?? 0)) }));
  }
}
