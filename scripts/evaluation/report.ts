/**
 * Text rendering of evaluation results and the `--min-strict` gate. Pure: no I/O.
 */
import { LANGUAGES, type Language } from '../../shared/schemas/claim';
import type { ArticleScore, ClaimView, Difference, GroupScore, Summary } from './score';

/** An article whose detected language differs from its annotated language. */
export interface LanguageMismatch {
  id: string;
  expected: Language;
  detected: Language;
}

export interface GateResult {
  minStrict: number;
  maxTrapHits: number;
  maxWrongRate: number | null;
  passed: boolean;
  /** Languages with articles whose strict F1 is below the threshold, with that F1. */
  belowThreshold: Array<{ language: Language; f1: number }>;
  /** Languages whose wrong values exceed `maxWrongRate` of their gold claims, with that share. */
  tooManyWrong: Array<{ language: Language; rate: number }>;
  trapHits: number;
  /** Human-readable reasons for a failure (empty when passed). */
  failures: string[];
}

const fixed = (x: number): string => x.toFixed(3);

const COLUMNS = [
  'lang',
  'articles',
  'gold',
  'predicted',
  'det-P',
  'det-R',
  'det-F1',
  'strict-P',
  'strict-R',
  'strict-F1',
  'wrong-values',
  'trap-hits',
] as const;

function row(label: string, score: GroupScore): string[] {
  const { counts } = score;
  const hasArticles = counts.articles > 0;
  const metric = (x: number): string => (hasArticles ? fixed(x) : '-');
  return [
    label,
    String(counts.articles),
    String(counts.gold),
    String(counts.predicted),
    metric(score.detection.precision),
    metric(score.detection.recall),
    metric(score.detection.f1),
    metric(score.strict.precision),
    metric(score.strict.recall),
    metric(score.strict.f1),
    String(counts.wrongValues),
    String(counts.trapHits),
  ];
}

/**
 * The summary table: one row per language (`ar`, `en`, `vi`) and `all`; the first column is
 * left-aligned, the others right-aligned; metrics have 3 decimals and are `-` for a language
 * without articles.
 */
