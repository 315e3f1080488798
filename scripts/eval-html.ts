/**
 * `npm run eval:html -- DIR`: how much of an article page's text is the article, for the two ways
 * the pipeline can read HTML: `htmlToText` alone (the page's <article>, <main> or body without
 * chrome) and `articleText` (Readability's choice of content, then `htmlToText`; what the webhook
 * uses).
 *
 * DIR holds one directory per page, each with `source.html` (the page) and, optionally, a
 * reference: `expected.html` (the article's content, e.g. Mozilla Readability's test pages) or
 * `expected.txt` (the article's text).
 * Against the reference's text (all its text but figure captions, which the pipeline leaves out
 * of every page): token recall and precision, and
 * number-token precision, the share of the number tokens handed to the extractor that are in the
 * reference (counted with multiplicity, summed over the pages). Pages without a reference only get
 * their lengths and number tokens, to be read with --show.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { articleText } from '../shared/html/article-text';
import { htmlToText, stripTags } from '../shared/html/to-text';
import { readCommandLine } from './lib/args';
import { formatTable } from './lib/table';

const USAGE = `Usage: npm run eval:html -- [--pages NAME,...|news] [--show NAME] [--verbose] [--json] DIR

Scores the article text read from each DIR/NAME/source.html against DIR/NAME/expected.html
or DIR/NAME/expected.txt (when there is one): token recall, token precision and number-token precision, for htmlToText
alone and for articleText (Readability, then htmlToText), overall and on the pages without an
<article> or <main> element.

  --pages LIST   only these page directories (comma-separated); "news" is the news outlets'
                 pages among Mozilla Readability's test pages
  --show NAME    print the texts of one page, with the tokens each method gets wrong
  --verbose      one row per page
  --json         the figures as one JSON object
  --help, -h     print this help
`;

/**
 * The news outlets' pages among Mozilla Readability's test pages (test/test-pages): articles of
 * newspapers, news sites and magazines, without the pages written to test one feature.
 */
const NEWS_PAGES = [
  'aktualne', 'ars-1', 'bbc-1', 'breitbart', 'buzzfeed-1', 'citylab-1', 'cnet', 'cnn', 'engadget', 'folha', 'gmw',
  'guardian-1', 'heise', 'herald-sun-1', 'la-nacion', 'lemonde-1', 'liberation-1', 'lwn-1', 'medicalnewstoday', 'msn',
  'nytimes-1', 'nytimes-2', 'nytimes-3', 'nytimes-4', 'nytimes-5', 'qq', 'quanta-1', 'salon-1', 'seattletimes-1',
  'telegraph', 'theverge', 'tmz-1', 'wapo-1', 'wapo-2', 'yahoo-1', 'yahoo-2', 'yahoo-3', 'yahoo-4', 'youth',
];

const METHODS = { htmlToText, articleText } as const;
type Method = keyof typeof METHODS;

/** Words and numbers, lower-cased; "1,095", "3.5" and "don't" are one token each. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,'’][\p{L}\p{M}\p{N}]+)*/gu;
const DIGIT = /\p{Nd}/u;

function tokens(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []);
}

function counts(list: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of list) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** Tokens of `ours` also in `reference`, with multiplicity. */
function overlap(ours: Map<string, number>, reference: Map<string, number>): number {
  let n = 0;
  for (const [token, count] of ours) n += Math.min(count, reference.get(token) ?? 0);
  return n;
}

interface Counts {
  tokens: number;
  referenceTokens: number;
  matched: number;
  numbers: number;
  matchedNumbers: number;
}

interface PageScore {
  page: string;
  hasArticleOrMain: boolean;
  hasReference: boolean;
  characters: Record<Method, number>;
  counts: Record<Method, Counts>;
  ms: Record<Method, number>;
}

function score(text: string, reference: string | undefined): Counts {
  const ours = tokens(text);
  const ref = reference === undefined ? [] : tokens(reference);
  const oursCounts = counts(ours);
  const refCounts = counts(ref);
  const numbers = counts(ours.filter((t) => DIGIT.test(t)));
  return {
    tokens: ours.length,
    referenceTokens: ref.length,
    matched: reference === undefined ? 0 : overlap(oursCounts, refCounts),
    numbers: [...numbers.values()].reduce((a, b) => a + b, 0),
    matchedNumbers: reference === undefined ? 0 : overlap(numbers, refCounts),
  };
}

function hasArticleOrMain(html: string): boolean {
  try {
    const { document } = parseHTML(html);
    return document.querySelector('article, main') !== null;
  } catch {
    return /<(?:article|main)[\s>]/i.test(html);
  }
}

/**
 * All the text of the reference content, tags stripped, except its figure captions: the pipeline
 * leaves captions out of every page on purpose, so they count neither for nor against it.
 */
function referenceText(expected: string): string {
  return stripTags(expected.replace(/<figcaption[\s>][\s\S]*?<\/figcaption\s*>/gi, '\n'));
}

function readPage(dir: string, page: string): { source: string; reference: string | undefined } {
  const expectedHtml = join(dir, page, 'expected.html');
  const expectedText = join(dir, page, 'expected.txt');
  const reference = existsSync(expectedHtml)
    ? referenceText(readFileSync(expectedHtml, 'utf8'))
    : existsSync(expectedText)
      ? readFileSync(expectedText, 'utf8')
      : undefined;
  return { source: readFileSync(join(dir, page, 'source.html'), 'utf8'), reference };
}

