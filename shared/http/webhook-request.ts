/**
 * What the webhook's HTTP request must be before the ingest use case sees it: a body within
 * the size limit, of a JSON media type, valid UTF-8, from a known sender, signed the Standard
 * Webhooks way with one of that sender's secrets and well-formed headers, and an article by the
 * contract. Every refusal is a 4xx that says why.
 */
import {
  issuesOf,
  PayloadTooLargeError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import type { ActiveSender } from '../pipeline/senders';
import { MAX_BODY_BYTES, WebhookArticle } from '../schemas/article';
import { DeliveryId } from '../schemas/bounds';

export interface WebhookRequest {
  /** The sender named by the path (`/webhooks/articles/{senderId}`), else the default sender. */
  senderId: string;
  /** Header names in lower case (as API Gateway HTTP APIs deliver them). */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body, exactly as signed. */
  body: string;
}

export interface VerifiedDelivery {
  deliveryId: string;
  article: WebhookArticle;
  sender: ActiveSender;
  /** The sender's key the signature was made with (k1, k2, ...). */
  keyId: string;
}

/**
 * Throws UnauthorizedError unless the body carries a valid, fresh signature by one of the
 * secrets; answers the key id of the one that verified.
 */
export type SignatureVerifier = (body: string, headers: WebhookRequest['headers'], secrets: ActiveSender['secrets']) => string;

export interface WebhookRequestDeps {
  /** The active sender of an id; UnauthorizedError when unknown or revoked. */
  senders: { sender(id: string): Promise<ActiveSender> };
  verify: SignatureVerifier;
}

/** Whole seconds since the epoch, as Standard Webhooks sends them. */
const TIMESTAMP = /^[0-9]{1,12}$/;

export async function verifiedDelivery(request: WebhookRequest, deps: WebhookRequestDeps): Promise<VerifiedDelivery> {
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
  // the sender is read only for a request that could be a delivery, and trusted only once it verifies
  const sender = await deps.senders.sender(request.senderId);
  const keyId = deps.verify(request.body, request.headers, sender.secrets);

  let raw: unknown;
  try {
    raw = JSON.parse(request.body);
  } catch (error) {
    throw new ValidationError(`malformed JSON: ${(error as Error).message}`);
  }
  const parsed = WebhookArticle.safeParse(raw);
  if (!parsed.success) throw new ValidationError('invalid article', issuesOf(parsed.error));
  return { deliveryId: id.data, article: parsed.data, sender, keyId };
}
