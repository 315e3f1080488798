import { describe, expect, it } from 'vitest';
import { accumulate } from '../../../../shared/claims/numbers/compound';
import type { Language } from '../../../../shared/schemas/claim';
import { at, scan, spanText } from './helpers';

/** The number read from the words starting at `word`, and the words it took. */
function wordsAt(text: string, lang: Language, word: string): [number, string] | null {
  const s = scan(text, lang);
  const read = accumulate(s, at(s, word));
  return read ? [read.value, spanText(s, read.a, read.b)] : null;
}

describe('number words put together', () => {
  it.each([
    // Arabic: teens, a unit before its ten, hundreds words, scales after a compound
    ['وصل خمسة عشر مليون مسافر.', 'ar', 'خمسه', 15e6],
    ['بلغ عدد الزوار مائتان وخمسون ألف زائر.', 'ar', 'مائتان', 250_000],
    ['عمل ثمانية وعشرين عاما.', 'ar', 'ثمانيه', 28],
    ['وصل ثلاثة وأربعون طالبا.', 'ar', 'ثلاثه', 43],
    ['أنفقت ثلاثمائة وخمسة وعشرين ألفا.', 'ar', 'ثلاثمائه', 325_000],
    ['سجلت إحدى عشرة حالة.', 'ar', 'احدي', 11],
    ['بلغت ثلاثة عشر ألف طن.', 'ar', 'ثلاثه', 13_000],
    ['أنفقت مليونين وثلاثمائة ألف.', 'ar', 'مليونين', 2_300_000],
    ['وصل مائة ألف وألفان.', 'ar', 'مائه', 102_000],
    ['أنفقت ثلاث مئة دينار.', 'ar', 'ثلاث', 300],
    // English: "and", hyphens, dozens, descending scales
    ['It cost two thousand and one pounds.', 'en', 'two', 2001],
    ['Some one hundred and twenty-three million voters.', 'en', 'one', 123e6],
    ['They bought two dozen eggs.', 'en', 'two', 24],
    ['Nearly nine hundred ninety-nine thousand fans.', 'en', 'nine', 999_000],
    // Vietnamese: mươi, lăm, mốt, tư, linh/lẻ, không trăm, nghìn tỷ
    ['Có hai mươi lăm người.', 'vi', 'hai', 25],
    ['Có ba mươi mốt người.', 'vi', 'ba', 31],
    ['Có bốn mươi tư người.', 'vi', 'bốn', 44],
    ['Có ba trăm linh năm hộ.', 'vi', 'ba', 305],
    ['Có hai nghìn không trăm lẻ một người.', 'vi', 'hai', 2001],
    ['Vốn một nghìn tỷ đồng.', 'vi', 'một', 1e12],
    ['Có năm trăm người.', 'vi', 'năm', 500],
    ['Có hai chục trứng.', 'vi', 'hai', 20],
    ['Có mười hai chục trứng.', 'vi', 'mười', 12], // "chục" counts the tens of one unit only
  ] as const)('reads %j', (text, lang, word, value) => {
    expect(wordsAt(text, lang, word)?.[0]).toBe(value);
  });

  it('ends the number at a word that does not fit', () => {
    expect(wordsAt('It took five six hours.', 'en', 'five')).toEqual([5, 'five']);
    expect(wordsAt('It took twenty hundred days.', 'en', 'twenty')).toEqual([20, 'twenty']);
    expect(wordsAt('It rose by twenty-one, then ten.', 'en', 'twenty')).toEqual([21, 'twenty-one']);
  });

  it('reads "năm" after a ten or a scale as a year, and after "linh" or before a number word as five', () => {
    expect(wordsAt('Sau mười năm xa quê.', 'vi', 'mười')).toEqual([10, 'mười']);
    expect(wordsAt('Sau hai mươi năm xa quê.', 'vi', 'hai')).toEqual([20, 'hai mươi']);
    expect(wordsAt('Công trình ba nghìn năm tuổi.', 'vi', 'ba')).toEqual([3000, 'ba nghìn']);
    expect(wordsAt('Có hai nghìn năm trăm người.', 'vi', 'hai')).toEqual([2500, 'hai nghìn năm trăm']);
  });

  it('needs another number word after "and", and a teen after "أحد"', () => {
    expect(wordsAt('It had five and many more.', 'en', 'five')).toEqual([5, 'five']);
    expect(wordsAt('قال أحد المسؤولين.', 'ar', 'احد')).toBeNull();
  });
});
