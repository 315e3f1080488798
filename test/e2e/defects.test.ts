/**
 * The console's reproduced defects, one browser test each: names in any script, a filter that
 * finds matches far down the queue, drafts that survive a refresh, a claim link opened while the
 * queue loads, Back, vague amounts, the source chooser, and a publishable ClaimReview.
 */
import { describe, expect, it } from 'vitest';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { newClaimRecords } from '../../shared/pipeline/process';
import { ClaimDetail } from '../../shared/schemas/article';
import { STORY } from './articles';
import { api, type Harness, HAS_CHROMIUM, queueItem, screenshot, SKIPPED, signedIn, signIn, withHarness } from './harness';

let harness: Harness;

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? 'the console\'s defects, fixed' : `the console's defects: ${SKIPPED}`, () => {
  withHarness(STORY, (started) => (harness = started));

  it('1. signs in reviewers with Arabic and Vietnamese names, in a field that follows their script, and records them as written', async () => {
    for (const [name, text, source] of [['ليلى حداد', '7 أشخاص', 'al-marsa.example'], ['Trần Thị Mai', '9 người chết', 'tin-nhanh.example']] as const) {
      const { page, errors } = await harness.open();
      expect(await page.locator('#reviewer').getAttribute('dir')).toBe('auto');
      await signIn(page, harness.pipeline.reviewerToken, name);
      await page.locator('#claim-title').waitFor();
      expect(await page.locator('#reviewer-name').textContent()).toBe(name);
      await queueItem(page, text, source).click();
      await expect.poll(() => page.locator('#claim-title').textContent()).toBe(text);
      const id = await page.locator('article.claim').getAttribute('data-claim');
      await page.locator('#claim-title').click();
      await page.keyboard.press('u');
      await expect.poll(async () => (await api(harness, 'GET', `/api/claims/${id}`)).json.history.at(-1)?.reviewer).toBe(name);
      if (name.startsWith('ل')) await screenshot(page, 'defect-1-arabic-name');
      expect(errors).toEqual([]);
    }
  });

  it('3. keeps a draft verdict, note and source URLs through "Apply and refresh" and a filter change', async () => {
    const { page, errors } = await signedIn(harness, 'Lan');
    await queueItem(page, '$48 million', 'harbour-times.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('$48 million');
    await page.getByRole('radio', { name: /Refuted/ }).check();
    await page.getByLabel('Note').fill('The council minutes say $41 million.');
    await page.getByLabel(/Source URLs/).fill('https://council.example/minutes');
    await page.getByRole('button', { name: 'Apply and refresh' }).click();
    await expect.poll(() => page.locator('#queue').getAttribute('aria-busy')).toBeNull();
    await page.locator('[name="language"]').selectOption('vi');
    await expect.poll(() => page.locator('#queue-list button.queue-item .item-text').first().textContent()).toMatch(/người|đồng/);
    await page.locator('[name="language"]').selectOption('');
    await expect.poll(() => page.locator('#queue').getAttribute('aria-busy')).toBeNull();
    expect(await page.locator('#claim-title').textContent()).toBe('$48 million');
    expect(await page.getByRole('radio', { name: /Refuted/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Note').inputValue()).toBe('The council minutes say $41 million.');
    expect(await page.getByLabel(/Source URLs/).inputValue()).toBe('https://council.example/minutes');
    await screenshot(page, 'defect-3-draft-kept');
    expect(errors).toEqual([]);
  });

  it('4. opens the claim named in the address even when it arrives while the queue loads', async () => {
    const reviewed = await harness.claimOf('second', '7 people');
    await api(harness, 'POST', `/api/claims/${reviewed.id}/review`, { verdict: 'confirmed', expectedVersion: 0 });
    const { page, errors } = await signedIn(harness, 'Lan');
    // the queue answers slowly; the link is followed meanwhile
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/claims?*', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Apply and refresh' }).click();
    await page.evaluate((id) => (location.hash = `#claim=${encodeURIComponent(id)}`), reviewed.id);
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(reviewed.id);
    release();
    await expect.poll(() => page.locator('#queue').getAttribute('aria-busy')).toBeNull();
    await page.waitForTimeout(300);
    expect(await page.locator('article.claim').getAttribute('data-claim')).toBe(reviewed.id);
    // and on a fresh load of the address
    await page.goto(`${harness.pipeline.url}/admin#claim=${encodeURIComponent(reviewed.id)}`);
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(reviewed.id);
    await expect.poll(() => page.locator('#queue').getAttribute('aria-busy')).toBeNull();
    await page.waitForTimeout(300);
    expect(await page.locator('article.claim').getAttribute('data-claim')).toBe(reviewed.id);
    expect(errors).toEqual([]);
  });

  it('5. goes Back to the claims seen before, without leaving the console', async () => {
    const { page, errors } = await signedIn(harness, 'Lan');
    const first = await page.locator('article.claim').getAttribute('data-claim');
    const items = page.locator('#queue-list button.queue-item');
    const second = await items.nth(1).getAttribute('data-id');
    const third = await items.nth(2).getAttribute('data-id');
    await items.nth(1).click();
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(second);
    await items.nth(2).click();
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(third);
    await page.goBack();
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(second);
    await page.goBack();
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(first);
    expect(new URL(page.url()).pathname).toBe('/admin');
    await page.goForward();
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).toBe(second);
    expect(errors).toEqual([]);
  });

  it('6. shows a vague amount as the interval it asserts, not as open-ended', async () => {
    const { page, errors } = await signedIn(harness, 'Lan');
    const item = queueItem(page, 'tens of billions of dollars', 'ledger-daily.example');
    await expect.poll(() => item.locator('.item-meta').textContent()).toMatch(/^Money · somewhere in 10,000,000,000–100,000,000,000 USD · /);
    await item.click();
    await expect.poll(() => page.locator('.claim-value').textContent()).toBe('Money · somewhere in 10,000,000,000–100,000,000,000 USD');
    expect(await page.locator('.claim-value').textContent()).not.toMatch(/or more/);
    expect(errors).toEqual([]);
  });

  it('7. offers the known sources to filter by, and narrows the queue to the one chosen', async () => {
    const { page, errors } = await signedIn(harness, 'Lan');
    const options = page.locator('[name="source"] option');
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining(['al-marsa.example', 'coast-post.example', 'harbour-times.example', 'ledger-daily.example', 'tin-nhanh.example', 'xss-lab.example']));
    await page.getByLabel('Source', { exact: true }).selectOption('xss-lab.example');
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('14 boats');
    expect(await page.locator('#queue-list button.queue-item').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('8. publishes a ClaimReview at a public URL, by the organisation and the reviewer, dated by the verdict', async () => {
    const { page, errors } = await signedIn(harness, 'Mona Salem');
    const claim = await harness.claimOf('english', 'about 12,000 residents');
    await queueItem(page, 'about 12,000 residents', 'harbour-times.example').click();
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('about 12,000 residents');
    await page.getByRole('radio', { name: /Confirmed/ }).check();
    await page.getByRole('button', { name: 'Record verdict' }).click();
    await expect.poll(async () => ClaimDetail.parse((await api(harness, 'GET', `/api/claims/${claim.id}`)).json).status).toBe('confirmed');
    // the console goes on to the next claim once it has the answer; then the address brings it back
    await expect.poll(() => page.locator('article.claim').getAttribute('data-claim')).not.toBe(claim.id);
    await page.evaluate((id) => (location.hash = `#claim=${encodeURIComponent(id)}`), claim.id);
    await page.getByRole('button', { name: 'Show the ClaimReview JSON-LD' }).click();
    const ld = JSON.parse((await page.locator('.claimreview pre').textContent())!);
    expect(ld).toMatchObject({
      url: `${harness.pipeline.url}/reviews/${claim.id}`,
      datePublished: new Date().toISOString().slice(0, 10),
      author: { '@type': 'Organization', name: 'Fact-check desk', member: { '@type': 'Person', name: 'Mona Salem' } },
      itemReviewed: { appearance: { url: STORY.english.url } },
    });
    expect(ld.url).not.toContain('/admin');
    await screenshot(page, 'defect-8-claimreview');
    const published = await harness.open();
    await published.page.goto(ld.url);
    expect(await published.page.locator('h1').textContent()).toBe('True');
    expect(await published.page.locator('blockquote').textContent()).toBe('Storm Orla hit Port Varna on Monday, killing 7 people and forcing the evacuation of about 12,000 residents.');
    await screenshot(published.page, 'public-review-page');
    expect([...errors, ...published.errors]).toEqual([]);
  });
  it('2. finds the claims a filter matches behind hundreds that it does not, and never says "nothing" while there is more', async () => {
    const stores = dynamoStores(dynamoDocumentClient(harness.pipeline.dynamodbEndpoint), harness.pipeline.tableName);
    const claim = { kind: 'count' as const, start: 0, end: 5, min: 1, max: 1, value: 1, qualifier: 'exact' as const, unit: 'crate', sentence: { start: 0, end: 5 }, language: 'en' as const };
    const filler = newClaimRecords({ id: 'art_eeeeeeeeeeeeeeeeeeeeee00', source: 'filler.example' }, Array.from({ length: 400 }, (_, i) => ({ ...claim, text: `${i} crates` })), '2001-01-01T00:00:00.000Z');
    const far = newClaimRecords({ id: 'art_eeeeeeeeeeeeeeeeeeeeee01', source: 'far-away.example' }, [{ ...claim, text: '1 crate' }], '2001-01-02T00:00:00.000Z');
    for (const [id, source] of [['art_eeeeeeeeeeeeeeeeeeeeee00', 'filler.example'], ['art_eeeeeeeeeeeeeeeeeeeeee01', 'far-away.example']] as const) {
      await stores.articles.createArticle({ id, url: `https://${source}/a`, source, title: 'Crates', receivedAt: '2001-01-01T00:00:00.000Z', status: 'processed', textLength: 5, version: 1 }, '1 crate');
    }
    await stores.claims.putClaims([...filler, ...far]);
    const { page, errors } = await signedIn(harness, 'Lan');
    await page.locator('[name="source"]').selectOption('far-away.example');
    await expect.poll(() => page.locator('#queue-list button.queue-item .item-text').allTextContents()).toEqual(['1 crate']);
    await expect.poll(() => page.locator('#claim-title').textContent()).toBe('1 crate');
    expect(await page.getByText('Nothing to review here').count()).toBe(0);
    await screenshot(page, 'defect-2-far-filter');
    expect(errors).toEqual([]);
  });
});
