import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { requiredEnv } from '../../shared/adapters/secrets';
import { SqsArticleQueue } from '../../shared/adapters/sqs-queue';
import { ENV } from '../../shared/adapters/table';
import { observed } from '../../shared/observability/handler';
import { countReconcile } from '../../shared/observability/metrics';
import { reconcile } from '../../shared/pipeline/reconcile';

const logger = new Logger();
const metrics = new Metrics();
const deps = {
  articles: dynamoStores(dynamoDocumentClient(), requiredEnv(ENV.tableName)).articles,
  queue: new SqsArticleQueue(sqsClient(), requiredEnv(ENV.queueUrl)),
  now: () => new Date(),
};
const olderThanMs = Number(requiredEnv(ENV.reconcileAfterSeconds)) * 1000;

/** On a schedule: queues again the articles left unfinished longer than the queue's visibility timeout. */
export const handler = observed({ logger, metrics }, async () => {
  const report = await reconcile({ olderThanMs }, deps);
  countReconcile(metrics, report);
  if (report.requeued.length + report.failed.length > 0) logger.warn('unfinished articles found', { ...report });
  return { requeued: report.requeued.length, failed: report.failed.length };
});
