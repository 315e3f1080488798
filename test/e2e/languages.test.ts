/**
 * The console in each interface language: every label translated, the page mirrored for Arabic,
 * the choice remembered, and no serious or critical axe violation in any view (sign-in, queue and
 * claim, the whole article, the shortcuts) at desk and phone widths.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AR } from '../../shared/admin/i18n/ar';
import { EN, type Messages } from '../../shared/admin/i18n/en';
import { VI } from '../../shared/admin/i18n/vi';
import { STORY } from './articles';
import { axeViolations, type Harness, HAS_CHROMIUM, screenshot, SKIPPED, signIn, withHarness } from './harness';

let harness: Harness;

const LANGUAGES: [lang: 'en' | 'ar' | 'vi', messages: Messages, name: string, dir: 'ltr' | 'rtl'][] = [
  ['en', EN, 'Mai Tran', 'ltr'],
  ['ar', AR, 'ليلى حداد', 'rtl'],
  ['vi', VI, 'Trần Thị Mai', 'ltr'],
];

/** Every element labelled from the dictionary, with the text it shows and the text it should. */
async function labels(page: Page, messages: Messages): Promise<{ key: string; shown: string; expected: string }[]> {
  const found = await page.locator('[data-t]').evaluateAll((els) => els.map((el) => ({ key: (el as HTMLElement).dataset.t!, shown: el.textContent ?? '' })));
  return found.map((f) => ({ ...f, expected: messages[f.key as keyof Messages] }));
}

describe.skipIf(!HAS_CHROMIUM)(HAS_CHROMIUM ? 'the console in English, Arabic and Vietnamese' : `the console in three languages: ${SKIPPED}`, () => {
  withHarness(STORY, (started) => (harness = started));

  it.each(LANGUAGES)('in %s: every label translated, the layout in its direction, the choice remembered, every view axe-clean', async (lang, messages, name, dir) => {
    // the page's CSP forbids the inline script axe comes as: this context alone does not enforce it
    const { page, errors } = await harness.open({ bypassCSP: true });
    await page.locator('#sign-in-form').waitFor();
    await page.getByLabel('Interface language').selectOption(lang);
    await expect.poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
    expect(await page.title()).toBe(messages['page.title']);
    const wrong = (await labels(page, messages)).filter((l) => l.shown !== l.expected);
    expect(wrong).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${lang}-sign-in`, { fullPage: false });

    await signIn(page, harness.pipeline.reviewerToken, name);
    await page.locator('#claim-title').waitFor();
    expect(await page.locator('#verdict-form button[type="submit"]').textContent()).toBe(messages['verdict.submit']);
    expect(await page.locator('.panel-evidence h3').textContent()).toBe(messages['evidence.title']);
    expect(await page.locator('#reviewer-name').textContent()).toBe(name);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${lang}-claim`);

    // the choice survives a reload
    await page.reload();
    await page.locator('#claim-title').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
    expect((await labels(page, messages)).filter((l) => l.shown !== l.expected)).toEqual([]);

    await page.locator('#claim-title').click();
    await page.keyboard.press('a');
    await page.locator('#article-title').waitFor();
    expect(await page.locator('.panel-article-text h3').textContent()).toBe(messages['article.text']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${lang}-article`);

    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    expect(await page.locator('#help-title').textContent()).toBe(messages['help.title']);
    expect(await page.locator('#help-list dd').first().textContent()).toBe(messages['shortcut.next']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${lang}-shortcuts`, { fullPage: false });
    await page.keyboard.press('Escape');

    // a phone's width
    await page.goBack();
    await page.locator('#claim-title').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `${lang}-claim-390`);
    expect(errors).toEqual([]);
  });
});
