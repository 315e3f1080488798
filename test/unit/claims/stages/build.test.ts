import { describe, expect, it } from 'vitest';
import { buildClaim } from '../../../../shared/claims/build';
import { readNumber } from '../../../../shared/claims/numbers/index';
import { languageSets } from '../../../../shared/claims/triggers';
import { SKIP, type NumberRead } from '../../../../shared/claims/types';
import type { Language } from '../../../../shared/schemas/claim';
import { at, scan, spanText } from './helpers';

function claimAt(text: string, lang: Language, word: string) {
  const s = scan(text, lang);
  const num = readNumber(s, at(s, word)) as NumberRead;
  const c = buildClaim(s, num);
  if (c === SKIP || c === null) return c === SKIP ? 'skip' : null;
  return { ...c, text: spanText(s, c.a, c.b) };
}

describe('a claim around a number', () => {
  it('puts sign, qualifier, number and unit together with its interval', () => {
    expect(claimAt('They raised more than $4 million for it.', 'en', '4')).toMatchObject({
      text: 'more than $4 million', kind: 'money', value: 4e6, min: 4e6, max: null, qualifier: 'more_than', unit: 'USD',
    });
    expect(claimAt('Khoảng 12 tàu cá đã về.', 'vi', '12')).toMatchObject({ kind: 'count', value: 12, min: 10.8, unit: 'boat' });
  });

  it('turns cents into the currency and decades into years', () => {
    expect(claimAt('A stamp costs 85 cents.', 'en', '85')).toMatchObject({ kind: 'money', value: 0.85, unit: 'USD' });
    expect(claimAt('It lasted three decades.', 'en', 'three')).toMatchObject({ kind: 'duration', value: 30, unit: 'year' });
  });

  it('reads a year after a date word as a date, and one before a unit as an amount', () => {
    expect(claimAt('The dam opened in 1987.', 'en', '1987')).toMatchObject({ kind: 'date', value: 1987 });
    expect(claimAt('They sold 1987 tonnes in June.', 'en', '1987')).toMatchObject({ kind: 'measure', unit: 'tonne' });
  });

  it('keeps a bare number only when something makes it a quantity', () => {
    expect(claimAt('They posted 12 comments at gate 4 on day 7.', 'en', '12')).toBe('skip');
    expect(claimAt('The score was 12 in the end.', 'en', '12')).toBeNull();
    expect(claimAt('The total was over 12 in the end.', 'en', '12')).toMatchObject({ qualifier: 'more_than', inherit: true });
    expect(claimAt('The total reached 1,250,000 in the end.', 'en', '1,250,000')).toMatchObject({ value: 1_250_000 });
    expect(claimAt('Codes such as 60421 are sent.', 'en', '60421')).toBeNull();
  });

  it('makes an age of years after an age word and of a number between commas after a name', () => {
    expect(claimAt('The keeper, aged 58 years, retired.', 'en', '58')).toMatchObject({ kind: 'age', value: 58 });
    expect(claimAt('Tomas Brill, 58, retired.', 'en', '58')).toMatchObject({ kind: 'age', unit: 'year' });
  });
});

describe('trigger words', () => {
  it('knows the words that can start a claim, with Arabic clitics', () => {
    expect(languageSets('en').triggers.has('twenty')).toBe(true);
    expect(languageSets('en').triggers.has('harbour')).toBe(false);
    expect(languageSets('ar').triggers.has('وبخمسه')).toBe(true);
    const s = scan('twenty harbour', 'en');
    expect(s.triggerSet.has(s.norm, s.toks[0]!)).toBe(true);
    expect(s.triggerSet.has(s.norm, s.toks[1]!)).toBe(false);
  });
});
