import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { publicBaseUrl } from '../../shared/adapters/public-url';
import { requiredEnv, secretFromEnv } from '../../shared/adapters/secrets';
import { ENV } from '../../shared/adapters/table';
import { adminPage } from '../../shared/http/admin-page';
import { bodyOf, failure, headersOf } from '../../shared/http/event';
import { routeReview } from '../../shared/http/review-routes';
import { observed } from '../../shared/observability/handler';

const logger = new Logger();
const { articles, claims, counters, texts } = dynamoStores(dynamoDocumentClient(), requiredEnv(ENV.tableName));
const baseUrl = publicBaseUrl(ENV.publicBaseUrl);
// with a JWT authorizer in front (AWS), no shared token is needed
const token = process.env[ENV.reviewerToken] || process.env[ENV.reviewerTokenArn] ? secretFromEnv(ENV.reviewerToken, ENV.reviewerTokenArn) : Promise.resolve(undefined);
token.catch(() => undefined); // reported by the first request instead of crashing the import

/** GET /admin, GET /health, GET /reviews/{id} and the review API under /api (JWT of the reviewers group, or the shared token). */
export const handler = observed({ logger }, async (event: APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer) => {
  try {
    const jwt = (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
    return await routeReview(
      { method: event.requestContext.http.method, path: event.rawPath, query: event.queryStringParameters ?? {}, headers: headersOf(event as APIGatewayProxyEventV2), body: bodyOf(event as APIGatewayProxyEventV2), jwtClaims: jwt },
      {
        articles, claims, queue: claims, counts: counters, texts, token: await token, now: () => new Date(),
        publisher: process.env.PUBLISHER_NAME ?? 'Fact-check desk', publicBaseUrl: baseUrl, page: adminPage,
      },
    );
  } catch (error) {
    return failure(error, logger);
  }
});
