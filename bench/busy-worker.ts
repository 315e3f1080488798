/**
 * `npm run bench` (third part): does a heavy article slow the webhook down? Webhook latency
 * p50/p99 with 50 requests in flight, first with no claim worker running (no event source), then
 * while the worker works through claim-dense articles (each about 900 KB and 16,000 figures, of
 * which it keeps 2,000), with the delay of the local runtime's own event loop (where the HTTP
 * server, dynalite and fauxqs run) over the same window. At 50 in flight the latency is mostly
 * queueing: it is 50 over the requests per second the machine serves. The dense articles are our
 * own sentences, generated.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { dynamoDocumentClient } from '../shared/adapters/clients';
import { dynamoStores } from '../shared/adapters/dynamo';
import { startLocalPipeline } from '../scripts/local/runtime';

const IN_FLIGHT = 50;
const REQUESTS = 500;
const DENSE_ARTICLES = 2;

/** A long municipal report with three figures a sentence. */
function denseText(targetChars = 900_000): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < targetChars; i++) {
    const line = `In district ${i + 1} the council counted ${1200 + i * 7} new homes, spent $${(i % 90) + 3}.5 million on roads and saw unemployment fall to ${(i % 9) + 2}.${i % 10}%.\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('');
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

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** REQUESTS small articles, IN_FLIGHT at a time: latency percentiles and the event loop's delay meanwhile. */
async function latency(url: string, secret: string, label: string) {
  const bodies = Array.from({ length: REQUESTS }, (_, i) => JSON.stringify({
    url: `https://bench.example/${label}/${i}/${randomUUID()}`,
    title: 'Harbour works',
    text: `The harbour board approved ${i + 3} new cranes costing $12 million in total.\nAbout 40% of the quay stays open.`,
  }));
  const times: number[] = [];
  const ids: string[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < bodies.length) {
      const r = await post(url, secret, bodies[next++]!);
      if (r.status !== 202 || !r.articleId) throw new Error(`webhook answered ${r.status}`);
      times.push(r.ms);
      ids.push(r.articleId);
    }
  }));
  loop.disable();
  times.sort((a, b) => a - b);
  return { ids, p50: percentile(times, 50), p99: percentile(times, 99), loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
}

/** The webhook with no claim worker behind it (no event source): the latency of the webhook alone. */
async function idle() {
  const pipeline = await startLocalPipeline({ port: 0, poll: false });
  try {
    await latency(pipeline.url, pipeline.webhookSecret, 'warm-up');
    return await latency(pipeline.url, pipeline.webhookSecret, 'idle');
  } finally {
    await pipeline.stop();
  }
}

/** The same, while the claim worker works through claim-dense articles. */
async function busy() {
  const pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1 });
  try {
    const { articles } = dynamoStores(dynamoDocumentClient(pipeline.dynamodbEndpoint), pipeline.tableName);
    const statusOf = async (id: string) => (await articles.getArticle(id))?.status;
    const waitFor = async (ids: string[], done: (status: string | undefined) => boolean) => {
      let left = ids;
      for (;;) {
        const statuses = await Promise.all(left.map(statusOf));
        left = left.filter((_, i) => !done(statuses[i]));
        if (left.length === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    // the warm-up's articles are processed before the measurement starts
    await waitFor((await latency(pipeline.url, pipeline.webhookSecret, 'warm-up')).ids, (s) => s === 'processed');
    const text = denseText();
    const dense: string[] = [];
    for (let i = 0; i < DENSE_ARTICLES; i++) {
      const r = await post(pipeline.url, pipeline.webhookSecret, JSON.stringify({ url: `https://bench.example/dense/${randomUUID()}`, title: 'District report', text }));
      if (r.status !== 202 || !r.articleId) throw new Error(`webhook answered ${r.status}`);
      dense.push(r.articleId);
    }
    const started = performance.now();
    await waitFor(dense.slice(0, 1), (s) => s === 'processing' || s === 'processed');
    const measured = await latency(pipeline.url, pipeline.webhookSecret, 'busy');
    const stillBusy = (await Promise.all(dense.map(statusOf))).filter((s) => s !== 'processed').length;
    await waitFor(dense, (s) => s === 'processed' || s === 'failed');
    return { ...measured, stillBusy, denseKiB: text.length / 1024, denseSeconds: (performance.now() - started) / 1000 };
  } finally {
    await pipeline.stop();
  }
}

/** Each phase in a process of its own, so that nothing of the first pipeline is left in the second. */
function inChild<T>(phase: 'idle' | 'busy'): T {
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--phase', phase], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

const phase = process.argv[process.argv.indexOf('--phase') + 1];
if (process.argv.includes('--phase')) {
  const result = phase === 'idle' ? await idle() : await busy();
  console.log(JSON.stringify({ ...result, ids: undefined }));
} else {
  const quiet = inChild<Awaited<ReturnType<typeof idle>>>('idle');
  const loaded = inChild<Awaited<ReturnType<typeof busy>>>('busy');
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  console.log(`\nwebhook latency, ${REQUESTS} requests with ${IN_FLIGHT} in flight (Node ${process.version})`);
  console.log(`  no worker:    p50 ${f(quiet.p50)} ms, p99 ${f(quiet.p99)} ms; runtime event loop delay p99 ${f(quiet.loopP99)} ms, max ${f(quiet.loopMax)} ms`);
  console.log(`  worker busy:  p50 ${f(loaded.p50)} ms, p99 ${f(loaded.p99)} ms; runtime event loop delay p99 ${f(loaded.loopP99)} ms, max ${f(loaded.loopMax)} ms`);
  console.log(`  (${DENSE_ARTICLES} claim-dense articles of ${f(loaded.denseKiB)} KiB, processed in ${f(loaded.denseSeconds)} s; ${loaded.stillBusy} of them still unfinished when the measurement ended)`);
}
