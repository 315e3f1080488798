/**
 * `npm run bench` (second part): the local pipeline end to end, beside the raw requests it makes.
 *
 *   tsx bench/pipeline.ts                  everything below (about two minutes, with a synth)
 *   tsx bench/pipeline.ts --cdk-out DIR    bundles measured from an existing cloud assembly
 *   tsx bench/pipeline.ts --json           the figures as one JSON object on stdout
 *
 * - Throughput from webhook to stored claims: ARTICLES articles, CONCURRENCY posts in flight,
 *   from OUTLETS distinct outlets (each corpus text is published by several of them, a few hours
 *   apart, so corroboration finds and stores links). Every DynamoDB and SQS request the handlers,
 *   the worker and the local SQS poller send meanwhile is counted and recorded by wrapping the
 *   SDK clients' `send` (the benchmark's own reads are left out): requests and items written per
 *   article, by operation. The recorded requests are then replayed as they were, CONCURRENCY at a
 *   time, against a fresh table and queue in the same servers: the pipeline's throughput as a
 *   share of the replay's is what our code and the waits between requests cost.
 * - Webhook latency at IN_FLIGHT requests in flight (a pipeline without the worker, so that only
 *   the webhook is measured), beside a raw PutItem (an article-sized item) then SendMessage per
 *   request, also IN_FLIGHT in flight, in the same servers: p50 and p99 of each.
 * - Each function's bundle size and cold import time, from the cloud assembly `cdk synth` builds
 *   (bench/bundles.ts), and the first import of each lazily loaded module.
 * Texts: the annotated corpus beside the repository, or test/fixtures/corpus without it.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, sqsClient } from '../shared/adapters/clients';
import { dynamoStores } from '../shared/adapters/dynamo';
import { readCommandLine } from '../scripts/lib/args';
import { formatTable } from '../scripts/lib/table';
import { signDelivery } from '../scripts/lib/webhook';
import { startLocalPipeline } from '../scripts/local/runtime';
import { createQueues, createTable } from '../scripts/local/services';
import { type BundleFigures, coldImportMs, measureBundles } from './bundles';
import { countRequests, FUNCTION_RECORDER, perArticle, type RecordedRequest, recordRequests, replay, type RequestCounts } from './requests';
import { mapLimited } from '../shared/lib/limited';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLES = 200;
const CONCURRENCY = 8;
const OUTLETS = 25;
const LATENCY_REQUESTS = 500;
const IN_FLIGHT = 50;
const IMPORT_RUNS = 7;

const USAGE = `Usage: tsx bench/pipeline.ts [--cdk-out DIR] [--json]

The local pipeline end to end beside a replay of its own DynamoDB and SQS requests, the webhook's
latency at ${IN_FLIGHT} in flight beside raw PutItem + SendMessage, and each function's bundle.

  --cdk-out DIR   measure the bundles of this cloud assembly instead of synthesizing one
  --json          print the figures as one JSON object on stdout
  --phase latency only the latency figures, as JSON (what the benchmark runs in a child process)
  --help, -h      print this help
`;

interface CorpusText {
  title: string;
  text: string;
  language?: string;
  publishedAt?: string;
}

function corpusTexts(): CorpusText[] {
  const shared = join(ROOT, '..', 'shared', 'corpus', 'dev');
  const dir = existsSync(shared) ? shared : join(ROOT, 'test', 'fixtures', 'corpus');
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => {
    const a = JSON.parse(readFileSync(join(dir, n), 'utf8')) as CorpusText;
    return { title: a.title, text: a.text, language: a.language, publishedAt: a.publishedAt };
  });
}

/** Article i: corpus text i mod n, from outlet i mod OUTLETS, published (i div n) hours after the text's own date. */
function benchArticle(texts: readonly CorpusText[], i: number, path: string): string {
  const t = texts[i % texts.length]!;
  const published = new Date(Date.parse(t.publishedAt ?? '2025-06-01T08:00:00Z') + Math.floor(i / texts.length) * 3600_000);
  const outlet = `outlet-${i % OUTLETS}.example`;
  return JSON.stringify({
    url: `https://${outlet}/${path}/${i}/${randomUUID()}`,
    source: outlet,
    title: t.title,
    text: t.text,
    ...(t.language ? { language: t.language } : {}),
    publishedAt: published.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
}

async function post(url: string, secret: string, body: string): Promise<{ status: number; articleId?: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${url}/webhooks/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signDelivery(secret, `msg_${randomUUID()}`, new Date(), body) },
    body,
  });
  const json = (await res.json()) as { articleId?: string };
  return { status: res.status, articleId: json.articleId, ms: performance.now() - started };
}

