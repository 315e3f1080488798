/**
 * The admin page in a real browser (Debian's Chromium driven by playwright-core) against the
 * whole pipeline running locally: articles go in through the signed webhook, reviewers work in
 * the page. Skipped where /usr/bin/chromium is missing (.ci/run installs it).
 */
import { describe, expect, it } from 'vitest';
import { ClaimPage, ClaimResponse } from '../../shared/schemas/article';
import { getJson } from '../integration/helpers';
import { STORY as ARTICLES } from './articles';
import { api, axeViolations, type Harness, HAS_CHROMIUM, queueItem, screenshot, SKIPPED, signIn as fillSignIn, withHarness } from './harness';

const REVIEWER = 'Mai Tran';
let harness: Harness;
let pipeline: Harness['pipeline'];

const openPage = (options: { bypassCSP?: boolean } = {}) => harness.open(options);
const signIn = (page: Parameters<typeof fillSignIn>[0], token = pipeline.reviewerToken) => fillSignIn(page, token, REVIEWER);
const claimOf = (article: keyof typeof ARTICLES, text: string) => harness.claimOf(article, text);

async function signedIn() {
  const opened = await openPage();
  await signIn(opened.page);
  await opened.page.locator('#queue-list button.queue-item').first().waitFor();
  await opened.page.locator('#claim-title').waitFor();
  return opened;
}

async function reviewThroughApi(claimId: string, body: Record<string, unknown>, reviewer: string): Promise<number> {
  return (await api(harness, 'POST', `/api/claims/${claimId}/review`, body, reviewer)).status;
}

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? 'the admin page in Chromium' : `the admin page in Chromium: ${SKIPPED}`, () => {
  withHarness(ARTICLES, (started) => {
    harness = started;
    pipeline = started.pipeline;
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
    expect(await conflict.locator('.evidence-sentence mark').textContent()).toBe('9 người chết');
    expect(await conflict.locator('.evidence-sentence').getAttribute('dir')).toBe('auto');
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
    await page.getByLabel('Source', { exact: true }).selectOption('xss-lab.example');
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
