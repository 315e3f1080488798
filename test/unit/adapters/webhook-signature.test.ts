import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../../../shared/errors';
import { newWebhookSecret, verifySignature } from '../../../shared/adapters/webhook-signature';

const current = { keyId: 'k1', value: newWebhookSecret() };
const next = { keyId: 'k2', value: newWebhookSecret() };
const body = '{"url":"https://quay-post.example/a","title":"Quay","text":"12 cranes."}';

function signed(secrets: readonly string[], at = new Date()) {
  const id = 'msg_rotation';
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    // several signatures in one header, space-separated, as Standard Webhooks allows
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' '),
  };
}

describe('verifying a delivery against a sender\'s active secrets', () => {
  it('accepts a signature by the current or the next secret, or both in one header, and names the key', () => {
    expect(verifySignature(body, signed([current.value]), [current, next])).toBe('k1');
    expect(verifySignature(body, signed([next.value]), [current, next])).toBe('k2');
    expect(verifySignature(body, signed([next.value, current.value]), [current, next])).toBe('k1');
  });

  it('refuses a signature by a secret that is no longer active', () => {
    expect(() => verifySignature(body, signed([current.value]), [next])).toThrow(new UnauthorizedError('webhook signature rejected: No matching signature found'));
  });

  it('refuses a stale timestamp whichever secret signed, and a sender with no secret', () => {
    const old = signed([current.value], new Date(Date.now() - 10 * 60_000));
    expect(() => verifySignature(body, old, [current, next])).toThrow(/timestamp too old/);
    expect(() => verifySignature(body, signed([current.value]), [])).toThrow('the sender has no active secret');
  });

  it('refuses a body changed after signing', () => {
    expect(() => verifySignature(`${body} `, signed([current.value]), [current])).toThrow(UnauthorizedError);
  });
});
