/**
 * A first run from the project alone: `npm start -- --demo` loads the sample articles of
 * scripts/demo/articles through the webhook, and the command the start-up message prints for
 * sending them works as printed (nothing outside the project, such as ../shared, is named).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimPage } from '../../shared/schemas/article';
import { Counts } from '../../shared/schemas/review';
import { eventually, getJson } from './helpers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

function run(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(TSX, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return { child, output: () => output, exited: new Promise((resolve) => child.on('exit', resolve)) };
}

describe('npm start -- --demo', () => {
  it('gives a queue of our sample articles in three languages, with corroboration, and prints an ingest command that works as it is', async () => {
    const start = run(['scripts/start.ts', '--port', '0', '--demo'], { WEBHOOK_SECRET: '', REVIEWER_TOKEN: '', PUBLIC_BASE_URL: '' });
    const loaded = await eventually(async () => /Loaded (\d+) sample articles: (\d+) claims in the queue/.exec(start.output()) ?? undefined, 90_000, 'the sample articles to load');
    const out = start.output();
    expect(Number(loaded[1])).toBe(7);
    expect(out).not.toContain('../shared');
    const url = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    const token = /REVIEWER_TOKEN=(\S+)/.exec(out)![1]!;
    const queue = ClaimPage.parse((await getJson(url, '/api/claims?limit=100', token)).json);
    expect(queue.items.length).toBe(Number(loaded[2]));
    expect(new Set(queue.items.map((c) => c.language))).toEqual(new Set(['ar', 'en', 'vi']));
    expect(queue.items.filter((c) => c.corroboration !== 'single_source').length).toBeGreaterThanOrEqual(2);
    expect(new Set(queue.items.filter((c) => c.corroboration !== 'single_source').map((c) => c.source)).size).toBeGreaterThanOrEqual(2);
    const counts = Counts.parse((await getJson(url, '/api/counts', token)).json);
    expect(Object.values(counts.backlog.needs_review).reduce((a, b) => a + b, 0)).toBe(queue.items.length);

    // the printed command, run as printed (a second sending: every article is recognised)
    const printed = /^\s*WEBHOOK_SECRET='([^']+)' PORT=(\d+) npm run ingest -- (\S+)$/m.exec(out);
    expect(printed?.[3]).toBe('scripts/demo/articles');
    const ingest = run(['scripts/ingest.ts', printed![3]!], { WEBHOOK_SECRET: printed![1]!, PORT: printed![2]! });
    expect(await ingest.exited).toBe(0);
    expect(ingest.output()).toMatch(/\b7 accepted, 0 duplicate, 0 refused, 0 errors, 0 not sent\b/);
    expect(ClaimPage.parse((await getJson(url, '/api/claims?limit=100', token)).json).items.length).toBe(queue.items.length);
    start.child.kill('SIGINT');
    await start.exited;
  }, 120_000);
});
