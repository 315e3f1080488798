/**
 * Reliability of the pipeline against the real local servers (dynalite, fauxqs) and the real
 * SDK clients: duplicates, crashes, throttling, concurrency and hostile input. In every case an
 * accepted article ends processed exactly once in effect, with no duplicate claim, and client
 * mistakes never get a 5xx.
 */
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSEvent, Context } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { processArticle } from '../../shared/pipeline/process';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { pollOnce } from '../../scripts/local/sqs-poller';
import { article, eventually, getJson, postWebhook } from './helpers';

let pipeline: LocalPipeline;
let worker: (event: SQSEvent, context: Context) => Promise<unknown>;

beforeAll(async () => {
  // the tests drive the event source themselves
  pipeline = await startLocalPipeline({ port: 0, poll: false, maxReceiveCount: 5 });
  worker = (await import('../../functions/claim-worker/handler')).handler as typeof worker;
}, 30_000);

afterAll(async () => {
  await pipeline?.stop();
});

const stores = () => dynamoStores(dynamoDocumentClient(pipeline.dynamodbEndpoint), pipeline.tableName);

/**
 * Drains the queue through `handler` until `done` holds. It gives up only after a minute without
 * any message received, however long the draining itself takes on a busy machine.
 */
async function drain(handler: (event: SQSEvent, context: Context) => Promise<unknown>, done: () => Promise<boolean>): Promise<void> {
  const sqs = sqsClient(pipeline.sqsEndpoint);
  let lastProgress = Date.now();
  for (;;) {
    const received = await pollOnce({ sqs, queueUrl: pipeline.queueUrl, handler: handler as never, waitSeconds: 0, retryDelaySeconds: 0 });
    if (await done()) return;
    if (received > 0) lastProgress = Date.now();
    else if (Date.now() - lastProgress > 60_000) throw new Error('the queue stopped draining before the articles were processed');
    else await new Promise((r) => setTimeout(r, 100));
  }
}

async function postMany(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article()));
    expect(res.status).toBe(202);
    ids.push(res.json.articleId);
  }
  return ids;
}

async function allProcessedOnce(ids: readonly string[]): Promise<boolean> {
  for (const id of ids) {
    const a = await stores().articles.getArticle(id);
    if (a?.status !== 'processed') return false;
  }
  return true;
}

async function expectProcessedExactlyOnce(ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const a = await stores().articles.getArticle(id);
    // taken once (version 1) and marked processed once (version 2)
    expect(a).toMatchObject({ status: 'processed', version: 2, attempts: 1, claimCount: 4 });
    const claims = await stores().claims.claimsOf(id);
    expect(claims).toHaveLength(4);
    expect(new Set(claims.map((c) => c.id)).size).toBe(4);
  }
}

describe('the claim worker', () => {
  it('changes nothing when every message is delivered twice', async () => {
    const ids = await postMany(6);
    const sqs = sqsClient(pipeline.sqsEndpoint);
    for (const articleId of ids) {
      await sqs.send(new SendMessageCommand({ QueueUrl: pipeline.queueUrl, MessageBody: JSON.stringify({ articleId }) }));
    }
    await drain(worker, () => allProcessedOnce(ids));
    await drain(worker, async () => (await pollOnce({ sqs, queueUrl: pipeline.queueUrl, handler: worker as never, waitSeconds: 0 })) === 0);
    await expectProcessedExactlyOnce(ids);
  });

  it('loses nothing when killed in the middle of a batch', async () => {
    const ids = await postMany(8);
    let crashes = 0;
    // the first invocations die after handling part of their batch, as a timed-out Lambda would
    const crashing = async (event: SQSEvent, context: Context) => {
      if (crashes < 3 && event.Records.length > 1) {
        crashes++;
        await worker({ Records: event.Records.slice(0, 1) }, context);
        throw new Error('killed');
      }
      return worker(event, context);
    };
    await drain(crashing, () => allProcessedOnce(ids));
    expect(crashes).toBeGreaterThan(0);
    await expectProcessedExactlyOnce(ids);
  });

  it('sends a poison message to the dead-letter queue after a few receives', async () => {
    const sqs = sqsClient(pipeline.sqsEndpoint);
    await sqs.send(new SendMessageCommand({ QueueUrl: pipeline.queueUrl, MessageBody: '{"not":"an article message"}' }));
    for (let i = 0; i < 8; i++) await pollOnce({ sqs, queueUrl: pipeline.queueUrl, handler: worker as never, waitSeconds: 0, retryDelaySeconds: 0 });
    const dead = await eventually(async () => {
      const n = await pollOnce({ sqs, queueUrl: pipeline.deadLetterQueueUrl, handler: async () => undefined, waitSeconds: 0 });
      return n > 0 ? n : undefined;
    }, 10_000, 'the poison message in the dead-letter queue');
    expect(dead).toBe(1);
  });

  it('gets through DynamoDB throttling on a third of the calls', async () => {
    const ids = await postMany(5);
    // the same adapter and the real dynalite, with every third call refused as AWS throttles
    const db = dynamoDocumentClient(pipeline.dynamodbEndpoint);
    let calls = 0;
    let throttled = 0;
    db.middlewareStack.add(
      (next) => async (args) => {
        if (++calls % 3 === 0) {
          throttled++;
          throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput', $metadata: {} });
        }
        return next(args);
      },
      { step: 'finalizeRequest', name: 'throttleEveryThirdCall' },
    );
    const throttledStores = dynamoStores(db, pipeline.tableName, async () => undefined);
    for (const id of ids) {
      await processArticle(id, { ...throttledStores, now: () => new Date() });
    }
    expect(throttled).toBeGreaterThan(3);
    await expectProcessedExactlyOnce(ids);
  });
});

