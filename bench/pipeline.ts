/**
 * `npm run bench` (second part): the local pipeline end to end.
 * - throughput from webhook to stored claims (articles/s, claims/s), beside raw dynalite
 *   BatchWriteItem of the same items in the same run, as a ratio;
 * - webhook latency p50/p99 with 50 requests in flight;
 * - each function's bundle size and import time (bundled as the CDK stack bundles them).
 * Texts: the annotated corpus beside the repository, or test/fixtures/corpus without it.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { build } from 'esbuild';
import { Webhook } from 'standardwebhooks';
import { dynamoDocumentClient } from '../shared/adapters/clients';
import { dynamoStores } from '../shared/adapters/dynamo';
import { startLocalPipeline } from '../scripts/local/runtime';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLES = 200;
const CONCURRENCY = 8;
const LATENCY_REQUESTS = 500;
const IN_FLIGHT = 50;

function corpusTexts(): { title: string; text: string }[] {
  const shared = join(ROOT, '..', 'shared', 'corpus', 'dev');
  const dir = existsSync(shared) ? shared : join(ROOT, 'test', 'fixtures', 'corpus');
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => {
    const a = JSON.parse(readFileSync(join(dir, n), 'utf8')) as { title: string; text: string };
    return { title: a.title, text: a.text };
  });
}

async function post(url: string, secret: string, body: string): Promise<{ status: number; articleId?: string; ms: number }> {
  const id = `msg_${randomUUID()}`;
  const now = new Date();
  const started = performance.now();
  const res = await fetch(`${url}/webhooks/articles`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, now, body),
    },
    body,
  });
  const json = (await res.json()) as { articleId?: string };
  return { status: res.status, articleId: json.articleId, ms: performance.now() - started };
}

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function endToEnd() {
  const texts = corpusTexts();
  const pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1 });
  try {
    const store = dynamoStores(dynamoDocumentClient(pipeline.dynamodbEndpoint), pipeline.tableName);
    const bodies = Array.from({ length: ARTICLES }, (_, i) => {
      const t = texts[i % texts.length]!;
      return JSON.stringify({ url: `https://bench.example/${i}/${randomUUID()}`, title: t.title, text: t.text });
    });
    const ids: string[] = [];
    const started = performance.now();
    await pool(bodies, CONCURRENCY, async (body) => {
      const r = await post(pipeline.url, pipeline.webhookSecret, body);
      if (r.status !== 202 || !r.articleId) throw new Error(`webhook answered ${r.status}`);
      ids.push(r.articleId);
    });
    let claims = 0;
    for (const id of ids) {
      for (;;) {
        const a = await store.articles.getArticle(id);
        if (a?.status === 'processed') {
          claims += a.claimCount ?? 0;
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    const seconds = (performance.now() - started) / 1000;

    // the same items written straight to dynalite with BatchWriteItem, in the same process
    const db = dynamoDocumentClient(pipeline.dynamodbEndpoint);
    const items = ids.length + claims;
    const raw = Array.from({ length: items }, (_, i) => ({ PK: `BENCH#${i % 1000}`, SK: `ITEM#${i}`, payload: 'x'.repeat(400) }));
    const rawStarted = performance.now();
    for (let i = 0; i < raw.length; i += 25) {
      await db.send(new BatchWriteCommand({ RequestItems: { [pipeline.tableName]: raw.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    // webhook latency with 50 requests in flight
    const latencies: number[] = [];
    const latencyBodies = Array.from({ length: LATENCY_REQUESTS }, (_, i) =>
      JSON.stringify({ url: `https://bench.example/latency/${i}/${randomUUID()}`, title: 'Latency', text: texts[i % texts.length]!.text }));
    await pool(latencyBodies, IN_FLIGHT, async (body) => {
      const r = await post(pipeline.url, pipeline.webhookSecret, body);
      if (r.status !== 202) throw new Error(`webhook answered ${r.status}`);
      latencies.push(r.ms);
    });
    latencies.sort((a, b) => a - b);
    return {
      articles: ids.length,
      claims,
      seconds,
      articlesPerSecond: ids.length / seconds,
      claimsPerSecond: claims / seconds,
      itemsWritten: items,
      rawBatchWriteItemsPerSecond: items / rawSeconds,
      pipelineItemsPerSecond: items / seconds,
      ratioRawOverPipeline: seconds / rawSeconds,
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length, inFlight: IN_FLIGHT },
    };
  } finally {
    await pipeline.stop();
  }
}

async function bundles() {
  const out = mkdtempSync(join(tmpdir(), 'factcheck-bundles-'));
  const results: { name: string; bytes: number; importMs: number }[] = [];
  try {
    for (const name of ['ingest-webhook', 'claim-worker', 'review-api']) {
      const file = join(out, `${name}.mjs`);
      await build({
        entryPoints: [join(ROOT, 'functions', name, 'handler.ts')],
        bundle: true, platform: 'node', format: 'esm', target: 'node22', minify: true, outfile: file,
        mainFields: ['module', 'main'], logLevel: 'silent',
        banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
      });
      const env = { ...process.env, TABLE_NAME: 'bench', QUEUE_URL: 'http://127.0.0.1:9/q', WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', REVIEWER_TOKEN: 'bench', PUBLIC_BASE_URL: 'https://factcheck.example', AWS_REGION: 'us-east-1', NODE_NO_WARNINGS: '1' };
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const ms = execFileSync(process.execPath, ['--input-type=module', '-e',
          `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`], { env }).toString();
        times.push(Number(ms));
      }
      times.sort((a, b) => a - b);
      results.push({ name, bytes: statSync(file).size, importMs: times[2]! });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return results;
}

const e2e = await endToEnd();
const sizes = await bundles();
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ endToEnd: e2e, bundles: sizes }, null, 2));
} else {
  const f = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d });
  console.log(`\nlocal pipeline, webhook to stored claims (${e2e.articles} articles, ${CONCURRENCY} posts in flight, Node ${process.version})`);
  console.log(`  ${f(e2e.articlesPerSecond)} articles/s, ${f(e2e.claimsPerSecond)} claims/s (${f(e2e.claims, 0)} claims in ${f(e2e.seconds, 2)} s)`);
  console.log(`  raw dynalite BatchWriteItem of the same ${f(e2e.itemsWritten, 0)} items: ${f(e2e.rawBatchWriteItemsPerSecond, 0)} items/s; pipeline ${f(e2e.pipelineItemsPerSecond, 0)} items/s; raw/pipeline = ${f(e2e.ratioRawOverPipeline, 2)}x`);
  console.log(`  webhook latency at ${e2e.latencyMs.inFlight} in flight (${e2e.latencyMs.requests} requests): p50 ${f(e2e.latencyMs.p50)} ms, p99 ${f(e2e.latencyMs.p99)} ms`);
  console.log('\nfunction bundles (esbuild, ESM, minified, as the CDK stack bundles them)');
  for (const b of sizes) console.log(`  ${b.name.padEnd(15)} ${f(b.bytes / 1024, 0).padStart(6)} KiB   import ${f(b.importMs)} ms (median of 5 cold processes)`);
}
