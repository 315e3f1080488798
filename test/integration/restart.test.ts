/**
 * Accepted means processed, across restarts: the real `npm start` process (dynalite with --data,
 * fauxqs in memory) is killed, gracefully or with SIGKILL, while articles wait or are being
 * processed, and started again on the same data. Everything that got a 202 ends processed, once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newReviewerToken, newWebhookSecret } from '../../scripts/local/runtime';
import { article, eventually, getJson, postWebhook } from './helpers';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const secret = newWebhookSecret();
const token = newReviewerToken();
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) signalGroup(child, 'SIGKILL');
});

/** tsx runs the script in a child of its own: the signal goes to the whole process group, as a terminal's would. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Starts `npm start` on a free port with the data in `dir`; resolves with its URL once it serves. */
async function start(dir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts', '--port', '0', '--data', dir], {
    cwd: root,
    env: { ...process.env, WEBHOOK_SECRET: secret, REVIEWER_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const url = await eventually(async () => /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1], 120_000, `npm start to serve (${output})`);
  return { child, url, output: () => output };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, signal);
  await exited;
  // and wait until nothing of the group is left holding the data directory
  await groupGone(child);
}

async function post(url: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const bodies = Array.from({ length: count }, () => JSON.stringify(article()));
  for (let i = 0; i < bodies.length; i += 25) {
    const results = await Promise.all(bodies.slice(i, i + 25).map((b) => postWebhook(url, secret, b)));
    for (const r of results) {
      expect(r.status).toBe(202);
      ids.push(r.json.articleId);
    }
  }
  return ids;
}

async function unprocessed(url: string, ids: readonly string[]): Promise<string[]> {
  const left: string[] = [];
  for (const id of ids) {
    const { json } = await getJson(url, `/api/articles/${id}`, token);
    if (json?.status !== 'processed') left.push(id);
  }
  return left;
}

async function expectAllProcessedOnce(url: string, ids: readonly string[]): Promise<void> {
  let left: string[] = [];
  try {
    await eventually(async () => ((left = await unprocessed(url, ids)).length === 0 ? true : undefined), 240_000, 'every accepted article to be processed');
  } catch (error) {
    const states = await Promise.all(left.slice(0, 5).map(async (id) => (await getJson(url, `/api/articles/${id}`, token)).json));
    throw new Error(`${(error as Error).message}: ${left.length} left, e.g. ${JSON.stringify(states.map((a) => a && { status: a.status, reason: a.reason }))}`);
  }
  for (const id of ids) {
    const { json } = await getJson(url, `/api/articles/${id}`, token);
    expect(json.claims).toHaveLength(4);
    expect(new Set(json.claims.map((c: { id: string }) => c.id)).size).toBe(4);
  }
}

/** Waits until nothing of the process group of `child` is left. */
async function groupGone(child: ChildProcess): Promise<void> {
  await eventually(async () => {
    try {
      process.kill(-child.pid!, 0);
      return undefined;
    } catch {
      return true;
    }
  }, 60_000, 'nothing of the pipeline left running');
}

describe('npm start, stopped and started again on the same --data', () => {
  it.each([
    ['killed with SIGKILL', 'SIGKILL', 50],
    ['stopped with Ctrl-C', 'SIGINT', 50],
    ['killed with SIGKILL while processing', 'SIGKILL', 300],
  ] as const)('loses no accepted article when %s (%s, %i articles)', async (_name, signal, count) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factcheck-restart-'));
    try {
      const first = await start(dir);
      const ids = await post(first.url, count);
      await stop(first.child, signal);

      const second = await start(dir);
      await expectAllProcessedOnce(second.url, ids);
      expect(second.output()).toMatch(/queued again/);
      await stop(second.child, 'SIGINT');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('leaves nothing running when the launcher alone is killed, so that the same --data starts again', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'factcheck-restart-'));
    try {
      const first = await start(dir);
      const [id] = await post(first.url, 1);
      // tsx runs the pipeline in a child process; SIGKILL to tsx alone never reaches that child
      process.kill(first.child.pid!, 'SIGKILL');
      await groupGone(first.child);

      const second = await start(dir);
      await expectAllProcessedOnce(second.url, [id!]);
      await stop(second.child, 'SIGINT');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
