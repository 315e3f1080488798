import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { UnauthorizedError } from '../errors';

/**
 * A Standard Webhooks verifier (HMAC-SHA256 over `id.timestamp.body`, secret `whsec_<base64>`,
 * timestamps within 5 minutes): every failure is a 401 that says what was wrong.
 */
export function webhookVerifier(secret: string): (body: string, headers: Readonly<Record<string, string | undefined>>) => void {
  const webhook = new Webhook(secret);
  return (body, headers) => {
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      if (!headers[name]) throw new UnauthorizedError(`missing ${name} header`);
    }
    try {
      webhook.verify(body, {
        'webhook-id': headers['webhook-id']!,
        'webhook-timestamp': headers['webhook-timestamp']!,
        'webhook-signature': headers['webhook-signature']!,
      }, { jsonParse: false });
    } catch (error) {
      if (error instanceof WebhookVerificationError) throw new UnauthorizedError(`webhook signature rejected: ${error.message}`);
      throw new UnauthorizedError('webhook signature rejected');
    }
  };
}
