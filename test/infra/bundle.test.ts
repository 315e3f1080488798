import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functionEntry, lazyModuleFile, NodeFunction, sourceMapsWanted } from '../../infra/constructs/node-function';
import { articleText } from '../../shared/html/article-text';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), 'utf8');

/** The ingest function alone, bundled for real (local esbuild) into a temporary cloud assembly. */
describe('the ingest bundle, as CDK builds it', () => {
  let out: string;
  let asset: string;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'factcheck-bundle-'));
    const app = new App({ outdir: out, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'Bundle');
    new NodeFunction(stack, 'Ingest', {
      entry: functionEntry('ingest-webhook'),
      serviceName: 'ingest-webhook',
      lazyModules: ['#article-text'],
      sourceMaps: false,
    });
    app.synth();
    const template = JSON.parse(readFileSync(join(out, 'Bundle.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Metadata?: Record<string, string> }>;
    };
    const fn = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function')!;
    asset = join(out, fn.Metadata!['aws:asset:path']!);
  }, 120_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('keeps Readability, linkedom and the HTML parser out of index.mjs, imported only dynamically', () => {
    const entry = readFileSync(join(asset, 'index.mjs'), 'utf8');
    expect(entry.includes('import("#article-text")')).toBe(true);
    expect(/from\s*"#article-text"/.test(entry)).toBe(false);
    const chunk = readFileSync(join(asset, lazyModuleFile('#article-text')), 'utf8');
    // Readability's page id, node-html-parser's options, linkedom's DOMParser
    const markers = ['readability-page-', 'parseNoneClosedTags', 'parseFromString'];
    expect(markers.filter((marker) => chunk.includes(marker))).toEqual(markers);
    expect(markers.filter((marker) => entry.includes(marker))).toEqual([]);
  });

  it('maps #article-text to the built module in the asset, which reads a page as the source does', () => {
    expect(JSON.parse(readFileSync(join(asset, 'package.json'), 'utf8'))).toEqual({ imports: { '#article-text': './article-text.mjs' } });
    const page = fixture('en-div-layout.html');
    const script = `const { articleText } = await import('#article-text'); process.stdout.write(articleText(${JSON.stringify(page)}));`;
    // run from inside the asset, whose package.json resolves the name, as Lambda's /var/task does
    const text = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: asset, env: { PATH: process.env.PATH } }).toString();
    expect(text).toBe(articleText(page));
  });

  it('reads credentials from the environment only, without the default chain (SSO, web identity, containers, profiles)', () => {
    const entry = readFileSync(join(asset, 'index.mjs'), 'utf8');
    expect(entry.includes('AWS_SESSION_TOKEN')).toBe(true);
    const chain = ['sso_start_url', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'credential_process'];
    expect(chain.filter((marker) => entry.includes(marker))).toEqual([]);
  });

  it('ships no source map and no --enable-source-maps by default', () => {
    expect(existsSync(join(asset, 'index.mjs.map'))).toBe(false);
    expect(existsSync(join(asset, 'article-text.mjs.map'))).toBe(false);
  });
});

describe('source maps', () => {
  const mapsOut = mkdtempSync(join(tmpdir(), 'factcheck-maps-test-'));
  afterAll(() => rmSync(mapsOut, { recursive: true, force: true }));
  const environmentOf = (sourceMaps: boolean | undefined) => {
    const app = new App({ outdir: mapsOut, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'Maps');
    new NodeFunction(stack, 'F', { entry: functionEntry('review-api'), serviceName: 'review-api', sourceMaps });
    const fns = Template.fromStack(stack).findResources('AWS::Lambda::Function');
    return (Object.values(fns)[0] as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables;
  };

  it('turns on --enable-source-maps only with the switch', () => {
    expect(environmentOf(true)).toMatchObject({ NODE_OPTIONS: '--enable-source-maps' });
    expect(environmentOf(false)).not.toHaveProperty('NODE_OPTIONS');
  });

  it('reads the switch from SOURCE_MAPS at synth time', () => {
    expect(sourceMapsWanted({})).toBe(false);
    expect(sourceMapsWanted({ SOURCE_MAPS: '0' })).toBe(false);
    expect(sourceMapsWanted({ SOURCE_MAPS: '1' })).toBe(true);
    expect(sourceMapsWanted({ SOURCE_MAPS: 'true' })).toBe(true);
  });

  it('refuses a lazy module name that is no package.json import', () => {
    expect(() => lazyModuleFile('article-text')).toThrow(/expected #name/);
  });
});
