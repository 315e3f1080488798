/**
 * Evaluates the claim extractor on annotated articles and on real text written by others.
 *
 *   npm run eval -- DIR... [--min-strict X] [--max-trap-hits N] [--max-wrong-rate X] [--verbose] [--json]
 *   npm run eval -- --quantemp FILE [--min-recall X] [--min-value-precision X] [--sample N [--seed S]]
 *   npm run eval -- --clef DIR [--min-agreement X]
 *
 * Every `*.json` file of the directories is an annotated article (shared/corpus/README.md). The
 * extractor runs on each text without being told the language. `--quantemp` reads a QuanTemp CSV
 * (column `claim`) and `--clef` the CLEF 2018 Task 1 debates (Task1-{English,Arabic}-*.txt), as
 * in ../shared/realtext (see scripts/evaluation/realtext.ts for the measures). Exit codes: 0 ok,
 * 1 a gate failed (or the extractor threw), 2 bad usage or an unusable input file.
 */
import { explainLinks, formatExplanation } from './evaluation/explain';
import { scoreLinks } from './evaluation/links';
import { replayCorroboration } from './evaluation/replay';
import { linksThroughPipeline } from './evaluation/pipeline-links';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readCommandLine } from './lib/args';
import { extractClaims } from '../shared/claims/index';
import { inArrivalOrder, loadAnnotatedDirs, type AnnotatedArticle } from './evaluation/corpus';
import {
  checkGate,
  formatFooter,
  formatMisses,
  formatTable,
  type GateResult,
  type LanguageMismatch,
} from './evaluation/report';
import { clefPairs, quantempClaims, scoreClef, scoreQuantemp, type ClefScore, type QuantempScore } from './evaluation/realtext';
import { AnnotationError, scoreArticle, summarize, type ArticleScore, type Summary } from './evaluation/score';
import type { Language } from '../shared/schemas/claim';

const USAGE = `usage: npm run eval -- [DIR...] [--min-strict X] [--max-trap-hits N] [--max-wrong-rate X]
         [--links [--explain] [--min-link-f1 X] [--max-unrelated-links N]] [--verbose] [--json]
         [--quantemp FILE [--min-recall X] [--min-value-precision X] [--sample N [--seed S]]]
         [--clef DIR [--min-agreement X]]`;

interface Options {
  dirs: string[];
  minStrict: number | undefined;
  /** Also score corroboration links, through the real pipeline run locally. */
  links: boolean;
  /** Put every lost or wrong link down to the stage that lost it, and score each story. */
  explain: boolean;
  minLinkF1: number | undefined;
  /** How many links on pairs annotated `unrelated` the gate tolerates (0 unless told). */
  maxUnrelatedLinks: number;
  /** Trap hits the `--min-strict` gate tolerates (0 unless told). */
  maxTrapHits: number;
  /** The largest share of gold claims, per language, detected with a wrong value. */
  maxWrongRate: number | undefined;
  quantemp: string | undefined;
  minRecall: number | undefined;
  minValuePrecision: number | undefined;
  /** Print this many found QuanTemp claims, drawn at random with `seed`, for checking by hand. */
  sample: number;
  seed: number;
  clef: string | undefined;
  minAgreement: number | undefined;
  verbose: boolean;
  json: boolean;
  help: boolean;
}

class UsageError extends Error {}

class ExtractorError extends Error {}

function parseThreshold(raw: string | undefined, flag = '--min-strict'): number {
  if (raw === undefined) throw new UsageError(`${flag} needs a number in [0, 1]`);
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x) || x < 0 || x > 1) {
    throw new UsageError(`${flag} needs a number in [0, 1], got ${JSON.stringify(raw)}`);
  }
  return x;
}

const OPTIONS = {
  verbose: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'min-strict': { type: 'string' },
  'max-unrelated-links': { type: 'string' },
  'max-trap-hits': { type: 'string' },
  'max-wrong-rate': { type: 'string' },
  quantemp: { type: 'string' },
  'min-recall': { type: 'string' },
  'min-value-precision': { type: 'string' },
  sample: { type: 'string' },
  seed: { type: 'string' },
  clef: { type: 'string' },
  'min-agreement': { type: 'string' },
  links: { type: 'boolean' },
  explain: { type: 'boolean' },
  'min-link-f1': { type: 'string' },
} as const;

