import { describe, expect, it } from 'vitest';
import { readArabicDual } from '../../../../shared/claims/numbers/duals';
import { readNumber } from '../../../../shared/claims/numbers/index';
import { parseNumeral } from '../../../../shared/claims/numbers/numeral';
import { readVague } from '../../../../shared/claims/numbers/vague';
import { accumulate } from '../../../../shared/claims/numbers/compound';
import { SKIP, type NumberRead } from '../../../../shared/claims/types';
import type { Language } from '../../../../shared/schemas/claim';
import { at, scan, spanText } from './helpers';

/** The number read at `word` in our sentence: its value and the text it covers. */
function numberAt(text: string, lang: Language, word: string): { value: number; text: string; read: NumberRead } | 'skip' | null {
  const s = scan(text, lang);
  const read = readNumber(s, at(s, word));
  if (read === SKIP) return 'skip';
  if (read === null) return null;
  return { value: read.value, text: spanText(s, read.a, Math.max(read.b, read.a + 1)), read };
}

describe('numerals written with digits', () => {
  it.each([
    ['12,345.5', 'en', 12345.5], ['7.25', 'en', 7.25], ['3,5', 'en', 3.5], ['1.234.567', 'en', 1234567],
    ['12.345,5', 'vi', 12345.5], ['7,25', 'vi', 7.25], ['4.800', 'vi', 4800], ['1.25', 'vi', 1.25],
    ['9\u066c500', 'ar', 9500], ['3\u066b75', 'ar', 3.75], ['18,000', 'ar', 18000],
  ] as const)('reads %s in %s as %d', (raw, lang, value) => {
    expect(parseNumeral(raw, lang)).toBe(value);
  });

  it('gives up on separators that fit no convention', () => {
    expect(parseNumeral('1,23,4', 'en')).toBeNull();
    expect(parseNumeral('1.2.3', 'vi')).toBeNull();
  });
});

describe('numbers with digits and scales', () => {
  it('reads scale words after the number and glued to it', () => {
    expect(numberAt('They borrowed 14 million more.', 'en', '14')).toMatchObject({ value: 14e6, text: '14 million' });
    expect(numberAt('A £62m refit.', 'en', '62')).toMatchObject({ value: 62e6, text: '62m' });
    expect(numberAt('A 62m mast.', 'en', '62')).toMatchObject({ value: 62, text: '62' }); // metres, not millions
    expect(numberAt('Khoản vay 3 tỷ 500 triệu đồng.', 'vi', '3')).toMatchObject({ value: 3.5e9, text: '3 tỷ 500 triệu' });
    expect(numberAt('وخصصت 4 مليارات للطرق.', 'ar', '4')).toMatchObject({ value: 4e9 });
  });

  it('adds a half after the number', () => {
    expect(numberAt('It took 2 and a half hours.', 'en', '2')).toMatchObject({ value: 2.5 });
    expect(numberAt('Chờ 3 tiếng rưỡi.', 'vi', '3')).toMatchObject({ value: 3 }); // the half of a unit is read with the unit
    expect(numberAt('Vay 2 triệu rưỡi.', 'vi', '2')).toMatchObject({ value: 2.5e6 });
  });

  it('reads a race time as seconds and passes over a time of day', () => {
    const race = numberAt('She ran it in 2:11:30 flat.', 'en', '2');
    expect(race).toMatchObject({ value: 7890, read: { unit: { kind: 'duration', unit: 'second' } } });
    expect(numberAt('The gates open at 14:30 daily.', 'en', '14')).toBe('skip');
  });

  it('passes over identifiers, day/month dates and phone numbers', () => {
    expect(numberAt('The B767 landed.', 'en', '767')).toBe('skip');
    expect(numberAt('Meet on 14/3 at noon.', 'en', '14')).toBe('skip');
    expect(numberAt('Ring 020 7946 0000 today.', 'en', '020')).toBe('skip');
    expect(numberAt('A new Zeta-9 rocket.', 'en', '9')).toBe('skip');
  });
});

describe('numbers written in words', () => {
  it.each([
    ['The choir has sixty-four singers.', 'en', 'sixty', 64],
    ['About three hundred and twelve seats.', 'en', 'three', 312],
    ['Some two thousand five hundred lanterns.', 'en', 'two', 2500],
    ['Có hai mươi lăm con thuyền.', 'vi', 'hai', 25],
    ['وصل مئة ألف زائر.', 'ar', 'مئه', 100_000],
  ] as const)('reads %j', (text, lang, word, value) => {
    const read = numberAt(text, lang, word);
    expect(read).toMatchObject({ value });
  });

  it('reads "half a billion" and "a thousand", the latter as a bare scale', () => {
    expect(numberAt('They lost half a billion last year.', 'en', 'half')).toMatchObject({ value: 5e8 });
    const bare = numberAt('A thousand lanterns.', 'en', 'a');
    expect(bare).toMatchObject({ value: 1000, read: { bareScale: true } });
  });

  it('stops a Vietnamese number before "năm" as a unit: "mười năm" is ten years', () => {
    const s = scan('Sau mười năm xa quê.', 'vi');
    expect(accumulate(s, at(s, 'mười'))).toMatchObject({ value: 10, b: at(s, 'mười') + 1 });
  });
});

describe('vague amounts', () => {
  it.each([
    ['Dozens of kites flew.', 'en', 'dozens', 24, 99],
    ['A few hundred kites flew.', 'en', 'a', 200, 999],
    ['Tens of thousands of kites flew.', 'en', 'tens', 10_000, 100_000],
    ['Hàng trăm con diều bay.', 'vi', 'hàng', 100, 1000],
    ['حلقت عشرات الطائرات الورقية.', 'ar', 'عشرات', 20, 99],
    ['حلقت بضع مئات من الطائرات.', 'ar', 'بضع', 200, 999],
  ] as const)('reads %j with its bounds', (text, lang, word, min, max) => {
    const s = scan(text, lang);
    const i = at(s, word);
    expect(readVague(s, i, s.variants(word))?.vague).toEqual({ min, max });
  });
});

describe('Arabic duals', () => {
  it('reads time, currency and noun duals as two of their unit', () => {
    const cases: [string, string, object][] = [
      ['انتظرنا ساعتين ونصف.', 'ساعتين', { value: 2, unit: { kind: 'duration', unit: 'hour', extra: 0.5 } }],
      ['دفع دولارين فقط.', 'دولارين', { value: 2, unit: { kind: 'money', unit: 'USD' } }],
      ['افتتح مشروعين هذا العام.', 'مشروعين', { value: 2, unit: { kind: 'count', unit: 'project' } }],
      ['أطلقت جامعتين جديدتين.', 'جامعتين', { value: 2, unit: { kind: 'count', unit: 'university' } }],
    ];
    for (const [text, word, expected] of cases) {
      const s = scan(text, 'ar');
      const i = at(s, word);
      expect(readArabicDual(s, i, s.variants(word)), text).toMatchObject(expected);
    }
  });

  it('takes no name or adverb that merely ends like a dual', () => {
    const s = scan('زار بوتين المدينة مرتين.', 'ar');
    expect(readArabicDual(s, at(s, 'بوتين'), ['بوتين'])).toBeNull();
    expect(readArabicDual(s, at(s, 'مرتين'), ['مرتين'])).toBeNull();
  });
});
