import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/index';
import { matchEntries, type ArticleForMatching } from '../../../shared/corroboration/entries';
import { articleEntities, fold } from '../../../shared/corroboration/features';
import { findLinks, type MatchEntry } from '../../../shared/corroboration/match';

/** An article of our own, its claims and their match entries. */
function entriesOf(id: string, source: string, title: string, text: string, publishedAt = '2026-02-10T08:00:00Z'): MatchEntry[] {
  const article: ArticleForMatching = { id, source, url: `https://${source}/${id}`, title, publishedAt, text };
  const claims = extractClaims(text).claims.map((c, i) => ({ ...c, id: `${id}-c${i}` }));
  return matchEntries(article, claims);
}

function links(a: MatchEntry[], b: MatchEntry[]) {
  return findLinks(b, a).map((l) => [l.from.text, l.to.text, l.relation]);
}

const en = entriesOf('en', 'harbour-times.example', 'Storm Orla hits Port Varna',
  'Storm Orla hit Port Varna on Monday, killing 7 people and forcing the evacuation of about 12,000 residents.\n' +
  'The city said repairs would cost $48 million. Some 3,400 homes lost power.\n' +
  'Varna Energy shares fell 4.5% in Sofia.');

describe('corroboration between sources and languages', () => {
  it('links the same facts told in Vietnamese: agreeing and conflicting figures', () => {
    const vi = entriesOf('vi', 'tin-nhanh.example', 'Bão Orla đổ bộ Port Varna',
      'Bão Orla đổ bộ vào Port Varna, làm 9 người chết và khoảng 12.000 người dân phải sơ tán.\n' +
      'Chi phí sửa chữa ước tính khoảng 1.250 tỷ đồng.');
    expect(links(en, vi)).toEqual(expect.arrayContaining([
      ['9 người chết', '7 people', 'conflicts'],
      ['khoảng 12.000 người dân', 'about 12,000 residents', 'corroborates'],
      ['ước tính khoảng 1.250 tỷ đồng', '$48 million', 'corroborates'],
    ]));
    expect(links(en, vi)).toHaveLength(3);
  });

  it('links the same facts told in Arabic, with a name transliterated', () => {
    const ar = entriesOf('ar', 'akhbar.example', 'العاصفة أورلا تضرب بورت فارنا',
      'ضربت العاصفة أورلا مدينة Port Varna، ما أسفر عن مقتل 7 أشخاص وإجلاء نحو 15 ألف من السكان.\n' +
      'وقدرت البلدية كلفة الإصلاحات بنحو 48 مليون دولار.');
    expect(links(en, ar)).toEqual(expect.arrayContaining([
      ['7 أشخاص', '7 people', 'corroborates'],
      ['نحو 15 ألف من السكان', 'about 12,000 residents', 'conflicts'],
      ['بنحو 48 مليون دولار', '$48 million', 'corroborates'],
    ]));
  });

  it('does not link the same number about a different fact', () => {
    const other = entriesOf('o', 'daily-port.example', 'Port Varna after the storm',
      'Storm Orla hit Port Varna on Monday, killing 7 people. The port employs 48 divers, and its 7 cranes were spared.\n' +
      'About 4.5% of the quay was damaged.');
    const made = links(en, other);
    expect(made).toContainEqual(['7 people', '7 people', 'corroborates']);
    expect(made.map(([a]) => a)).not.toContain('48 divers');
    expect(made.map(([a]) => a)).not.toContain('7 cranes');
    expect(made).not.toContainEqual(['About 4.5%', '4.5%', 'corroborates']);
  });

  it('never links claims of the same source, nor of unrelated stories', () => {
    const sameSource = entriesOf('s', 'harbour-times.example', 'Storm Orla: update',
      'Storm Orla hit Port Varna on Monday, killing 9 people.');
    expect(links(en, sameSource)).toEqual([]);
    const unrelated = entriesOf('u', 'sports-desk.example', 'Cup final',
      'The club sold 7 players and earned $48 million; 3,400 fans travelled.');
    expect(links(en, unrelated)).toEqual([]);
  });

  it('does not link stories published months apart', () => {
    const later = entriesOf('l', 'tin-nhanh.example', 'Bão Orla đổ bộ Port Varna',
      'Bão Orla đổ bộ vào Port Varna, làm 9 người chết.', '2026-09-01T00:00:00Z');
    expect(links(en, later)).toEqual([]);
  });
});

describe('names', () => {
  it('folds diacritics and finds known names in any script', () => {
    expect(fold('Hà Tĩnh')).toBe('ha tinh');
    expect(articleEntities('', 'أعلنت ميتا وجوجل عن نتائجها.')).toEqual(['google', 'meta']);
    expect(articleEntities('', 'Theo báo cáo, Scale AI và Meta đã ký.')).toEqual(expect.arrayContaining(['scale ai', 'meta']));
    expect(articleEntities('', 'The metal price rose.')).toEqual([]);
  });
});