const pool = <T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) => mapLimited(items, width, work);

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const latencyOf = (ms: number[]) => {
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), requests: ms.length, inFlight: IN_FLIGHT };
};

/** Webhook to stored claims, with every request counted, then the same requests replayed raw. */
async function endToEnd() {
  const texts = corpusTexts();
  const recorder = recordRequests();
  const pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1, functionPreload: [FUNCTION_RECORDER] });
  try {
    const db = dynamoDocumentClient(pipeline.dynamodbEndpoint);
    recorder.ignore(db);
    const store = dynamoStores(db, pipeline.tableName).articles;
    const bodies = Array.from({ length: ARTICLES }, (_, i) => benchArticle(texts, i, 'news'));
    recorder.take();
    const ids: string[] = [];
    const started = performance.now();
    await pool(bodies, CONCURRENCY, async (body) => {
      const r = await post(pipeline.url, pipeline.webhookSecret, body);
      if (r.status !== 202 || !r.articleId) throw new Error(`webhook answered ${r.status}`);
      ids.push(r.articleId);
    });
    let claims = 0;
    let lastProgress = performance.now();
    for (const [done, id] of ids.entries()) {
      for (;;) {
        const a = await store.getArticle(id);
        if (a?.status === 'processed') {
          claims += a.claimCount ?? 0;
          break;
        }
        if (a?.status === 'failed') throw new Error(`article ${id} failed: ${a.reason ?? 'no reason'}`);
        if (performance.now() - lastProgress > 30_000) {
          progress(`${done} of ${ids.length} articles processed after ${Math.round((performance.now() - started) / 1000)} s`);
          lastProgress = performance.now();
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const requests = recorder.take();
    recorder.restore();

    // the same requests again, raw, against a fresh table and queue in the same servers
    const replayTable = `${pipeline.tableName}-replay`;
    await createTable(pipeline.dynamodbEndpoint, replayTable);
    const sqs = sqsClient(pipeline.sqsEndpoint);
    const queues = await createQueues(sqs, `replay-${randomUUID().slice(0, 8)}`, { maxReceiveCount: 5 });
    const raw = new DynamoDBClient({ region: 'us-east-1', endpoint: pipeline.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const renames = new Map([
      [pipeline.tableName, replayTable],
      [pipeline.queueUrl, queues.queueUrl],
      [pipeline.deadLetterQueueUrl, queues.deadLetterQueueUrl],
    ]);
    progress(`${ids.length} articles processed in ${Math.round(seconds)} s; replaying their ${requests.length} requests`);
    const replayed = await replay(requests, { dynamodb: raw, document: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }), sqs }, renames, CONCURRENCY);
    sqs.destroy();
    raw.destroy();
    const counts = countRequests(requests);
    const senders = [...new Set(requests.map((r) => r.from ?? 'local SQS poller'))].sort();
    const bySender = Object.fromEntries(senders.map((name) => [name, perArticle(countRequests(requests.filter((r) => (r.from ?? 'local SQS poller') === name)), ids.length)]));
    return {
      articles: ids.length,
      outlets: OUTLETS,
      claims,
      seconds,
      articlesPerSecond: ids.length / seconds,
      claimsPerSecond: claims / seconds,
      requests: counts,
      perArticle: perArticle(counts, ids.length),
      /** Per article, by who sent them: each function, and the local SQS poller (Lambda's event source mapping in AWS). */
      perArticleBySender: bySender,
      replay: { ...replayed, requests: requests.length, articlesPerSecond: ids.length / replayed.seconds },
      pipelineShareOfReplay: replayed.seconds / seconds,
    };
  } finally {
    recorder.restore();
    await pipeline.stop();
  }
}

/** The webhook alone at IN_FLIGHT in flight, then raw PutItem + SendMessage at IN_FLIGHT in flight. */
async function latency() {
  const texts = corpusTexts();
  const recorder = recordRequests();
  const pipeline = await startLocalPipeline({ port: 0, poll: false, functionPreload: [FUNCTION_RECORDER] });
  try {
    const bodies = Array.from({ length: LATENCY_REQUESTS }, (_, i) => benchArticle(texts, i, 'latency'));
    const webhook: number[] = [];
    recorder.take();
    await pool(bodies, IN_FLIGHT, async (body) => {
      const r = await post(pipeline.url, pipeline.webhookSecret, body);
      if (r.status !== 202) throw new Error(`webhook answered ${r.status}`);
      webhook.push(r.ms);
    });
    const webhookRequests = countRequests(recorder.take());
    recorder.restore();

    const db = new DynamoDBClient({ region: 'us-east-1', endpoint: pipeline.dynamodbEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const sqs = sqsClient(pipeline.sqsEndpoint);
    const raw: number[] = [];
    await pool(bodies, IN_FLIGHT, async (body) => {
      const started = performance.now();
      const key = randomUUID();
      await db.send(new PutItemCommand({
        TableName: pipeline.tableName,
        Item: { PK: { S: `RAW#${key}` }, SK: { S: 'META' }, body: { S: body } },
        ConditionExpression: 'attribute_not_exists(PK)',
      }));
      await sqs.send(new SendMessageCommand({ QueueUrl: pipeline.queueUrl, MessageBody: JSON.stringify({ articleId: key }) }));
      raw.push(performance.now() - started);
    });
    db.destroy();
    sqs.destroy();
    const webhookLatency = latencyOf(webhook);
    const rawLatency = latencyOf(raw);
    return {
      webhook: webhookLatency,
      raw: rawLatency,
      webhookRequestsPerArticle: perArticle(webhookRequests, LATENCY_REQUESTS),
      p99OverRaw: webhookLatency.p99 / rawLatency.p99,
    };
  } finally {
    recorder.restore();
    await pipeline.stop();
  }
}

const progress = (message: string) => process.stderr.write(`bench: ${message}...\n`);

/** The latency phase in a fresh process, whose handlers load with its own pipeline's configuration. */
function latencyInChild(): Awaited<ReturnType<typeof latency>> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', 'latency'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.toString()) as Awaited<ReturnType<typeof latency>>;
}

interface Bundles {
  cloudAssembly: string;
  synthesized: boolean;
  functions: Array<BundleFigures & { lazyImportMs: number | undefined }>;
}

/** The bundles CDK builds: a fresh synth into a temporary directory, unless one is given. */
function bundles(cdkOut: string | undefined): Bundles {
  const dir = cdkOut ? resolve(cdkOut) : mkdtempSync(join(tmpdir(), 'factcheck-synth-'));
  try {
    if (!cdkOut) {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--quiet', '--output', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const functions = measureBundles(dir, IMPORT_RUNS).map((b) => {
      const lazy = readdirSync(join(dir, b.asset)).filter((n) => n.endsWith('.mjs') && n !== 'index.mjs');
      const runs = lazy.flatMap((n) => coldImportMs(join(dir, b.asset, n), b.nodeOptions, IMPORT_RUNS, b.environment));
      return { ...b, lazyImportMs: runs.length === 0 ? undefined : runs.sort((x, y) => x - y)[Math.floor(runs.length / 2)] };
    });
    return { cloudAssembly: cdkOut ? dir : '(temporary synth)', synthesized: !cdkOut, functions };
  } finally {
    if (!cdkOut) rmSync(dir, { recursive: true, force: true });
  }
}

function requestLine(counts: RequestCounts, digits = 1): string {
  const ops = Object.entries(counts.byName).sort((a, b) => b[1] - a[1]).map(([name, n]) => `${n.toFixed(digits)} ${name}`);
  return `${counts.requests.toFixed(digits)} requests (${ops.join(', ')}), ${counts.writes.toFixed(digits)} items written`;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = readCommandLine(argv, {
    'cdk-out': { type: 'string' },
    json: { type: 'boolean' },
    phase: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.kind === 'error' || args.positionals.length > 0) {
    process.stderr.write(`bench: ${args.kind === 'error' ? args.message : `unexpected argument '${args.positionals[0]}'`}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.phase === 'latency') {
    process.stdout.write(`${JSON.stringify(await latency())}\n`);
    return 0;
  }
  progress('end to end, then the replay');
  const e2e = await endToEnd();
  progress('webhook latency (a process of its own: the handlers read their configuration once)');
  const lat = latencyInChild();
  progress('bundles');
  const sizes = bundles(args.values['cdk-out']);
  if (args.values.json) {
    process.stdout.write(`${JSON.stringify({ node: process.version, endToEnd: e2e, latency: lat, bundles: sizes }, (_k, v: unknown) => (typeof v === 'function' ? undefined : v), 2)}\n`);
    return 0;
  }
  const f = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d });
  const lines = [
    '',
    `local pipeline, webhook to stored claims (${e2e.articles} articles from ${e2e.outlets} outlets, ${CONCURRENCY} posts in flight, Node ${process.version})`,
    `  ${f(e2e.articlesPerSecond)} articles/s, ${f(e2e.claimsPerSecond)} claims/s (${f(e2e.claims, 0)} claims in ${f(e2e.seconds, 2)} s)`,
    `  per article: ${requestLine(e2e.perArticle)}`,
    ...Object.entries(e2e.perArticleBySender).map(([name, counts]) => `    ${name}: ${requestLine(counts)}`),
    `  the same ${f(e2e.replay.requests, 0)} requests replayed raw, ${CONCURRENCY} at a time: ${f(e2e.replay.seconds, 2)} s (${f(e2e.replay.articlesPerSecond)} articles/s); pipeline = ${f(100 * e2e.pipelineShareOfReplay, 0)}% of the replay's throughput`,
    '',
    `webhook latency at ${IN_FLIGHT} in flight (${lat.webhook.requests} requests, worker off)`,
    formatTable([
      ['', 'p50 ms', 'p99 ms'],
      ['webhook', f(lat.webhook.p50), f(lat.webhook.p99)],
      ['raw PutItem + SendMessage', f(lat.raw.p50), f(lat.raw.p99)],
    ], { indent: '  ' }),
    `  webhook p99 / raw p99 = ${f(lat.p99OverRaw, 2)}x; per webhook request: ${requestLine(lat.webhookRequestsPerArticle)}`,
    '',
    `function bundles, as cdk synth builds them (${sizes.synthesized ? 'synthesized for this run' : sizes.cloudAssembly}); import: median of ${IMPORT_RUNS} cold processes`,
    formatTable([
      ['function', 'index.mjs KB', 'import ms', 'lazy KB', 'lazy import ms', 'source map KB', 'NODE_OPTIONS'],
      ...sizes.functions.map((b) => [
        b.name, f(b.entryBytes / 1000, 0), f(b.importMs), b.lazyBytes ? f(b.lazyBytes / 1000, 0) : '-',
        b.lazyImportMs === undefined ? '-' : f(b.lazyImportMs), b.sourceMapBytes ? f(b.sourceMapBytes / 1000, 0) : '-', b.nodeOptions ?? '-',
      ]),
    ], { indent: '  ' }),
    '  KB = 1,000 bytes; lazy: modules loaded only when first needed (the ingest function\'s HTML reader)',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
