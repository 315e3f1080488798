import { describe, expect, it } from 'vitest';
import { readNumber } from '../../../../shared/claims/numbers/index';
import { SKIP, type NumberRead } from '../../../../shared/claims/types';
import { currencySignBefore, isoCodeAt, moneyUnit } from '../../../../shared/claims/units/currencies';
import { readUnit } from '../../../../shared/claims/units/index';
import { singularize } from '../../../../shared/claims/units/nouns';
import type { Language } from '../../../../shared/schemas/claim';
import { at, scan } from './helpers';

/** The unit read after the number at `word`. */
function unitAfter(text: string, lang: Language, word: string) {
  const s = scan(text, lang);
  const num = readNumber(s, at(s, word)) as NumberRead;
  const unit = readUnit(s, num.b, num, currencySignBefore(s, num.a) !== null);
  return unit === SKIP ? 'skip' : unit;
}

describe('units after a number', () => {
  it.each([
    ['Sales rose 12% in May.', 'en', '12', { kind: 'percent', unit: '%' }],
    ['Sales rose 12 per cent.', 'en', '12', { kind: 'percent', unit: '%' }],
    ['The 41-year-old pilot landed.', 'en', '41', { kind: 'age', unit: 'year' }],
    ['A five-year plan.', 'en', 'five', { kind: 'duration', unit: 'year' }],
    ['He is 33 years old.', 'en', '33', { kind: 'age', unit: 'year' }],
    ['It took 2 hours 30 minutes.', 'en', '2', { kind: 'duration', unit: 'hour', extra: 0.5 }],
    ['Over 3 decades.', 'en', '3', { kind: 'duration', unit: 'year', factor: 10 }],
    ['A 450 km road.', 'en', '450', { kind: 'measure', unit: 'km' }],
    ['They paid 90 USD each.', 'en', '90', { kind: 'money', unit: 'USD' }],
    ['Ông 72 tuổi.', 'vi', '72', { kind: 'age', unit: 'year' }],
    ['Mất 6 giờ 30 phút.', 'vi', '6', { kind: 'duration', unit: 'hour', extra: 0.5 }],
    ['Giá 40 nghìn đồng.', 'vi', '40', { kind: 'money', unit: 'VND' }],
    ['استغرق 5 ساعات ونصف.', 'ar', '5', { kind: 'duration', unit: 'hour', extra: 0.5 }],
    ['بلغت 8 في المئة.', 'ar', '8', { kind: 'percent', unit: '%' }],
    ['قطع 30 كيلومترا.', 'ar', '30', { kind: 'measure', unit: 'km' }],
  ] as const)('reads %j', (text, lang, word, expected) => {
    expect(unitAfter(text, lang, word)).toMatchObject(expected);
  });

  it('stops at counters of page chrome and multipliers', () => {
    expect(unitAfter('Read 14 comments below.', 'en', '14')).toBe('skip');
    expect(unitAfter('It grew 3 times larger.', 'en', '3')).toBe('skip');
  });

  it('takes a number glued to letters for an identifier', () => {
    expect(unitAfter('Try the 3x zoom.', 'en', '3')).toBe('skip');
  });
});

describe('currencies', () => {
  it('reads signs before the number, with a dollar prefix', () => {
    const s = scan('It costs US$40 or £30.', 'en');
    expect(currencySignBefore(s, at(s, '40'))).toEqual({ code: 'USD', start: at(s, 'us') });
    expect(currencySignBefore(s, at(s, '30'))).toMatchObject({ code: 'GBP' });
  });

  it('reads ISO codes only in capitals', () => {
    const s = scan('Pay 5 EUR, not 5 eur.', 'en');
    expect(isoCodeAt(s, at(s, 'eur'))).toBe('EUR');
    expect(isoCodeAt(s, at(s, 'eur', 2))).toBeNull();
  });

  it('resolves a currency shared by several countries from the countries the text names', () => {
    const jordan = scan('Amman and Jordan spend 3 dinars.', 'en');
    expect(moneyUnit(jordan, '?DINAR', 0).unit).toBe('JOD');
    const none = scan('They spend 3 dinars.', 'en');
    expect(moneyUnit(none, '?DINAR', 0).unit).toBe('KWD');
    expect(moneyUnit(none, 'USD/100', 0)).toMatchObject({ unit: 'USD', factor: 0.01 });
  });
});

describe('counted nouns', () => {
  it.each([
    ['They hired 12 new bakers.', 'en', '12', 'baker'],
    ['They fed 40 children.', 'en', '40', 'child'],
    ['Two of its ferries sank.', 'en', 'two', 'ferry'],
    ['Có 30 hộ dân.', 'vi', '30', 'household'],
    ['وصل 40 باحثا.', 'ar', '40', 'researcher'],
  ] as const)('reads %j', (text, lang, word, unit) => {
    expect(unitAfter(text, lang, word)).toMatchObject({ kind: 'count', unit });
  });

  it('singularizes English plurals', () => {
    expect(['ferries', 'boxes', 'churches', 'cranes', 'glasses'].map(singularize)).toEqual(['ferry', 'box', 'church', 'crane', 'glass']);
  });
});
