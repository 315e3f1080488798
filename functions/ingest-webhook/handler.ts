import { Logger } from '@aws-lambda-powertools/logger';
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
import { type IngestDeps, ingestArticle } from '../../shared/pipeline/ingest';

const logger = new Logger({ serviceName: 'ingest-webhook' });

const deps: Promise<IngestDeps> = (async () => ({
  verify: webhookVerifier(await secretFromEnv(ENV.webhookSecret, ENV.webhookSecretArn)),
  htmlToText,
  store: dynamoStores(dynamoDocumentClient(), requiredEnv(ENV.tableName)).articles,
  queue: new SqsArticleQueue(sqsClient(), requiredEnv(ENV.queueUrl)),
  now: () => new Date(),
}))();
deps.catch(() => undefined); // reported by the first request instead of crashing the import

/** POST /webhooks/articles: a signed article from a newsroom -> 202 once stored and queued. */
export const handler = async (event: APIGatewayProxyEventV2) => {
  try {
    const accepted = await ingestArticle({ headers: headersOf(event), body: bodyOf(event) }, await deps);
    logger.info('article accepted', { articleId: accepted.articleId, duplicate: accepted.duplicate });
    return json(202, { articleId: accepted.articleId, status: accepted.status });
  } catch (error) {
    return failure(error, logger);
  }
};
