/**
 * `npm run bench` (third part): the cost of corroboration as the table grows.
 *
 *   tsx bench/corroboration.ts                    stored articles 100, 1,000 and 10,000
 *   tsx bench/corroboration.ts --sizes 100,1000   other sizes
 *   tsx bench/corroboration.ts --json             the figures as one JSON object on stdout
 *
 * dynalite runs in this process, in memory. The stored population is synthetic: article k is
 * corpus text k % n (../shared/corpus/dev beside the repository, or test/fixtures/corpus without
 * it), from outlet-(k % 97).example, published at a seeded date over two years, with every
 * number scaled by a seeded factor between 1/8 and 8 (years follow the publication year), so that
 * values spread over many buckets. Each article is written as the claim worker writes it
 * (article and text, claims, match entries), without the webhook and the queue; the table grows
 * in steps and only the new articles are written at each step.
 *
 * At each size, probe articles built the same way but not stored go through the corroboration
 * step of the worker: the candidate stories (GSI1, the months around the probe) and the earlier
 * claims of the story it joins (GSI2), then the story and same-fact models (`placeInStory`,
 * `corroborateInStory`). Reported per probe claim (total time over the probes / their claims),
 * median of 3 passes after a warm-up pass: the lookup and the scoring apart, the earlier claims
 * scored per claim, the DynamoDB queries per probe article, the items a query returns (a story's
 * claims are read up to 600, so the cost per claim is bounded once stories are that big) and the
 * share of them published within 30 days of the probe. Raising the status of the earlier claims
 * the links found reach (`updateEarlier`, one conditional update per claim that changes; the
 * first pass raises them, the later ones find them risen) is timed apart, per link.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dynamoDocumentClient } from '../shared/adapters/clients';
import { dynamoStores } from '../shared/adapters/dynamo';
import { corroborateInStory, placeInStory } from '../shared/corroboration/article';
import { type ArticleForMatching, matchEntries, type MatchEntry } from '../shared/corroboration/entries';
import type { Link } from '../shared/corroboration/facts';
import { corroborationChanges } from '../shared/corroboration/records';
import { extractClaims } from '../shared/claims/index';
import { newClaimRecords } from '../shared/pipeline/process';
import type { ArticleRecord, ClaimRecord } from '../shared/schemas/article';
import { Language } from '../shared/schemas/claim';
import { readCommandLine } from '../scripts/lib/args';
import { formatTable } from '../scripts/lib/table';
import { createTable, startDynalite } from '../scripts/local/services';
import { mapLimited } from '../shared/lib/limited';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_SIZES = [100, 1000, 10_000];
const PROBES = 20;
const REPETITIONS = 3;
const SEED_CONCURRENCY = 8;
const TABLE_NAME = 'bench-corroboration';
/**
 * Articles arrive at a steady rate, as a newsroom feed does: article k is published k × 6 hours
 * after this day (four a day), so a larger table covers a longer past, not a denser month. The
 * probes are the articles that arrive next, one an hour after the latest stored one, as the
 * worker meets them: the stories they join are the ones still active.
 */
const START_MS = Date.UTC(2024, 0, 1);
const ARRIVAL_MS = 6 * 3600 * 1000;
/** Probe article k's are far from the stored ones' (same construction, other seeds). */
const PROBE_BASE = 1_000_000;
/** How many of the earlier claims read fall within 30 days of the probe (stories have no window: a share to report). */
const STORY_WINDOW_MS = 30 * 24 * 3600 * 1000;

