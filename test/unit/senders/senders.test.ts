import { describe, expect, it } from 'vitest';
import { AlreadyExistsError, ConflictError, NotFoundError, StaleVersionError, UnauthorizedError, ValidationError } from '../../../shared/errors';
import {
  addSender,
  defaultSender,
  promoteSender,
  revokeSender,
  rotateSender,
  SENDER_CACHE_MS,
  senderCacheMs,
  SenderDirectory,
  type SecretVault,
  type SenderAdminDeps,
  type SenderStore,
} from '../../../shared/pipeline/senders';
import type { SenderRecord, SenderSecret } from '../../../shared/schemas/sender';

/** Senders in memory, with the store's conditional writes. */
class MemorySenders implements SenderStore {
  readonly items = new Map<string, SenderRecord>();
  reads = 0;
  failNextRead = false;
  async getSender(id: string) {
    this.reads++;
    if (this.failNextRead) {
      this.failNextRead = false;
      throw new Error('table unavailable');
    }
    return structuredClone(this.items.get(id) ?? null);
  }
  async putSender(sender: SenderRecord, expectedVersion?: number) {
    const current = this.items.get(sender.id);
    if (expectedVersion === undefined && current) throw new AlreadyExistsError(`sender ${sender.id} already exists`);
    if (expectedVersion !== undefined && current?.version !== expectedVersion) throw new StaleVersionError('changed');
    this.items.set(sender.id, structuredClone(sender));
  }
  async listSenders() {
    return [...this.items.values()];
  }
}

/** A vault that refers to values by name, as Secrets Manager does, and remembers what it discarded. */
class MemoryVault implements SecretVault {
  readonly values = new Map<string, string>();
  readonly discarded: string[] = [];
  async keep(senderId: string, keyId: string, value: string, addedAt: string): Promise<SenderSecret> {
    const secretArn = `arn:test:${senderId}/${keyId}`;
    this.values.set(secretArn, value);
    return { keyId, addedAt, secretArn };
  }
  async reveal(secret: SenderSecret) {
    const value = this.values.get(secret.secretArn!);
    if (value === undefined) throw new Error(`no secret ${secret.secretArn}`);
    return value;
  }
  async discard(secret: SenderSecret) {
    this.values.delete(secret.secretArn!);
    this.discarded.push(secret.keyId);
  }
}

function setup() {
  let now = Date.parse('2026-04-01T09:00:00Z');
  let n = 0;
  const store = new MemorySenders();
  const vault = new MemoryVault();
  const clock = () => new Date(now);
  const admin: SenderAdminDeps = { store, vault, now: clock, newSecret: () => `whsec_${Buffer.from(`secret number ${++n} of this test`).toString('base64')}` };
  const directory = new SenderDirectory({ store, vault, now: clock });
  return { store, vault, admin, directory, advance: (ms: number) => void (now += ms) };
}

const quay = { id: 'quay-post', name: 'The Quay Post', sources: ['quay-post.example'] };

describe('registering and rotating senders', () => {
  it('adds a sender with a first secret kept in the vault, the table holding only a reference', async () => {
    const { admin, store, vault } = setup();
    const issued = await addSender({ ...quay, sources: [' Quay-Post.example', 'quay-post.example'] }, admin);
    expect(issued.keyId).toBe('k1');
    expect(issued.secret).toMatch(/^whsec_/);
    const stored = store.items.get('quay-post')!;
    expect(stored).toMatchObject({ status: 'active', aggregator: false, sources: ['quay-post.example'], keyCount: 1, version: 0 });
    expect(stored.secrets).toEqual([{ keyId: 'k1', addedAt: '2026-04-01T09:00:00.000Z', secretArn: 'arn:test:quay-post/k1' }]);
    expect(vault.values.get('arn:test:quay-post/k1')).toBe(issued.secret);
  });

  it('refuses an invalid id, the default sender id, * for a newsroom, and an id already taken', async () => {
    const { admin } = setup();
    await expect(addSender({ ...quay, id: 'Quay Post' }, admin)).rejects.toThrow(ValidationError);
    await expect(addSender({ ...quay, id: 'default' }, admin)).rejects.toThrow(ValidationError);
    await expect(addSender({ ...quay, sources: ['*'] }, admin)).rejects.toMatchObject({ issues: [{ path: 'sources', message: 'only an aggregator may post for any source (*)' }] });
    await expect(addSender({ ...quay, sources: ['quay post'] }, admin)).rejects.toThrow(ValidationError);
    expect((await addSender({ ...quay, id: 'all-feeds', sources: ['*'], aggregator: true }, admin)).sender.aggregator).toBe(true);
    await addSender(quay, admin);
    await expect(addSender(quay, admin)).rejects.toThrow(ConflictError);
  });

  it('rotates to a next secret, promotes it (discarding the old one), and never reuses a key id', async () => {
    const { admin, store, vault } = setup();
    await addSender(quay, admin);
    const next = await rotateSender('quay-post', admin);
    expect(next.keyId).toBe('k2');
    expect(store.items.get('quay-post')!.secrets.map((s) => s.keyId)).toEqual(['k1', 'k2']);
    await expect(rotateSender('quay-post', admin)).rejects.toThrow('already has a next secret (k2)');
    await promoteSender('quay-post', admin);
    expect(store.items.get('quay-post')!.secrets.map((s) => s.keyId)).toEqual(['k2']);
    expect(vault.discarded).toEqual(['k1']);
    await expect(promoteSender('quay-post', admin)).rejects.toThrow('no next secret to promote');
    await rotateSender('quay-post', admin);
    await revokeSender('quay-post', { next: true }, admin);
    expect((await rotateSender('quay-post', admin)).keyId).toBe('k4');
  });

  it('revokes a sender, keeping it (stored articles name it) with no secret, and refuses changes to it after', async () => {
    const { admin, store, vault } = setup();
    await addSender(quay, admin);
    await rotateSender('quay-post', admin);
    await revokeSender('quay-post', {}, admin);
    expect(store.items.get('quay-post')).toMatchObject({ status: 'revoked', secrets: [] });
    expect(vault.discarded).toEqual(['k1', 'k2']);
    await expect(rotateSender('quay-post', admin)).rejects.toThrow('sender quay-post is revoked');
    await expect(addSender(quay, admin)).rejects.toThrow(ConflictError);
    await expect(promoteSender('nobody', admin)).rejects.toThrow(NotFoundError);
  });

  it('discards the secret it kept when the sender changed meanwhile, so no orphan stays in the vault', async () => {
    const { admin, store, vault } = setup();
    await addSender(quay, admin);
    const racing = { ...admin, store: { ...store, getSender: store.getSender.bind(store), listSenders: store.listSenders.bind(store),
      putSender: async (s: SenderRecord, v?: number) => {
        // another operator rotated first
        store.items.set('quay-post', { ...store.items.get('quay-post')!, version: 1 });
        return store.putSender(s, v);
      } } };
    await expect(rotateSender('quay-post', racing)).rejects.toThrow(StaleVersionError);
    expect(vault.discarded).toEqual(['k2']);
    expect([...vault.values.keys()]).toEqual(['arn:test:quay-post/k1']);
  });
});