describe('reviewers and the pipeline', () => {
  it("keeps a reviewer's verdict, version and history when the article is processed again", async () => {
    const [id] = await postMany(1);
    const real = stores();
    // the first run dies after writing the claims, before its links and the processed mark
    const dying = { ...real, stories: Object.assign(Object.create(real.stories) as typeof real.stories, { saveStory: async () => { throw new Error('killed'); } }) };
    await expect(processArticle(id!, { ...dying, now: () => new Date() })).rejects.toThrow('killed');
    const [claim] = await real.claims.claimsOf(id!);
    const verdict = await fetch(`${pipeline.url}/api/claims/${claim!.id}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pipeline.reviewerToken}`, 'x-reviewer': 'Mona', 'content-type': 'application/json' },
      body: JSON.stringify({ verdict: 'refuted', note: 'The port says 38', expectedVersion: 0 }),
    });
    expect(verdict.status).toBe(200);
    // the message comes back after the first run's lease has ended
    expect(await processArticle(id!, { ...real, now: () => new Date(Date.now() + 10 * 60_000) })).toMatchObject({ outcome: 'processed' });
    const after = await real.claims.getClaim(claim!.id);
    expect(after).toMatchObject({ status: 'refuted', version: 1, history: [{ verdict: 'refuted', reviewer: 'Mona', note: 'The port says 38', version: 1 }] });
    expect(await real.claims.claimsOf(id!)).toHaveLength(4);
  });
});

describe('poison', () => {
  it('marks an article that fails on every receive failed with the reason, and a redrive from the dead-letter queue processes it', async () => {
    const [id] = await postMany(1);
    const db = dynamoDocumentClient(pipeline.dynamodbEndpoint);
    // a stored claim the worker cannot read, left by a run that started and died: it fails on every receive
    const broken = { PK: `ARTICLE#${id}`, SK: 'CLAIM#00000', type: 'claim', text: 42 };
    await db.send(new PutCommand({ TableName: pipeline.tableName, Item: broken }));
    await db.send(new UpdateCommand({ TableName: pipeline.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'META' }, UpdateExpression: 'SET attempts = :one', ExpressionAttributeValues: { ':one': 1 } }));
    const sqs = sqsClient(pipeline.sqsEndpoint);
    await drain(worker, async () => (await stores().articles.getArticle(id!))?.status === 'failed');
    const failed = await stores().articles.getArticle(id!);
    expect(failed).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^gave up after 5 attempts: stored claim CLAIM#00000 does not match its schema/) });

    // the fault is fixed, and the message is moved back from the dead-letter queue
    await db.send(new DeleteCommand({ TableName: pipeline.tableName, Key: { PK: broken.PK, SK: broken.SK } }));
    const dead = await eventually(async () => {
      // the receive after the last one moves the message to the dead-letter queue
      await pollOnce({ sqs, queueUrl: pipeline.queueUrl, handler: worker as never, waitSeconds: 0, retryDelaySeconds: 0 });
      const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: pipeline.deadLetterQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      return out.Messages?.find((m) => m.Body?.includes(id!));
    }, 10_000, 'the message in the dead-letter queue');
    await sqs.send(new SendMessageCommand({ QueueUrl: pipeline.queueUrl, MessageBody: dead.Body! }));
    await drain(worker, async () => (await stores().articles.getArticle(id!))?.status === 'processed');
    expect(await stores().claims.claimsOf(id!)).toHaveLength(4);
  });
});

describe('the webhook under load', () => {
  it('accepts 200 concurrent posts, each processed once', async () => {
    const bodies = Array.from({ length: 200 }, () => JSON.stringify(article()));
    const results = await Promise.all(bodies.map((b) => postWebhook(pipeline.url, pipeline.webhookSecret, b)));
    expect(results.map((r) => r.status).filter((s) => s !== 202)).toEqual([]);
    const ids = results.map((r) => r.json.articleId as string);
    expect(new Set(ids).size).toBe(200);
    await drain(worker, () => allProcessedOnce(ids));
    await expectProcessedExactlyOnce(ids.slice(0, 20));
  }, 900_000);

  it('never answers a fuzzed body or header with a 5xx', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.json(),
          fc.record({ url: fc.oneof(fc.webUrl(), fc.string()), title: fc.string(), text: fc.option(fc.string()), html: fc.option(fc.string()), language: fc.option(fc.string()) }).map((o) => JSON.stringify(o)),
        ),
        fc.boolean(),
        fc.constantFrom('application/json', 'text/plain', '', 'application/json; charset=utf-8'),
        fc.option(fc.string({ maxLength: 40 })),
        async (body, signed, contentType, signature) => {
          const res = await postWebhook(pipeline.url, pipeline.webhookSecret, body, {
            contentType,
            ...(signed ? {} : { signature: signature ?? null }),
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 2000 },
    );
    expect([...statuses.keys()].every((s) => [202, 400, 401, 409, 413, 415].includes(s))).toBe(true);
    const bad = await getJson(pipeline.url, '/api/articles/%E0%A4%A', pipeline.reviewerToken);
    expect(bad.status).toBeLessThan(500);
  }, 120_000);
});
