import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTable, type LocalService, startDynalite } from '../../scripts/local/services';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { DynamoCounters } from '../../shared/adapters/dynamo';
import { TableClient } from '../../shared/adapters/dynamo/table-client';

let dynamo: LocalService;
let counters: DynamoCounters;
const sent: string[] = [];

beforeAll(async () => {
  dynamo = await startDynalite();
  await createTable(dynamo.endpoint, 'counters');
  const db = dynamoDocumentClient(dynamo.endpoint);
  // count what the counters send, over the real client
  const send = db.send.bind(db) as (command: { constructor: { name: string } }) => Promise<unknown>;
  (db as unknown as { send: typeof send }).send = (command) => {
    sent.push(command.constructor.name);
    return send(command);
  };
  counters = new DynamoCounters(new TableClient(db as DynamoDBDocumentClient, 'counters'));
}, 30_000);

afterAll(async () => {
  await dynamo?.close();
});

const claim = (source: string | undefined, corroboration: 'single_source' | 'corroborated' = 'single_source') => ({
  status: 'needs_review' as const, corroboration, articleId: 'art_1', ...(source ? { source } : {}),
});

describe('the review counters', () => {
  it('counts an article\'s new claims in one request to its source, and sums the backlog over the backlog and source items', async () => {
    sent.length = 0;
    await counters.claimsCreated([claim('daily.example'), claim('daily.example'), claim('daily.example', 'corroborated')]);
    expect(sent).toEqual(['UpdateCommand']);
    await counters.claimsCreated([claim(undefined)]);
    await counters.claimsCreated([claim('weekly.example')]);
    // a verdict moves one claim of the first source out of the queue
    await counters.moved({ status: 'needs_review', corroboration: 'single_source' }, { status: 'confirmed', corroboration: 'single_source' });

    const backlog = await counters.backlog();
    expect(backlog.needs_review.single_source).toBe(3);
    expect(backlog.needs_review.corroborated).toBe(1);
    expect(backlog.confirmed.single_source).toBe(1);
    expect((await counters.sources()).sort((a, b) => (a.source < b.source ? -1 : 1))).toEqual([
      { source: 'daily.example', claims: 3 },
      { source: 'weekly.example', claims: 1 },
    ]);
  });
});
