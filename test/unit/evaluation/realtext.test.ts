import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clefLines,
  clefPairs,
  parseCsv,
  quantempClaims,
  scoreClef,
  scoreQuantemp,
  writtenNumbers,
  type Extract,
} from '../../../scripts/evaluation/realtext';
import type { ExtractedClaim } from '../../../shared/schemas/claim';

/** A fake extractor that returns the claims we tell it to, by text. */
function fakeExtract(byText: Record<string, Array<Partial<ExtractedClaim>>>): Extract {
  return (text) =>
    (byText[text] ?? []).map((c) => ({
      kind: 'count', text: 'x', start: 0, end: 1, value: null, min: null, max: null, qualifier: 'exact', unit: '',
      sentence: { start: 0, end: 1 }, language: 'en', ...c,
    }) as ExtractedClaim);
}

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const csv = 'claim,verdict\n"""The pier cost $4, they say.""",False\nplain one,True\n"two\nlines",True\n';
    expect(parseCsv(csv)).toEqual([['claim', 'verdict'], ['"The pier cost $4, they say."', 'False'], ['plain one', 'True'], ['two\nlines', 'True']]);
    expect(quantempClaims(csv)).toEqual(['The pier cost $4, they say.', 'plain one', 'two\nlines']);
    expect(() => quantempClaims('text,verdict\na,b\n')).toThrow(/claim/);
  });
});

describe('the numbers written in a claim', () => {
  it.each([
    ['The ferry carried 1,250 cars.', [1250]],
    ['A $3.5 million pier.', [3.5, 3.5e6]],
    ['Some 40% of the 2,000 staff.', [40, 2000]],
    ['two hundred and fifty thousand kites', [250_000]],
    ['a million kites and half a billion seeds', [1e6, 5e8]],
    ['three decades and 50 cents', [3, 30, 50, 0.5]],
    ['costs 12 lakh rupees', [12, 1.2e6]],
    // fractions are percents (shared/corpus/README.md)
    ['a fifth of the kites and two-thirds of the seeds', [20, 200 / 3]],
    ['nearly 3/4 of the boats, 6-1/2 pct and 2 1/2 years', [0.75, 75, 6.5, 2.5]],
    ['more than half of the mills', [50]],
    ['one in five kites and 4 in 10 boats', [20, 40]],
  ] as const)('reads %j', (text, numbers) => {
    expect(writtenNumbers(text)).toEqual(expect.arrayContaining([...numbers]));
  });
});

describe('QuanTemp measures', () => {
  it('counts claims with a claim found, and found values among the written numbers', () => {
    const texts = ['The mill employs 40 people.', 'The mill is old.', 'Dozens of mills closed in 1990.'];
    const score = scoreQuantemp(texts, fakeExtract({
      'The mill employs 40 people.': [{ value: 40 }, { value: 4 }],
      'Dozens of mills closed in 1990.': [{ value: null, qualifier: 'vague' }, { value: 1990 }],
    }));
    expect(score).toMatchObject({ claims: 3, withClaim: 2, valued: 3, valueRight: 2, vague: 1 });
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.valuePrecision).toBeCloseTo(2 / 3);
    expect(score.results[0]!.wrong.map((c) => c.value)).toEqual([4]);
  });
});

describe('CLEF measures', () => {
  const en = '1\tA\tWe built 40 schools in 3 years.\t0\n2\tB\tThank you.\t0\n3\tA\tIt cost $9 billion.\t0\n';
  const ar = '1\tأ\tبنينا 40 مدرسة في 3 سنوات.\t0\n2\tب\tشكرا.\t0\n3\tأ\tكلف ذلك 9 مليارات دولار.\t0\n';

  it('pairs lines by number and compares the multisets of values', () => {
    expect(clefLines(en).get(3)).toBe('It cost $9 billion.');
    const pairs = clefPairs([{ name: 'first', en, ar }]);
    expect(pairs).toHaveLength(3);
    const score = scoreClef(pairs, fakeExtract({
      'We built 40 schools in 3 years.': [{ value: 3 }, { value: 40 }],
      'بنينا 40 مدرسة في 3 سنوات.': [{ value: 40 }, { value: 3 }],
      'It cost $9 billion.': [{ value: 9e9 }],
      'كلف ذلك 9 مليارات دولار.': [{ value: 9 }],
    }));
    expect(score).toMatchObject({ pairs: 3, withValues: 2, agree: 1, agreement: 0.5 });
    expect(score.disagreements.map((d) => d.line)).toEqual([3]);
  });
});

describe('eval CLI on real text', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  let dir = '';
  const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eval-realtext-'));
    await writeFile(join(dir, 'claims.csv'), 'claim,verdict\n"The mill employs 40 people.",True\n"The mill is old.",False\n');
    await writeFile(join(dir, 'Task1-English-1st-Presidential.txt'), '1\tA\tWe built 40 schools.\t0\n2\tB\tThanks.\t0\n');
    await writeFile(join(dir, 'Task1-Arabic-1st-Presidential.txt'), '1\tأ\tبنينا 40 مدرسة.\t0\n2\tب\tشكرا.\t0\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports QuanTemp recall and value precision, CLEF agreement, and gates them', async () => {
    const [ok, gated, sample, noFile, orphan] = await Promise.all([
      run(['--quantemp', join(dir, 'claims.csv'), '--clef', dir]),
      run(['--quantemp', join(dir, 'claims.csv'), '--min-recall', '0.9', '--clef', dir, '--min-agreement', '1']),
      run(['--quantemp', join(dir, 'claims.csv'), '--sample', '1', '--seed', '7']),
      run(['--quantemp', join(dir, 'missing.csv')]),
      run(['--min-recall', '0.5', '--clef', dir]),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('quantemp: 2 claims, 1 with a claim found: recall 0.500');
    expect(ok.stdout).toContain('value precision 1.000');
    expect(ok.stdout).toContain('clef: 2 EN/AR line pairs, 1 with values in English, 1 with the same values in Arabic: agreement 1.000');
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain('QuanTemp recall 0.500 (minimum 0.9)');
    expect(gated.stderr).not.toContain('CLEF');
    expect(sample.stdout).toMatch(/sample of 1 found claims \(seed 7\):\n\s+1\s+count 40 person "40 people"/);
    expect(noFile.code).toBe(2);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('need --quantemp FILE');
  });
});
