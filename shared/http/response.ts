import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  StaleVersionError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';

export type HttpResult = APIGatewayProxyResultV2 & { statusCode: number; body: string; headers: Record<string, string> };

const SECURITY_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode, headers: { ...SECURITY_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/**
 * The one place errors become HTTP answers: what a client did wrong gets its status and a
 * message naming the problem; anything else is a 500 with a generic body (the caller logs it).
 */
export function errorResponse(error: unknown): HttpResult {
  if (error instanceof ValidationError) {
    return json(400, error.issues.length > 0 ? { error: error.message, issues: error.issues } : { error: error.message });
  }
  if (error instanceof UnauthorizedError) return json(401, { error: error.message }, { 'www-authenticate': 'Bearer' });
  if (error instanceof ForbiddenError) return json(403, { error: error.message });
  if (error instanceof NotFoundError) return json(404, { error: error.message });
  if (error instanceof StaleVersionError) {
    return json(409, error.current === undefined ? { error: error.message } : { error: error.message, current: error.current });
  }
  if (error instanceof ConflictError) return json(409, { error: error.message });
  if (error instanceof PayloadTooLargeError) return json(413, { error: error.message });
  if (error instanceof UnsupportedMediaTypeError) return json(415, { error: error.message });
  return json(500, { error: 'internal error' });
}

/** Whether the error is the client's (4xx), so that only server faults are logged as errors. */
export function isClientError(error: unknown): boolean {
  return errorResponse(error).statusCode < 500;
}
