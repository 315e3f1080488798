/**
 * `npm run bench` (fifth part): the claim worker's memory, as Lambda would run its bundle.
 *
 *   tsx bench/worker-memory.ts                  with a fresh synth
 *   tsx bench/worker-memory.ts --cdk-out DIR    the worker bundle of an existing cloud assembly
 *
 * Each figure comes from its own Node process, started with the NODE_OPTIONS the function has in
 * the template, that imports the synthesized worker bundle (index.mjs) and, but for the first,
 * hands its handler one SQS event for an article stored beforehand in dynalite on loopback:
 * - RSS right after the import;
 * - the process's peak RSS (`maxRSS`) over the import and one typical article (the longest corpus
 *   text, a few thousand characters like most news articles);
 * - the same over a 1 MiB article (corpus texts one after another up to 1 MiB).
 * Targets: 128 MB after the import and for a typical article, 256 MB for a 1 MiB article.
 * Texts: the annotated corpus beside the repository, or test/fixtures/corpus without it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dynamoDocumentClient } from '../shared/adapters/clients';
import { dynamoStores } from '../shared/adapters/dynamo';
import { ENV } from '../shared/adapters/table';
import { ingestArticle } from '../shared/pipeline/ingest';
import { readCommandLine } from '../scripts/lib/args';
import { formatTable } from '../scripts/lib/table';
import { createTable, startDynalite } from '../scripts/local/services';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TABLE_NAME = 'bench-memory';
const MIB = 1024 * 1024;
const TARGET_MB = { import: 128, typical: 128, large: 256 };

const USAGE = `Usage: tsx bench/worker-memory.ts [--cdk-out DIR] [--json]

The claim worker bundle's RSS after import, and its peak over one typical and one 1 MiB article.

  --cdk-out DIR   use the worker bundle of this cloud assembly instead of synthesizing one
  --json          print the figures as one JSON object on stdout
  --help, -h      print this help
`;

interface CorpusText {
  title: string;
  text: string;
  language?: string;
}

function corpusTexts(): CorpusText[] {
  const shared = join(ROOT, '..', 'shared', 'corpus', 'dev');
  const dir = existsSync(shared) ? shared : join(ROOT, 'test', 'fixtures', 'corpus');
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as CorpusText);
}

/** The worker's asset directory and environment in the template. */
function workerOf(cloudAssembly: string): { entry: string; variables: Record<string, string> } {
  for (const file of readdirSync(cloudAssembly).filter((n) => n.endsWith('.template.json'))) {
    const template = JSON.parse(readFileSync(join(cloudAssembly, file), 'utf8')) as {
      Resources?: Record<string, { Type: string; Metadata?: Record<string, unknown>; Properties?: { Environment?: { Variables?: Record<string, unknown> } } }>;
    };
    for (const resource of Object.values(template.Resources ?? {})) {
      const path = resource.Metadata?.['aws:cdk:path'];
      const asset = resource.Metadata?.['aws:asset:path'];
      if (resource.Type !== 'AWS::Lambda::Function' || typeof path !== 'string' || typeof asset !== 'string' || !path.includes('/ClaimWorker/')) continue;
      const variables = Object.fromEntries(
        Object.entries(resource.Properties?.Environment?.Variables ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      return { entry: join(cloudAssembly, asset, 'index.mjs'), variables };
    }
  }
  throw new Error(`no claim worker function in ${cloudAssembly}`);
}

/** Imports the bundle in a fresh process, hands it one article if given, and reads its memory (MB). */
async function measure(entry: string, variables: Record<string, string>, endpoint: string, articleId?: string): Promise<{ rssAfterImport: number; peak: number; outcome?: string }> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...variables,
    TABLE_NAME,
    [ENV.dynamodbEndpoint]: endpoint,
    AWS_REGION: 'us-east-1',
    NODE_NO_WARNINGS: '1',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  if (variables.NODE_OPTIONS) env.NODE_OPTIONS = variables.NODE_OPTIONS;
  const event = articleId === undefined ? null : {
    Records: [{
      messageId: randomUUID(), receiptHandle: 'bench', body: JSON.stringify({ articleId }),
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'bench', ApproximateFirstReceiveTimestamp: String(Date.now()) },
      messageAttributes: {}, md5OfBody: '', eventSource: 'aws:sqs', eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:bench', awsRegion: 'us-east-1',
    }],
  };
  const context = { functionName: 'claim-worker', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:claim-worker', memoryLimitInMB: '1024', awsRequestId: randomUUID(), logGroupName: 'bench', logStreamName: 'bench', getRemainingTimeInMillis: () => 60_000 };
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(resolve(entry)).href)});
    const rssAfterImport = process.memoryUsage().rss;
    const event = ${JSON.stringify(event)};
    let outcome;
    if (event) {
      const context = ${JSON.stringify(context)};
      context.getRemainingTimeInMillis = () => 60000;
      const out = await handler(event, context);
      outcome = out.batchItemFailures.length === 0 ? 'processed' : 'failed';
    }
    process.stdout.write(JSON.stringify({ rssAfterImport, peak: process.resourceUsage().maxRSS * 1024, outcome }));
    process.exit(0);`;
  // not execFileSync: dynalite runs in this process and must answer the worker meanwhile
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env, maxBuffer: 1 << 20 });
  const out = JSON.parse(stdout) as {
    rssAfterImport: number; peak: number; outcome?: string;
  };
  return { rssAfterImport: out.rssAfterImport / MIB, peak: out.peak / MIB, ...(out.outcome ? { outcome: out.outcome } : {}) };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = readCommandLine(argv, { 'cdk-out': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (args.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.kind === 'error' || args.positionals.length > 0) {
    process.stderr.write(`bench: ${args.kind === 'error' ? args.message : `unexpected argument '${args.positionals[0]}'`}\n\n${USAGE}`);
    return 2;
  }
  let cloudAssembly = args.values['cdk-out'];
  let temporary: string | undefined;
  if (!cloudAssembly) {
    temporary = cloudAssembly = mkdtempSync(join(tmpdir(), 'factcheck-memory-'));
    process.stderr.write('worker memory: synthesizing the bundles\n');
    execFileSync(join(ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--quiet', '-o', cloudAssembly], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const dynalite = await startDynalite();
  try {
    await createTable(dynalite.endpoint, TABLE_NAME);
    const stores = dynamoStores(dynamoDocumentClient(dynalite.endpoint), TABLE_NAME);
    const texts = corpusTexts();
    const store = async (text: string, title: string, language?: string) => {
      const url = `https://memory.example/${randomUUID()}`;
      const { articleId } = await ingestArticle(
        { deliveryId: `msg_${randomUUID()}`, article: { url, title, text, ...(language ? { language } : {}) } as Parameters<typeof ingestArticle>[0]['article'], sender: { id: 'bench', sources: ['*'], aggregator: false, legacy: true } },
        { store: stores.articles, queue: { enqueue: async () => undefined }, htmlToText: () => '', now: () => new Date() },
      );
      return articleId;
    };
    const typical = [...texts].sort((a, b) => b.text.length - a.text.length)[0]!;
    const large: string[] = [];
    for (let i = 0, size = 0; size < MIB; i++) {
      const t = texts[i % texts.length]!.text;
      const piece = t.slice(0, Math.max(0, MIB - size));
      large.push(piece);
      size += piece.length + 2;
    }
    const largeText = large.join('\n\n').slice(0, MIB);
    const { entry, variables } = workerOf(cloudAssembly);
    process.stderr.write('worker memory: import\n');
    const imported = await measure(entry, variables, dynalite.endpoint);
    process.stderr.write(`worker memory: a typical article (${typical.text.length} characters)\n`);
    const one = await measure(entry, variables, dynalite.endpoint, await store(typical.text, typical.title, typical.language));
    process.stderr.write(`worker memory: a 1 MiB article (${largeText.length} characters)\n`);
    const big = await measure(entry, variables, dynalite.endpoint, await store(largeText, 'Long article'));
    const figures = {
      node: process.version,
      nodeOptions: variables.NODE_OPTIONS ?? null,
      rssAfterImportMb: imported.rssAfterImport,
      typical: { characters: typical.text.length, peakMb: one.peak, outcome: one.outcome },
      large: { characters: largeText.length, peakMb: big.peak, outcome: big.outcome },
    };
    if (args.values.json) {
      process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
      return 0;
    }
    const mb = (x: number) => `${x.toFixed(0)} MB`;
    process.stdout.write(`claim worker memory (Node ${process.version}, NODE_OPTIONS ${figures.nodeOptions ?? 'none'}; each row its own process)\n`);
    process.stdout.write(`${formatTable([
      ['measure', 'figure', 'target', 'article'],
      ['RSS after import', mb(imported.rssAfterImport), `<= ${TARGET_MB.import} MB`, ''],
      [`peak, typical article (${typical.text.length} chars)`, mb(one.peak), `<= ${TARGET_MB.typical} MB`, one.outcome ?? ''],
      ['peak, 1 MiB article', mb(big.peak), `<= ${TARGET_MB.large} MB`, big.outcome ?? ''],
    ], { rule: true })}\n`);
    return 0;
  } finally {
    await dynalite.close();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