function scorePage(dir: string, page: string): PageScore {
  const { source, reference } = readPage(dir, page);
  const result = { page, hasArticleOrMain: hasArticleOrMain(source), hasReference: reference !== undefined } as PageScore;
  result.characters = {} as PageScore['characters'];
  result.counts = {} as PageScore['counts'];
  result.ms = {} as PageScore['ms'];
  for (const method of Object.keys(METHODS) as Method[]) {
    const started = performance.now();
    const text = METHODS[method](source);
    result.ms[method] = performance.now() - started;
    result.characters[method] = text.length;
    result.counts[method] = score(text, reference);
  }
  return result;
}

interface Figures {
  pages: number;
  tokenRecall: number;
  tokenPrecision: number;
  numberPrecision: number;
  numbers: number;
  chromeNumbers: number;
  msPerPage: number;
}

function figures(pages: readonly PageScore[], method: Method): Figures {
  const sum = (pick: (c: Counts) => number) => pages.reduce((s, p) => s + pick(p.counts[method]), 0);
  const numbers = sum((c) => c.numbers);
  return {
    pages: pages.length,
    tokenRecall: sum((c) => c.matched) / sum((c) => c.referenceTokens),
    tokenPrecision: sum((c) => c.matched) / sum((c) => c.tokens),
    numberPrecision: sum((c) => c.matchedNumbers) / numbers,
    numbers,
    chromeNumbers: numbers - sum((c) => c.matchedNumbers),
    msPerPage: pages.reduce((s, p) => s + p.ms[method], 0) / pages.length,
  };
}

const f3 = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '-');

function show(dir: string, page: string): string {
  const { source, reference } = readPage(dir, page);
  const ref = counts(reference === undefined ? [] : tokens(reference));
  const parts: string[] = [];
  for (const method of Object.keys(METHODS) as Method[]) {
    const text = METHODS[method](source);
    const ours = counts(tokens(text));
    const extra = [...ours].filter(([t, n]) => n > (ref.get(t) ?? 0)).map(([t]) => t);
    const lost = [...ref].filter(([t, n]) => n > (ours.get(t) ?? 0)).map(([t]) => t);
    parts.push(
      `== ${method} (${text.length} characters)\n${text}\n` +
        `-- tokens beyond the reference: ${extra.slice(0, 200).join(' ')}\n-- reference tokens missed: ${lost.slice(0, 200).join(' ')}`,
    );
  }
  if (reference !== undefined) parts.push(`== reference (${reference.length} characters)\n${reference}`);
  return `${parts.join('\n\n')}\n`;
}

function main(argv: readonly string[]): number {
  const args = readCommandLine(argv, {
    pages: { type: 'string' },
    show: { type: 'string' },
    verbose: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const fail = (message: string) => {
    process.stderr.write(`eval:html: ${message}\nRun with --help for usage.\n`);
    return 2;
  };
  if (args.kind === 'error') return fail(args.message);
  if (args.positionals.length !== 1) return fail(args.positionals.length === 0 ? 'no directory given' : 'only one directory');
  const dir = resolve(args.positionals[0]!);
  if (!existsSync(dir)) return fail(`${dir} does not exist`);
  if (args.values.show !== undefined) {
    process.stdout.write(show(dir, args.values.show));
    return 0;
  }

  const available = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'source.html'))).sort();
  const wanted = args.values.pages === undefined ? available : args.values.pages === 'news' ? NEWS_PAGES : args.values.pages.split(',');
  const missing = wanted.filter((name) => !available.includes(name));
  if (missing.length > 0) return fail(`no source.html for ${missing.join(', ')}`);
  const pages = wanted.map((page) => scorePage(dir, page));
  const scored = pages.filter((p) => p.hasReference);
  const groups = { all: scored, 'no <article>/<main>': scored.filter((p) => !p.hasArticleOrMain) };
  const result = Object.fromEntries(
    Object.entries(groups).map(([group, list]) => [group, { htmlToText: figures(list, 'htmlToText'), articleText: figures(list, 'articleText') }]),
  );

  if (args.values.json) {
    process.stdout.write(`${JSON.stringify({ dir, pages: pages.length, scored: scored.length, groups: result, perPage: args.values.verbose ? pages : undefined }, null, 2)}\n`);
    return 0;
  }
  const header = ['pages', 'method', 'pages', 'token recall', 'token precision', 'number precision', 'numbers', 'not in reference', 'ms/page'];
  const rows = Object.entries(result).flatMap(([group, byMethod]) =>
    (Object.keys(byMethod) as Method[]).map((method) => {
      const g = byMethod[method];
      return [group, method, String(g.pages), f3(g.tokenRecall), f3(g.tokenPrecision), f3(g.numberPrecision), String(g.numbers), String(g.chromeNumbers), g.msPerPage.toFixed(1)];
    }),
  );
  const out = [`article text of ${pages.length} pages in ${dir} (${scored.length} with a reference)`, '', formatTable([header, ...rows], { align: ['left', 'left'], rule: true })];
  if (args.values.verbose) {
    const perPage = pages.map((p) => {
      const c = (m: Method) => p.counts[m];
      const cell = (m: Method) => p.hasReference ? `${f3(c(m).matched / c(m).referenceTokens)} ${f3(c(m).matched / c(m).tokens)} ${c(m).matchedNumbers}/${c(m).numbers}` : `${p.characters[m]} chars ${c(m).numbers} numbers`;
      return [p.page, p.hasArticleOrMain ? '' : 'none', cell('htmlToText'), cell('articleText')];
    });
    out.push('', formatTable([['page', '<article>/<main>', 'htmlToText: recall precision numbers', 'articleText'], ...perPage], { align: ['left', 'left', 'left', 'left'], rule: true }));
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
