/**
 * The whole pipeline in one process: dynalite and fauxqs on loopback, the table and queues, the
 * real handlers behind a local API Gateway, and a poller playing the SQS event source.
 */
import { randomBytes } from 'node:crypto';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../shared/adapters/clients';
import { ENV } from '../../shared/adapters/table';
import { startHttpServer } from './http-server';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { SqsArticleQueue } from '../../shared/adapters/sqs-queue';
import { METRICS_NAMESPACE } from '../../shared/observability/metrics';
import { PROCESSING_LEASE_MS } from '../../shared/pipeline/process';
import { reconcile, type ReconcileReport } from '../../shared/pipeline/reconcile';
import { createQueues, createTable, QUEUE_VISIBILITY_SECONDS, startDynalite, startFauxqs } from './services';
import { type Poller, startPoller } from './sqs-poller';

export interface LocalPipelineOptions {
  port?: number;
  /** Keep DynamoDB data in this directory (in memory without it). */
  dataDir?: string;
  webhookSecret?: string;
  reviewerToken?: string;
  /** Seconds before a failed message comes back (Lambda waits for the visibility timeout). */
  retryDelaySeconds?: number;
  maxReceiveCount?: number;
  /** Start without the poller (tests drive it themselves). */
  poll?: boolean;
  /**
   * Seconds between two runs of the reconciler, which queues again the articles left
   * unfinished (default 30; 0 runs it only at start-up, when it queues again every unfinished
   * article: the local queue lives in memory, so whatever it held was lost with the last run).
   */
  reconcileEverySeconds?: number;
  onWorkerError?(error: unknown): void;
}

export interface LocalPipeline {
  url: string;
  webhookSecret: string;
  reviewerToken: string;
  tableName: string;
  queueUrl: string;
  deadLetterQueueUrl: string;
  dynamodbEndpoint: string;
  sqsEndpoint: string;
  /** Articles queued again at start-up (left unfinished by an earlier run with the same data). */
  recovered: ReconcileReport;
  /** Runs the reconciler now, for articles unfinished longer than `olderThanMs`. */
  reconcile(olderThanMs?: number): Promise<ReconcileReport>;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'factcheck-local';
/** How long an article may stay unfinished before the periodic reconciler queues it again. */
export const RECONCILE_AFTER_MS = Math.max(PROCESSING_LEASE_MS, QUEUE_VISIBILITY_SECONDS * 1000);
export const QUEUE_NAME = 'factcheck-articles';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export function newReviewerToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function startLocalPipeline(options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
  const dynamo = await startDynalite({ path: options.dataDir });
  const sqsServer = await startFauxqs();
  await createTable(dynamo.endpoint, TABLE_NAME);
  const sqs = sqsClient(sqsServer.endpoint);
  const maxReceiveCount = options.maxReceiveCount ?? 5;
  const queues = await createQueues(sqs, QUEUE_NAME, { maxReceiveCount });
  const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queues.queueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;

  const webhookSecret = options.webhookSecret ?? newWebhookSecret();
  const reviewerToken = options.reviewerToken ?? newReviewerToken();
  // the handlers read their configuration when loaded, as in Lambda
  Object.assign(process.env, {
    [ENV.tableName]: TABLE_NAME,
    [ENV.queueUrl]: queues.queueUrl,
    [ENV.webhookSecret]: webhookSecret,
    [ENV.reviewerToken]: reviewerToken,
    [ENV.dynamodbEndpoint]: dynamo.endpoint,
    [ENV.sqsEndpoint]: sqsServer.endpoint,
    [ENV.maxReceiveCount]: String(maxReceiveCount),
    [ENV.reconcileAfterSeconds]: String(RECONCILE_AFTER_MS / 1000),
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // no CloudWatch here to read EMF: the metrics are printed only when asked for
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  });
  const [ingest, review, worker] = await Promise.all([
    import('../../functions/ingest-webhook/handler'),
    import('../../functions/review-api/handler'),
    import('../../functions/claim-worker/handler'),
  ]);

  const http = await startHttpServer(
    [
      { method: 'POST', path: '/webhooks/articles', functionName: 'ingest-webhook', handler: ingest.handler },
      { method: 'GET', path: '/health', functionName: 'review-api', handler: review.handler },
      { method: 'GET', path: '/api/', functionName: 'review-api', handler: review.handler },
      { method: 'POST', path: '/api/', functionName: 'review-api', handler: review.handler },
      { method: 'GET', path: '/admin', functionName: 'review-api', handler: review.handler },
      { method: 'GET', path: '/admin/', functionName: 'review-api', handler: review.handler },
    ],
    options.port ?? 3000,
  );
  let poller: Poller | undefined;
  if (options.poll !== false) {
    poller = startPoller({
      sqs,
      queueUrl: queues.queueUrl,
      queueArn,
      handler: worker.handler,
      retryDelaySeconds: options.retryDelaySeconds ?? 2,
      onError: options.onWorkerError,
    });
  }
  const reconcileDb = dynamoDocumentClient(dynamo.endpoint);
  const reconcileDeps = {
    articles: dynamoStores(reconcileDb, TABLE_NAME).articles,
    queue: new SqsArticleQueue(sqs, queues.queueUrl),
    now: () => new Date(),
  };
  const runReconciler = (olderThanMs = RECONCILE_AFTER_MS) => reconcile({ olderThanMs }, reconcileDeps);
  // the queue starts empty: every article an earlier run left unfinished is queued again
  const recovered = await runReconciler(0);
  const every = options.reconcileEverySeconds ?? 30;
  let reconciling: Promise<unknown> = Promise.resolve();
  const timer = every > 0
    ? setInterval(() => {
        reconciling = runReconciler().catch((error: unknown) => options.onWorkerError?.(error));
      }, every * 1000)
    : undefined;
  timer?.unref();
  return {
    url: http.url,
    webhookSecret,
    reviewerToken,
    tableName: TABLE_NAME,
    queueUrl: queues.queueUrl,
    deadLetterQueueUrl: queues.deadLetterQueueUrl,
    dynamodbEndpoint: dynamo.endpoint,
    sqsEndpoint: sqsServer.endpoint,
    recovered,
    reconcile: runReconciler,
    async stop() {
      clearInterval(timer);
      await reconciling;
      await poller?.stop();
      await http.close();
      await sqsServer.close();
      await dynamo.close();
      sqs.destroy();
      reconcileDb.destroy();
    },
  };
}