const USAGE = `Usage: tsx bench/corroboration.ts [--sizes 100,1000,10000] [--json]

Times corroboration (the story lookup, then the story and same-fact models) per claim of ${PROBES} probe articles
against a dynalite table holding each given number of synthetic articles.

  --sizes N,N,...   numbers of stored articles (default ${DEFAULT_SIZES.join(',')})
  --json            print the figures as one JSON object on stdout (progress goes to stderr)
  --help            print this help
`;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv: readonly string[]): { sizes: number[]; json: boolean } {
  const line = readCommandLine(argv, { sizes: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (line.kind === 'help') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (line.kind === 'error') fail(line.message);
  if (line.positionals.length > 0) fail(`unknown argument ${JSON.stringify(line.positionals[0])}`);
  let sizes = DEFAULT_SIZES;
  const value = line.values.sizes;
  if (value !== undefined) {
    const parsed = value.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
    if (parsed.some((x) => !Number.isInteger(x) || x < 1)) {
      fail(`--sizes takes positive whole numbers separated by commas, not ${JSON.stringify(value)}`);
    }
    sizes = [...new Set(parsed)].sort((a, b) => a - b);
  }
  return { sizes, json: line.values.json === true };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Synthetic articles

interface CorpusText {
  title: string;
  text: string;
  language?: Language;
}

function corpusTexts(): { dir: string; texts: CorpusText[] } {
  const shared = join(ROOT, '..', 'shared', 'corpus', 'dev');
  const dir = existsSync(shared) ? shared : join(ROOT, 'test', 'fixtures', 'corpus');
  const texts = readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => {
    const a = JSON.parse(readFileSync(join(dir, n), 'utf8')) as { title: string; text: string; language?: string };
    const language = Language.safeParse(a.language);
    return { title: a.title, text: a.text, ...(language.success ? { language: language.data } : {}) };
  });
  if (texts.length === 0) throw new Error(`no *.json articles in ${dir}`);
  return { dir, texts };
}

/** mulberry32: a small seeded generator, so that every run builds the same articles. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ARABIC_ZERO = 0x0660;
const toAscii = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - ARABIC_ZERO));
const toArabic = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_ZERO + Number(d)));

/**
 * The text with its numbers changed: a leading run of digits is multiplied by `factor` (never
 * to 0 unless it was 0), the digits after a separator ("2,100", "23.9", "1.500") are redrawn
 * with the same length so the number keeps its shape, and years (1900-2099) move by `years`.
 * Arabic-Indic digits stay Arabic-Indic.
 */
function perturb(text: string, factor: number, years: number, next: () => number): string {
  return text.replace(/[0-9]+|[٠-٩]+/g, (run, at: number) => {
    const arabic = /[٠-٩]/.test(run);
    const ascii = toAscii(run);
    const before = text[at - 1] ?? '';
    const continued = /[.,٫٬]/.test(before) && /[0-9٠-٩]/.test(text[at - 2] ?? '');
    let out: string;
    if (continued) {
      out = Array.from(ascii, () => String(Math.floor(next() * 10))).join('');
    } else {
      const value = Number(ascii);
      const after = text.slice(at + run.length, at + run.length + 2);
      const isYear = ascii.length === 4 && value >= 1900 && value <= 2099 && !/^[.,٫٬][0-9٠-٩]/.test(after);
      if (isYear) out = String(value + years);
      else if (value === 0) out = ascii;
      else out = String(Math.max(1, Math.round(value * factor)));
    }
    return arabic ? toArabic(out) : out;
  });
}

interface BenchArticle {
  record: ArticleRecord;
  text: string;
  language: Language;
  claims: ClaimRecord[];
  entries: MatchEntry[];
}

/**
 * Article k of the population (or a probe, with k from PROBE_BASE, published after `stored`
 * articles): extracted as the worker does.
 */
function buildArticle(k: number, texts: readonly CorpusText[], stored = 0): BenchArticle {
  const next = random(0x9e3779b9 ^ Math.imul(k + 1, 2654435761));
  const base = texts[k % texts.length]!;
  const publishedMs = k >= PROBE_BASE
    ? START_MS + stored * ARRIVAL_MS + (k - PROBE_BASE + 1) * 3600 * 1000
    : START_MS + k * ARRIVAL_MS + Math.floor(next() * ARRIVAL_MS);
  const publishedAt = new Date(publishedMs).toISOString();
  const factor = 2 ** (next() * 6 - 3); // 1/8 .. 8
  const years = new Date(publishedMs).getUTCFullYear() - 2025;
  const text = perturb(base.text, factor, years, next);
  const title = perturb(base.title, factor, years, next);
  const id = `bench-${k}`;
  const source = `outlet-${k % 97}.example`;
  const url = `https://${source}/${k}`;
  const { language, claims } = extractClaims(text, base.language ? { language: base.language } : {});
  const createdAt = new Date(publishedMs + 60_000).toISOString();
  const records: ClaimRecord[] = newClaimRecords({ id, source }, claims, createdAt);
  const record: ArticleRecord = {
    id, url, source, title, language, publishedAt, receivedAt: createdAt, status: 'processed',
    claimCount: records.length, textLength: text.length, version: 1,
  };
  const forMatching: ArticleForMatching = { id, source, url, title, publishedAt, text };
  return { record, text, language, claims: records, entries: matchEntries(forMatching, records) };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface SizeFigures {
  storedArticles: number;
  storedClaims: number;
  storedMatchItems: number;
  probeArticles: number;
  probeClaims: number;
  /** the lookup + the scoring, median over the passes */
  msPerClaim: number;
  candidatesMsPerClaim: number;
  scoringMsPerClaim: number;
  candidatesPerClaim: number;
  queriesPerArticle: number;
  /** items a lookup query returns on average (the store reads at most 100 per key) */
  itemsPerQuery: number;
  /** share of the earlier claims read that were published within 30 days of the probe */
  candidatesInStoryWindow: number;
  links: number;
  saveLinksMsPerLink: number | null;
  passesMsPerClaim: number[];
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const pool = <T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) => mapLimited(items, width, work);

const n = (x: number, d = 0) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

const { sizes, json } = parseArgs(process.argv.slice(2));
const runStarted = performance.now();
const { dir, texts } = corpusTexts();
const service = await startDynalite();
await createTable(service.endpoint, TABLE_NAME);
const db = dynamoDocumentClient(service.endpoint);
// counts the Query calls (and the items they return) made while `counting` is on
let counting = false;
let queries = 0;
let queryItems = 0;
db.middlewareStack.add(
  (next) => async (args) => {
    const input = args.input as { KeyConditionExpression?: unknown };
    const isQuery = counting && input.KeyConditionExpression !== undefined;
    const result = await next(args);
    if (isQuery) {
      queries++;
      queryItems += (result.output as { Items?: unknown[] }).Items?.length ?? 0;
    }
    return result;
  },
  { step: 'initialize', name: 'countQueries' },
);
const store = dynamoStores(db, TABLE_NAME);

const probesAfter = (size: number) => Array.from({ length: PROBES }, (_, i) => buildArticle(PROBE_BASE + i, texts, size));

let stored = 0;
let storedClaims = 0;
let storedMatchItems = 0;
let seedMs = 0;
const figures: SizeFigures[] = [];
process.stderr.write(`corpus: ${texts.length} texts from ${dir}; probes: ${PROBES} articles after the stored ones\n`);

try {
  for (const size of sizes) {
    // grow the table to `size` articles, writing only the new ones
    const ks = Array.from({ length: size - stored }, (_, i) => stored + i);
    const stepStarted = performance.now();
    let written = 0;
    let lastReport = stepStarted;
    await pool(ks, SEED_CONCURRENCY, async (k) => {
      const a = buildArticle(k, texts);
      await store.articles.createArticle(a.record, a.text);
      // the worker's corroboration step: its story, then its facts, written as the worker writes them
      const forMatching = { ...a.record, text: a.text };
      const step = placeInStory(forMatching, a.entries, await store.stories.candidateStories(a.record.publishedAt));
      const earlier = step.storyIds.length > 0 ? await store.stories.storyClaims(step.storyIds) : [];
      const outcome = corroborateInStory(forMatching, a.entries, step, earlier);
      const changes = corroborationChanges(step.storyId, a.entries, earlier, outcome);
      await store.claims.putClaims(a.claims.map((c) => ({ ...c, ...changes.own.get(c.id) })), new Map(a.entries.map((e) => [e.claimId, e])), changes.earlier);
      await store.stories.updateEarlier(changes.earlier);
      await store.stories.saveStory(outcome.story, step.choice.merge).catch(() => undefined); // two seeders on one story: one keeps it
      written++;
      storedClaims += a.claims.length;
      storedMatchItems += 1;
      const now = performance.now();
      if (now - lastReport > 2000) {
        lastReport = now;
        process.stderr.write(`  seeding: ${n(stored + written)}/${n(size)} articles (${n(written / ((now - stepStarted) / 1000))} articles/s)\n`);
      }
    });
    const stepMs = performance.now() - stepStarted;
    seedMs += stepMs;
    stored = size;
    process.stderr.write(`seeded ${n(ks.length)} articles in ${n(stepMs / 1000, 1)} s (${n(ks.length / (stepMs / 1000))} articles/s): ` +
      `${n(stored)} articles, ${n(storedClaims)} claims, ${n(storedMatchItems)} match items stored\n`);

    // the matching step of the worker, for each probe article in turn
    const probes = probesAfter(size);
    const probeClaims = probes.reduce((sum, p) => sum + p.entries.length, 0);
    const passes: { candidatesMs: number; scoringMs: number; candidates: number; inWindow: number; queries: number; items: number; links: Link[] }[] = [];
    for (let pass = 0; pass <= REPETITIONS; pass++) {
      let candidatesMs = 0;
      let scoringMs = 0;
      let candidates = 0;
      let inWindow = 0;
      const links: Link[] = [];
      queries = 0;
      queryItems = 0;
      for (const probe of probes) {
        const t0 = performance.now();
        counting = true;
        const forMatching = { ...probe.record, text: probe.text };
        const stories = await store.stories.candidateStories(probe.record.publishedAt);
        const step = placeInStory(forMatching, probe.entries, stories);
        const found = step.storyIds.length > 0 ? await store.stories.storyClaims(step.storyIds) : [];
        counting = false;
        const t1 = performance.now();
        links.push(...corroborateInStory(forMatching, probe.entries, step, found).links);
        scoringMs += performance.now() - t1;
        candidatesMs += t1 - t0;
        candidates += found.length;
        const at = Date.parse(probe.record.publishedAt!);
        inWindow += found.filter((c: MatchEntry) => Math.abs(Date.parse(c.publishedAt ?? '') - at) <= STORY_WINDOW_MS).length;
      }
      if (pass > 0) passes.push({ candidatesMs, scoringMs, candidates, inWindow, queries, items: queryItems, links }); // pass 0 warms up
    }
    const totals = passes.map((p) => (p.candidatesMs + p.scoringMs) / probeClaims);
    const links = passes[0]!.links;

    // raising the earlier claims the links reach, apart (it writes their status: matching is unchanged)
    let saveLinksMsPerLink: number | null = null;
    if (links.length > 0) {
      const times: number[] = [];
      for (let pass = 0; pass < REPETITIONS; pass++) {
        const t0 = performance.now();
        await store.stories.updateEarlier(links.map((l) => ({
          claimId: l.to.claimId, createdAt: '2024-01-01T00:00:00Z', seen: 'single_source', corroboration: 'corroborated',
          evidence: [{ claimId: `${l.from.claimId}-${pass}`, articleId: l.from.articleId, source: l.from.source, url: l.from.url, text: l.from.text, relation: l.relation, score: l.score }],
        })));
        times.push((performance.now() - t0) / links.length);
      }
      saveLinksMsPerLink = median(times);
    }

    figures.push({
      storedArticles: stored,
      storedClaims,
      storedMatchItems,
      probeArticles: probes.length,
      probeClaims,
      msPerClaim: median(totals),
      candidatesMsPerClaim: median(passes.map((p) => p.candidatesMs / probeClaims)),
      scoringMsPerClaim: median(passes.map((p) => p.scoringMs / probeClaims)),
      candidatesPerClaim: passes[0]!.candidates / probeClaims,
      queriesPerArticle: passes[0]!.queries / probes.length,
      itemsPerQuery: passes[0]!.items / Math.max(1, passes[0]!.queries),
      candidatesInStoryWindow: passes[0]!.inWindow / Math.max(1, passes[0]!.candidates),
      links: links.length,
      saveLinksMsPerLink,
      passesMsPerClaim: totals,
    });
    process.stderr.write(`measured at ${n(stored)} articles: ${n(median(totals), 3)} ms per claim\n`);
  }
} finally {
  db.destroy();
  await service.close();
}

const totalSeconds = (performance.now() - runStarted) / 1000;
const first = figures[0]!;
const last = figures.at(-1)!;
const ratio = last.msPerClaim / first.msPerClaim;
const seeding = { articles: stored, seconds: seedMs / 1000, articlesPerSecond: stored / (seedMs / 1000), concurrency: SEED_CONCURRENCY };

if (json) {
  console.log(JSON.stringify({
    corpus: { dir, texts: texts.length },
    repetitions: REPETITIONS,
    sizes: figures,
    ratio: { of: 'msPerClaim', largest: last.storedArticles, smallest: first.storedArticles, value: ratio },
    seeding,
    totalSeconds,
    node: process.version,
  }, null, 2));
} else {
  const header = ['stored articles', 'stored claims', 'probe claims', 'ms per claim', '(lookup', 'scoring)', 'candidates per claim', 'queries per article', 'items per query', 'in 30 days', 'links', 'saveLinks ms/link'];
  const rows = figures.map((f) => [
    n(f.storedArticles), n(f.storedClaims), n(f.probeClaims), n(f.msPerClaim, 3), n(f.candidatesMsPerClaim, 3),
    n(f.scoringMsPerClaim, 3), n(f.candidatesPerClaim, 1), n(f.queriesPerArticle, 1), n(f.itemsPerQuery, 1),
    `${n(100 * f.candidatesInStoryWindow, 1)} %`, n(f.links),
    f.saveLinksMsPerLink === null ? '-' : n(f.saveLinksMsPerLink, 2),
  ]);
  console.log(`\ncorroboration lookup as the table grows (dynalite in memory, ${PROBES} probe articles, ` +
    `median of ${REPETITIONS} passes, Node ${process.version})`);
  console.log(formatTable([header, ...rows], { indent: '  ', align: header.map(() => 'right') }));
  console.log(`  ms per claim at ${n(last.storedArticles)} vs ${n(first.storedArticles)} stored articles: ${n(ratio, 2)}x`);
  console.log(`  seeding: ${n(seeding.articles)} articles in ${n(seeding.seconds, 1)} s (${n(seeding.articlesPerSecond)} articles/s, ` +
    `${SEED_CONCURRENCY} at a time); total run ${n(totalSeconds, 1)} s`);
}
