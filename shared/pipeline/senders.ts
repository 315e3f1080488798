/**
 * Senders: who may post articles, with which secrets, for which sources.
 *
 * The webhook asks a `SenderDirectory` for the sender a delivery names; the directory reads the
 * sender and its secrets and keeps them for a short while (`SENDER_CACHE_MS`), so that a
 * rotation or a revocation takes effect everywhere within that time. The administration use
 * cases (add, rotate, promote, revoke, list) are what `npm run senders` runs, locally or in AWS.
 */
import { ConflictError, issuesOf, NotFoundError, UnauthorizedError, ValidationError } from '../errors';
import { DEFAULT_SENDER_ID, SenderId, SenderProfile, type SenderRecord, type SenderSecret } from '../schemas/sender';
import type { SourcePolicy } from '../senders/sources';
import type { Clock } from './ports';

/** Where senders are kept (the table). */
export interface SenderStore {
  getSender(id: string): Promise<SenderRecord | null>;
  /**
   * Stores a sender: a new one when `expectedVersion` is undefined (AlreadyExistsError if the id
   * is taken), else in place of the version read (StaleVersionError if it changed meanwhile).
   */
  putSender(sender: SenderRecord, expectedVersion?: number): Promise<void>;
  /** Every sender, revoked ones included, by id. */
  listSenders(): Promise<SenderRecord[]>;
}

/** Where secret values are kept: in the sender's item locally, in Secrets Manager in AWS. */
export interface SecretVault {
  /** Keeps a new secret value; answers how the sender's record refers to it. */
  keep(senderId: string, keyId: string, value: string, addedAt: string): Promise<SenderSecret>;
  reveal(secret: SenderSecret): Promise<string>;
  /** Forgets a secret no longer in use. */
  discard(secret: SenderSecret): Promise<void>;
}

/** A sender as the webhook uses it: its rules and the values of its active secrets. */
export interface ActiveSender extends SourcePolicy {
  name: string;
  secrets: readonly { keyId: string; value: string }[];
}

/** How long the webhook keeps a sender it read: a change takes effect within this time. */
export const SENDER_CACHE_MS = 30_000;
/** The cache time from SENDER_CACHE_SECONDS (0 to 60; unset: SENDER_CACHE_MS), failing at cold start otherwise. */
export function senderCacheMs(seconds: string | undefined): number {
  if (seconds === undefined || seconds === '') return SENDER_CACHE_MS;
  const n = Number(seconds);
  if (!/^[0-9]+$/.test(seconds) || n > 60) throw new Error(`SENDER_CACHE_SECONDS must be a whole number from 0 to 60, not ${seconds}`);
  return n * 1000;
}

/** The most senders one function instance keeps (unknown ids included). */
const MAX_CACHED = 1000;

/** The default sender: the single shared secret of before, allowed any source as it was. */
export function defaultSender(secret: string): ActiveSender {
  return {
    id: DEFAULT_SENDER_ID,
    name: 'Default sender (WEBHOOK_SECRET)',
    sources: ['*'],
    aggregator: true,
    legacy: true,
    secrets: [{ keyId: 'k1', value: secret }],
  };
}

export interface SenderDirectoryDeps {
  store: Pick<SenderStore, 'getSender'>;
  vault: Pick<SecretVault, 'reveal'>;
  now: Clock;
  /** @default SENDER_CACHE_MS */
  maxAgeMs?: number;
  /** The default sender, when WEBHOOK_SECRET (or its ARN) is configured. */
  defaultSender?: Promise<ActiveSender | undefined>;
}

/** The senders the webhook knows, each read at most once per `maxAgeMs`. */
export class SenderDirectory {
  private readonly cache = new Map<string, { at: number; sender: Promise<ActiveSender | null> }>();
  private readonly maxAgeMs: number;

  constructor(private readonly deps: SenderDirectoryDeps) {
    this.maxAgeMs = deps.maxAgeMs ?? SENDER_CACHE_MS;
  }

  /** The active sender of that id; UnauthorizedError (401) when there is none. */
  async sender(id: string): Promise<ActiveSender> {
    if (!SenderId.safeParse(id).success) throw new UnauthorizedError('unknown sender: a sender id is lower-case letters, digits and hyphens');
    if (id === DEFAULT_SENDER_ID) {
      const fallback = await this.deps.defaultSender;
      if (!fallback) throw new UnauthorizedError('no default sender here: post to /webhooks/articles/{senderId}');
      return fallback;
    }
    const found = await this.cached(id);
    if (!found) throw new UnauthorizedError(`unknown sender ${id}`);
    if (found.secrets.length === 0) throw new UnauthorizedError(`sender ${id} is revoked`);
    return found;
  }

  private cached(id: string): Promise<ActiveSender | null> {
    const now = this.deps.now().getTime();
    const hit = this.cache.get(id);
    if (hit && now - hit.at < this.maxAgeMs && now >= hit.at) return hit.sender;
    const sender = this.load(id);
    this.cache.delete(id);
    this.cache.set(id, { at: now, sender });
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    // a failed read is not remembered: the next delivery reads again
    sender.catch(() => {
      if (this.cache.get(id)?.sender === sender) this.cache.delete(id);
    });
    return sender;
  }

  private async load(id: string): Promise<ActiveSender | null> {
    const record = await this.deps.store.getSender(id);
    if (!record) return null;
    const secrets = record.status === 'active'
      ? await Promise.all(record.secrets.map(async (s) => ({ keyId: s.keyId, value: await this.deps.vault.reveal(s) })))
      : [];
    return { id: record.id, name: record.name, sources: record.sources, aggregator: record.aggregator, secrets };
  }
}

