import { randomUUID } from 'node:crypto';
import { signDelivery } from '../../scripts/lib/webhook';

export interface PostOptions {
  id?: string;
  timestamp?: Date;
  contentType?: string;
  /** Replace the signature header (or drop it with null). */
  signature?: string | null;
  secret?: string;
  /** Sign with each of these secrets (several signatures in one header), instead of `secret`. */
  secrets?: readonly string[];
  /** Post to /webhooks/articles/<sender> (the default sender without it). */
  sender?: string;
}

/** POSTs a body to the webhook, signed the Standard Webhooks way unless told otherwise. */
export async function postWebhook(baseUrl: string, secret: string, body: string, options: PostOptions = {}): Promise<{ status: number; json: any }> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? new Date();
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/json',
    ...signDelivery(options.secrets ?? options.secret ?? secret, id, timestamp, body),
  };
  if (options.signature === null) delete headers['webhook-signature'];
  else if (options.signature !== undefined) headers['webhook-signature'] = options.signature;
  const path = options.sender === undefined ? '/webhooks/articles' : `/webhooks/articles/${options.sender}`;
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body });
  return { status: res.status, json: await res.json().catch(() => null) };
}

export async function getJson(baseUrl: string, path: string, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** Polls until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 120_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An article of our own, in the webhook body format. */
export function article(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    url: `https://harbour-gazette.example/news/${randomUUID()}`,
    title: 'Port authority expands the northern quay',
    publishedAt: '2026-03-02T08:00:00Z',
    text: 'The port authority hired more than 40 engineers in 2021 and spent $3.5 million on dredging.\nAbout 12% of the quay is now closed.',
    ...overrides,
  };
}
