import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDocumentClient, sqsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { requiredEnv, secretFromEnv } from '../../shared/adapters/secrets';
import { SqsArticleQueue } from '../../shared/adapters/sqs-queue';
import { ENV } from '../../shared/adapters/table';
import { webhookVerifier } from '../../shared/adapters/webhook-signature';
import { bodyOf, failure, headersOf } from '../../shared/http/event';
import { json } from '../../shared/http/response';
import { type SignatureVerifier, verifiedDelivery } from '../../shared/http/webhook-request';
import { type IngestDeps, ingestArticle } from '../../shared/pipeline/ingest';

const logger = new Logger({ serviceName: 'ingest-webhook' });

const verify: Promise<SignatureVerifier> = secretFromEnv(ENV.webhookSecret, ENV.webhookSecretArn).then(webhookVerifier);
verify.catch(() => undefined); // reported by the first request instead of crashing the import
// Readability, its DOM and the HTML parser are most of this function's code but serve only HTML
// bodies: they are a module of their own, loaded by the first such body (see NodeFunction).
let articleText: Promise<(html: string) => string> | undefined;
const loadArticleText = () =>
  (articleText ??= import('#article-text').then(
    (module) => module.articleText,
    (error: unknown) => {
      articleText = undefined; // the next HTML body tries again
      throw error;
    },
  ));

const deps: IngestDeps = {
  htmlToText: async (html) => (await loadArticleText())(html),
  store: dynamoStores(dynamoDocumentClient(), requiredEnv(ENV.tableName)).articles,
  queue: new SqsArticleQueue(sqsClient(), requiredEnv(ENV.queueUrl)),
  now: () => new Date(),
};

/** POST /webhooks/articles: a signed article from a newsroom -> 202 once stored and queued. */
export const handler = async (event: APIGatewayProxyEventV2) => {
  try {
    const delivery = verifiedDelivery({ headers: headersOf(event), body: bodyOf(event) }, await verify);
    const accepted = await ingestArticle(delivery, deps);
    logger.info('article accepted', { articleId: accepted.articleId, duplicate: accepted.duplicate });
    return json(202, { articleId: accepted.articleId, status: accepted.status });
  } catch (error) {
    return failure(error, logger);
  }
};