// ---------------------------------------------------------------------------------------------
// Administration (npm run senders)

export interface SenderAdminDeps {
  store: SenderStore;
  vault: SecretVault;
  now: Clock;
  /** A fresh Standard Webhooks secret (whsec_ and 32 random bytes in base64). */
  newSecret(): string;
}

export interface NewSender {
  id: string;
  name: string;
  sources: readonly string[];
  aggregator?: boolean;
}

/** A sender with a secret value just issued: the only time the value is shown. */
export interface IssuedSecret {
  sender: SenderRecord;
  keyId: string;
  secret: string;
}

/**
 * Registers a sender with its first secret.
 * Steps: check the id (not the default sender's), name and sources (lower case, `*` only for an
 * aggregator); keep the secret in the vault; store the sender, refusing an id already taken
 * (revoked senders included: an id always names the same integration).
 */
export async function addSender(input: NewSender, deps: SenderAdminDeps): Promise<IssuedSecret> {
  if (input.id === DEFAULT_SENDER_ID) {
    throw new ValidationError('invalid sender', [{ path: 'id', message: `${DEFAULT_SENDER_ID} is the sender of WEBHOOK_SECRET, not one to add` }]);
  }
  const checked = SenderProfile.safeParse({
    id: input.id,
    name: input.name.trim(),
    sources: [...new Set(input.sources.map((s) => s.trim().toLowerCase()))],
    aggregator: input.aggregator ?? false,
  });
  if (!checked.success) throw new ValidationError('invalid sender', issuesOf(checked.error));
  if (await deps.store.getSender(input.id)) throw new ConflictError(`sender ${input.id} already exists`);
  const at = deps.now().toISOString();
  const secret = deps.newSecret();
  const kept = await deps.vault.keep(input.id, 'k1', secret, at);
  const sender: SenderRecord = { ...checked.data, status: 'active', secrets: [kept], keyCount: 1, createdAt: at, updatedAt: at, version: 0 };
  await storeOrDiscard(sender, undefined, [kept], deps);
  return { sender, keyId: kept.keyId, secret };
}

/** Issues a next secret: the current one and the next both verify until `promoteSender`. */
export async function rotateSender(id: string, deps: SenderAdminDeps): Promise<IssuedSecret> {
  const current = await activeSender(id, deps);
  if (current.secrets.length > 1) {
    throw new ConflictError(`sender ${id} already has a next secret (${current.secrets[1]!.keyId}): promote it, or revoke it with --next`);
  }
  const at = deps.now().toISOString();
  const keyId = `k${current.keyCount + 1}`;
  const secret = deps.newSecret();
  const kept = await deps.vault.keep(id, keyId, secret, at);
  const sender: SenderRecord = { ...current, secrets: [current.secrets[0]!, kept], keyCount: current.keyCount + 1, updatedAt: at, version: current.version + 1 };
  await storeOrDiscard(sender, current.version, [kept], deps);
  return { sender, keyId, secret };
}

/** Makes the next secret the current one; the old current secret stops verifying. */
export async function promoteSender(id: string, deps: SenderAdminDeps): Promise<SenderRecord> {
  const current = await activeSender(id, deps);
  const [retired, next] = current.secrets;
  if (!next) throw new ConflictError(`sender ${id} has no next secret to promote: rotate first`);
  return replace(current, { secrets: [next] }, [retired!], deps);
}

/**
 * Revokes a sender (every secret stops verifying; the sender is kept, revoked, since stored
 * articles name it), or with `next` only its next secret (a rotation abandoned).
 */
export async function revokeSender(id: string, options: { next?: boolean }, deps: SenderAdminDeps): Promise<SenderRecord> {
  const current = await activeSender(id, deps);
  if (options.next) {
    const next = current.secrets[1];
    if (!next) throw new ConflictError(`sender ${id} has no next secret to revoke`);
    return replace(current, { secrets: [current.secrets[0]!] }, [next], deps);
  }
  return replace(current, { status: 'revoked', secrets: [] }, current.secrets, deps);
}

export async function listSenders(deps: Pick<SenderAdminDeps, 'store'>): Promise<SenderRecord[]> {
  return deps.store.listSenders();
}

async function activeSender(id: string, deps: SenderAdminDeps): Promise<SenderRecord> {
  const sender = await deps.store.getSender(id);
  if (!sender) throw new NotFoundError(`no sender ${id}`);
  if (sender.status === 'revoked') throw new ConflictError(`sender ${id} is revoked`);
  return sender;
}

/** Stores the change, then forgets the secrets it retired (a secret is never discarded while in use). */
async function replace(current: SenderRecord, change: Partial<SenderRecord>, retired: readonly SenderSecret[], deps: SenderAdminDeps): Promise<SenderRecord> {
  const sender: SenderRecord = { ...current, ...change, updatedAt: deps.now().toISOString(), version: current.version + 1 };
  await deps.store.putSender(sender, current.version);
  for (const secret of retired) await deps.vault.discard(secret);
  return sender;
}

/** Stores the sender; if that fails, the secrets kept for it are discarded before the error goes on. */
async function storeOrDiscard(sender: SenderRecord, expectedVersion: number | undefined, kept: readonly SenderSecret[], deps: SenderAdminDeps): Promise<void> {
  try {
    await deps.store.putSender(sender, expectedVersion);
  } catch (error) {
    for (const secret of kept) await deps.vault.discard(secret).catch(() => undefined);
    throw error;
  }
}
