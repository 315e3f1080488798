import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { UnauthorizedError } from '../errors';

/**
 * A Standard Webhooks verifier (HMAC-SHA256 over `id.timestamp.body`, secrets `whsec_<base64>`,
 * timestamps within 5 minutes) against any of a sender's active secrets: during a rotation a
 * delivery may be signed with the current secret, the next one, or both (the header then holds
 * two signatures, separated by a space). Answers the key that verified; every failure is a 401
 * that says what was wrong.
 */
export function verifySignature(
  body: string,
  headers: Readonly<Record<string, string | undefined>>,
  secrets: readonly { keyId: string; value: string }[],
): string {
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    if (!headers[name]) throw new UnauthorizedError(`missing ${name} header`);
  }
  const signed = {
    'webhook-id': headers['webhook-id']!,
    'webhook-timestamp': headers['webhook-timestamp']!,
    'webhook-signature': headers['webhook-signature']!,
  };
  let reason = 'the sender has no active secret';
  for (const secret of secrets) {
    try {
      new Webhook(secret.value).verify(body, signed, { jsonParse: false });
      return secret.keyId;
    } catch (error) {
      // the same for every secret when the timestamp is off; otherwise no signature matched
      reason = error instanceof WebhookVerificationError ? error.message : 'invalid signature';
    }
  }
  throw new UnauthorizedError(`webhook signature rejected: ${reason}`);
}

/** A fresh Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
