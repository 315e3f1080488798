import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDocumentClient, secretsClient, sqsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { requiredEnv, secretFromEnv } from '../../shared/adapters/secrets';
import { SecretsManagerVault, TableSecretVault } from '../../shared/adapters/sender-secrets';
import { SqsArticleQueue } from '../../shared/adapters/sqs-queue';
import { ENV } from '../../shared/adapters/table';
import { verifySignature } from '../../shared/adapters/webhook-signature';
import { bodyOf, failure, headersOf } from '../../shared/http/event';
import { json } from '../../shared/http/response';
import { verifiedDelivery } from '../../shared/http/webhook-request';
import { observed } from '../../shared/observability/handler';
import { countWebhookAnswer } from '../../shared/observability/metrics';
import { type IngestDeps, ingestArticle } from '../../shared/pipeline/ingest';
import { defaultSender, SenderDirectory, senderCacheMs } from '../../shared/pipeline/senders';
import { DEFAULT_SENDER_ID } from '../../shared/schemas/sender';

const logger = new Logger();
const metrics = new Metrics();

const stores = dynamoStores(dynamoDocumentClient(), requiredEnv(ENV.tableName));
const secretPrefix = process.env[ENV.senderSecretPrefix];
// the default sender exists while the single shared secret is configured
const fallback = process.env[ENV.webhookSecret] || process.env[ENV.webhookSecretArn]
  ? secretFromEnv(ENV.webhookSecret, ENV.webhookSecretArn).then(defaultSender)
  : Promise.resolve(undefined);
fallback.catch(() => undefined); // reported by the first request instead of crashing the import
const senders = new SenderDirectory({
  store: stores.senders,
  vault: secretPrefix ? new SecretsManagerVault(secretsClient(), secretPrefix) : new TableSecretVault(),
  now: () => new Date(),
  maxAgeMs: senderCacheMs(process.env[ENV.senderCacheSeconds]),
  defaultSender: fallback,
});
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
  store: stores.articles,
  queue: new SqsArticleQueue(sqsClient(), requiredEnv(ENV.queueUrl)),
  now: () => new Date(),
};

/** POST /webhooks/articles/{senderId} (or /webhooks/articles: the default sender): a signed article -> 202 once stored and queued. */
export const handler = observed({ logger, metrics }, async (event: APIGatewayProxyEventV2) => {
  const result = await answer(event);
  countWebhookAnswer(metrics, result.statusCode);
  return result;
});

async function answer(event: APIGatewayProxyEventV2) {
  try {
    const request = { senderId: event.pathParameters?.senderId ?? DEFAULT_SENDER_ID, headers: headersOf(event), body: bodyOf(event) };
    const delivery = await verifiedDelivery(request, { senders, verify: verifySignature });
    const accepted = await ingestArticle(delivery, deps);
    logger.info('article accepted', { articleId: accepted.articleId, duplicate: accepted.duplicate, senderId: delivery.sender.id, keyId: delivery.keyId });
    return json(202, { articleId: accepted.articleId, status: accepted.status });
  } catch (error) {
    return failure(error, logger);
  }
}
