import { Webhook } from 'standardwebhooks';

export type DeliveryHeaders = Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;

/**
 * The headers of a Standard Webhooks delivery of `payload`: its id, the timestamp in whole
 * seconds and the `v1,` signature with each secret (`whsec_...`; several while a secret is
 * rotated, separated by spaces), for the CLI, the benchmarks and the tests alike.
 */
export function signDelivery(secrets: string | readonly string[], webhookId: string, at: Date, payload: string): DeliveryHeaders {
  const all = typeof secrets === 'string' ? [secrets] : secrets;
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': all.map((secret) => new Webhook(secret).sign(webhookId, at, payload)).join(' '),
  };
}

/** Whether `secret` is one the signer accepts (`whsec_` followed by base64). */
export function isWebhookSecret(secret: string): boolean {
  try {
    new Webhook(secret);
    return true;
  } catch {
    return false;
  }
}
