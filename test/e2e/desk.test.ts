/**
 * A fact-check desk at work in the console: evidence in context, two reviewers on the queue at
 * once (one in the Arabic interface, one in the Vietnamese) who never get the same claim, undo,
 * an article triaged in bulk, the counts moving, the filters, the export, and a queue that
 * refreshes itself.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { claimKey } from '../../shared/adapters/dynamo/keys';
import { ClaimDetail } from '../../shared/schemas/article';
import { postWebhook } from '../integration/helpers';
import { STORY } from './articles';
import { api, type Harness, HAS_CHROMIUM, queueItem, screenshot, SKIPPED, signedIn, withHarness } from './harness';

let harness: Harness;

const shown = (page: Page) => page.locator('article.claim').getAttribute('data-claim');
const backlogCell = (page: Page, status: string, column: number) => page.locator(`.backlog tr[data-status="${status}"] td`).nth(column).textContent();

/** Records a verdict with its key on the claim on screen; answers the claim's id once the next one is open. */
async function verdictByKey(page: Page, key: string): Promise<string> {
  const id = (await shown(page))!;
  await page.locator('#claim-title').click();
  await page.keyboard.press(key);
  await expect.poll(() => shown(page)).not.toBe(id);
  return id;
}

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? 'a desk working in the console' : `a desk working in the console: ${SKIPPED}`, () => {
  withHarness(STORY, (started) => (harness = started));

  it('shows each piece of evidence in its sentence, with its source, language, time, "later report" and the reasons, and candidates apart', async () => {
    const claim = await harness.claimOf('english', '7 people');
    const candidate = await harness.claimOf('budget', 'Dozens of firms');
    // the corroboration stores "possibly the same fact" candidates on the claim; this one is ours
    await dynamoDocumentClient(harness.pipeline.dynamodbEndpoint).send(
      new UpdateCommand({
        TableName: harness.pipeline.tableName,
        Key: claimKey(claim.id)!,
        UpdateExpression: 'SET candidates = :c',
        ExpressionAttributeValues: { ':c': [{ claimId: candidate.id, articleId: candidate.articleId, source: 'ledger-daily.example', url: STORY.budget.url, text: candidate.text, score: 0.3 }] },
      }),
    );
    const { page, errors } = await signedIn(harness, 'Mai Tran');
    await queueItem(page, '7 people', 'harbour-times.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('7 people');
    const card = page.getByRole('region', { name: /Conflicting sources/ }).locator('.evidence-card').first();
    expect(await card.locator('.evidence-sentence').textContent()).toBe(STORY.vietnamese.text.split('\n')[0]);
    expect(await card.locator('.evidence-sentence mark').textContent()).toBe('9 người chết');
    expect(await card.locator('.evidence-sentence').getAttribute('lang')).toBe('vi');
    expect(await card.locator('.evidence-meta').textContent()).toBe('tin-nhanh.example · Vietnamese · 10 Feb 2026, 10:00 UTClater reportpossibly an update, not a conflict');
    expect(await card.getByRole('link', { name: /the article/ }).getAttribute('href')).toBe(STORY.vietnamese.url);
    expect(await card.locator('.reasons li').allTextContents()).toEqual([
      'Figures that cannot both be true: 7 person here, 9 death there',
      'Both are amounts of the same kind: Count',
      'Both name Orla, Port Varna',
      'Reported in Vietnamese',
      'Published 2 h after this one',
      expect.stringMatching(/^A (strong|moderate|weak) match \(score [\d.]+\)$/),
    ]);
    const candidates = page.getByRole('region', { name: 'Possibly the same fact' });
    expect(await candidates.locator('.hint').first().textContent()).toMatch(/Not linked/);
    expect(await candidates.locator('.evidence-sentence mark').textContent()).toBe('Dozens of firms');
    expect(await page.getByRole('region', { name: /Agreeing sources/ }).locator('[data-claim]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')))).not.toContain(candidate.id);
    await screenshot(page, 'evidence-in-context');
    await card.getByRole('button', { name: 'open this claim' }).click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('9 người chết');
    expect(errors).toEqual([]);
  });

  it('lets two reviewers work the queue at once, in Arabic and Vietnamese, with names in their scripts, never on the same claim', async () => {
    const [arabic, vietnamese] = await Promise.all([
      signedIn(harness, 'ليلى حداد', { language: 'ar' }),
      signedIn(harness, 'Trần Thị Mai', { language: 'vi' }),
    ]);
    expect(await arabic.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await vietnamese.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['vi', 'ltr']);
    expect(await arabic.page.locator('#verdict-form button[type="submit"]').textContent()).toBe('سجّل الحكم');
    expect(await vietnamese.page.locator('#verdict-form button[type="submit"]').textContent()).toBe('Ghi kết luận');
    expect(await shown(arabic.page)).not.toBe(await shown(vietnamese.page));
    const done: Record<string, string[]> = { 'ليلى حداد': [], 'Trần Thị Mai': [] };
    await Promise.all([
      (async () => {
        for (const key of ['c', 'u', 'c']) done['ليلى حداد']!.push(await verdictByKey(arabic.page, key));
      })(),
      (async () => {
        for (const key of ['r', 'u', 'r']) done['Trần Thị Mai']!.push(await verdictByKey(vietnamese.page, key));
      })(),
    ]);
    const all = [...done['ليلى حداد']!, ...done['Trần Thị Mai']!];
    expect(new Set(all).size).toBe(6);
    for (const [name, ids] of Object.entries(done)) {
      for (const id of ids) expect(ClaimDetail.parse((await api(harness, 'GET', `/api/claims/${id}`)).json).history.map((h) => h.reviewer)).toEqual([name]);
    }
    // each sees the claim the other has open
    await arabic.page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const held = arabic.page.locator(`#queue-list button.queue-item[data-id="${await shown(vietnamese.page)}"] .badge-held`);
    await expect.poll(() => held.textContent()).toBe('✎ مفتوح لدى Trần Thị Mai');
    await screenshot(arabic.page, 'two-reviewers-arabic');
    await screenshot(vietnamese.page, 'two-reviewers-vietnamese');
    expect({ arabic: arabic.errors, vietnamese: vietnamese.errors }).toEqual({ arabic: [], vietnamese: [] });
  });

  it('takes a verdict back with z, and with the Undo button, as new history entries: the claim needs review again', async () => {
    const { page, errors } = await signedIn(harness, 'Omar Haddad');
    const first = await verdictByKey(page, 'r');
    expect(await page.locator('#toast').textContent()).toMatch(/^Refuted: “.+”\. Undo z$/);
    await page.locator('#claim-title').click();
    await page.keyboard.press('z');
    await expect.poll(() => shown(page)).toBe(first);
    await expect.poll(() => page.locator('.claim-header .badge-status').textContent()).toBe('Needs review');
    expect(await page.locator('#status').textContent()).toMatch(/^Verdict taken back: “.+” is Needs review again\.$/);
    expect(await page.locator('ol.history li').allTextContents()).toEqual([
      expect.stringMatching(/^Verdict of version 1 taken back: Needs review again by Omar Haddad, .+ \(version 2\)$/),
      expect.stringMatching(/^Refuted by Omar Haddad, .+ \(version 1\) \(taken back\)$/),
    ]);
    await screenshot(page, 'undo');
    // the same claim again, another verdict, taken back with the button: four entries, none removed
    expect(await verdictByKey(page, 'n')).toBe(first);
    await page.getByRole('button', { name: /Undo/ }).click();
    await expect.poll(() => shown(page)).toBe(first);
    const stored = ClaimDetail.parse((await api(harness, 'GET', `/api/claims/${first}`)).json);
    expect(stored).toMatchObject({ status: 'needs_review', version: 4 });
    expect(stored.history.map((h) => ('undoes' in h ? `undo ${h.undoes}` : h.verdict))).toEqual(['refuted', 'undo 1', 'not_a_claim', 'undo 3']);
    expect(errors).toEqual([]);
  });

  it('triages a whole article: every claim highlighted with its status, several marked "not a claim" in one request', async () => {
    const { page, errors } = await signedIn(harness, 'Lan Pham');
    await queueItem(page, '2009', 'ledger-daily.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('2009');
    await page.locator('#claim-title').click();
    await page.keyboard.press('a');
    await page.locator('#article-title').waitFor();
    expect(await page.locator('#article-title').textContent()).toBe(STORY.budget.title);
    expect(await page.locator('.article-text').textContent()).toBe(STORY.budget.text.replace(/(2009|2015|tens of billions of dollars|2001|Dozens of firms|\$62 million)/g, '$1 Needs review'));
    // someone else reviews one of them meanwhile
    const sixtyTwo = await harness.claimOf('budget', '$62 million');
    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posted.push(new URL(r.url()).pathname);
    });
    await page.getByRole('button', { name: 'Select every claim that needs review' }).click();
    await page.getByRole('checkbox', { name: /\$62 million/ }).uncheck();
    const twenty = await harness.claimOf('budget', '2015');
    await api(harness, 'POST', `/api/claims/${twenty.id}/review`, { verdict: 'confirmed', expectedVersion: 0 });
    expect(await page.locator('#bulk-form .hint').last().textContent()).toBe('5 selected');
    await page.getByRole('button', { name: 'Mark the selected as not a claim' }).click();
    await expect.poll(() => page.locator('#bulk-result').textContent()).toBe('4 marked not a claim. 1 had changed meanwhile and were left as they are.');
    expect(posted.filter((p) => p.endsWith('/review'))).toEqual([`/api/articles/${harness.ids.budget}/review`]);
    expect(await page.locator('.claim-mark').evaluateAll((marks) => marks.map((m) => m.textContent))).toEqual([
      '2009 Not a claim', '2015 Confirmed', 'tens of billions of dollars Not a claim', '2001 Not a claim', 'Dozens of firms Not a claim', '$62 million Needs review',
    ]);
    expect(ClaimDetail.parse((await api(harness, 'GET', `/api/claims/${sixtyTwo.id}`)).json).status).toBe('needs_review');
    await screenshot(page, 'article-bulk-triage');
    expect(errors).toEqual([]);
  });

  it('moves the counts with each verdict, and narrows the queue by article, reviewer and dates', async () => {
    const { page, errors } = await signedIn(harness, 'Ngọc Ánh');
    await page.locator('.backlog').waitFor();
    const before = Number(await backlogCell(page, 'needs_review', 3));
    const confirmed = Number(await backlogCell(page, 'confirmed', 3));
    const id = await verdictByKey(page, 'c');
    await expect.poll(async () => Number(await backlogCell(page, 'needs_review', 3))).toBe(before - 1);
    expect(Number(await backlogCell(page, 'confirmed', 3))).toBe(confirmed + 1);
    await expect.poll(() => page.locator('.reviews-today li[data-reviewer="Ngọc Ánh"]').textContent()).toBe('Ngọc Ánh (you): 1');
    expect(await page.locator('.reviews-today').textContent()).toContain('ليلى حداد: 3');
    await screenshot(page, 'counts');

    await page.getByLabel('Status', { exact: true }).selectOption('confirmed');
    await page.getByLabel('Reviewed by').fill('Ngọc Ánh');
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(today);
    await page.getByLabel('To', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Apply and refresh' }).click();
    await expect.poll(() => page.locator('#queue-list button.queue-item').evaluateAll((b) => b.map((x) => x.getAttribute('data-id')))).toEqual([id]);
    await page.getByLabel('To', { exact: true }).fill('2026-01-01');
    await page.getByLabel('From', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Apply and refresh' }).click();
    await expect.poll(() => page.locator('#queue-counts').textContent()).toBe('No claims with these filters.');

    await page.getByLabel('From', { exact: true }).fill('');
    await page.getByLabel('To', { exact: true }).fill('');
    await page.getByLabel('Reviewed by').fill('');
    await page.getByLabel('Status', { exact: true }).selectOption('needs_review');
    const posted = await postWebhook(harness.pipeline.url, harness.pipeline.webhookSecret, JSON.stringify({
      url: 'https://harbour-times.example/orla-schools', title: 'Schools reopen after Orla', publishedAt: '2026-02-12T06:00:00Z',
      text: 'Port Varna reopened 14 schools on Thursday, while 3 clinics remain closed.',
    }));
    const fresh = await expect.poll(async () => (await api(harness, 'GET', `/api/articles/${posted.json.articleId}`)).json?.claims?.length).toBe(2)
      .then(async () => (await api(harness, 'GET', `/api/articles/${posted.json.articleId}`)).json.claims as { id: string }[]);
    await page.evaluate((id) => (location.hash = `#claim=${encodeURIComponent(id)}`), fresh[0]!.id);
    await expect.poll(() => shown(page)).toBe(fresh[0]!.id);
    await page.getByRole('button', { name: /Read the whole article/ }).click();
    await page.getByRole('button', { name: 'Queue: only this article' }).click();
    await expect.poll(() => page.locator('#article-filter-text').textContent()).toBe('Only the claims of “Schools reopen after Orla”');
    await expect.poll(() => page.locator('#queue-list button.queue-item').evaluateAll((b) => b.map((x) => x.getAttribute('data-id')))).toEqual(fresh.map((c) => c.id));
    await page.getByRole('button', { name: 'Show every article' }).click();
    await expect.poll(() => page.locator('#queue-list button.queue-item').count()).toBeGreaterThan(2);
    expect(errors).toEqual([]);
  });

  it('exports reviewed claims with their sentence, article title and URL: CSV cells cannot run as formulas', async () => {
    const article = { url: 'https://xss-lab.example/pier-repairs', title: 'Pier, "repairs" & =costs', publishedAt: '2026-02-12T09:00:00Z', text: 'The pier repairs took 11 weeks, the port said.' };
    const posted = await postWebhook(harness.pipeline.url, harness.pipeline.webhookSecret, JSON.stringify(article));
    const claim = await expect.poll(async () => (await api(harness, 'GET', `/api/articles/${posted.json.articleId}`)).json?.claims?.[0]).toBeTruthy().then(async () => (await api(harness, 'GET', `/api/articles/${posted.json.articleId}`)).json.claims[0]);
    expect((await api(harness, 'POST', `/api/claims/${claim.id}/review`, { verdict: 'refuted', note: '=HYPERLINK("https://evil.example","open")', expectedVersion: 0 })).status).toBe(200);
    const { page, errors } = await signedIn(harness, 'Mai Tran');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('reviewed-claims.csv');
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toBe('id,articleId,verdict,reviewer,reviewedAt,note,sourceUrls,kind,text,value,min,max,qualifier,unit,language,corroboration,sentence,articleTitle,articleUrl,source');
    const row = lines.find((l) => l.startsWith(claim.id))!;
    expect(row).toContain(`,"'=HYPERLINK(""https://evil.example"",""open"")",`);
    expect(row).toContain(`,"${article.text}","Pier, ""repairs"" & =costs",${article.url},xss-lab.example`);
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSONL' }).click()]);
    const rows = (await (await jsonl.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'))).trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.find((r) => r.id === claim.id)).toMatchObject({ sentence: article.text, articleTitle: article.title, articleUrl: article.url, history: [{ verdict: 'refuted' }] });
    expect(errors).toEqual([]);
  });

  it('refreshes the queue by itself: a new article\'s claims come in, claims reviewed elsewhere leave', async () => {
    const { page, errors } = await signedIn(harness, 'Mai Tran');
    const listed = await page.locator('#queue-list button.queue-item').evaluateAll((b) => b.map((x) => x.getAttribute('data-id')));
    const other = listed.find((id) => id && id !== listed[0])!;
    await api(harness, 'POST', `/api/claims/${other}/review`, { verdict: 'unverifiable', expectedVersion: 0 });
    await postWebhook(harness.pipeline.url, harness.pipeline.webhookSecret, JSON.stringify({
      url: 'https://harbour-times.example/orla-ferries', title: 'Ferries resume', publishedAt: '2026-02-11T06:00:00Z',
      text: 'Ferries resumed on Tuesday with 23 sailings to the islands.',
    }));
    // no click, no key: the page's own timer
    await expect.poll(() => queueItem(page, '23 sailings', 'harbour-times.example').count(), { timeout: 45_000 }).toBe(1);
    expect(await page.locator(`#queue-list button.queue-item[data-id="${other}"]`).count()).toBe(0);
    await screenshot(page, 'queue-refreshed');
    expect(errors).toEqual([]);
  });
});
