import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  articleFromFile,
  articleFromJson,
  parseIngestArgs,
  runIngest,
  type IngestIO,
  type IngestSummary,
} from '../../../scripts/cli/ingest';
import { WebhookArticle } from '../../../shared/schemas/article';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(REPO_ROOT, 'test/fixtures/webhook');
const fixture = (name: string): string => join(FIXTURES, name);

const SECRET = `whsec_${Buffer.from('a test secret of thirty-two byte').toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.from('another secret, thirty-two bytes').toString('base64')}`;

/** One request as the test API saw it. */
interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  verified: boolean;
  article?: WebhookArticle;
}

/**
 * A stand-in for the webhook API on loopback: it checks the Standard Webhooks signature, then
 * answers 202 {articleId, status: 'queued'} (the same articleId for the same article id), 400
 * for articles from refuse.example, 503 for those from unavailable.example, and never answers
 * those from silent.example.
 */
class TestApi {
  readonly received: Received[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = flatten(request.headers);
        const entry: Received = { path: request.url ?? '', headers, body, verified: false };
        this.received.push(entry);
        const reply = (status: number, json: unknown): void => {
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        };
        if (request.method !== 'POST' || !/^\/webhooks\/articles(\/[a-z0-9-]+)?$/.test(request.url ?? '')) return reply(404, { error: 'not found' });
        try {
          new Webhook(SECRET).verify(body, headers);
          entry.verified = true;
        } catch {
          return reply(401, { error: 'invalid signature' });
        }
        const parsed = WebhookArticle.safeParse(JSON.parse(body));
        if (!parsed.success) return reply(400, { error: 'invalid article' });
        const article = (entry.article = parsed.data);
        if (article.source === 'refuse.example') {
          return reply(400, { error: 'validation failed', issues: [{ path: 'source', message: 'not a known newsroom' }] });
        }
        if (article.source === 'unavailable.example') return reply(503, { error: 'internal error' });
        if (article.source === 'silent.example') return;
        reply(202, { articleId: `art-${article.id ?? headers['webhook-id']}`, status: 'queued' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) out[key] = String(value);
  return out;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in memory against real files and the real network. */
async function ingest(argv: readonly string[], options: Partial<IngestIO> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: IngestIO = {
    env: {},
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stderrIsTTY: false,
    readFile: (path) => readFile(path),
    isDirectory: async (path) => (await stat(path)).isDirectory(),
    readDir: (path) => readdir(path),
    fetch: globalThis.fetch,
    now: () => new Date(),
    newId: () => randomUUID(),
    ...options,
  };
  const code = await runIngest(argv, io);
  return { code, stdout, stderr };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let api: TestApi;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'ingest-cli-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  api = new TestApi();
  await api.start();
});

afterEach(async () => {
  await api.stop();
});

describe('ingest, delivering to a local API', () => {
  const GOOD = ['en-harbour.json', 'vi-airport.json', 'ar-parks-annotated.json', 'council-notes.txt', 'parks-page.html'];

  it('signs and sends every article, and exits 0 when all are accepted', async () => {
    const before = Math.floor(Date.now() / 1000);
    const run = await ingest(['--url', api.url, '--secret', SECRET, ...GOOD.map(fixture)]);
    expect(run.code).toBe(0);
    expect(api.received).toHaveLength(5);
    expect(api.received.every((r) => r.verified)).toBe(true);

    for (const r of api.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(Number(r.headers['webhook-timestamp'])).toBeGreaterThanOrEqual(before);
      expect(Number(r.headers['webhook-timestamp'])).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
      expect(r.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    }
    const byTitle = new Map(api.received.map((r) => [r.article!.title, r]));

    // A webhook body is sent as it is; an article with an id gets a stable webhook-id.
    const harbour = byTitle.get('Harbour expansion approved')!;
    expect(JSON.parse(harbour.body)).toEqual(JSON.parse(readFileSync(fixture('en-harbour.json'), 'utf8')));
    expect(harbour.headers['webhook-id']).toBe('article-en-harbour-2025-03');

    const airport = byTitle.get('Sân bay Long Thành tuyển thêm 250 công nhân')!;
    expect(airport.headers['webhook-id']).toMatch(UUID);

    // An annotated corpus file is sent without its annotations.
    const parks = byTitle.get('البلدية تفتتح 12 حديقة جديدة')!;
    expect(Object.keys(JSON.parse(parks.body)).sort()).toEqual(
      ['id', 'language', 'publishedAt', 'source', 'text', 'title', 'url'].sort(),
    );
    expect(parks.article).toMatchObject({ id: 'ar-parks', language: 'ar', source: 'akhbar-al-madina.example' });
    expect(parks.headers['webhook-id']).toBe('article-ar-parks');

    // A text file: titled by its first non-empty line, with a local URL.
    const notes = byTitle.get('Council meeting notes: budget for 2025')!;
    expect(JSON.parse(notes.body)).toEqual({
      url: 'https://local.invalid/articles/council-notes.txt',
      title: 'Council meeting notes: budget for 2025',
      text: readFileSync(fixture('council-notes.txt'), 'utf8'),
    });
    expect(notes.headers['webhook-id']).toMatch(UUID);

    // An HTML file is sent as html, titled by its <title>.
    const page = byTitle.get('Parks budget rises & new posts')!;
    expect(JSON.parse(page.body)).toEqual({
      url: 'https://local.invalid/articles/parks-page.html',
      title: 'Parks budget rises & new posts',
      html: readFileSync(fixture('parks-page.html'), 'utf8'),
    });

    expect(run.stdout).toContain(`5 files for ${api.url}/webhooks/articles: 5 accepted, 0 duplicate, 0 refused, 0 errors, 0 not sent\n`);
    expect(run.stdout).toContain(`\nAccepted:\n  ${fixture('en-harbour.json')}  art-en-harbour-2025-03\n`);
    expect(run.stdout).toContain(`  ${fixture('ar-parks-annotated.json')}  art-ar-parks\n`);
    expect(run.stdout).toMatch(new RegExp(`  ${fixture('council-notes.txt')}  art-[0-9a-f-]{36}\\n`));
    expect(run.stdout).not.toContain('Refused');
    expect(run.stderr).toBe(
      ['1/5', '2/5', '3/5', '4/5', '5/5'].map((done) => `ingest: ${done} done, 0 failed\n`).join(''),
    );
  });

  it('exits 1 and reports the status and message when the API refuses an article', async () => {
    const run = await ingest(['--url', api.url, '--secret', SECRET, fixture('en-harbour.json'), fixture('refused-by-api.json')]);
    expect(run.code).toBe(1);
    expect(api.received).toHaveLength(2);
    expect(run.stdout).toContain('2 files for');
    expect(run.stdout).toContain('1 accepted, 0 duplicate, 1 refused, 0 errors, 0 not sent');
    expect(run.stdout).toContain(
      `\nRefused:\n  ${fixture('refused-by-api.json')}  400 validation failed (source: not a known newsroom)\n`,
    );
    expect(run.stderr).toContain(
      `ingest: ${fixture('refused-by-api.json')}: refused 400: validation failed (source: not a known newsroom)\n`,
    );
    expect(run.stderr).toContain('ingest: 2/2 done, 1 failed\n');
  });

  it('reports an invalid article with its file name and issues, and does not send it', async () => {
    const run = await ingest([
      '--url', api.url, '--secret', SECRET,
      fixture('invalid-article.json'), fixture('not-json.json'), fixture('vi-airport.json'),
    ]);
    expect(run.code).toBe(1);
    expect(api.received).toHaveLength(1);
    expect(api.received[0]!.article!.language).toBe('vi');

    const invalid = fixture('invalid-article.json');
    expect(run.stderr).toContain(`ingest: ${invalid}: not sent: not a valid article:\n`);
    expect(run.stderr).toContain('  - url: must be an http(s) URL\n');
    expect(run.stderr).toMatch(/ {2}- title: .+\n/);
    expect(run.stderr).toContain('  - text: exactly one of text and html is required\n');
    expect(run.stderr).toMatch(new RegExp(`ingest: ${fixture('not-json.json')}: not sent: not valid JSON: .+\\n`));

    expect(run.stdout).toContain('3 files for');
    expect(run.stdout).toContain('1 accepted, 0 duplicate, 0 refused, 0 errors, 2 not sent');
    expect(run.stdout).toContain(`\nNot sent:\n  ${invalid}  not a valid article: url: must be an http(s) URL; title: `);
  });

  it('prints the summary as JSON with --json', async () => {
    const run = await ingest([
      '--json', '--url', api.url, '--secret', SECRET,
      fixture('en-harbour.json'), fixture('refused-by-api.json'), fixture('invalid-article.json'),
    ]);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    expect(summary.url).toBe(`${api.url}/webhooks/articles`);
    expect(summary.total).toBe(3);
    expect(summary.counts).toEqual({ accepted: 1, duplicate: 0, refused: 1, error: 0, invalid: 1 });
    expect(summary.files).toEqual([
      {
        file: fixture('en-harbour.json'),
        outcome: 'accepted',
        webhookId: 'article-en-harbour-2025-03',
        status: 202,
        articleId: 'art-en-harbour-2025-03',
      },
      {
        file: fixture('refused-by-api.json'),
        outcome: 'refused',
        webhookId: 'article-refused-by-api',
        status: 400,
        message: 'validation failed (source: not a known newsroom)',
      },
      { file: fixture('invalid-article.json'), outcome: 'invalid', message: expect.stringContaining('not a valid article:') },
    ]);
  });

  it('sends the articles of a directory in name order', async () => {
    const run = await ingest(['--json', '--url', api.url, '--secret', SECRET, '--concurrency', '2', FIXTURES]);
    expect(run.code).toBe(1);
    const summary = JSON.parse(run.stdout) as IngestSummary;
    expect(summary.files.map((f) => [f.file.slice(FIXTURES.length + 1), f.outcome])).toEqual([
      ['ar-parks-annotated.json', 'accepted'],
      ['council-notes.txt', 'accepted'],
      ['en-harbour.json', 'accepted'],
      ['invalid-article.json', 'invalid'],
      ['not-json.json', 'invalid'],
      ['parks-page.html', 'accepted'],
      ['refused-by-api.json', 'refused'],
      ['vi-airport.json', 'accepted'],
    ]);
    expect(api.received).toHaveLength(6);
    expect(api.received.every((r) => r.verified)).toBe(true);
  });

  it('counts a second delivery of the same article as a duplicate, sent with the same webhook-id', async () => {
    const file = fixture('en-harbour.json');
    const run = await ingest(['--url', api.url, '--secret', SECRET, '--concurrency=1', file, file]);
    expect(run.code).toBe(0);
    expect(api.received.map((r) => r.headers['webhook-id'])).toEqual([
      'article-en-harbour-2025-03',
      'article-en-harbour-2025-03',
    ]);
    expect(run.stdout).toContain('1 accepted, 1 duplicate, 0 refused, 0 errors, 0 not sent');
    expect(run.stdout).toContain(
      `\nDuplicates (accepted, but the same article as an earlier file):\n  ${file}  art-en-harbour-2025-03  (same article as ${file})\n`,
    );
  });

  it('takes the secret from WEBHOOK_SECRET and the URL from PORT', async () => {
    const port = new URL(api.url).port;
    const run = await ingest([fixture('vi-airport.json')], { env: { WEBHOOK_SECRET: SECRET, PORT: port } });
    expect(run.code).toBe(0);
    expect(api.received).toHaveLength(1);
    expect(api.received[0]!.verified).toBe(true);
  });

  it('posts as the sender given with --sender or WEBHOOK_SENDER, to its own URL', async () => {
    const run = await ingest(['--url', api.url, '--sender', 'quay-post', '--secret', SECRET, fixture('vi-airport.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`1 file for ${api.url}/webhooks/articles/quay-post: 1 accepted`);
    const fromEnv = await ingest([fixture('en-harbour.json')], { env: { WEBHOOK_SENDER: 'tide-daily', WEBHOOK_SECRET: SECRET, PORT: new URL(api.url).port } });
    expect(fromEnv.code).toBe(0);
    expect(api.received.map((r) => [r.path, r.verified])).toEqual([['/webhooks/articles/quay-post', true], ['/webhooks/articles/tide-daily', true]]);
  });

  it('refuses a sender id that cannot be one before sending anything', async () => {
    const run = await ingest(['--url', api.url, '--sender', 'Quay Post', '--secret', SECRET, fixture('vi-airport.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("invalid sender 'Quay Post'");
    expect(api.received).toHaveLength(0);
  });

  it('reports a wrong secret as refused (401)', async () => {
    const run = await ingest(['--url', api.url, '--secret', OTHER_SECRET, fixture('vi-airport.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`  ${fixture('vi-airport.json')}  401 invalid signature\n`);
  });

  it('counts server errors, timeouts and unreachable APIs as errors', async () => {
    const unavailable = join(tmp, 'unavailable.json');
    const silent = join(tmp, 'silent.json');
    const base = { url: 'https://x.example/a', title: 'T', text: 'Body.' };
    await writeFile(unavailable, JSON.stringify({ ...base, source: 'unavailable.example' }));
    await writeFile(silent, JSON.stringify({ ...base, source: 'silent.example' }));

    const run = await ingest(['--url', api.url, '--secret', SECRET, unavailable, silent], { timeoutMs: 300 });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('0 accepted, 0 duplicate, 0 refused, 2 errors, 0 not sent');
    expect(run.stdout).toContain(`\nErrors:\n  ${unavailable}  503 internal error\n  ${silent}  no answer within 0.3 s\n`);

    const closed = new TestApi();
    await closed.start();
    await closed.stop();
    const unreachable = await ingest(['--url', closed.url, '--secret', SECRET, fixture('vi-airport.json')]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout).toMatch(/ {2}\S+vi-airport\.json {2}cannot reach the API: .*ECONNREFUSED/);
  });

  it('does not send a body over the size limit', async () => {
    const big = join(tmp, 'big.txt');
    await writeFile(big, `A big article\n${'word '.repeat(220_000)}`);
    const run = await ingest(['--url', api.url, '--secret', SECRET, big]);
    expect(run.code).toBe(1);
    expect(api.received).toHaveLength(0);
    expect(run.stderr).toMatch(/big\.txt: not sent: the body is \d+ bytes, over the 1048576-byte limit/);
  });

  it('reports a missing file and goes on with the others', async () => {
    const missing = join(tmp, 'missing.json');
    const run = await ingest(['--url', api.url, '--secret', SECRET, missing, fixture('vi-airport.json')]);
    expect(run.code).toBe(1);
    expect(api.received).toHaveLength(1);
    expect(run.stderr).toContain(`ingest: ${missing}: not sent: cannot read: no such file or directory (ENOENT)\n`);
  });

  it('draws a progress bar in place on a terminal', async () => {
    const run = await ingest(
      ['--url', api.url, '--secret', SECRET, '--concurrency', '1', fixture('en-harbour.json'), fixture('refused-by-api.json')],
      { stderrIsTTY: true },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('\r\x1b[K[##########----------] 1/2 done, 0 failed');
    expect(run.stderr).toContain(`\r\x1b[K${'ingest: '}${fixture('refused-by-api.json')}: refused 400:`);
    expect(run.stderr.endsWith('\r\x1b[K[####################] 2/2 done, 1 failed\n')).toBe(true);
  });
});

describe('ingest usage errors (exit 2, nothing sent)', () => {
  it('exits 2 without a secret, saying how to give one', async () => {
    const run = await ingest(['--url', api.url, fixture('en-harbour.json')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ingest: no webhook secret: set WEBHOOK_SECRET or pass --secret whsec_...');
    expect(api.received).toHaveLength(0);
  });

  it.each([
    [[], 'no input file given'],
    [['--bogus', 'a.json'], "unknown option '--bogus'"],
    [['--concurrency', '0', 'a.json'], "invalid --concurrency '0'"],
    [['--concurrency', 'many', 'a.json'], "invalid --concurrency 'many'"],
    [['--url', 'ftp://x', 'a.json'], "invalid URL 'ftp://x'"],
    [['--secret', 'whsec_@@@', 'a.json'], 'invalid webhook secret'],
    [['a.json', '--url'], '--url needs a value'],
    [['-'], 'articles cannot be read from standard input'],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await ingest(argv as string[], { env: { WEBHOOK_SECRET: SECRET } });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`ingest: ${message}`);
  });

  it('prints the usage with --help', async () => {
    const run = await ingest(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: npm run --silent ingest --');
  });
});

describe('ingest building blocks', () => {
  it('parses options in both spellings and fills in the defaults', () => {
    expect(parseIngestArgs(['--url=http://h:1/', '--secret', SECRET, '--concurrency=8', '--json', 'f'], {})).toEqual({
      kind: 'run',
      options: { url: 'http://h:1', secret: SECRET, concurrency: 8, json: true, inputs: ['f'] },
    });
    expect(parseIngestArgs(['--', '--odd-name.json'], { WEBHOOK_SECRET: SECRET })).toEqual({
      kind: 'run',
      options: { url: 'http://127.0.0.1:3000', secret: SECRET, concurrency: 4, json: false, inputs: ['--odd-name.json'] },
    });
  });

  it('maps an annotated corpus article to the webhook body', () => {
    const corpus = JSON.parse(readFileSync(fixture('ar-parks-annotated.json'), 'utf8')) as Record<string, unknown>;
    const { claims, traps, matches, ...body } = corpus;
    expect(articleFromJson(corpus)).toEqual({ ok: true, article: body });
    expect(articleFromJson({ ...corpus, url: 'not a url' })).toEqual({
      ok: false,
      message: 'not a valid article (fields left out: claims, traps, matches):\n  - url: must be an http(s) URL',
    });
    expect(articleFromJson([corpus])).toEqual({ ok: false, message: 'not a valid article: expected a JSON object' });
  });

  it('titles a text file by its first non-empty line and refuses an empty one', () => {
    expect(articleFromFile('/x/notes.txt', '\n\n  A   title \nBody')).toEqual({
      ok: true,
      article: { url: 'https://local.invalid/articles/notes.txt', title: 'A title', text: '\n\n  A   title \nBody' },
    });
    expect(articleFromFile('/x/a b.txt', 'x').ok && 'https://local.invalid/articles/a%20b.txt').toBe(
      'https://local.invalid/articles/a%20b.txt',
    );
    expect(articleFromFile('/x/empty.txt', ' \n ')).toEqual({ ok: false, message: 'the file is empty' });
  });
});

describe('npm run ingest', () => {
  it('runs as a command, reading WEBHOOK_SECRET and PORT', async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--json', fixture('en-harbour.json')], {
        cwd: REPO_ROOT,
        env: { ...process.env, WEBHOOK_SECRET: SECRET, PORT: new URL(api.url).port },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stdout: out }));
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as IngestSummary).counts.accepted).toBe(1);
    expect(api.received).toHaveLength(1);
    expect(api.received[0]!.verified).toBe(true);
  });
});
