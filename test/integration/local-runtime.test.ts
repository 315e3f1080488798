/**
 * The local runtime as AWS runs the pipeline: the reconciler function invoked on its schedule,
 * in its own thread, against dynalite and fauxqs.
 */
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { article, eventually, postWebhook } from './helpers';

let pipeline: LocalPipeline;

beforeAll(async () => {
  // no event source: what is queued stays queued, as after a message was lost
  pipeline = await startLocalPipeline({ port: 0, poll: false, reconcileEverySeconds: 1, reconcileAfterSeconds: 0 });
}, 60_000);

afterAll(async () => {
  await pipeline?.stop();
});

describe('the local runtime', () => {
  it('runs the reconciler function on its schedule: an article left queued is queued again', async () => {
    const posted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article()));
    expect(posted.status).toBe(202);
    const { articles } = dynamoStores(dynamoDocumentClient(pipeline.dynamodbEndpoint), pipeline.tableName);
    const requeued = await eventually(async () => {
      const stored = await articles.getArticle(posted.json.articleId);
      return (stored?.requeues ?? 0) > 0 ? stored : undefined;
    }, 60_000, 'the scheduled reconciler to queue the article again');
    expect(requeued).toMatchObject({ status: 'queued' });
    // the webhook's message, and the reconciler's (sent just after it marks the article)
    const sqs = sqsClient(pipeline.sqsEndpoint);
    const messages = await eventually(async () => {
      const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: pipeline.queueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
      const n = Number(attributes.Attributes?.ApproximateNumberOfMessages);
      return n >= 2 ? n : undefined;
    }, 60_000, "the reconciler's message in the queue");
    expect(messages).toBeGreaterThanOrEqual(2);
  });
});
