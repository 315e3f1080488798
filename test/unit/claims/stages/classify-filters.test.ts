import { describe, expect, it } from 'vitest';
import { dateMarkerBefore, isAgeContext, isEnglishAppositiveAge, isMagnitude, unitFollows } from '../../../../shared/claims/classify';
import { idiomEnd, isClockLike, isLabelled, isNameBefore } from '../../../../shared/claims/filters';
import { readArabicDefinite } from '../../../../shared/claims/numbers/definite';
import { readNumber } from '../../../../shared/claims/numbers/index';
import { NUM } from '../../../../shared/claims/tokenize';
import type { NumberRead } from '../../../../shared/claims/types';
import { at, scan } from './helpers';

describe('classify', () => {
  it('sees an age in the words around a number of years', () => {
    const en = scan('He retired aged 61 years, at the age of 64.', 'en');
    expect(isAgeContext(en, at(en, '61'), at(en, '61') + 2)).toBe(true);
    expect(isAgeContext(en, at(en, '64'), at(en, '64') + 1)).toBe(true);
    const ar = scan('قال المدرس البالغ من العمر 45 عاما.', 'ar');
    expect(isAgeContext(ar, at(ar, '45'), at(ar, '45') + 2)).toBe(true);
    const plain = scan('The bridge took 45 years.', 'en');
    expect(isAgeContext(plain, at(plain, '45'), at(plain, '45') + 2)).toBe(false);
  });

  it('reads a number between commas after a name as an age', () => {
    const s = scan('Marta Quell, 38, opened the bakery.', 'en');
    expect(isEnglishAppositiveAge(s, readNumber(s, at(s, '38')) as NumberRead)).toBe(true);
    const list = scan('rooms 4, 38, and 40', 'en');
    expect(isEnglishAppositiveAge(list, readNumber(list, at(list, '38')) as NumberRead)).toBe(false);
  });

  it('sees the magnitude of an earthquake', () => {
    for (const [text, lang, word] of [['a magnitude 5.9 quake', 'en', '5.9'], ['a quake of magnitude 5.9', 'en', '5.9'],
      ['động đất mạnh 5,9 độ', 'vi', '5,9'], ['زلزال بقوة 5.9 درجات', 'ar', '5.9']] as const) {
      const s = scan(text, lang);
      expect(isMagnitude(s, at(s, word)), text).toBe(true);
    }
  });

  it('finds the date word before a year and where the claim starts', () => {
    const en = scan('It opened in 2019 and closed in mid-2023.', 'en');
    expect(dateMarkerBefore(en, at(en, '2019'))).toBe(at(en, '2019'));
    expect(dateMarkerBefore(en, at(en, '2023'))).toBe(at(en, '2023'));
    const vi = scan('Năm 2021 trường mở cửa.', 'vi');
    expect(dateMarkerBefore(vi, at(vi, '2021'))).toBe(at(vi, 'năm'));
    const price = scan('It cost 2019 dollars.', 'en');
    expect(dateMarkerBefore(price, at(price, '2019'))).toBeNull();
    expect(unitFollows(price, at(price, '2019') + 1)).toBe(true);
  });
});

describe('filters', () => {
  it('sees labels, ranks and districts before a number', () => {
    for (const [text, lang, word] of [['Gate No. 12 is shut.', 'en', '12'], ['She is ranked 3 today.', 'en', '3'],
      ['Nhà ở Quận 7.', 'vi', '7'], ['جاء في المرتبة 9.', 'ar', '9'], ['The #4 seed.', 'en', '4']] as const) {
      const s = scan(text, lang);
      expect(isLabelled(s, at(s, word)), text).toBe(true);
    }
    const s = scan('They built 12 gates.', 'en');
    expect(isLabelled(s, at(s, '12'))).toBe(false);
  });

  it('sees product names: capitals on both sides, or a capitalized word inside a sentence', () => {
    const s = scan('The new Lumo 7 Max ships and the Orbit 3 sells.', 'en');
    expect(isLabelled(s, at(s, '7'))).toBe(true);
    expect(isNameBefore(s, at(s, '3'))).toBe(true);
    const month = scan('It rose in May 12 times.', 'en');
    expect(isNameBefore(month, at(month, '12'))).toBe(false);
  });

  it('sees times of day written with a dot', () => {
    for (const text of ['The ferry left at 6.45 sharp.', 'Updated 07.15 GMT.', 'It ends 9.30 pm.']) {
      const s = scan(text, 'en');
      const i = s.toks.findIndex((t) => t.type === NUM);
      expect(isClockLike(s, readNumber(s, i) as NumberRead), text).toBe(true);
    }
    const score = scan('The index rose to 4.78 points.', 'en');
    expect(isClockLike(score, readNumber(score, at(score, '4.78')) as NumberRead)).toBe(false);
  });

  it('passes over idioms', () => {
    const s = scan('It was one in a million, truly.', 'en');
    expect(idiomEnd(s, at(s, 'one'))).toBe(at(s, 'million') + 1);
    expect(idiomEnd(s, at(s, 'truly'))).toBe(-1);
  });
});

describe('Arabic definite numbers', () => {
  it('reads the age noun with an ordinal, a decade after a limit, and a definite number after a definite noun', () => {
    const cases: [string, object][] = [
      ['للأطفال دون سن الخامسة', { kind: 'age', value: 5, qualifier: 'less_than' }],
      ['للعمال دون الثلاثين', { kind: 'age', value: 30 }],
      ['خلال العقود الثلاثة الماضية', { kind: 'duration', value: 30, unit: 'year' }],
      ['زار المدن الخمس', { kind: 'count', value: 5, unit: 'city' }],
    ];
    for (const [text, expected] of cases) {
      const s = scan(text, 'ar');
      for (let i = 0; i < s.toks.length && s.candidates.length === 0; i++) readArabicDefinite(s, i);
      expect(s.candidates[0], text).toMatchObject(expected);
    }
  });
});
