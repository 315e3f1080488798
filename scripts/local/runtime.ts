/**
 * The whole pipeline in one process, shaped as it runs in AWS: dynalite and fauxqs on loopback,
 * the table and queues, and each function apart in a worker thread of its own (functions.ts),
 * behind a local API Gateway (the webhook, the review API), a poller playing the SQS event
 * source (the claim worker) and a timer playing the schedule (the reconciler).
 */
import { randomBytes } from 'node:crypto';
import { access, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { sqsClient } from '../../shared/adapters/clients';
import { ENV, TABLE } from '../../shared/adapters/table';
import { newWebhookSecret } from '../../shared/adapters/webhook-signature';
import { type LocalFunction, startFunctions } from './functions';
import { type HttpHandler, startHttpServer } from './http-server';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { SqsArticleQueue } from '../../shared/adapters/sqs-queue';
import { METRICS_NAMESPACE } from '../../shared/observability/metrics';
import { PROCESSING_LEASE_MS } from '../../shared/pipeline/process';
import { reconcile, type ReconcileReport } from '../../shared/pipeline/reconcile';
import { createQueues, createTable, QUEUE_VISIBILITY_SECONDS, startDynalite, startFauxqs } from './services';
import { type Poller, type SqsHandler, startPoller } from './sqs-poller';
import { repairIndexes, type RepairReport } from './index-repair';

export interface LocalPipelineOptions {
  port?: number;
  /** Keep DynamoDB data in this directory (in memory without it). */
  dataDir?: string;
  webhookSecret?: string;
  reviewerToken?: string;
  /** The public base URL of ClaimReview pages (PUBLIC_BASE_URL); the server's own address by default. */
  publicBaseUrl?: string;
  /** Seconds the webhook keeps a sender it read (SENDER_CACHE_SECONDS; 30 unless set). */
  senderCacheSeconds?: number;
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
  /** Seconds an article may stay unfinished before the periodic reconciler queues it again (default RECONCILE_AFTER_MS). */
  reconcileAfterSeconds?: number;
  onWorkerError?(error: unknown): void;
  /** Modules every function's thread imports before its handler (the benchmark's request recorder). */
  functionPreload?: readonly string[];
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
  /** What was repaired in the local indexes at start-up, when the last run on the same data did not stop cleanly. */
  repaired?: RepairReport;
  /** Runs the reconciler now, for articles unfinished longer than `olderThanMs`. */
  reconcile(olderThanMs?: number): Promise<ReconcileReport>;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'factcheck-local';
/** How long an article may stay unfinished before the periodic reconciler queues it again. */
export const RECONCILE_AFTER_MS = Math.max(PROCESSING_LEASE_MS, QUEUE_VISIBILITY_SECONDS * 1000);
export const QUEUE_NAME = 'factcheck-articles';
/** Requests the webhook and the review API each run at once: the HTTP API's burst limit in AWS. */
const HTTP_CONCURRENCY = 100;

export { newWebhookSecret };

export function newReviewerToken(): string {
  return randomBytes(24).toString('base64url');
}

/** In the data directory while a run uses it: found at start-up, it says the last run did not stop cleanly. */
const RUNNING_MARKER = '.running';

export async function startLocalPipeline(options: LocalPipelineOptions = {}): Promise<LocalPipeline> {
  const dynamo = await startDynalite({ path: options.dataDir });
  const sqsServer = await startFauxqs();
  await createTable(dynamo.endpoint, TABLE_NAME);
  const marker = options.dataDir ? path.join(options.dataDir, RUNNING_MARKER) : undefined;
  let repaired: RepairReport | undefined;
  if (marker && await access(marker).then(() => true, () => false)) {
    // killed or crashed: dynalite may have written an index entry without its item, or the other way round
    const db = dynamoDocumentClient(dynamo.endpoint);
    repaired = await repairIndexes(db, { name: TABLE_NAME, partitionKey: TABLE.partitionKey, sortKey: TABLE.sortKey, indexes: [TABLE.reviewIndex, TABLE.storyIndex, TABLE.factIndex] });
    db.destroy();
  }
  if (marker) await writeFile(marker, `${process.pid}\n`);
  const sqs = sqsClient(sqsServer.endpoint);
  const maxReceiveCount = options.maxReceiveCount ?? 5;
  const queues = await createQueues(sqs, QUEUE_NAME, { maxReceiveCount });
  const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queues.queueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;

  const webhookSecret = options.webhookSecret ?? newWebhookSecret();
  const reviewerToken = options.reviewerToken ?? newReviewerToken();
  // the server listens first, so that its own address can be the public base URL the handlers
  // read when loaded (as in Lambda); a request that comes meanwhile waits for them
  let started: Promise<LocalFunction[]> | undefined;
  const ingest: HttpHandler = async (event) => (await started!)[0]!.invoke(event) as ReturnType<HttpHandler>;
  const review: HttpHandler = async (event) => (await started!)[1]!.invoke(event) as ReturnType<HttpHandler>;
  const http = await startHttpServer(
    [
      { method: 'POST', path: '/webhooks/articles', handler: ingest },
      { method: 'POST', path: '/webhooks/articles/{senderId}', handler: ingest },
      { method: 'GET', path: '/health', handler: review },
      { method: 'GET', path: '/api/', handler: review },
      { method: 'POST', path: '/api/', handler: review },
      { method: 'DELETE', path: '/api/', handler: review },
      { method: 'GET', path: '/admin', handler: review },
      { method: 'GET', path: '/admin/', handler: review },
      { method: 'GET', path: '/reviews/', handler: review },
    ],
    options.port ?? 3000,
  );
  Object.assign(process.env, {
    [ENV.tableName]: TABLE_NAME,
    [ENV.queueUrl]: queues.queueUrl,
    [ENV.webhookSecret]: webhookSecret,
    [ENV.reviewerToken]: reviewerToken,
    [ENV.dynamodbEndpoint]: dynamo.endpoint,
    [ENV.sqsEndpoint]: sqsServer.endpoint,
    [ENV.publicBaseUrl]: options.publicBaseUrl ?? http.url,
    [ENV.maxReceiveCount]: String(maxReceiveCount),
    [ENV.reconcileAfterSeconds]: String(options.reconcileAfterSeconds ?? RECONCILE_AFTER_MS / 1000),
    ...(options.senderCacheSeconds === undefined ? {} : { [ENV.senderCacheSeconds]: String(options.senderCacheSeconds) }),
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // no CloudWatch here to read EMF: the metrics are printed only when asked for
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
  });
  const common = { onCrash: (error: Error) => options.onWorkerError?.(error), preload: options.functionPreload };
  // the HTTP functions take requests together, as many as the API's burst limit lets in at once
  started = startFunctions([
    { name: 'ingest-webhook', timeoutSeconds: 10, concurrency: HTTP_CONCURRENCY, ...common },
    { name: 'review-api', timeoutSeconds: 10, concurrency: HTTP_CONCURRENCY, ...common },
    { name: 'claim-worker', timeoutSeconds: 60, background: true, ...common },
    { name: 'reconciler', timeoutSeconds: 30, background: true, ...common },
  ]);
  const functions = await started;
  const [, , worker, reconciler] = functions as [LocalFunction, LocalFunction, LocalFunction, LocalFunction];
  let poller: Poller | undefined;
  if (options.poll !== false) {
    poller = startPoller({
      sqs,
      queueUrl: queues.queueUrl,
      queueArn,
      handler: (event) => worker.invoke(event) as ReturnType<SqsHandler>,
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
  // then the reconciler function on its schedule, as EventBridge Scheduler invokes it
  const every = options.reconcileEverySeconds ?? 30;
  let stopping = false;
  let reconciling: Promise<unknown> = Promise.resolve();
  const timer = every > 0
    ? setInterval(() => {
        reconciling = reconciler.invoke({}).catch((error: unknown) => stopping || options.onWorkerError?.(error));
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
    ...(repaired ? { repaired } : {}),
    reconcile: runReconciler,
    async stop() {
      stopping = true;
      clearInterval(timer);
      const polling = poller?.stop();
      // the functions end at once, as a Lambda environment is shut down: a run cut short leaves
      // its article to the reconciler, and its message comes back after the visibility timeout
      await Promise.all(functions.map((f) => f.stop()));
      await Promise.all([polling, reconciling]);
      await http.close();
      await sqsServer.close();
      await dynamo.close();
      sqs.destroy();
      reconcileDb.destroy();
      if (marker) await rm(marker, { force: true });
    },
  };
}
