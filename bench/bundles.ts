/**
 * Each Lambda function's code as CDK bundles it: read from a synthesized cloud assembly
 * (`npm run synth` writes cdk.out), not rebuilt with other options.
 *
 * For every AWS::Lambda::Function whose code is a local asset directory: the size of its entry
 * module (index.mjs), of the other code files it may load later (lazily imported chunks, without
 * source maps), and of its source map if one ships; and its cold import time, the median over
 * separate Node processes of `await import(index.mjs)`, run with the NODE_OPTIONS the function
 * has in the template (so `--enable-source-maps` costs what it costs in Lambda).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BundleFigures {
  /** The function's construct path without the stack, e.g. `WebhookIngest/Handler`. */
  name: string;
  stack: string;
  asset: string;
  entryBytes: number;
  /** Other .mjs/.js/.cjs files of the asset (loaded only when imported), source maps excluded. */
  lazyBytes: number;
  sourceMapBytes: number;
  nodeOptions: string | undefined;
  /** The function's environment (references replaced by placeholders), for importing its modules. */
  environment: Record<string, string>;
  importMs: number;
  importRuns: number[];
}

/** Configuration the handlers read when loaded (over the template's); nothing here is reached during the import. */
const IMPORT_ENV = {
  TABLE_NAME: 'bench',
  QUEUE_URL: 'http://127.0.0.1:9/queue',
  WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  REVIEWER_TOKEN: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  NODE_NO_WARNINGS: '1',
};

interface TemplateResource {
  Type: string;
  Metadata?: Record<string, unknown>;
  Properties?: { Environment?: { Variables?: Record<string, unknown> } };
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The function's environment from the template: literal values as they are, references (a table
 * name, a queue URL, a secret ARN from the other stack) as local placeholders.
 */
function environmentOf(variables: Record<string, unknown>): Record<string, string> {
  const placeholder = (name: string) =>
    name.endsWith('_URL') ? 'http://127.0.0.1:9/placeholder' : name.endsWith('_ARN') ? 'arn:aws:secretsmanager:us-east-1:000000000000:secret:bench' : 'bench';
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, typeof value === 'string' ? value : placeholder(name)]));
}

/** Milliseconds to import `file` in a fresh Node process, `runs` times. */
export function coldImportMs(file: string, nodeOptions: string | undefined, runs: number, variables: Record<string, string> = {}): number[] {
  const env: NodeJS.ProcessEnv = { ...process.env, ...variables, ...IMPORT_ENV };
  delete env.NODE_OPTIONS; // tsx's loader, when the bench runs under it
  if (nodeOptions) env.NODE_OPTIONS = nodeOptions;
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(resolve(file)).href)}); process.stdout.write(String(performance.now() - t)); process.exit(0);`;
  return Array.from({ length: runs }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] }).toString()),
  );
}

/** The functions of every stack template in `cloudAssembly`, measured. */
export function measureBundles(cloudAssembly: string, runs = 7): BundleFigures[] {
  const templates = readdirSync(cloudAssembly).filter((n) => n.endsWith('.template.json')).sort();
  const out: BundleFigures[] = [];
  for (const templateFile of templates) {
    const stack = templateFile.slice(0, -'.template.json'.length);
    const template = JSON.parse(readFileSync(join(cloudAssembly, templateFile), 'utf8')) as { Resources?: Record<string, TemplateResource> };
    for (const resource of Object.values(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const asset = resource.Metadata?.['aws:asset:path'];
      const cdkPath = resource.Metadata?.['aws:cdk:path'];
      if (typeof asset !== 'string' || typeof cdkPath !== 'string') continue;
      const dir = join(cloudAssembly, asset);
      const entry = join(dir, 'index.mjs');
      if (!existsSync(entry)) continue;
      const files = filesOf(dir);
      const size = (pick: (f: string) => boolean) => files.filter(pick).reduce((sum, f) => sum + statSync(f).size, 0);
      const variables = environmentOf(resource.Properties?.Environment?.Variables ?? {});
      const options = variables.NODE_OPTIONS;
      const importRuns = coldImportMs(entry, options, runs, variables);
      out.push({
        name: cdkPath.split('/').slice(1, -2).join('/'),
        stack,
        asset,
        entryBytes: statSync(entry).size,
        lazyBytes: size((f) => f !== entry && /\.[cm]?js$/.test(f)),
        sourceMapBytes: size((f) => f.endsWith('.map')),
        nodeOptions: options,
        environment: variables,
        importMs: median(importRuns),
        importRuns,
      });
    }
  }
  return out;
}
