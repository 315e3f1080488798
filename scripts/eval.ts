/**
 * Evaluates the claim extractor on annotated articles.
 *
 *   npm run eval -- DIR... [--min-strict X] [--verbose] [--json]
 *
 * Every `*.json` file of the directories is an annotated article (shared/corpus/README.md). The
 * extractor runs on each text without being told the language. Exit codes: 0 ok, 1 the
 * `--min-strict` gate failed (or the extractor threw), 2 bad usage or an unusable annotated file.
 */
import { explainLinks, formatExplanation } from './evaluation/explain';
import { scoreLinks } from './evaluation/links';
import { replayCorroboration } from './evaluation/replay';
import { linksThroughPipeline } from './evaluation/pipeline-links';
import { readdir, stat } from 'node:fs/promises';
import { extractClaims } from '../shared/claims/index';
import { loadAnnotatedDirs, type AnnotatedArticle } from './evaluation/corpus';
import {
  checkGate,
  formatFooter,
  formatMisses,
  formatTable,
  type GateResult,
  type LanguageMismatch,
} from './evaluation/report';
import { AnnotationError, scoreArticle, summarize, type ArticleScore, type Summary } from './evaluation/score';
import type { Language } from '../shared/schemas/claim';

const USAGE = 'usage: npm run eval -- DIR... [--min-strict X] [--links [--explain] [--min-link-f1 X] [--max-unrelated-links N]] [--verbose] [--json]';

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

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { dirs: [], minStrict: undefined, links: false, explain: false, minLinkF1: undefined, maxUnrelatedLinks: 0, verbose: false, json: false, help: false };
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      options.dirs.push(arg);
    } else if (arg === '--') {
      onlyPositionals = true;
    } else if (arg === '--verbose' || arg === '-v') {
      options.verbose = true;
    } else if (arg === '--json') {
      options.json = true;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === '--min-strict') {
      options.minStrict = parseThreshold(argv[++i]);
    } else if (arg.startsWith('--min-strict=')) {
      options.minStrict = parseThreshold(arg.slice('--min-strict='.length));
    } else if (arg === '--max-unrelated-links') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new UsageError('--max-unrelated-links needs a whole number');
      options.maxUnrelatedLinks = n;
    } else if (arg === '--links') {
      options.links = true;
    } else if (arg === '--explain') {
      options.explain = true;
      options.links = true;
    } else if (arg === '--min-link-f1') {
      options.minLinkF1 = parseThreshold(argv[++i], '--min-link-f1');
      options.links = true;
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (!options.help && options.dirs.length === 0) throw new UsageError('no directory given');
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
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`eval: ${error.message}\n${USAGE}`);
    return 2;
  }

  let articles: AnnotatedArticle[];
  try {
    articles = await loadAnnotatedDirs(options.dirs);
  } catch (error) {
    // Unreadable file, invalid JSON or a file that does not follow the annotated-article schema.
    console.error(`eval: unusable annotated article: ${(error as Error).message}`);
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

  const scores = evaluated.map((e) => e.score);
  const summary = summarize(scores);
  const languageMismatches: LanguageMismatch[] = evaluated
    .filter((e) => e.detectedLanguage !== e.score.language)
    .map((e) => ({ id: e.score.id, expected: e.score.language, detected: e.detectedLanguage }));
  const gate = options.minStrict === undefined ? undefined : checkGate(summary, options.minStrict);

  if (options.json) {
    const report: Report = {
      directories: options.dirs,
      summary,
      languageMismatches,
      articles: evaluated.map((e) => ({ ...e.score, detectedLanguage: e.detectedLanguage })),
      ...(gate ? { gate } : {}),
    };
    console.log(JSON.stringify(report, null, 2));
  } else {
    if (options.verbose) {
      for (const e of evaluated) console.log(`${formatMisses(e.score, e.detectedLanguage)}\n`);
    }
    console.log(formatTable(summary));
    console.log(formatFooter(summary, evaluated.length, languageMismatches));
    if (gate?.passed) console.log(`min-strict ${gate.minStrict}: passed`);
  }

  let failed = false;
  if (gate && !gate.passed) {
    for (const failure of gate.failures) console.error(`eval: FAIL: ${failure}`);
    failed = true;
  }
  if (options.links) {
    const predicted = await linksThroughPipeline(articles, (done) => {
      if (process.stderr.isTTY) process.stderr.write(`\reval: corroboration through the pipeline, ${done}/${articles.length} articles`);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const links = scoreLinks(articles, predicted);
    const f = (x: number) => x.toFixed(3);
    console.log(`links: gold ${links.gold}, predicted ${links.predicted}, correct ${links.correct}, wrong relation ${links.wrongRelation}, ` +
      `linked unrelated ${links.unrelatedLinked}; P ${f(links.links.precision)} R ${f(links.links.recall)} F1 ${f(links.links.f1)}`);
    if (options.verbose && !options.explain) for (const line of [...links.missed.map((m) => `missed ${m}`), ...links.wrong]) console.log(`  ${line}`);
    if (options.explain) console.log(formatExplanation(explainLinks(articles, predicted, replayCorroboration(articles)), options.verbose));
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
