import { describe, expect, it } from 'vitest';
import { PhraseTable } from '../../../../shared/claims/lexicon/index';
import { at, scan } from './helpers';

describe('the token cursor', () => {
  it('cuts numbers, words and symbols and knows which is which', () => {
    const s = scan('Only 1,250 boats (12%) left.', 'en');
    expect(s.toks.map((t) => t.v)).toEqual(['only', '1,250', 'boats', '(', '12', '%', ')', 'left', '.']);
    expect(s.word(0)).toBe('only');
    expect(s.isNum(1)).toBe(true);
    expect(s.sym(3)).toBe('(');
    expect(s.word(1)).toBeNull();
  });

  it('takes a token back to the input as written', () => {
    const s = scan('The ＢＩＧ Harbour has 40 cranes.', 'en');
    expect(s.raw(at(s, 'harbour'))).toBe('Harbour');
    expect(s.hasCapital(at(s, 'harbour'))).toBe(true);
    expect(s.hasCapital(at(s, 'cranes'))).toBe(false);
  });

  it('tries Arabic words without their clitics, and without the article only when asked', () => {
    const s = scan('وبالمدارس', 'ar');
    expect(s.variants('وبالمدارس')).toEqual(['وبالمدارس', 'بالمدارس', 'المدارس']);
    expect(s.variants('وبالمدارس', true)).toContain('مدارس');
    expect(scan('x', 'en').variants('bakers')).toEqual(['bakers']);
  });

  it('matches the longest phrase of a table first, on one line only', () => {
    const table = new PhraseTable<string>([['more', 'short'], ['more than', 'long']]);
    const s = scan('We saw more than 30 birds but more\nthan 5 bats.', 'en');
    // the cursor only tries phrase tables whose first words it knows: "more" is one of them
    expect(s.matchPhrase(table, at(s, 'more'))).toEqual({ value: 'long', end: at(s, 'than') + 1 });
    expect(s.matchPhrase(table, at(s, 'more', 2))).toEqual({ value: 'short', end: at(s, 'more', 2) + 1 });
  });

  it('finds a qualifier phrase that ends right before a number', () => {
    const s = scan('It cost no more than 12 dollars.', 'en');
    const m = s.matchBefore(s.lex.qualifiersBefore, at(s, '12'));
    expect(m).toEqual({ value: 'at_most', start: at(s, 'no') });
  });

  it('reads two-word entries of a word set that end at a token', () => {
    const s = scan('Gọi tổng đài 1080 ngay.', 'vi');
    expect(s.pairAt(s.lex.labelsBefore, at(s, 'đài'))).toBe(true);
    expect(s.pairAt(s.lex.labelsBefore, at(s, 'gọi'))).toBe(false);
  });

  it('keeps claims in order: a later one cannot start inside an earlier one', () => {
    const s = scan('one two three four', 'en');
    s.push({ a: 0, b: 2, kind: 'count', value: 1, min: 1, max: 1, qualifier: 'exact', unit: '', inherit: false });
    s.push({ a: 1, b: 3, kind: 'count', value: 2, min: 2, max: 2, qualifier: 'exact', unit: '', inherit: false });
    s.push({ a: 3, b: 4, kind: 'count', value: Number.POSITIVE_INFINITY, min: null, max: null, qualifier: 'exact', unit: '', inherit: false });
    expect(s.candidates.map((c) => [c.a, c.b])).toEqual([[0, 2], [2, 3]]);
  });
});
