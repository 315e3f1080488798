import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { isWebhookSecret, signDelivery } from '../../../scripts/lib/webhook';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('signDelivery', () => {
  it('signs a payload so that a Standard Webhooks receiver accepts it', () => {
    const at = new Date();
    const payload = '{"url":"https://harbour.example/a","title":"Quay","text":"Dredging cost $2.1 million."}';
    const headers = signDelivery(SECRET, 'msg_1', at, payload);
    expect(headers['webhook-id']).toBe('msg_1');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(() => new Webhook(SECRET).verify(payload, headers)).not.toThrow();
    expect(() => new Webhook(SECRET).verify(`${payload} `, headers)).toThrow();
  });

  it('signs with every secret while one is rotated, each verifying on its own', () => {
    const other = 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD';
    const headers = signDelivery([SECRET, other], 'msg_2', new Date(), '{"a":1}');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(SECRET).verify('{"a":1}', headers)).not.toThrow();
    expect(() => new Webhook(other).verify('{"a":1}', headers)).not.toThrow();
  });

  it('tells a usable secret from a malformed one', () => {
    expect(isWebhookSecret(SECRET)).toBe(true);
    expect(isWebhookSecret('whsec_@@@')).toBe(false);
  });
});