export function formatTable(summary: Summary): string {
  const rows: string[][] = [
    [...COLUMNS],
    ...LANGUAGES.map((language) => row(language, summary.byLanguage[language])),
    row('all', summary.all),
  ];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

/** The lines printed under the table. */
export function formatFooter(summary: Summary, articles: number, languageMismatches: readonly LanguageMismatch[]): string {
  const { gold, wrongValues } = summary.all.counts;
  const lines = [
    `detected with a wrong value: ${wrongValues} of ${gold} gold claims (${gold === 0 ? '0.0' : ((100 * wrongValues) / gold).toFixed(1)}%)`,
    `language detected wrongly: ${languageMismatches.length} of ${articles} articles`,
    `kind mismatches among detected pairs: ${summary.all.counts.kindMismatches}`,
  ];
  if (summary.all.counts.offsetErrors > 0) {
    lines.push(`offset errors: ${summary.all.counts.offsetErrors} predictions whose text is not input.slice(start, end)`);
  }
  return lines.join('\n');
}

function formatNumber(x: number | null): string {
  return x === null ? 'null' : String(x);
}

function formatValue(x: number | string | null): string {
  return typeof x === 'string' ? x : formatNumber(x);
}

/** `kind value qualifier unit`, with the interval for ranges and vague amounts. */
export function describeClaim(claim: ClaimView): string {
  let amount = formatNumber(claim.value);
  if (claim.qualifier === 'range') amount = `${formatNumber(claim.value)}..${formatNumber(claim.max)}`;
  if (claim.qualifier === 'vague') amount = `${formatNumber(claim.min)}..${formatNumber(claim.max)}`;
  return `${claim.kind} ${amount} ${claim.qualifier} ${claim.unit}`.trimEnd();
}

function formatDifference(d: Difference): string {
  return `${d.field} expected ${formatValue(d.expected)} got ${formatValue(d.got)}`;
}

const quoted = (s: string): string => JSON.stringify(s);

/**
 * Per-article misses, one block per article:
 *
 *     <id> (<language>, detected <language>): gold G, predicted P, detected D, strict S, trap hits T
 *       missed      "<gold quote>" @start [kind value qualifier unit]
 *       not strict  "<predicted text>" for "<gold quote>" @start: qualifier expected X got Y; ...
 *       wrong value "<predicted text>" for "<gold quote>" @start: value expected X got Y; ...
 *       false pos   "<predicted text>" @start [kind value qualifier unit]
 *       trap hit    "<predicted text>" @start overlaps trap "<trap quote>" (<why>)
 */
export function formatMisses(score: ArticleScore, detectedLanguage: Language): string {
  const { counts, misses } = score;
  const lines = [
    `${score.id} (${score.language}, detected ${detectedLanguage}): gold ${counts.gold}, predicted ${counts.predicted}, ` +
      `detected ${counts.detected}, strict ${counts.strict}, trap hits ${counts.trapHits}`,
  ];
  for (const g of misses.undetected) {
    lines.push(`  missed      ${quoted(g.text)} @${g.start} [${describeClaim(g)}]`);
  }
  for (const pair of misses.notStrict) {
    lines.push(
      `  ${pair.wrongValue ? 'wrong value' : 'not strict '} ${quoted(pair.predicted.text)} for ${quoted(pair.gold.text)} @${pair.gold.start}: ` +
        pair.differences.map(formatDifference).join('; '),
    );
  }
  for (const p of misses.falsePositives) {
    lines.push(`  false pos   ${quoted(p.text)} @${p.start} [${describeClaim(p)}]`);
  }
  for (const hit of misses.trapHits) {
    for (const trap of hit.traps) {
      lines.push(`  trap hit    ${quoted(hit.predicted.text)} @${hit.predicted.start} overlaps trap ${quoted(trap.quote)} (${trap.why})`);
    }
  }
  return lines.join('\n');
}

export interface GateOptions {
  /** Trap hits tolerated (0 unless told). */
  maxTrapHits?: number;
  /** The largest share of a language's gold claims that may be detected with a wrong value. */
  maxWrongRate?: number | undefined;
}

/**
 * The corpus gate: fails when the strict F1 of any language that has articles is below
 * `minStrict`, when more predictions than `maxTrapHits` hit a trap, or when a language has more
 * wrong values than `maxWrongRate` of its gold claims.
 */
export function checkGate(summary: Summary, minStrict: number, options: GateOptions = {}): GateResult {
  const maxTrapHits = options.maxTrapHits ?? 0;
  const maxWrongRate = options.maxWrongRate ?? null;
  const withArticles = LANGUAGES.filter((language) => summary.byLanguage[language].counts.articles > 0);
  const belowThreshold = withArticles
    .filter((language) => summary.byLanguage[language].strict.f1 < minStrict)
    .map((language) => ({ language, f1: summary.byLanguage[language].strict.f1 }));
  const wrongRate = (language: Language): number => {
    const { gold, wrongValues } = summary.byLanguage[language].counts;
    return gold === 0 ? 0 : wrongValues / gold;
  };
  const tooManyWrong = maxWrongRate === null ? [] : withArticles
    .filter((language) => wrongRate(language) > maxWrongRate)
    .map((language) => ({ language, rate: wrongRate(language) }));
  const trapHits = summary.all.counts.trapHits;
  const failures: string[] = [];
  if (belowThreshold.length > 0) {
    const list = belowThreshold.map((b) => `${b.language} (${fixed(b.f1)})`).join(', ');
    failures.push(`strict F1 below ${minStrict} for: ${list}`);
  }
  if (trapHits > maxTrapHits) {
    failures.push(`${trapHits} prediction${trapHits === 1 ? '' : 's'} hit a trap (at most ${maxTrapHits})`);
  }
  if (tooManyWrong.length > 0) {
    const list = tooManyWrong.map((w) => `${w.language} (${fixed(w.rate)})`).join(', ');
    failures.push(`wrong values above ${maxWrongRate} of gold for: ${list}`);
  }
  return { minStrict, maxTrapHits, maxWrongRate, passed: failures.length === 0, belowThreshold, tooManyWrong, trapHits, failures };
}
