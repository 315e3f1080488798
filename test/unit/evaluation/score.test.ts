import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnotatedArticle, locate } from '../../../scripts/evaluation/corpus';
import { checkGate, formatMisses, formatTable } from '../../../scripts/evaluation/report';
import {
  AnnotationError,
  numbersEqual,
  overlaps,
  prf,
  scoreArticle,
  summarize,
  type Prediction,
} from '../../../scripts/evaluation/score';
import type { Language } from '../../../shared/schemas/claim';

// A fictional company, invented for these tests.
const TEXT =
  'Quillbrook Robotics raised $12 million in 2023 and now employs more than 40 engineers and 12 designers. ' +
  'Its margin grew 15% while sales reached between 3 and 4 million units. ' +
  'Dozens of clients signed up. Call 555-0100 for the 10x engineer program. ' +
  'The firm opened 20 stores in spring and another 20 stores in autumn.';

type GoldInput = Record<string, unknown> & { quote: string };

function makeArticle(
  claims: GoldInput[],
  options: { traps?: Array<{ quote: string; why: string; occurrence?: number }>; text?: string; id?: string; language?: Language } = {},
): AnnotatedArticle {
  return AnnotatedArticle.parse({
    id: options.id ?? 'quillbrook-1',
    language: options.language ?? 'en',
    source: 'example.test',
    url: 'https://example.test/quillbrook',
    title: 'Quillbrook grows',
    text: options.text ?? TEXT,
    claims: claims.map((c) => ({ kind: 'count', value: null, qualifier: 'exact', unit: 'unit', ...c })),
    traps: options.traps ?? [],
  });
}

/** A prediction on the `occurrence`-th appearance of `quote` in the text. */
function predict(quote: string, fields: Partial<Prediction> = {}, occurrence = 1, text = TEXT): Prediction {
  const start = locate(text, quote, occurrence);
  if (start < 0) throw new Error(`test setup: ${quote} not in text`);
  const value = fields.value === undefined ? null : fields.value;
  return {
    kind: 'count',
    text: quote,
    start,
    end: start + quote.length,
    value,
    min: value,
    max: value,
    qualifier: 'exact',
    unit: 'unit',
    ...fields,
  };
}

const money12 = { quote: '$12 million', kind: 'money', value: 12_000_000, unit: 'USD' } as const;

