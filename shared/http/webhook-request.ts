/**
 * What the webhook's HTTP request must be before the ingest use case sees it: a body within
 * the size limit, of a JSON media type, valid UTF-8, signed the Standard Webhooks way with
 * well-formed headers, and an article by the contract. Every refusal is a 4xx that says why.
 */
import {
  issuesOf,
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import { MAX_BODY_BYTES, WebhookArticle } from '../schemas/article';
import { DeliveryId } from '../schemas/bounds';

export interface WebhookRequest {
  /** Header names in lower case (as API Gateway HTTP APIs deliver them). */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body, exactly as signed. */
  body: string;
}

export interface VerifiedDelivery {
  deliveryId: string;
  article: WebhookArticle;
}

/** Throws UnauthorizedError unless the signature of the body is valid and fresh. */
export type SignatureVerifier = (body: string, headers: WebhookRequest['headers']) => void;

/** Whole seconds since the epoch, as Standard Webhooks sends them. */
const TIMESTAMP = /^[0-9]{1,12}$/;

export function verifiedDelivery(request: WebhookRequest, verify: SignatureVerifier): VerifiedDelivery {
  const bytes = Buffer.byteLength(request.body, 'utf8');
  if (bytes > MAX_BODY_BYTES) throw new PayloadTooLargeError(`body of ${bytes} bytes is over the limit of ${MAX_BODY_BYTES}`);
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json' && !contentType.endsWith('+json')) {
    throw new UnsupportedMediaTypeError(`content-type must be application/json, not ${contentType || 'missing'}`);
  }
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    if (!request.headers[name]) throw new UnauthorizedError(`missing ${name} header`);
  }
  const timestamp = request.headers['webhook-timestamp']!;
  if (!TIMESTAMP.test(timestamp)) {
    throw new ValidationError('invalid webhook headers', [{ path: 'headers.webhook-timestamp', message: 'must be whole seconds since 1970 (digits only)' }]);
  }
  const id = DeliveryId.safeParse(request.headers['webhook-id']);
  if (!id.success) throw new ValidationError('invalid webhook headers', issuesOf(id.error).map((i) => ({ ...i, path: 'headers.webhook-id' })));
  verify(request.body, request.headers);

  let raw: unknown;
  try {
    raw = JSON.parse(request.body);
  } catch (error) {
    throw new ValidationError(`malformed JSON: ${(error as Error).message}`);
  }
  const parsed = WebhookArticle.safeParse(raw);
  if (!parsed.success) throw new ValidationError('invalid article', issuesOf(parsed.error));
  return { deliveryId: id.data, article: parsed.data };
}
