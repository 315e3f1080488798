import { Duration } from 'aws-cdk-lib';

/**
 * Numbers that two stacks must agree on: the queue's visibility timeout is derived from the
 * worker's timeout and batching window, and the queue lives in the stateful stack while the
 * worker lives in the stateless one.
 */
export const WORKER = {
  timeout: Duration.seconds(60),
  batchSize: 10,
  maxBatchingWindow: Duration.seconds(2),
  maxConcurrency: 5,
} as const;

/** Timeout of the two functions behind the HTTP API (which itself gives up after 30 s). */
export const API_FUNCTION_TIMEOUT = Duration.seconds(10);

/** Steady-state requests per second and burst for the whole HTTP API stage. */
export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * A tighter throttle on the public, unauthenticated webhook route, so that junk posted there
 * (which the function refuses, but only after running) cannot use up the stage's budget and
 * starve the reviewers' API.
 */
export const WEBHOOK_THROTTLE = { rateLimit: 20, burstLimit: 40 } as const;

/** How often the reconciler looks for articles left unfinished. */
export const RECONCILER = { everyMinutes: 5 } as const;

/** The context key of an e-mail address that receives the pipeline's alarms (optional). */
export const ALARM_EMAIL_CONTEXT_KEY = 'alarmEmail';

/**
 * Whether the default sender (deliveries signed with the one shared WEBHOOK_SECRET, the setup of
 * before senders) is still accepted: `cdk deploy -c defaultSender=false` turns it off once every
 * newsroom posts as a sender of its own.
 */
export const DEFAULT_SENDER_CONTEXT_KEY = 'defaultSender';

/** The defaultSender setting from a prop or the context (`-c` gives strings): true unless false. */
export function defaultSenderEnabled(value: unknown): boolean {
  if (value === undefined || value === null || value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`${DEFAULT_SENDER_CONTEXT_KEY} must be true or false`);
}

/** Powertools service names, one per function. */
export const SERVICE = {
  ingest: 'ingest-webhook',
  worker: 'claim-worker',
  review: 'review-api',
  reconciler: 'reconciler',
} as const;

/**
 * The organisation named as author of the ClaimReview JSON-LD, read by the review function from
 * PUBLISHER_NAME. Set it with `cdk synth -c publisherName="..."` or `buildApp({ publisherName })`.
 */
export const PUBLISHER = {
  env: 'PUBLISHER_NAME',
  contextKey: 'publisherName',
  default: 'Fact-check desk',
  maxLength: 200,
} as const;

/** The publisher name from a prop or the context: a non-blank string of at most 200 characters. */
export function publisherName(value: unknown): string {
  if (value === undefined || value === null) return PUBLISHER.default;
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '' || name.length > PUBLISHER.maxLength) {
    throw new Error(
      `${PUBLISHER.contextKey} must be a non-blank string of at most ` +
        `${PUBLISHER.maxLength} characters`,
    );
  }
  return name;
}

/**
 * Where the public pages of verdicts live, when not at the HTTP API's own address (a custom
 * domain): `cdk synth -c publicBaseUrl=https://factcheck.example` or `buildApp({ publicBaseUrl })`.
 */
export const PUBLIC_BASE_URL = { contextKey: 'publicBaseUrl' } as const;

/** The public base URL from a prop or the context: undefined, or an https URL without query or fragment. */
export function publicBaseUrl(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.search || url.hash || url.username || url.password) {
    throw new Error(`${PUBLIC_BASE_URL.contextKey} must be an https URL without credentials, query or fragment`);
  }
  return url.href.replace(/\/+$/, '');
}