describe('span helpers', () => {
  it('uses half-open intervals', () => {
    expect(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
    expect(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
    expect(overlaps({ start: 2, end: 3 }, { start: 0, end: 9 })).toBe(true);
  });

  it('compares numbers with a relative tolerance and null only with null', () => {
    expect(numbersEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(numbersEqual(14.3e9, 14_300_000_000)).toBe(true);
    expect(numbersEqual(100, 100.001)).toBe(false);
    // a share written to six decimals, as the annotations round a repeating fraction
    expect(numbersEqual(100 / 7, 14.285714)).toBe(true);
    expect(numbersEqual(200 / 3, 66.666667)).toBe(true);
    expect(numbersEqual(66.66, 66.666667)).toBe(false);
    expect(numbersEqual(null, null)).toBe(true);
    expect(numbersEqual(null, 0)).toBe(false);
    expect(numbersEqual(0, 0)).toBe(true);
  });
});

describe('scoreArticle: matching', () => {
  it('counts a right prediction as detected and strict', () => {
    const score = scoreArticle(makeArticle([money12]), [predict('$12 million', { kind: 'money', value: 12e6, unit: 'USD' })]);
    expect(score.counts).toMatchObject({ gold: 1, predicted: 1, detected: 1, strict: 1, trapHits: 0 });
    expect(score.detection).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(score.strict).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('pairs one-to-one: two predictions overlapping one gold claim give one tp and one fp', () => {
    const score = scoreArticle(makeArticle([money12]), [
      predict('$12', { kind: 'money', value: 12, unit: 'USD' }),
      predict('12 million', { kind: 'money', value: 12e6, unit: 'USD' }),
    ]);
    expect(score.counts).toMatchObject({ predicted: 2, detected: 1, strict: 1 });
    expect(score.detection.precision).toBe(0.5);
    expect(score.detection.recall).toBe(1);
    expect(score.misses.falsePositives.map((p) => p.text)).toEqual(['$12']);
    expect(score.misses.undetected).toEqual([]);
  });

  it('prefers the strictly right prediction over a larger overlap', () => {
    const score = scoreArticle(makeArticle([money12]), [
      predict('$12 million in', { kind: 'money', value: 12, unit: 'USD' }),
      predict('million', { kind: 'money', value: 12e6, unit: 'USD' }),
    ]);
    expect(score.counts).toMatchObject({ detected: 1, strict: 1 });
    expect(score.pairs[0]!.predicted.text).toBe('million');
    expect(score.misses.falsePositives.map((p) => p.text)).toEqual(['$12 million in']);
  });

  it('prefers the larger overlap when strictness is equal', () => {
    const score = scoreArticle(makeArticle([money12]), [
      predict('$12', { kind: 'money', value: 1, unit: 'USD' }),
      predict('$12 million', { kind: 'money', value: 2, unit: 'USD' }),
    ]);
    expect(score.pairs[0]!.predicted.text).toBe('$12 million');
  });

  it('maximizes the number of pairs where a greedy choice would not', () => {
    // "engineers and 12" overlaps both gold claims and has the largest overlap with the first one;
    // pairing it with the second one lets "40" pair with the first one.
    const article = makeArticle([
      { quote: '40 engineers', value: 40, unit: 'engineer', qualifier: 'exact' },
      { quote: '12 designers', value: 12, unit: 'designer' },
    ]);
    const score = scoreArticle(article, [predict('engineers and 12', { value: 7 }), predict('40', { value: 7 })]);
    expect(score.counts).toMatchObject({ detected: 2, strict: 0 });
    expect(score.misses.falsePositives).toEqual([]);
    expect(score.misses.undetected).toEqual([]);
  });

  it('handles the occurrence of a repeated quote', () => {
    const article = makeArticle([{ quote: '20 stores', value: 20, unit: 'store', occurrence: 2 }]);
    const first = scoreArticle(article, [predict('20 stores', { value: 20, unit: 'store' }, 1)]);
    expect(first.counts).toMatchObject({ detected: 0, strict: 0 });
    expect(first.misses.undetected[0]!.start).toBe(locate(TEXT, '20 stores', 2));
    expect(first.misses.falsePositives).toHaveLength(1);
    const second = scoreArticle(article, [predict('20 stores', { value: 20, unit: 'store' }, 2)]);
    expect(second.counts).toMatchObject({ detected: 1, strict: 1 });
  });

  it('matches the brute-force optimum (strict pairs first, then pairs)', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz'; // every substring is unique
    const span = fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1, max: 6 }))
      .map(([start, length]) => ({ start, end: Math.min(26, start + length) }));
    const item = fc.record({ span, value: fc.integer({ min: 1, max: 2 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), fc.array(item, { maxLength: 5 }), (golds, preds) => {
        const article = makeArticle(
          golds.map((g) => ({ quote: alphabet.slice(g.span.start, g.span.end), value: g.value })),
          { text: alphabet },
        );
        const predictions = preds.map((p) =>
          predict(alphabet.slice(p.span.start, p.span.end), { value: p.value }, 1, alphabet),
        );
        const score = scoreArticle(article, predictions);

        let best = [0, 0];
        const usedGold = new Set<number>();
        const search = (p: number, strict: number, detected: number): void => {
          if (p === preds.length) {
            if (strict > best[0]! || (strict === best[0] && detected > best[1]!)) best = [strict, detected];
            return;
          }
          search(p + 1, strict, detected);
          golds.forEach((g, gi) => {
            if (usedGold.has(gi) || !overlaps(preds[p]!.span, g.span)) return;
            usedGold.add(gi);
            search(p + 1, strict + (g.value === preds[p]!.value ? 1 : 0), detected + 1);
            usedGold.delete(gi);
          });
        };
        search(0, 0, 0);
        expect([score.counts.strict, score.counts.detected]).toEqual(best);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scoreArticle: strict criterion', () => {
  it('a wrong value is detected but not strict', () => {
    const score = scoreArticle(makeArticle([money12]), [predict('$12 million', { kind: 'money', value: 12, unit: 'USD' })]);
    expect(score.counts).toMatchObject({ detected: 1, strict: 0 });
    expect(score.strict).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(score.misses.notStrict[0]!.differences).toEqual([{ field: 'value', expected: 12e6, got: 12 }]);
  });

  it('a wrong qualifier is not strict', () => {
    const article = makeArticle([{ quote: 'more than 40 engineers', value: 40, qualifier: 'more_than', unit: 'engineer' }]);
    const score = scoreArticle(article, [predict('40 engineers', { value: 40, unit: 'engineer' })]);
    expect(score.counts).toMatchObject({ detected: 1, strict: 0 });
    expect(score.misses.notStrict[0]!.differences).toEqual([{ field: 'qualifier', expected: 'more_than', got: 'exact' }]);
  });

  it('a range also needs the right max', () => {
    const article = makeArticle([
      { quote: 'between 3 and 4 million units', value: 3e6, max: 4e6, qualifier: 'range', unit: 'unit' },
    ]);
    const quote = 'between 3 and 4 million units';
    const wrongMax = scoreArticle(article, [predict(quote, { value: 3e6, min: 3e6, max: 4, qualifier: 'range' })]);
    expect(wrongMax.counts).toMatchObject({ detected: 1, strict: 0 });
    expect(wrongMax.misses.notStrict[0]!.differences).toEqual([{ field: 'max', expected: 4e6, got: 4 }]);
    const right = scoreArticle(article, [predict(quote, { value: 3e6, min: 3e6, max: 4e6, qualifier: 'range' })]);
    expect(right.counts.strict).toBe(1);
  });

  it('max is not compared outside ranges and vague amounts', () => {
    const article = makeArticle([{ quote: 'more than 40 engineers', value: 40, qualifier: 'more_than', unit: 'engineer' }]);
    const score = scoreArticle(article, [
      predict('more than 40 engineers', { value: 40, min: 40, max: 123, qualifier: 'more_than', unit: 'engineer' }),
    ]);
    expect(score.counts.strict).toBe(1);
  });

  it('the unit counts only for money and percent', () => {
    const moneyWrongUnit = scoreArticle(makeArticle([money12]), [
      predict('$12 million', { kind: 'money', value: 12e6, unit: 'CAD' }),
    ]);
    expect(moneyWrongUnit.counts.strict).toBe(0);
    expect(moneyWrongUnit.misses.notStrict[0]!.differences).toEqual([{ field: 'unit', expected: 'USD', got: 'CAD' }]);

    const percent = makeArticle([{ quote: '15%', kind: 'percent', value: 15, unit: '%' }]);
    expect(scoreArticle(percent, [predict('15%', { kind: 'percent', value: 15, unit: 'percent' })]).counts.strict).toBe(0);
    expect(scoreArticle(percent, [predict('15%', { kind: 'percent', value: 15, unit: '%' })]).counts.strict).toBe(1);

    const count = makeArticle([{ quote: '12 designers', value: 12, unit: 'designer' }]);
    expect(scoreArticle(count, [predict('12 designers', { value: 12, unit: 'person' })]).counts.strict).toBe(1);
  });

  it('vague gold needs a vague prediction with a null value and the given bounds', () => {
    const article = makeArticle([{ quote: 'Dozens of clients', value: null, min: 24, max: 99, qualifier: 'vague', unit: 'client' }]);
    const quote = 'Dozens of clients';
    const about = scoreArticle(article, [predict(quote, { value: 24, min: 24, max: 99, qualifier: 'about', unit: 'client' })]);
    expect(about.counts).toMatchObject({ detected: 1, strict: 0 });
    expect(about.misses.notStrict[0]!.differences.map((d) => d.field)).toEqual(['value', 'qualifier']);

    const right = scoreArticle(article, [predict(quote, { value: null, min: 24, max: 99, qualifier: 'vague', unit: 'client' })]);
    expect(right.counts.strict).toBe(1);

    const wrongMin = scoreArticle(article, [predict(quote, { value: null, min: 12, max: 99, qualifier: 'vague', unit: 'client' })]);
    expect(wrongMin.counts.strict).toBe(0);
    expect(wrongMin.misses.notStrict[0]!.differences).toEqual([{ field: 'min', expected: 24, got: 12 }]);

    const noBounds = makeArticle([{ quote, value: null, qualifier: 'vague', unit: 'client' }]);
    const anyBounds = predict(quote, { value: null, min: 1, max: 2, qualifier: 'vague', unit: 'client' });
    expect(scoreArticle(noBounds, [anyBounds]).counts.strict).toBe(1);
  });

  it('does not compare kinds but counts kind mismatches', () => {
    const article = makeArticle([{ quote: '12 designers', value: 12, unit: 'designer' }]);
    const score = scoreArticle(article, [predict('12 designers', { kind: 'measure', value: 12, unit: 'designer' })]);
    expect(score.counts).toMatchObject({ strict: 1, kindMismatches: 1 });
  });

  it('counts predictions whose text does not match their offsets', () => {
    const bad = { ...predict('12 designers', { value: 12 }), text: '12 designer' };
    expect(scoreArticle(makeArticle([]), [bad]).counts.offsetErrors).toBe(1);
  });
});

describe('scoreArticle: traps', () => {
  const traps = [
    { quote: '555-0100', why: 'phone number' },
    { quote: '10x engineer', why: 'idiom' },
  ];

  it('counts predictions that overlap a trap, once per prediction', () => {
    const article = makeArticle([], { traps });
    const score = scoreArticle(article, [
      predict('555', { value: 555 }),
      predict('0100 for the 10x', { value: 100 }), // overlaps both traps
      predict('Call', { value: 1 }), // ends where the trap starts: "Call " does not reach it
      predict('spring', { value: 1 }),
    ]);
    expect(score.counts.trapHits).toBe(2);
    expect(score.misses.trapHits.map((h) => h.predicted.text)).toEqual(['555', '0100 for the 10x']);
    expect(score.misses.trapHits[1]!.traps.map((t) => t.why)).toEqual(['phone number', 'idiom']);
  });

  it('does not count adjacency as overlap', () => {
    const text = 'Dial 555-0100 now';
    const article = makeArticle([], { text, traps: [{ quote: '555-0100', why: 'phone number' }] });
    const adjacent = predict('Dial ', {}, 1, text);
    expect(scoreArticle(article, [adjacent]).counts.trapHits).toBe(0);
  });
});

describe('scoreArticle: metrics and errors', () => {
  it('gives 0 (not NaN) when nothing is predicted but gold exists', () => {
    const score = scoreArticle(makeArticle([money12]), []);
    expect(score.detection).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(score.strict).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(score.misses.undetected.map((g) => g.text)).toEqual(['$12 million']);
  });

  it('gives 1 when there is neither gold nor prediction, and 0 for predictions without gold', () => {
    expect(scoreArticle(makeArticle([]), []).detection).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scoreArticle(makeArticle([]), [predict('spring')]).detection).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(prf(2, 4, 2)).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3 });
  });

  it('throws a clear error for a quote that is not in the text', () => {
    const missing = makeArticle([{ quote: '13 designers', value: 13 }], { id: 'quillbrook-bad' });
    expect(() => scoreArticle(missing, [])).toThrow(AnnotationError);
    expect(() => scoreArticle(missing, [])).toThrow(/quillbrook-bad.*13 designers/);
    const tooFar = makeArticle([{ quote: '20 stores', value: 20, occurrence: 3 }]);
    expect(() => scoreArticle(tooFar, [])).toThrow(/20 stores.*occurrence 3/);
    const badTrap = makeArticle([], { traps: [{ quote: '555-0199', why: 'phone number' }] });
    expect(() => scoreArticle(badTrap, [])).toThrow(/trap quote "555-0199"/);
  });
});

describe('summarize and gate', () => {
  const en = scoreArticle(makeArticle([money12], { id: 'a-en' }), [
    predict('$12 million', { kind: 'money', value: 12e6, unit: 'USD' }),
    predict('spring'),
  ]);
  const vi = scoreArticle(makeArticle([money12, { quote: '12 designers', value: 12 }], { id: 'a-vi', language: 'vi' }), [
    predict('$12 million', { kind: 'money', value: 1, unit: 'USD' }),
  ]);
  const summary = summarize([en, vi]);

  it('sums counts per language and overall', () => {
    expect(summary.byLanguage.en.counts).toMatchObject({ articles: 1, gold: 1, predicted: 2, detected: 1, strict: 1 });
    expect(summary.byLanguage.vi.counts).toMatchObject({ articles: 1, gold: 2, predicted: 1, detected: 1, strict: 0 });
    expect(summary.byLanguage.ar.counts.articles).toBe(0);
    expect(summary.all.counts).toMatchObject({ articles: 2, gold: 3, predicted: 3, detected: 2, strict: 1 });
    expect(summary.all.detection.precision).toBeCloseTo(2 / 3);
    expect(summary.all.strict.recall).toBeCloseTo(1 / 3);
  });

  it('names the languages below the threshold, ignoring languages without articles', () => {
    const gate = checkGate(summary, 0.5);
    expect(gate.passed).toBe(false);
    expect(gate.belowThreshold.map((b) => b.language)).toEqual(['vi']);
    expect(gate.failures.join('\n')).toMatch(/vi/);
    expect(checkGate(summary, 0).passed).toBe(true);
  });

  it('fails on any trap hit, unless told how many it tolerates', () => {
    const hit = scoreArticle(makeArticle([], { traps: [{ quote: '10x engineer', why: 'idiom' }] }), [predict('10x')]);
    const gate = checkGate(summarize([hit]), 0);
    expect(gate.passed).toBe(false);
    expect(gate.failures.join('\n')).toMatch(/trap/);
    expect(checkGate(summarize([hit]), 0, { maxTrapHits: 1 }).passed).toBe(true);
  });

  it('counts detected pairs with a wrong value apart, and gates their share of gold', () => {
    expect(summary.byLanguage.vi.counts.wrongValues).toBe(1);
    expect(summary.byLanguage.en.counts.wrongValues).toBe(0);
    const gate = checkGate(summary, 0, { maxWrongRate: 0.4 });
    expect(gate.tooManyWrong).toEqual([{ language: 'vi', rate: 0.5 }]);
    expect(gate.failures.join('\n')).toMatch(/wrong values above 0.4 of gold for: vi/);
    expect(checkGate(summary, 0, { maxWrongRate: 0.5 }).passed).toBe(true);
  });

  it('does not count a wrong qualifier or unit as a wrong value', () => {
    const score = scoreArticle(makeArticle([money12]), [predict('$12 million', { kind: 'money', value: 12e6, unit: 'EUR', qualifier: 'about' })]);
    expect(score.counts).toMatchObject({ detected: 1, strict: 0, wrongValues: 0 });
  });

  it('lists the misses of an article, one line each', () => {
    const article = makeArticle([money12, { quote: '12 designers', value: 12, unit: 'designer' }], {
      traps: [{ quote: '555-0100', why: 'phone number' }],
    });
    const score = scoreArticle(article, [predict('$12 million', { kind: 'money', value: 12, unit: 'USD' }), predict('555', { value: 555 })]);
    const lines = formatMisses(score, 'vi').split('\n');
    expect(lines[0]).toBe('quillbrook-1 (en, detected vi): gold 2, predicted 2, detected 1, strict 0, trap hits 1');
    expect(lines.slice(1).map((l) => l.trim().split(/\s{2,}|\s(?=")/)[0])).toEqual(['missed', 'wrong value', 'false pos', 'trap hit']);
    expect(lines[2]).toContain('value expected 12000000 got 12');
    expect(lines[4]).toContain('overlaps trap "555-0100" (phone number)');
  });

  it('renders one row per language and all, with 3 decimals and - for empty languages', () => {
    const lines = formatTable(summary).split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['lang', 'ar', 'en', 'vi', 'all']);
    expect(lines[1]).toMatch(/^ar\s+0\s+0\s+0\s+-/);
    expect(lines[2]).toContain('0.500');
  });
});

describe('eval CLI', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  let dir = '';
  let badDir = '';

  const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eval-cli-'));
    badDir = await mkdtemp(join(tmpdir(), 'eval-cli-bad-'));
    await writeFile(join(dir, 'quillbrook.json'), JSON.stringify(makeArticle([money12], { traps: [{ quote: '555-0100', why: 'phone number' }] })));
    await writeFile(join(badDir, 'broken.json'), '{ "id": ');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(badDir, { recursive: true, force: true });
  });

  it('prints the table, fails on bad usage with exit code 2', async () => {
    const [ok, missing, none, badThreshold, unknown, broken] = await Promise.all([
      run([dir]),
      run([join(dir, 'does-not-exist')]),
      run([]),
      run(['--min-strict', 'high', dir]),
      run(['--fast', dir]),
      run([badDir]),
    ]);
    expect(ok.code).toBe(0);
    const firstCells = ok.stdout.split('\n').map((l) => l.split(/\s+/)[0]);
    expect(firstCells).toEqual(expect.arrayContaining(['lang', 'ar', 'en', 'vi', 'all']));
    expect(ok.stdout).toMatch(/language detected wrongly: \d+ of 1 articles/);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does-not-exist');
    expect(none.code).toBe(2);
    expect(badThreshold.code).toBe(2);
    expect(unknown.code).toBe(2);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.json');
  });
});
