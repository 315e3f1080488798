import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { requiredEnv, secretFromEnv } from '../../shared/adapters/secrets';
import { SqsArticleQueue } from '../../shared/adapters/sqs-queue';
import { ENV } from '../../shared/adapters/table';
import { webhookVerifier } from '../../shared/adapters/webhook-signature';
import { htmlToText } from '../../shared/html/to-text';
import { bodyOf, failure, headersOf } from '../../shared/http/event';
import { json } from '../../shared/http/response';
import { type SignatureVerifier, verifiedDelivery } from '../../shared/http/webhook-request';
import { observed } from '../../shared/observability/handler';
import { countWebhookAnswer } from '../../shared/observability/metrics';
import { type IngestDeps, ingestArticle } from '../../shared/pipeline/ingest';

const logger = new Logger();
const metrics = new Metrics();

const verify: Promise<SignatureVerifier> = secretFromEnv(ENV.webhookSecret, ENV.webhookSecretArn).then(webhookVerifier);
verify.catch(() => undefined); // reported by the first request instead of crashing the import
const deps: IngestDeps = {
  htmlToText,
  store: dynamoStores(dynamoDocumentClient(), requiredEnv(ENV.tableName)).articles,
  queue: new SqsArticleQueue(sqsClient(), requiredEnv(ENV.queueUrl)),
  now: () => new Date(),
};

/** POST /webhooks/articles: a signed article from a newsroom -> 202 once stored and queued. */
export const handler = observed({ logger, metrics }, async (event: APIGatewayProxyEventV2) => {
  const result = await answer(event);
  countWebhookAnswer(metrics, result.statusCode);
  return result;
});

async function answer(event: APIGatewayProxyEventV2) {
  try {
    const delivery = verifiedDelivery({ headers: headersOf(event), body: bodyOf(event) }, await verify);
    const accepted = await ingestArticle(delivery, deps);
    logger.info('article accepted', { articleId: accepted.articleId, duplicate: accepted.duplicate });
    return json(202, { articleId: accepted.articleId, status: accepted.status });
  } catch (error) {
    return failure(error, logger);
  }
}
