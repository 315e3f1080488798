import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../shared/claims/language';
import type { Language } from '../../../shared/schemas/claim';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
/** The team's read-only data beside the repository (SHARED_DIR when it lives elsewhere). */
const SHARED = process.env.SHARED_DIR ?? fileURLToPath(new URL('../../../../shared/', import.meta.url));

/** The `{ text, language }` of every JSON article in a directory. */
function articles(dir: string): { name: string; text: string; language: Language }[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ name, ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as { text: string; language: Language }) }));
}

/** Letters outside URLs: a paragraph that is only a link says nothing of its language. */
const letters = (text: string): number => (text.replace(/(?:https?:\/\/|www\.)\S*/g, '').match(/\p{L}/gu) ?? []).length;

const wrongly = (items: { name: string; text: string; language: Language }[]) =>
  items.filter((a) => detectLanguage(a.text) !== a.language).map((a) => `${a.name}: ${detectLanguage(a.text)}`);

describe('language detection', () => {
  it.each([
    ['The harbour board approved the dredging budget on Monday.', 'en'],
    ['Mayor Nguyễn Thị Lan and Mr Trần Văn Bình toured the harbour on Monday.', 'en'],
    ['Ban quản lý cảng đã thông qua ngân sách nạo vét vào thứ Hai.', 'vi'],
    ['Ban quan ly cang khong duoc thong qua ngan sach cua nam nay voi nhieu nguoi phan doi.', 'vi'],
    ['وافق مجلس الميناء على ميزانية التجريف يوم الاثنين.', 'ar'],
    ['قال مدير ميناء Harbourview إن 40 سفينة رست هذا الأسبوع.', 'ar'],
    ['12,5 % | 08:40', 'en'],
    ['', 'en'],
  ] as const)('detects %j as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('detects the language of every one of our annotated and sample articles, and of each paragraph with words', () => {
    const ours = [...articles(join(FIXTURES, 'corpus')), ...articles(join(FIXTURES, 'articles'))];
    expect(ours.length).toBeGreaterThan(30);
    expect(wrongly(ours)).toEqual([]);
    const paragraphs = ours.flatMap((a) =>
      a.text.split('\n').filter((p) => letters(p) >= 20).map((p, k) => ({ name: `${a.name}#${k}`, text: p, language: a.language })),
    );
    expect(wrongly(paragraphs)).toEqual([]);
  });

  describe.skipIf(!existsSync(join(SHARED, 'corpus')))('on the team corpora beside the repository', () => {
    it.each(['dev', 'real'])('detects every article of corpus/%s', (name) => {
      expect(wrongly(articles(join(SHARED, 'corpus', name)))).toEqual([]);
    });
  });

  describe.skipIf(!existsSync(join(SHARED, 'realtext')))('on real text beside the repository', () => {
    it('reads every QuanTemp claim and every CLEF debate line with words as its language', () => {
      const dir = join(SHARED, 'realtext');
      const items: { name: string; text: string; language: Language }[] = [];
      const csv = readFileSync(join(dir, 'quantemp_test.csv'), 'utf8').split('\n').slice(1);
      csv.forEach((line, k) => {
        if (line.trim()) items.push({ name: `quantemp:${k + 2}`, text: line, language: 'en' });
      });
      for (const file of readdirSync(dir).filter((n) => /^Task1-(English|Arabic)-.*\.txt$/.test(n))) {
        const language: Language = file.includes('Arabic') ? 'ar' : 'en';
        for (const row of readFileSync(join(dir, file), 'utf8').split('\n')) {
          const text = row.split('\t')[2] ?? '';
          // lines with words: "(CROSSTALK)" and the like say nothing of their language
          if (letters(text) >= 12) items.push({ name: `${file}:${row.split('\t')[0]}`, text, language });
        }
      }
      expect(items.length).toBeGreaterThan(9_000);
      expect(wrongly(items)).toEqual([]);
    });
  });
});
