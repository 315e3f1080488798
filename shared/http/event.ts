import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errorResponse, type HttpResult, isClientError } from './response';

/** The raw request body (API Gateway base64-encodes what it does not take for text). */
export function bodyOf(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** Lower-cased header names, whatever the caller sent. */
export function headersOf(event: APIGatewayProxyEventV2): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

/** Maps an error to its answer; server faults are logged with the request id, client ones as info. */
export function failure(error: unknown, logger: Logger): HttpResult {
  if (isClientError(error)) logger.info('request refused', { reason: (error as Error).message });
  else logger.error('request failed', error as Error);
  return errorResponse(error);
}
