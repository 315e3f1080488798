/**
 * The admin page in a real browser (Debian's Chromium driven by playwright-core) against the
 * whole pipeline running locally: articles go in through the signed webhook, reviewers work in
 * the page. Skipped where /usr/bin/chromium is missing (.ci/run installs it).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { ArticleResponse, ClaimPage, type ClaimRecord, ClaimResponse } from '../../shared/schemas/article';
import { eventually, getJson, postWebhook } from '../integration/helpers';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIPPED = `SKIPPED: no browser at ${CHROMIUM} (apt-get install -y chromium; .ci/run does it)`;
if (!HAS_CHROMIUM) console.warn(`the admin page's browser tests are ${SKIPPED}`);
/** The flags that work on these machines (see the handbook's ENVIRONMENT.md). */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RESULTS = path.join(process.cwd(), 'test-results');
const REVIEWER = 'Mai Tran';

const ARTICLES = {
  english: {
    url: 'https://harbour-times.example/orla', title: 'Storm Orla hits Port Varna', publishedAt: '2026-02-10T08:00:00Z',
    text: 'Storm Orla hit Port Varna on Monday, killing 7 people and forcing the evacuation of about 12,000 residents.\nThe city said repairs would cost $48 million.',
  },
  vietnamese: {
    url: 'https://tin-nhanh.example/bao-orla', title: 'Bão Orla đổ bộ Port Varna', publishedAt: '2026-02-10T10:00:00Z',
    text: 'Bão Orla đổ bộ vào Port Varna, làm 9 người chết và khoảng 12.000 người dân phải sơ tán.\nChi phí sửa chữa ước tính khoảng 1.250 tỷ đồng.',
  },
  second: {
    url: 'https://coast-post.example/orla-toll', title: 'Orla: Port Varna counts its dead', publishedAt: '2026-02-10T12:00:00Z',
    text: 'Storm Orla killed 7 people in Port Varna on Monday, the harbour master said.',
  },
  arabic: {
    url: 'https://al-marsa.example/orla', title: 'العاصفة أورلا تضرب ميناء فارنا', publishedAt: '2026-02-10T14:00:00Z',
    text: 'قالت السلطات إن العاصفة أورلا قتلت 7 أشخاص في ميناء فارنا يوم الاثنين، وإن الأضرار بلغت 48 مليون دولار.',
  },
  markup: {
    url: 'https://xss-lab.example/pier', title: 'Pier <img src=x onerror=alert(1)> report', publishedAt: '2026-02-11T09:00:00Z',
    text: 'Witnesses said <script>alert(1)</script> that 14 boats sank near the <img src=x onerror=alert(2)> pier on Friday.',
  },
};

let pipeline: LocalPipeline;
let browser: Browser;
const contexts: BrowserContext[] = [];
const articleIds: Record<keyof typeof ARTICLES, string> = { english: '', vietnamese: '', second: '', arabic: '', markup: '' };

async function processed(articleId: string): Promise<ArticleResponse> {
  return eventually(async () => {
    const { status, json } = await getJson(pipeline.url, `/api/articles/${articleId}`, pipeline.reviewerToken);
    return status === 200 && json.status === 'processed' ? ArticleResponse.parse(json) : undefined;
  }, 30_000, `article ${articleId} to be processed`);
}

async function claimOf(article: keyof typeof ARTICLES, text: string): Promise<ClaimRecord> {
  const claim = (await processed(articleIds[article])).claims.find((c) => c.text === text);
  if (!claim) throw new Error(`no claim "${text}" in the ${article} article`);
  return claim;
}

/**
 * A page of its own (a new browser context: nothing shared with the other tests) that records
 * what must never happen: dialogs, uncaught errors, console errors (CSP violations among them).
 */
async function openPage(options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB', ...options });
  contexts.push(context);
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
  await page.goto(`${pipeline.url}/admin`);
  return { page, dialogs, errors };
}

async function signIn(page: Page, token = pipeline.reviewerToken): Promise<void> {
  await page.getByLabel('Reviewer token').fill(token);
  await page.getByLabel('Your name').fill(REVIEWER);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signedIn(): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
  const opened = await openPage();
  await signIn(opened.page);
  await opened.page.locator('#queue-list button.queue-item').first().waitFor();
  await opened.page.locator('#claim-title').waitFor();
  return opened;
}