function parseArgs(argv: readonly string[]): Options {
  const line = readCommandLine(argv, OPTIONS);
  if (line.kind === 'error') throw new UsageError(line.message);
  const v = line.kind === 'ok' ? line.values : {};
  const count = (flag: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} needs a whole number`);
    return n;
  };
  const threshold = (flag: string, raw: string | undefined) => (raw === undefined ? undefined : parseThreshold(raw, `--${flag}`));
  const options: Options = {
    dirs: line.kind === 'ok' ? line.positionals : [],
    minStrict: threshold('min-strict', v['min-strict']),
    links: Boolean(v.links || v.explain || v['min-link-f1'] !== undefined),
    explain: Boolean(v.explain),
    minLinkF1: threshold('min-link-f1', v['min-link-f1']),
    maxUnrelatedLinks: count('max-unrelated-links', v['max-unrelated-links'], 0),
    maxTrapHits: count('max-trap-hits', v['max-trap-hits'], 0),
    maxWrongRate: threshold('max-wrong-rate', v['max-wrong-rate']),
    quantemp: v.quantemp,
    minRecall: threshold('min-recall', v['min-recall']),
    minValuePrecision: threshold('min-value-precision', v['min-value-precision']),
    sample: count('sample', v.sample, 0),
    seed: count('seed', v.seed, 1),
    clef: v.clef,
    minAgreement: threshold('min-agreement', v['min-agreement']),
    verbose: Boolean(v.verbose),
    json: Boolean(v.json),
    help: line.kind === 'help',
  };
  if (!options.help && options.dirs.length === 0 && !options.quantemp && !options.clef) throw new UsageError('no directory given');
  if ((options.minRecall !== undefined || options.minValuePrecision !== undefined || options.sample > 0) && !options.quantemp) {
    throw new UsageError('--min-recall, --min-value-precision and --sample need --quantemp FILE');
  }
  if (options.minAgreement !== undefined && !options.clef) throw new UsageError('--min-agreement needs --clef DIR');
  return options;
}

async function checkDirectories(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) throw new UsageError(`directory not found: ${dir}`);
    if (!info.isDirectory()) throw new UsageError(`not a directory: ${dir}`);
    const names = await readdir(dir);
    if (!names.some((name) => name.endsWith('.json'))) {
      throw new UsageError(`no annotated articles (*.json) in ${dir}`);
    }
  }
}

interface EvaluatedArticle {
  score: ArticleScore;
  detectedLanguage: Language;
}

function evaluate(articles: readonly AnnotatedArticle[]): EvaluatedArticle[] {
  return articles.map((article) => {
    let result;
    try {
      result = extractClaims(article.text);
    } catch (error) {
      throw new ExtractorError(`the extractor failed on article ${article.id}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return { score: scoreArticle(article, result.claims), detectedLanguage: result.language };
  });
}

