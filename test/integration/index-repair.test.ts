/**
 * A local run killed in the middle of a dynalite write leaves that write half done: dynalite
 * writes the index entries, then the item. The states such a kill leaves are made here with
 * dynalite's own index step on its own LevelDB data; the next start on the same data repairs
 * the indexes, and every accepted article is processed.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline, TABLE_NAME } from '../../scripts/local/runtime';
import { articleKey } from '../../shared/adapters/dynamo/keys';
import { TABLE } from '../../shared/adapters/table';
import { article, eventually, getJson, postWebhook } from './helpers';

const require = createRequire(import.meta.url);
/** dynalite's storage layer: the same code its server runs on the same files. */
const dynaliteDb = require('dynalite/db/index.js') as {
  create(options: { path: string }): DynaliteStore;
  updateIndexes(store: DynaliteStore, table: unknown, before: Item | null, after: Item | null, cb: (error?: Error) => void): void;
  createKey(key: Item, table: unknown): string;
};
type Item = Record<string, Record<string, unknown>>;
interface DynaliteStore {
  db: { close(cb: (error?: Error) => void): void };
  getTable(name: string, cb: (error: Error | null, table: unknown) => void): void;
  getItemDb(name: string): { get(key: string, cb: (error: Error | null, item: Item) => void): void };
}

const started: LocalPipeline[] = [];
afterEach(async () => {
  for (const p of started.splice(0)) await p.stop();
});

async function start(dir: string, poll: boolean): Promise<LocalPipeline> {
  const pipeline = await startLocalPipeline({ port: 0, dataDir: dir, poll, reconcileEverySeconds: 0 });
  started.push(pipeline);
  return pipeline;
}

/** What dynalite has done of an update of `id`'s item to `change` when killed before writing the item. */
async function halfUpdate(dir: string, id: string, change: (item: Item) => Item): Promise<void> {
  const store = dynaliteDb.create({ path: dir });
  try {
    const table = await new Promise<unknown>((resolve, reject) => store.getTable(TABLE_NAME, (e, t) => (e ? reject(e) : resolve(t))));
    const key = dynaliteDb.createKey(Object.fromEntries(Object.entries(articleKey(id)).map(([a, v]) => [a, { S: v }])), table);
    const before = await new Promise<Item>((resolve, reject) => store.getItemDb(TABLE_NAME).get(key, (e, item) => (e ? reject(e) : resolve(item))));
    await new Promise<void>((resolve, reject) => dynaliteDb.updateIndexes(store, table, before, change(before), (e) => (e ? reject(e) : resolve())));
  } finally {
    await new Promise<void>((resolve) => store.db.close(() => resolve()));
  }
}

describe('a local run killed in the middle of a write', () => {
  it('leaves no accepted article unfound: the next start repairs the indexes, then queues every unfinished article again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factcheck-repair-'));
    try {
      // accepted while nothing processes them: they wait in the table, queued
      const first = await start(dir, false);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const posted = await postWebhook(first.url, first.webhookSecret, JSON.stringify(article()));
        expect(posted.status).toBe(202);
        ids.push(posted.json.articleId);
      }
      await first.stop();
      started.length = 0;
      const [taken, gone] = ids as [string, string, string];

      // a worker taking the first article: the index says "processing, version 2", the item still "queued, version 1"
      await halfUpdate(dir, taken, (item) => ({
        ...item,
        status: { S: 'processing' },
        version: { N: String(Number(item.version!.N) + 1) },
        [TABLE.reviewIndex.sortKey]: { S: `${new Date(Date.now() + 1000).toISOString()}#${taken}` },
      }));
      // the second article's index entry deleted, its new one not yet written
      await halfUpdate(dir, gone, (item) => {
        const { [TABLE.reviewIndex.partitionKey]: _pk, [TABLE.reviewIndex.sortKey]: _sk, ...rest } = item;
        return rest;
      });
      // and the run never stopped cleanly
      await writeFile(path.join(dir, '.running'), '1\n');

      const second = await start(dir, true);
      expect([...second.recovered.requeued].sort()).toEqual([...ids].sort());
      expect(second.repaired).toEqual({ entriesRemoved: 1, itemsRewritten: 2 });
      for (const id of ids) {
        const done = await eventually(async () => {
          const { json } = await getJson(second.url, `/api/articles/${id}`, second.reviewerToken);
          return json?.status === 'processed' ? json : undefined;
        }, 120_000, `article ${id} to be processed`);
        expect(done.claims.length).toBeGreaterThan(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('repairs nothing after a clean stop', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factcheck-repair-'));
    try {
      const first = await start(dir, false);
      await first.stop();
      started.length = 0;
      const second = await start(dir, false);
      expect(second.repaired).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
