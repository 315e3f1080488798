/**
 * Senders: the integrations allowed to post articles (a newsroom's CMS, a feed poller, an upload
 * tool), each with its own webhook secrets and the sources it may post for.
 */
import { count } from './claim';
import * as z from './zod';

/** A sender's id, as it appears in its webhook URL: lower-case letters, digits and hyphens. */
export const SenderId = z.string().check(
  z.maxLength(63),
  z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'must be lower-case letters, digits and hyphens (not at either end)'),
);

/** The sender of deliveries signed with WEBHOOK_SECRET: the single-secret setup, kept working. */
export const DEFAULT_SENDER_ID = 'default';

/** A host name as a pattern: lower-case labels of letters, digits and hyphens, joined by dots. */
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A source a sender may post for: an exact host (`harbour-times.example`), every host below a
 * domain (`*.harbour-times.example`, not the domain itself), or `*` (any source: aggregators only).
 */
export const SourcePattern = z.string().check(
  z.refine((p) => p === '*' || HOST.test(p.startsWith('*.') ? p.slice(2) : p), 'must be a lower-case host, *.domain, or *'),
);

/**
 * One webhook secret of a sender. Locally the value is kept in the table; in AWS the table keeps
 * only the ARN of a Secrets Manager secret that holds the value.
 */
export const SenderSecret = z
  .object({
    /** k1, k2, ...: never reused within a sender, so that logs can name a key without its value. */
    keyId: z.string().check(z.regex(/^k[0-9]{1,6}$/, 'must be k<n>')),
    addedAt: z.string(),
    value: z.optional(z.string().check(z.startsWith('whsec_'))),
    secretArn: z.optional(z.string().check(z.startsWith('arn:'))),
  })
  .check(z.refine((s) => (s.value === undefined) !== (s.secretArn === undefined), 'exactly one of value and secretArn'));
export type SenderSecret = z.infer<typeof SenderSecret>;

export const SenderStatus = z.enum(['active', 'revoked']);
export type SenderStatus = z.infer<typeof SenderStatus>;

/** `*` (any source) only for an aggregator. */
const anySourceOnlyForAggregators = () =>
  z.refine<{ aggregator: boolean; sources: string[] }>((s) => s.aggregator || !s.sources.includes('*'), {
    message: 'only an aggregator may post for any source (*)',
    path: ['sources'],
  });

const profile = {
  id: SenderId,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  sources: z.array(SourcePattern).check(z.minLength(1), z.maxLength(100)),
  /** Relays other outlets' articles: may post for any source it lists (`*` included), and its
   * articles are attributed to their URL's host and flagged as relayed. */
  aggregator: z.boolean(),
};

/** Who a sender is and what it may post for: what `npm run senders -- add` takes. */
export const SenderProfile = z.object(profile).check(anySourceOnlyForAggregators());
export type SenderProfile = z.infer<typeof SenderProfile>;

/** A sender as stored. `secrets[0]` is the current secret, `secrets[1]` the next one during a rotation. */
export const SenderRecord = z
  .object({
    ...profile,
    status: SenderStatus,
    secrets: z.array(SenderSecret).check(z.maxLength(2)),
    /** Secrets ever issued (the next key is k<keyCount + 1>). */
    keyCount: count(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: count(),
  })
  .check(
    anySourceOnlyForAggregators(),
    z.refine((s) => (s.status === 'active') === (s.secrets.length > 0), { message: 'an active sender has one or two secrets, a revoked one none', path: ['secrets'] }),
  );
export type SenderRecord = z.infer<typeof SenderRecord>;
