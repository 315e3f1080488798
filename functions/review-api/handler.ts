import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { DynamoStore } from '../../shared/adapters/dynamo-store';
import { requiredEnv, secretFromEnv } from '../../shared/adapters/secrets';
import { ENV } from '../../shared/adapters/table';
import { failure, headersOf } from '../../shared/http/event';
import { routeReview } from '../../shared/http/review-routes';

const logger = new Logger({ serviceName: 'review-api' });
const store = new DynamoStore(dynamoDocumentClient(), requiredEnv(ENV.tableName));
const token = secretFromEnv(ENV.reviewerToken, ENV.reviewerTokenArn);
token.catch(() => undefined); // reported by the first request instead of crashing the import

/** GET /health, GET /api/articles/{id}, GET /api/claims: the read API behind a bearer token. */
export const handler = async (event: APIGatewayProxyEventV2) => {
  try {
    const { method, path } = { method: event.requestContext.http.method, path: event.rawPath };
    return await routeReview({ method, path, query: event.queryStringParameters ?? {}, headers: headersOf(event) }, {
      articles: store, claims: store, token: await token,
    });
  } catch (error) {
    return failure(error, logger);
  }
};
