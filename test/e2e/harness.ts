/**
 * What the browser tests share: the whole pipeline running locally, Debian's Chromium driven by
 * playwright-core, pages that record what must never happen (dialogs, uncaught errors, console
 * errors such as CSP violations), sign-in, axe, and screenshots under test-results/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { ArticleResponse, type ClaimRecord } from '../../shared/schemas/article';
import { eventually, getJson, postWebhook } from '../integration/helpers';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIPPED = `SKIPPED: no browser at ${CHROMIUM} (apt-get install -y chromium; .ci/run does it)`;
/** The flags that work on these machines (see the handbook's ENVIRONMENT.md). */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const RESULTS = path.join(process.cwd(), 'test-results');

export interface Article {
  url: string;
  title: string;
  publishedAt: string;
  text: string;
}

export interface Harness {
  pipeline: LocalPipeline;
  browser: Browser;
  /** Article ids by the names the test gave them. */
  ids: Record<string, string>;
  open(options?: OpenOptions): Promise<Opened>;
  claimOf(article: string, text: string): Promise<ClaimRecord>;
  close(): Promise<void>;
  closePages(): Promise<void>;
}

export interface OpenOptions {
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
  /** The interface language remembered from an earlier visit. */
  language?: 'en' | 'ar' | 'vi';
  /** Open this address under /admin (a hash such as #claim=...). */
  hash?: string;
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  errors: string[];
}

/** Starts the pipeline and the browser, and posts the articles one after the other (so that each later one finds the earlier ones to corroborate). */
/**
 * One harness for the describe block this is called in: started before its tests (and handed to
 * `started`), its pages closed after each test, the harness stopped after all of them.
 */
export function withHarness(articles: Record<string, Article>, started: (harness: Harness) => void): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(articles);
    started(harness);
  }, 90_000);
  afterEach(async () => {
    await harness?.closePages();
  });
  afterAll(async () => {
    await harness?.close();
  });
}

export async function startHarness(articles: Record<string, Article>): Promise<Harness> {
  mkdirSync(RESULTS, { recursive: true });
  // playwright gives each launch a fresh --user-data-dir of its own (it refuses one in args)
  const [pipeline, browser] = await Promise.all([
    startLocalPipeline({ port: 0, retryDelaySeconds: 1 }),
    chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS }),
  ]);
  const contexts: BrowserContext[] = [];
  const ids: Record<string, string> = {};

  const processed = (articleId: string) =>
    eventually(async () => {
      const { status, json } = await getJson(pipeline.url, `/api/articles/${articleId}`, pipeline.reviewerToken);
      return status === 200 && json.status === 'processed' ? ArticleResponse.parse(json) : undefined;
    }, 30_000, `article ${articleId} to be processed`);

  for (const [name, article] of Object.entries(articles)) {
    const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article));
    expect(accepted.status).toBe(202);
    ids[name] = accepted.json.articleId;
    await processed(ids[name]!);
  }

  return {
    pipeline,
    browser,
    ids,
    async open(options: OpenOptions = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 }, locale: 'en-GB', bypassCSP: options.bypassCSP });
      contexts.push(context);
      if (options.language) await context.addInitScript((lang) => localStorage.setItem('factcheck.review.language', lang), options.language);
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${pipeline.url}/admin${options.hash ?? ''}`);
      return { page, context, dialogs, errors };
    },
    async claimOf(article: string, text: string) {
      const claim = (await processed(ids[article]!)).claims.find((c) => c.text === text);
      if (!claim) throw new Error(`no claim "${text}" in the ${article} article`);
      return claim;
    },
    async closePages() {
      await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
    },
    async close() {
      await browser?.close();
      await pipeline?.stop();
    },
  };
}

/** Fills the sign-in form with the token and a name (in any script). */
export async function signIn(page: Page, token: string, name: string): Promise<void> {
  await page.locator('#token').fill(token);
  await page.locator('#reviewer').fill(name);
  await page.locator('#sign-in-form button[type="submit"]').click();
}

/** Signs in and waits for the queue and its first claim. */
export async function signedIn(harness: Harness, name: string, options: OpenOptions = {}): Promise<Opened> {
  const opened = await harness.open(options);
  await signIn(opened.page, harness.pipeline.reviewerToken, name);
  await opened.page.locator('#queue-list button.queue-item').first().waitFor();
  await opened.page.locator('#claim-title, #article-title').first().waitFor();
  return opened;
}

/** The queue button of a claim, by its exact text and its source. */
export function queueItem(page: Page, text: string, source: string) {
  return page
    .locator('#queue-list button.queue-item')
    .filter({ has: page.locator('.item-text', { hasText: new RegExp(`^${text.replace(/[$.()]/g, '\\$&')}$`) }) })
    .filter({ hasText: source });
}

/** The whole page from the top (the queue is sticky), or only the window where a modal dialog is open. */
export async function screenshot(page: Page, name: string, options: { height?: number; fullPage?: boolean } = {}): Promise<void> {
  if (options.height) await page.setViewportSize({ width: page.viewportSize()?.width ?? 1366, height: options.height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(RESULTS, `admin-${name}.png`), fullPage: options.fullPage ?? true });
}

/** Serious and critical axe violations (the page must be opened with bypassCSP: axe comes as an inline script). */
export async function axeViolations(page: Page): Promise<string[]> {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A call to the review API as a reviewer would make it from elsewhere. */
export async function api(harness: Harness, method: string, path_: string, body?: unknown, reviewer = 'Omar Haddad'): Promise<{ status: number; json: any }> {
  const res = await fetch(`${harness.pipeline.url}${path_}`, {
    method,
    headers: { authorization: `Bearer ${harness.pipeline.reviewerToken}`, 'x-reviewer': encodeURIComponent(reviewer), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json().catch(() => null) };
}
