import { afterAll, describe, expect, it } from 'vitest';
import { formatDate, t, useMessages } from '../../../shared/admin/i18n';
import { AR } from '../../../shared/admin/i18n/ar';
import { EN } from '../../../shared/admin/i18n/en';
import { VI } from '../../../shared/admin/i18n/vi';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface languages', () => {
  afterAll(() => useMessages('en', EN));

  it.each([['ar', AR], ['vi', VI]] as const)('%s gives every label, none empty, with the placeholders of the English', (_, messages) => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(EN).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect([key, text.trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(text)]).toEqual([key, placeholders(EN[key as keyof typeof EN])]);
    }
  });

  it('translates labels and the text of an Arabic page, keeping Latin digits', () => {
    useMessages('ar', AR);
    expect(t('status.refuted')).toBe('خاطئ');
    expect(t('article.selected', { count: 12 })).toBe('المختارة: 12');
    expect(formatDate('2026-02-10T08:00:00Z')).toBe('10 فبراير 2026، 08:00 UTC');
  });

  it('picks the singular where the language has one, in English', () => {
    useMessages('en', EN);
    expect(t('queue.loaded', { count: 1, more: '', conflicting: 1, corroborated: 0, single: 0 })).toMatch(/^1 claim loaded:/);
    expect(t('queue.loaded', { count: 2, more: '', conflicting: 1, corroborated: 0, single: 1 })).toMatch(/^2 claims loaded:/);
    expect(t('queue.loaded', { count: 1200, more: '', conflicting: 1, corroborated: 0, single: 1 })).toMatch(/^1,200 claims/);
  });
});
