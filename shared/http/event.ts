import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ValidationError } from '../errors';
import { errorResponse, type HttpResult, isClientError } from './response';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The raw request body. API Gateway base64-encodes what it does not take for text; such a body
 * must still be UTF-8 (JSON is), or it is refused rather than read with replacement characters.
 */
export function bodyOf(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  if (!event.isBase64Encoded) return event.body;
  try {
    return utf8.decode(Buffer.from(event.body, 'base64'));
  } catch {
    throw new ValidationError('the body is not valid UTF-8');
  }
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