describe('the webhook\'s directory of senders', () => {
  it('answers a sender with its active secrets, read once per cache time', async () => {
    const { admin, directory, store } = setup();
    const { secret } = await addSender(quay, admin);
    const reads = store.reads;
    expect(await directory.sender('quay-post')).toMatchObject({ id: 'quay-post', aggregator: false, secrets: [{ keyId: 'k1', value: secret }] });
    await directory.sender('quay-post');
    expect(store.reads - reads).toBe(1);
  });

  it('sees a revocation once the cache time has passed, and not a moment before', async () => {
    const { admin, directory, advance } = setup();
    await addSender(quay, admin);
    await directory.sender('quay-post');
    await revokeSender('quay-post', {}, admin);
    advance(SENDER_CACHE_MS - 1);
    expect((await directory.sender('quay-post')).secrets).toHaveLength(1);
    advance(1);
    await expect(directory.sender('quay-post')).rejects.toThrow(new UnauthorizedError('sender quay-post is revoked'));
  });

  it('sees a rotation and a promotion within the cache time', async () => {
    const { admin, directory, advance } = setup();
    await addSender(quay, admin);
    await directory.sender('quay-post');
    await rotateSender('quay-post', admin);
    advance(SENDER_CACHE_MS);
    expect((await directory.sender('quay-post')).secrets.map((s) => s.keyId)).toEqual(['k1', 'k2']);
    await promoteSender('quay-post', admin);
    advance(SENDER_CACHE_MS);
    expect((await directory.sender('quay-post')).secrets.map((s) => s.keyId)).toEqual(['k2']);
  });

  it('refuses an unknown sender and an id that cannot be one with 401, without reading the table for the latter', async () => {
    const { directory, store } = setup();
    await expect(directory.sender('nobody')).rejects.toThrow(new UnauthorizedError('unknown sender nobody'));
    const reads = store.reads;
    await expect(directory.sender('../etc')).rejects.toThrow(UnauthorizedError);
    await expect(directory.sender('x'.repeat(64))).rejects.toThrow(UnauthorizedError);
    expect(store.reads).toBe(reads);
  });

  it('does not remember a failed read: the next delivery reads again', async () => {
    const { admin, directory, store } = setup();
    await addSender(quay, admin);
    store.failNextRead = true;
    await expect(directory.sender('quay-post')).rejects.toThrow('table unavailable');
    expect((await directory.sender('quay-post')).id).toBe('quay-post');
  });

  it('answers the default sender from WEBHOOK_SECRET, or 401 when there is none', async () => {
    const { store, vault } = setup();
    const now = () => new Date();
    const secret = `whsec_${Buffer.from('the shared secret of before!!').toString('base64')}`;
    const withDefault = new SenderDirectory({ store, vault, now, defaultSender: Promise.resolve(defaultSender(secret)) });
    expect(await withDefault.sender('default')).toMatchObject({ id: 'default', sources: ['*'], aggregator: true, legacy: true, secrets: [{ value: secret }] });
    const without = new SenderDirectory({ store, vault, now });
    await expect(without.sender('default')).rejects.toThrow('no default sender here: post to /webhooks/articles/{senderId}');
  });

  it('reads its cache time from SENDER_CACHE_SECONDS, at most a minute', () => {
    expect(senderCacheMs(undefined)).toBe(SENDER_CACHE_MS);
    expect(senderCacheMs('0')).toBe(0);
    expect(senderCacheMs('60')).toBe(60_000);
    expect(() => senderCacheMs('61')).toThrow('SENDER_CACHE_SECONDS');
    expect(() => senderCacheMs('1.5')).toThrow('SENDER_CACHE_SECONDS');
  });
});
