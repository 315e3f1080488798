import fc from 'fast-check';
import { toCardinal as arabicWords } from 'n2words/ar-SA';
import { toCardinal as britishWords } from 'n2words/en-GB';
import { toWords as americanWords } from 'number-to-words';
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/index';
import type { Language } from '../../../shared/schemas/claim';

/**
 * Independent oracles for number words: well-kept number-to-words packages spell random numbers
 * from 2 to 10^12 ("one" and "zero" in words state no count by themselves), and the extractor must read each one back to the same value, over the whole
 * spelled number. A failure is a bug in the parser. The packages were chosen after checking
 * their output by hand: `number-to-words` (American English, no "and"), `n2words` en-GB (British,
 * "one hundred and five") and ar-SA (masculine and feminine forms, the accusative after 11-99),
 * and `read-vietnamese-number` (formal Vietnamese: "mười lăm", "hai mươi tư", "không trăm lẻ").
 */

const NUM_RUNS = Number(process.env.ORACLE_RUNS ?? 400);

/** Numbers of every size: teens, hundreds, thousands, millions, up to 10^12. */
const anyNumber = fc.oneof(
  fc.integer({ min: 2, max: 99 }),
  fc.integer({ min: 100, max: 9_999 }),
  fc.integer({ min: 10_000, max: 9_999_999 }),
  fc.integer({ min: 10_000_000, max: 1_000_000_000_000 }),
);
/** Round amounts written with a scale word: 250 thousand, 15 million, 3 billion. */
const roundNumber = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom(1e3, 1e6, 1e9))
  .map(([m, scale]) => m * scale);

/**
 * n2words 4.0.0 spells a group of thousands that ends in 01 after its hundreds wrongly
 * ("مائة وألف ألف" for 101,000; correct is "مائة وواحد ألف" or "مائة ألف وألف"): such numbers
 * are left out of the Arabic oracle, and the correct spellings are tested with our own sentences.
 */
const arabicOracleSpellsRight = (n: number): boolean => {
  for (let g = Math.floor(n / 1000); g > 0; g = Math.floor(g / 1000)) if (g % 1000 > 100 && g % 100 === 1) return false;
  return true;
};

const vietnamese = new ReadingConfig();
vietnamese.unit = [];
/** Prose spells groups without the commas number-to-words puts between them. */
const english = (n: number): string => americanWords(n).replace(/,/g, '');

/** The first claim of `sentence` must cover `words` and have the value `n`. */
function readsBack(sentence: string, words: string, n: number, language: Language): void {
  const claims = extractClaims(sentence, { language }).claims;
  const start = sentence.indexOf(words);
  const claim = claims.find((c) => c.start <= start && c.end >= start + words.length);
  expect(claim, `${sentence} -> ${JSON.stringify(claims.map((c) => [c.text, c.value]))}`).toBeDefined();
  expect(claim!.value, `${sentence} -> ${claim!.text}`).toBe(n);
}

describe('number words read back to the number the oracle spelled', () => {
  it('reads American English', () => {
    fc.assert(fc.property(fc.oneof(anyNumber, roundNumber), (n) => {
      const words = english(n);
      readsBack(`Officials said ${words} people came.`, words, n, 'en');
    }), { numRuns: NUM_RUNS });
  });

  it('reads British English', () => {
    fc.assert(fc.property(fc.oneof(anyNumber, roundNumber), (n) => {
      const words = britishWords(n);
      readsBack(`Officials said ${words} people came.`, words, n, 'en');
    }), { numRuns: NUM_RUNS });
  });

  it('reads Arabic with masculine forms', () => {
    fc.assert(fc.property(fc.oneof(anyNumber, roundNumber).filter(arabicOracleSpellsRight), (n) => {
      const words = arabicWords(n);
      readsBack(`وقال المسؤولون إن ${words} شخص حضروا.`, words, n, 'ar');
    }), { numRuns: NUM_RUNS });
  });

  it('reads Arabic with feminine forms', () => {
    fc.assert(fc.property(fc.oneof(anyNumber, roundNumber).filter(arabicOracleSpellsRight), (n) => {
      const words = arabicWords(n, { gender: 'feminine' });
      readsBack(`وقال المسؤولون إن ${words} سيارة وصلت.`, words, n, 'ar');
    }), { numRuns: NUM_RUNS });
  });

  it('reads Vietnamese', () => {
    fc.assert(fc.property(fc.oneof(anyNumber, roundNumber), (n) => {
      const words = doReadNumber(String(n), vietnamese);
      readsBack(`Theo thống kê có ${words} người tham gia.`, words, n, 'vi');
    }), { numRuns: NUM_RUNS });
  });

  it.each([
    ['وصل مائة وواحد ألف زائر.', 'مائة وواحد ألف', 101_000],
    ['وصل مائة ألف وألف زائر.', 'مائة ألف وألف', 101_000],
    ['بلغت مائتين وواحد مليون دولار.', 'مائتين وواحد مليون', 201_000_000],
  ])('reads the Arabic %j that the oracle spells wrongly', (sentence, words, n) => {
    readsBack(sentence, words, n, 'ar');
  });

  it('reads digits before a scale word in the three languages', () => {
    const scaleWords: Record<Language, Record<number, string>> = {
      en: { 1e3: 'thousand', 1e6: 'million', 1e9: 'billion' },
      ar: { 1e3: 'ألف', 1e6: 'مليون', 1e9: 'مليار' },
      vi: { 1e3: 'nghìn', 1e6: 'triệu', 1e9: 'tỷ' },
    };
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom(1e3, 1e6, 1e9), fc.constantFrom<Language>('en', 'ar', 'vi'), (m, scale, language) => {
      const words = `${m} ${scaleWords[language][scale]}`;
      const sentence = language === 'en' ? `They spent ${words} dollars.` : language === 'ar' ? `أنفقوا ${words} دولار.` : `Họ chi ${words} đồng.`;
      readsBack(sentence, words, m * scale, language);
    }), { numRuns: NUM_RUNS });
  });
});
