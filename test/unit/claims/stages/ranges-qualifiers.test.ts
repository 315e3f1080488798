import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../../shared/claims/numbers/index';
import { lowerBound, qualifierAfter, qualifierBefore, upperBound } from '../../../../shared/claims/qualifiers';
import { readRange } from '../../../../shared/claims/ranges';
import { SKIP, type NumberRead } from '../../../../shared/claims/types';
import type { Language } from '../../../../shared/schemas/claim';
import { at, scan, spanText } from './helpers';

function rangeAt(text: string, lang: Language, word: string) {
  const s = scan(text, lang);
  const num = readNumber(s, at(s, word)) as NumberRead;
  const r = readRange(s, num, num.a, null);
  if (r === SKIP || r === null) return r === SKIP ? 'skip' : null;
  return { low: r.low, high: r.high, text: spanText(s, r.a, r.b), unit: r.unit?.unit ?? null };
}

describe('ranges', () => {
  it.each([
    ['It needs between 30 and 45 pumps.', 'en', '30', { low: 30, high: 45, text: 'between 30 and 45 pumps', unit: 'pump' }],
    ['Prices run 5 to 8 dollars.', 'en', '5', { low: 5, high: 8, unit: 'USD' }],
    ['Rates of 5-10% apply.', 'en', '5', { low: 5, high: 10, text: '5-10%' }],
    ['Cần từ 15 đến 20 tàu.', 'vi', '15', { low: 15, high: 20, text: 'từ 15 đến 20 tàu' }],
    ['تحتاج بين 6 و9 أشهر.', 'ar', '6', { low: 6, high: 9, unit: 'month' }],
    ['between 2 and 3 million people', 'en', '2', { low: 2e6, high: 3e6 }],
  ] as const)('reads %j', (text, lang, word, expected) => {
    expect(rangeAt(text, lang, word)).toMatchObject(expected);
  });

  it('takes a change for no range, and a bare hyphenated pair for no range', () => {
    expect(rangeAt('Output rose 5% to 7%.', 'en', '5')).toBeNull();
    expect(rangeAt('The 737-800 jets.', 'en', '737')).toBe('skip');
    expect(rangeAt('It does 0-100 km/h in 4 seconds.', 'en', '0')).toBe('skip');
    expect(rangeAt('Mở cửa từ 8 giờ đến 17 giờ.', 'vi', '8')).toBe('skip');
  });
});

describe('qualifiers', () => {
  it.each([
    ['It has more than 30 staff.', 'en', '30', 'more_than'],
    ['It has no fewer than 30 staff.', 'en', '30', 'at_least'],
    ['It has nearly 30 staff.', 'en', '30', 'about'],
    ['Có khoảng 30 người.', 'vi', '30', 'about'],
    ['يعمل فيها نحو 30 موظفا.', 'ar', '30', 'about'],
    ['يعمل فيها ما لا يقل عن 30 موظفا.', 'ar', '30', 'at_least'],
  ] as const)('reads %j', (text, lang, word, qualifier) => {
    const s = scan(text, lang);
    expect(qualifierBefore(s, at(s, word), 'count', false)?.qualifier).toBe(qualifier);
  });

  it('reads "over" before a duration as "during", and starting prices after a price word', () => {
    const s = scan('It ran over 3 years. Fares start from 9 dollars.', 'en');
    expect(qualifierBefore(s, at(s, '3'), 'duration', false)).toBeNull();
    expect(qualifierBefore(s, at(s, '9'), 'money', true)).toEqual({ qualifier: 'at_least', start: at(s, 'from') });
    const vi = scan('Giá từ 9 triệu đồng.', 'vi');
    expect(qualifierBefore(vi, at(vi, '9'), 'money', true)?.qualifier).toBe('at_least');
  });

  it('reads qualifiers after the amount on the same line', () => {
    const s = scan('Aged 65 or older. Five or\nmore.', 'en');
    expect(qualifierAfter(s, at(s, '65') + 1)).toEqual({ qualifier: 'at_least', end: at(s, 'older') + 1 });
    expect(qualifierAfter(s, at(s, 'or', 2))).toBeNull();
  });

  it('gives the interval a qualified value asserts', () => {
    expect([lowerBound('more_than', 10), upperBound('more_than', 10)]).toEqual([10, null]);
    expect([lowerBound('up_to', 10), upperBound('up_to', 10)]).toEqual([null, 10]);
    expect([lowerBound('about', 10), upperBound('about', 10)]).toEqual([9, 11]);
    expect(lowerBound('exact', null)).toBeNull();
  });
});