function queueItem(page: Page, text: string, source: string) {
  return page.locator('#queue-list button.queue-item').filter({ has: page.locator('.item-text', { hasText: new RegExp(`^${text.replace(/[$.]/g, '\\$&')}$`) }) }).filter({ hasText: source });
}

/** The whole page from the top (the queue is sticky), or only the window where a modal dialog is open. */
async function screenshot(page: Page, name: string, options: { height?: number; fullPage?: boolean } = {}): Promise<void> {
  if (options.height) await page.setViewportSize({ width: 1366, height: options.height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(RESULTS, `admin-${name}.png`), fullPage: options.fullPage ?? true });
}

async function axeViolations(page: Page): Promise<string[]> {
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axe });
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function reviewThroughApi(claimId: string, body: Record<string, unknown>, reviewer: string): Promise<number> {
  const res = await fetch(`${pipeline.url}/api/claims/${claimId}/review`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.reviewerToken}`, 'x-reviewer': encodeURIComponent(reviewer), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.status;
}

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? 'the admin page in Chromium' : `the admin page in Chromium: ${SKIPPED}`, () => {
  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    // playwright gives each launch a fresh --user-data-dir of its own (it refuses one in args)
    const [started, launched] = await Promise.all([
      startLocalPipeline({ port: 0, retryDelaySeconds: 1 }),
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS }),
    ]);
    pipeline = started;
    browser = launched;
    // one after the other, so that each later article finds the earlier ones to corroborate
    for (const name of ['english', 'vietnamese', 'second', 'arabic', 'markup'] as const) {
      const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(ARTICLES[name]));
      expect(accepted.status).toBe(202);
      articleIds[name] = accepted.json.articleId;
      await processed(articleIds[name]);
    }
  }, 60_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await browser?.close();
    await pipeline?.stop();
  });

  it('refuses a wrong token, then signs in and lists the queue with conflicting claims first', async () => {
    const { page, dialogs, errors } = await openPage();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
    await signIn(page, 'not-the-token');
    await expect.poll(() => page.locator('#sign-in-message').textContent()).toMatch(/token was refused \(401\)/);
    await screenshot(page, 'sign-in-refused');

    await signIn(page);
    const items = page.locator('#queue-list button.queue-item');
    await items.first().waitFor();
    await page.locator('#claim-title').waitFor();
    const queue = ClaimPage.parse((await getJson(pipeline.url, '/api/claims?limit=50', pipeline.reviewerToken)).json).items;
    const count = (c: string) => queue.filter((i) => i.corroboration === c).length;
    expect(count('conflicting')).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#queue-counts').textContent()).toBe(
      `${queue.length} claims loaded: ${count('conflicting')} conflicting, ${count('corroborated')} corroborated, ${count('single_source')} single source.`,
    );
    const badges = await items.locator('.item-badges .badge:first-child').allTextContents();
    expect(badges).toEqual(queue.map((i) => ({ conflicting: '⚠ Conflicting', corroborated: '✓ Corroborated', single_source: '○ Single source' })[i.corroboration]));
    expect(badges.indexOf('⚠ Conflicting')).toBe(0);
    expect(badges.lastIndexOf('⚠ Conflicting')).toBe(count('conflicting') - 1); // conflicting first
    await expect.poll(() => queueItem(page, '9 người chết', 'tin-nhanh.example').count()).toBe(1);
    expect(await queueItem(page, '9 người chết', 'tin-nhanh.example').locator('.item-text').getAttribute('lang')).toBe('vi');
    expect(await page.getByRole('navigation', { name: 'Queue' }).isVisible()).toBe(true);
    expect(await page.locator('#reviewer-name').textContent()).toBe(REVIEWER);
    await screenshot(page, 'queue', { height: 1500 }); // tall enough for the whole queue
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [expect.stringMatching(/401/)] });
  });

  it('shows a conflicting claim in its sentence, with agreeing and conflicting sources side by side', async () => {
    const { page, dialogs, errors } = await signedIn();
    await queueItem(page, '7 people', 'harbour-times.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('7 people');
    const title = page.locator('#claim-title');
    expect([await title.getAttribute('dir'), await title.getAttribute('lang')]).toEqual(['auto', 'en']);
    expect(await page.locator('.claim-header .badge-conflicting').textContent()).toContain('Conflicting');
    expect(await page.locator('blockquote.sentence mark').textContent()).toBe('7 people');
    expect(await page.locator('blockquote.sentence').textContent()).toBe('Storm Orla hit Port Varna on Monday, killing 7 people and forcing the evacuation of about 12,000 residents.');
    expect(await page.locator('.article-meta cite').textContent()).toBe('Storm Orla hits Port Varna');
    expect(await page.getByRole('link', { name: /open the article/ }).getAttribute('href')).toBe(ARTICLES.english.url);

    const agree = page.getByRole('region', { name: /Agreeing sources/ });
    const conflict = page.getByRole('region', { name: /Conflicting sources/ });
    expect([await agree.isVisible(), await conflict.isVisible()]).toEqual([true, true]);
    expect(await agree.locator('h4').textContent()).toBe('✓ Agreeing sources (1)');
    expect(await conflict.locator('h4').textContent()).toBe('✗ Conflicting sources (1)');
    expect(await agree.locator('.evidence-card').textContent()).toContain('coast-post.example');
    expect(await conflict.locator('.evidence-text').textContent()).toBe('Conflicts: 9 người chết');
    expect(await conflict.locator('.evidence-text').getAttribute('dir')).toBe('auto');
    const [agreeBox, conflictBox] = [await agree.boundingBox(), await conflict.boundingBox()];
    expect(conflictBox!.x).toBeGreaterThan(agreeBox!.x + agreeBox!.width - 1); // side by side, not stacked
    await screenshot(page, 'claim-conflicting');
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [] });
  });

  it('finds no serious or critical accessibility violation on the sign-in, queue and claim views', async () => {
    // the page's CSP forbids the inline script axe comes as: this context alone does not enforce it
    const { page, dialogs, errors } = await openPage({ bypassCSP: true });
    await page.locator('#sign-in-form').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page);
    await page.locator('#claim-title').waitFor();
    await queueItem(page, '7 أشخاص', 'al-marsa.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('7 أشخاص');
    expect(await page.locator('#claim-title').getAttribute('lang')).toBe('ar');
    expect(await page.locator('blockquote.sentence').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'claim-arabic');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'shortcuts', { fullPage: false });
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [] });
  });

  it('confirms a claim with the c key: it leaves the queue and the next claim opens', async () => {
    const { page, dialogs, errors } = await signedIn();
    const selected = page.locator('#queue-list button.queue-item[aria-current="true"]');
    const first = await selected.locator('.item-text').textContent();
    await page.locator('#claim-title').click(); // focus out of any field
    await page.keyboard.press('j');
    await expect.poll(() => selected.locator('.item-text').textContent()).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(() => selected.locator('.item-text').textContent()).toBe(first);

    const money = await claimOf('english', '$48 million');
    await queueItem(page, '$48 million', 'harbour-times.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('$48 million');
    const index = await page.locator('#queue-list button.queue-item').evaluateAll((buttons, id) => buttons.findIndex((b) => (b as HTMLElement).dataset.id === id), money.id);
    const nextId = await page.locator('#queue-list button.queue-item').nth(index + 1).getAttribute('data-id');

    // typing a note is not a shortcut
    await page.getByLabel('Note').fill('');
    await page.getByLabel('Note').pressSequentially('city council figure');
    await page.waitForTimeout(300);
    expect(await page.locator('#claim-title').textContent()).toBe('$48 million');
    expect((ClaimResponse.parse((await getJson(pipeline.url, `/api/claims/${money.id}`, pipeline.reviewerToken)).json)).status).toBe('needs_review');

    await page.locator('#claim-title').click();
    await page.keyboard.press('c');
    await expect.poll(() => page.locator(`#queue-list button.queue-item[data-id="${money.id}"]`).count()).toBe(0);
    await expect.poll(() => selected.getAttribute('data-id')).toBe(nextId);
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(nextId);
    expect(await page.locator('#status').textContent()).toBe('Confirmed: “$48 million”.');
    const stored = ClaimResponse.parse((await getJson(pipeline.url, `/api/claims/${money.id}`, pipeline.reviewerToken)).json);
    expect(stored).toMatchObject({ status: 'confirmed', version: 1, history: [{ verdict: 'confirmed', reviewer: REVIEWER, note: 'city council figure', version: 1 }] });
    await screenshot(page, 'after-confirm');
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [] });
  });

  it('says that someone else reviewed the claim first when the API answers 409, and shows the claim as it now is', async () => {
    const { page, dialogs, errors } = await signedIn();
    const residents = await claimOf('english', 'about 12,000 residents');
    await queueItem(page, 'about 12,000 residents', 'harbour-times.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('about 12,000 residents');

    expect(await reviewThroughApi(residents.id, { verdict: 'refuted', note: 'The port authority counted 8,000.', expectedVersion: residents.version }, 'Omar Haddad')).toBe(200);

    await page.getByRole('radio', { name: /Confirmed/ }).check();
    await page.getByRole('button', { name: 'Record verdict' }).click();
    const alert = page.locator('.notice-conflict');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.locator('p').allTextContents()).toEqual([
      'Someone else reviewed this claim first. Your verdict was not recorded.',
      expect.stringMatching(/^Omar Haddad marked it Refuted on \d+ \w+ \d{4}, \d\d:\d\d UTC\.$/),
      'Their note: “The port authority counted 8,000.”',
      'The claim below is as it is now; review it again if you disagree.',
    ]);
    await expect.poll(() => page.locator('.claim-header .badge-status').textContent()).toBe('Refuted');
    expect(await page.locator('ol.history').textContent()).toContain('Omar Haddad');
    expect(await page.locator('#verdict-form .hint').last().textContent()).toBe('on version 1');
    const stored = ClaimResponse.parse((await getJson(pipeline.url, `/api/claims/${residents.id}`, pipeline.reviewerToken)).json);
    expect(stored.history.map((h) => ['verdict' in h ? h.verdict : 'undo', h.reviewer])).toEqual([['refuted', 'Omar Haddad']]);
    await screenshot(page, 'conflict-409');
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [expect.stringMatching(/409/)] });
  });

  it('shows the issues of a verdict the API refuses (400) and keeps what was typed', async () => {
    const { page, dialogs, errors } = await signedIn();
    await queueItem(page, '9 người chết', 'tin-nhanh.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('9 người chết');
    await page.getByRole('radio', { name: /Refuted/ }).check();
    await page.getByLabel(/Source URLs/).fill('https://harbour-times.example/orla\nftp://files.example/toll.csv');
    await page.getByRole('button', { name: 'Record verdict' }).click();
    const alert = page.locator('#claim-notice .notice-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The verdict was not recorded: invalid reviewSource URL 2: must be an http(s) URL');
    expect(await page.getByLabel(/Source URLs/).inputValue()).toBe('https://harbour-times.example/orla\nftp://files.example/toll.csv');
    expect(await page.getByRole('button', { name: 'Record verdict' }).isEnabled()).toBe(true);
    await screenshot(page, 'refused-400');
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [expect.stringMatching(/400/)] });
  });

  it('shows markup from an article as text and runs none of it', async () => {
    const { page, dialogs, errors } = await signedIn();
    await page.getByRole('textbox', { name: 'Source', exact: true }).fill('xss-lab.example');
    await page.getByRole('button', { name: 'Apply and refresh' }).click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('14 boats');
    expect(await page.locator('#queue-list button.queue-item').count()).toBe(1);
    expect(await page.locator('blockquote.sentence').textContent()).toBe(ARTICLES.markup.text);
    expect(await page.locator('.article-meta cite').textContent()).toBe(ARTICLES.markup.title);
    await page.waitForTimeout(500);
    const injected = await page.evaluate(() => document.querySelectorAll('main img, main script, nav img, nav script, [onerror]').length);
    expect(injected).toBe(0);
    await screenshot(page, 'markup-as-text');
    expect({ dialogs, errors }).toEqual({ dialogs: [], errors: [] });
  });
});