interface Report {
  directories: string[];
  summary: Summary;
  languageMismatches: LanguageMismatch[];
  articles: Array<ArticleScore & { detectedLanguage: Language }>;
  gate?: GateResult;
  quantemp?: Omit<QuantempScore, 'results'> & { results: undefined; sample: unknown[] };
  clef?: ClefScore;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    await checkDirectories(options.dirs);
    if (options.quantemp && !(await stat(options.quantemp).catch(() => undefined))?.isFile()) {
      throw new UsageError(`file not found: ${options.quantemp}`);
    }
    if (options.clef && !(await stat(options.clef).catch(() => undefined))?.isDirectory()) {
      throw new UsageError(`directory not found: ${options.clef}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`eval: ${error.message}\n${USAGE}`);
    return 2;
  }

  let articles: AnnotatedArticle[];
  let quantempTexts: string[] | undefined;
  let debates: { name: string; en: string; ar: string }[] | undefined;
  try {
    articles = await loadAnnotatedDirs(options.dirs);
  } catch (error) {
    // Unreadable file, invalid JSON or a file that does not follow the annotated-article schema.
    console.error(`eval: unusable annotated article: ${(error as Error).message}`);
    return 2;
  }
  try {
    if (options.quantemp) quantempTexts = quantempClaims(await readFile(options.quantemp, 'utf8'));
    if (options.clef) debates = await readDebates(options.clef);
  } catch (error) {
    console.error(`eval: unusable real-text input: ${(error as Error).message}`);
    return 2;
  }

  let evaluated: EvaluatedArticle[];
  try {
    evaluated = evaluate(articles);
  } catch (error) {
    if (error instanceof AnnotationError) {
      console.error(`eval: unusable annotated article: ${error.message}`);
      return 2;
    }
    if (error instanceof ExtractorError) {
      console.error(`eval: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const extract = (text: string) => extractClaims(text).claims;
  const quantemp = quantempTexts ? scoreQuantemp(quantempTexts, extract) : undefined;
  const clef = debates ? scoreClef(clefPairs(debates), extract) : undefined;

  const scores = evaluated.map((e) => e.score);
  const summary = summarize(scores);
  const languageMismatches: LanguageMismatch[] = evaluated
    .filter((e) => e.detectedLanguage !== e.score.language)
    .map((e) => ({ id: e.score.id, expected: e.score.language, detected: e.detectedLanguage }));
  const hasCorpus = articles.length > 0;
  const gate = hasCorpus && (options.minStrict !== undefined || options.maxWrongRate !== undefined)
    ? checkGate(summary, options.minStrict ?? 0, { maxTrapHits: options.maxTrapHits, maxWrongRate: options.maxWrongRate })
    : undefined;
  const failures: string[] = [...(gate?.failures ?? [])];
  if (quantemp) failures.push(...quantempFailures(quantemp, options));
  if (clef && options.minAgreement !== undefined && clef.agreement < options.minAgreement) {
    failures.push(`CLEF EN/AR agreement ${clef.agreement.toFixed(3)} (minimum ${options.minAgreement})`);
  }

  if (options.json) {
    const report: Report = {
      directories: options.dirs,
      summary,
      languageMismatches,
      articles: evaluated.map((e) => ({ ...e.score, detectedLanguage: e.detectedLanguage })),
      ...(gate ? { gate } : {}),
      ...(quantemp ? { quantemp: { ...quantemp, results: undefined, sample: sampleFound(quantemp, options.sample, options.seed) } } : {}),
      ...(clef ? { clef } : {}),
    };
    console.log(JSON.stringify(report, null, 2));
  } else {
    if (hasCorpus) {
      if (options.verbose) {
        for (const e of evaluated) console.log(`${formatMisses(e.score, e.detectedLanguage)}\n`);
      }
      console.log(formatTable(summary));
      console.log(formatFooter(summary, evaluated.length, languageMismatches));
      if (gate?.passed) console.log('corpus gate: passed');
    }
    if (quantemp) printQuantemp(quantemp, options);
    if (clef) printClef(clef, options.verbose);
  }

  let failed = failures.length > 0;
  for (const failure of failures) console.error(`eval: FAIL: ${failure}`);
  if (options.links) {
    // posted one at a time in publication order, as a feed brings them
    const arriving = inArrivalOrder(articles);
    const predicted = await linksThroughPipeline(arriving, (done) => {
      if (process.stderr.isTTY) process.stderr.write(`\reval: corroboration through the pipeline, ${done}/${articles.length} articles`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const links = scoreLinks(articles, predicted);
    const f = (x: number) => x.toFixed(3);
    console.log(`links: gold ${links.gold}, predicted ${links.predicted}, correct ${links.correct}, wrong relation ${links.wrongRelation}, ` +
      `linked unrelated ${links.unrelatedLinked}; P ${f(links.links.precision)} R ${f(links.links.recall)} F1 ${f(links.links.f1)}`);
    if (options.verbose && !options.explain) for (const line of [...links.missed.map((m) => `missed ${m}`), ...links.wrong]) console.log(`  ${line}`);
    if (options.explain) console.log(formatExplanation(explainLinks(articles, predicted, replayCorroboration(arriving)), options.verbose));
    if (options.minLinkF1 !== undefined) {
      if (links.links.f1 < options.minLinkF1 || links.unrelatedLinked > options.maxUnrelatedLinks) {
        console.error(`eval: FAIL: link F1 ${f(links.links.f1)} (minimum ${options.minLinkF1}), ${links.unrelatedLinked} links on unrelated pairs (at most ${options.maxUnrelatedLinks})`);
        failed = true;
      } else {
        console.log(`min-link-f1 ${options.minLinkF1}: passed`);
      }
    }
  }
  return failed ? 1 : 0;
}

const DEBATES = ['1st-Presidential', '2nd-Presidential', 'Vice-Presidential'];

/** The debates of a CLEF 2018 Task 1 directory that have both an English and an Arabic file. */
async function readDebates(dir: string): Promise<{ name: string; en: string; ar: string }[]> {
  const names = new Set(await readdir(dir));
  const debates = [];
  for (const name of DEBATES) {
    const en = `Task1-English-${name}.txt`;
    const ar = `Task1-Arabic-${name}.txt`;
    if (names.has(en) && names.has(ar)) {
      debates.push({ name, en: await readFile(join(dir, en), 'utf8'), ar: await readFile(join(dir, ar), 'utf8') });
    }
  }
  if (debates.length === 0) throw new Error(`no Task1-English-*.txt / Task1-Arabic-*.txt pair in ${dir}`);
  return debates;
}

function quantempFailures(q: QuantempScore, options: Options): string[] {
  const failures: string[] = [];
  if (options.minRecall !== undefined && q.recall < options.minRecall) {
    failures.push(`QuanTemp recall ${q.recall.toFixed(3)} (minimum ${options.minRecall})`);
  }
  if (options.minValuePrecision !== undefined && q.valuePrecision < options.minValuePrecision) {
    failures.push(`QuanTemp value precision ${q.valuePrecision.toFixed(3)} (minimum ${options.minValuePrecision})`);
  }
  return failures;
}

/** `n` found claims drawn without replacement by a seeded generator (the same seed, the same sample). */
function sampleFound(q: QuantempScore, n: number, seed: number): { text: string; claim: string; value: number | null; unit: string; kind: string; written: boolean }[] {
  const found = q.results.flatMap((r) => r.claims.map((c) => ({ text: r.text, c, written: !r.wrong.includes(c) })));
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
  for (let i = found.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [found[i], found[j]] = [found[j]!, found[i]!];
  }
  return found.slice(0, n).map(({ text, c, written }) => ({ text, claim: c.text, value: c.value, unit: c.unit, kind: c.kind, written }));
}

function printQuantemp(q: QuantempScore, options: Options): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`quantemp: ${q.claims} claims, ${q.withClaim} with a claim found: recall ${f(q.recall)}; ` +
    `found values written in the claim ${q.valueRight} of ${q.valued}: value precision ${f(q.valuePrecision)} (${q.vague} vague amounts aside)`);
  if (options.verbose) {
    for (const r of q.results) {
      if (r.claims.length === 0) console.log(`  none        ${JSON.stringify(r.text)}`);
      for (const c of r.wrong) console.log(`  not written ${JSON.stringify(c.text)} = ${c.value} ${c.unit} in ${JSON.stringify(r.text)}`);
    }
  }
  if (options.sample > 0) {
    console.log(`sample of ${options.sample} found claims (seed ${options.seed}):`);
    for (const [k, s] of sampleFound(q, options.sample, options.seed).entries()) {
      console.log(`  ${String(k + 1).padStart(3)} ${s.written ? ' ' : '*'} ${s.kind} ${s.value} ${s.unit} ${JSON.stringify(s.claim)} | ${s.text}`);
    }
  }
  if (options.minRecall !== undefined || options.minValuePrecision !== undefined) {
    if (quantempFailures(q, options).length === 0) console.log('quantemp gate: passed');
  }
}

function printClef(c: ClefScore, verbose: boolean): void {
  console.log(`clef: ${c.pairs} EN/AR line pairs, ${c.withValues} with values in English, ${c.agree} with the same values in Arabic: ` +
    `agreement ${c.agreement.toFixed(3)}`);
  if (verbose) {
    for (const d of c.disagreements) {
      console.log(`  ${d.debate}:${d.line} en [${d.enValues.join(', ')}] ar [${d.arValues.join(', ')}]\n    ${d.en}\n    ${d.ar}`);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
