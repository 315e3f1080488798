/**
 * Fits the two models of corroboration on annotated stories and writes their weights to
 * shared/corroboration/weights.json:
 *
 *   npm run train:links [-- DIR...]     default: test/fixtures/corpus and ../shared/corpus/dev
 *   npm run train:links -- --check       fit and report, write nothing
 *
 * - the story model: every article against every earlier one, positive when the annotations put
 *   them in one story; the time of an unrelated pair is spread over what a feed brings (hours to
 *   months). Naive Bayes over step features (names shared: at least one, at least two, ...):
 *   with a few dozen same-story pairs, the likelihood ratio of each step is what the data can
 *   estimate, and a step no unrelated pair reaches weighs as much as it should;
 * - the same-fact model: every pair of same-dimension claims of two sources in one annotated
 *   story (positive when a `corroborates` or `conflicts` match joins them; `unrelated` matches
 *   and pairs nobody annotated are negatives): a logistic regression (L2, gradient descent).
 *
 * The two thresholds are chosen together, leaving one story out: both models are fitted without
 * it, every annotated article is replayed in arrival order (the left-out story among all the
 * others, as a feed brings it), and the links touching the left-out story are scored. The pair
 * with the best pooled F1 among those whose pooled precision reaches MIN_PRECISION is kept; the
 * report gives each story's links left out.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACT_FEATURES, factFeatures } from '../shared/corroboration/pairs';
import type { Models, LogisticModel } from '../shared/corroboration/model';
import { probability } from '../shared/corroboration/model';
import { articleSignature, STORY_FEATURES, storyFeatures } from '../shared/corroboration/stories';
import { claimIdOf } from '../shared/pipeline/process';
import { loadAnnotatedDirs, locate, type AnnotatedArticle } from './evaluation/corpus';
import { scoreLinks } from './evaluation/links';
import { extractAll, runReplay, type Extracted } from './evaluation/replay';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'shared', 'corroboration', 'weights.json');
/** The thresholds are the pair with the best pooled F1 among those whose pooled precision reaches this. */
const MIN_PRECISION = 0.8;
const STORY_THRESHOLD_GRID = [0.3, 0.5, 0.7, 0.85, 0.9, 0.95, 0.98, 0.99];
const FACT_THRESHOLD_GRID = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];

interface Example { x: number[]; y: number; group: string }

/**
 * The prior odds of "same story" for an article against one earlier article, given to the
 * naive Bayes story model: in a feed, few of the articles before a new one tell its story.
 */
const STORY_PRIOR_ODDS = 0.01;
/**
 * The gaps (days) an unrelated pair is given, as in a feed: the time features are the last ones
 * of the story model, and for an unrelated pair they are set as if the two were this far apart.
 */
const UNRELATED_GAPS = [0.1, 1, 3, 10, 30, 90];
const TIME_FEATURES = STORY_FEATURES.filter((name) => name.startsWith('within_')).map((name) => Number(/_(\d+)_/.exec(name)?.[1]) * (name.endsWith('weeks') ? 7 : name.endsWith('months') ? 30.5 : 1));
const GAP = STORY_FEATURES.length - TIME_FEATURES.length;
const timeFeatures = (days: number) => TIME_FEATURES.map((limit) => (days <= limit ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// Logistic regression

export function fitLogistic(examples: readonly Example[], features: readonly string[], l2 = 0.01, iterations = 2500): Omit<LogisticModel, 'threshold'> {
  const d = features.length;
  const n = examples.length;
  // fitted on standardized features (each weighs by what it varies, not by its scale: a
  // Jaccard of 0.1 and a 0/1 flag are penalized alike), then written back in the raw scale
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(1);
  for (let i = 0; i < d; i++) {
    let m = 0;
    for (const e of examples) m += e.x[i]!;
    m /= Math.max(1, n);
    let v = 0;
    for (const e of examples) v += (e.x[i]! - m) ** 2;
    mean[i] = m;
    sd[i] = Math.sqrt(v / Math.max(1, n)) || 1;
  }
  const xs = examples.map((e) => e.x.map((x, i) => (x - mean[i]!) / sd[i]!));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const positives = examples.filter((e) => e.y === 1).length;
  // balanced classes: each side weighs half
  const weightOf = (y: number) => (y === 1 ? n / (2 * Math.max(1, positives)) : n / (2 * Math.max(1, n - positives)));
  let rate = 0.5;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let k = 0; k < n; k++) {
      const e = examples[k]!;
      const x = xs[k]!;
      let z = b;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - e.y) * weightOf(e.y);
      for (let i = 0; i < d; i++) gw[i]! += g * x[i]!;
      gb += g;
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (gw[i]! / n + l2 * w[i]!);
    b -= rate * (gb / n);
    if (it === 1500) rate = 0.2;
  }
  const raw = w.map((x, i) => x / sd[i]!);
  const bias = b - raw.reduce((sum, x, i) => sum + x * mean[i]!, 0);
  return { features, weights: raw.map((x) => Math.round(x * 10_000) / 10_000), bias: Math.round(bias * 10_000) / 10_000 };
}

/**
 * Naive Bayes over step features, written as a linear model: features named `<group>_<k>` are the
 * nested steps "at least k" of one count (`within_*` are nested the other way: closer in time).
 * For each group, the log-likelihood ratio of each level between the two classes (add-half
 * smoothing) gives the weights of its steps; the bias holds the levels 0 and the prior odds.
 */
export function fitNaiveBayes(examples: readonly Example[], features: readonly string[], priorOdds = 1): Omit<LogisticModel, 'threshold'> {
  const groupOf = (name: string) => (name.startsWith('within_') ? 'within' : name.replace(/_\d+$/, ''));
  const groups = [...new Set(features.map(groupOf))];
  const weights = new Array<number>(features.length).fill(0);
  let bias = Math.log(priorOdds);
  const pos = examples.filter((e) => e.y === 1);
  const neg = examples.filter((e) => e.y === 0);
  for (const g of groups) {
    const idx = features.map((n, i) => [n, i] as const).filter(([n]) => groupOf(n) === g).map(([, i]) => i);
    const level = (e: Example) => idx.reduce((sum, i) => sum + (e.x[i]! > 0 ? 1 : 0), 0);
    const levels = idx.length + 1;
    const llr: number[] = [];
    for (let k = 0; k < levels; k++) {
      const p = (pos.filter((e) => level(e) === k).length + 0.5) / (pos.length + 0.5 * levels);
      const q = (neg.filter((e) => level(e) === k).length + 0.5) / (neg.length + 0.5 * levels);
      llr.push(Math.log(p / q));
    }
    bias += llr[0]!;
    // the steps in the order they are reached: level k sets the first k features of the group
    idx.forEach((i, k) => { weights[i] = llr[k + 1]! - llr[k]!; });
  }
  return { features, weights: weights.map((x) => Math.round(x * 10_000) / 10_000), bias: Math.round(bias * 10_000) / 10_000 };
}

// ---------------------------------------------------------------------------------------------
// Examples

/** Gold stories: articles joined by any match. Lone articles are their own group. */
function goldGroups(articles: readonly AnnotatedArticle[]): Map<string, string> {
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const a of articles) for (const m of a.matches) if (parent.has(m.article)) parent.set(find(a.id), find(m.article));
  return new Map(articles.map((a) => [a.id, find(a.id)]));
}

/** Claim id pairs the annotations say state one fact. */
function goldPairs(extracted: readonly Extracted[]): Set<string> {
  const byId = new Map(extracted.map((e) => [e.article.id, e]));
  const claimAt = (articleId: string, quote: string): string | null => {
    const e = byId.get(articleId);
    if (!e) return null;
    const gold = e.article.claims.find((c) => c.quote === quote);
    const start = locate(e.article.text, quote, gold?.occurrence ?? 1);
    const k = e.claims.findIndex((c) => c.start < start + quote.length && start < c.end);
    return start < 0 || k < 0 ? null : claimIdOf(articleId, k);
  };
  const out = new Set<string>();
  for (const { article } of extracted) {
    for (const m of article.matches) {
      if (m.relation === 'unrelated') continue;
      const a = claimAt(article.id, m.claim);
      const b = claimAt(m.article, m.otherQuote);
      if (a && b) out.add([a, b].sort().join('|'));
    }
  }
  return out;
}

const time = (a: AnnotatedArticle) => (a.publishedAt ? Date.parse(a.publishedAt) : 0);

function factExamples(extracted: readonly Extracted[], groups: Map<string, string>, gold: Set<string>): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < extracted.length; i++) {
    for (let j = 0; j < extracted.length; j++) {
      const x = extracted[i]!;
      const y = extracted[j]!;
      const later = time(x.article) > time(y.article) || (time(x.article) === time(y.article) && i > j);
      if (!later || groups.get(x.article.id) !== groups.get(y.article.id) || x.article.source === y.article.source) continue;
      for (const a of x.entries) {
        const aMates = x.entries.filter((o) => o.features.dimension === a.features.dimension);
        for (const b of y.entries) {
          if (b.features.dimension !== a.features.dimension || !Number.isFinite(a.features.lo) || !Number.isFinite(b.features.lo)) continue;
          const bMates = y.entries.filter((o) => o.features.dimension === b.features.dimension);
          out.push({ x: factFeatures(a, b, aMates, bMates), y: gold.has([a.claimId, b.claimId].sort().join('|')) ? 1 : 0, group: groups.get(x.article.id)! });
        }
      }
    }
  }
  return out;
}

function storyExamples(extracted: readonly Extracted[], groups: Map<string, string>): Example[] {
  const ordered = [...extracted].sort((a, b) => time(a.article) - time(b.article));
  const out: Example[] = [];
  const sigs = new Map(ordered.map((e) => [e.article.id, articleSignature(e.article, e.entries)]));
  // every article against every earlier one: positive when the annotations put them in one story
  for (let i = 0; i < ordered.length; i++) {
    const x = ordered[i]!;
    for (const y of ordered.slice(0, i)) {
      const features = storyFeatures(sigs.get(x.article.id)!, x.article.publishedAt, sigs.get(y.article.id)!, y.article.publishedAt);
      if (groups.get(y.article.id) === groups.get(x.article.id)) {
        out.push({ x: features, y: 1, group: groups.get(x.article.id)! });
        continue;
      }
      // a pair of two stories is left out with either
      const group = `${groups.get(x.article.id)}+${groups.get(y.article.id)}`;
      // the annotated articles of different stories are months apart, but a feed brings
      // unrelated articles side by side every hour: their gap says nothing, so it is spread
      for (const days of UNRELATED_GAPS) out.push({ x: [...features.slice(0, GAP), ...timeFeatures(days)], y: 0, group });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function prf(tp: number, predicted: number, gold: number) {
  const p = predicted ? tp / predicted : 1;
  const r = gold ? tp / gold : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const f = (x: number) => x.toFixed(3);

async function main(argv: readonly string[]) {
  const check = argv.includes('--check');
  const given = argv.filter((a) => !a.startsWith('--'));
  const dirs = given.length > 0 ? given : [join(ROOT, 'test', 'fixtures', 'corpus'), join(ROOT, '..', 'shared', 'corpus', 'dev')].filter((d) => existsSync(d));
  const articles = await loadAnnotatedDirs(dirs);
  const extracted = extractAll(articles);
  const groups = goldGroups(articles);
  const gold = goldPairs(extracted);
  const facts = factExamples(extracted, groups, gold);
  const stories = storyExamples(extracted, groups);
  const storyIds = [...new Set(articles.filter((a) => a.matches.length > 0).map((a) => groups.get(a.id)!))];
  console.log(`${articles.length} articles from ${dirs.join(', ')}; ${storyIds.length} annotated stories; ` +
    `fact pairs ${facts.length} (${facts.filter((e) => e.y).length} same fact); story pairs ${stories.length} (${stories.filter((e) => e.y).length} same story)`);

  const fitAll = (without: string | null): Models => {
    const keepF = facts.filter((e) => e.group !== without);
    const keepS = stories.filter((e) => without === null || !e.group.split('+').includes(without));
    return {
      story: { ...fitNaiveBayes(keepS, STORY_FEATURES, STORY_PRIOR_ODDS), threshold: 0.5 },
      fact: { ...fitLogistic(keepF, FACT_FEATURES), threshold: 0.5, candidateFloor: 0.2 },
    };
  };
  const withThresholds = (models: Models, story: number, fact: number): Models => ({
    story: { ...models.story, threshold: story },
    fact: { ...models.fact, threshold: fact, candidateFloor: Math.min(fact, 0.2) },
  });

  // Leave one story out: fit both models without it, then replay EVERY article in arrival order
  // (the left-out story among all the others, as a feed brings it), for each pair of thresholds,
  // and score the links that touch the left-out story: its gold links found, and every link it
  // got, to its own articles or to any other story's.
  const ordered = [...extracted].sort((a, b) => time(a.article) - time(b.article));
  const grid = STORY_THRESHOLD_GRID.flatMap((st) => FACT_THRESHOLD_GRID.map((ft) => [st, ft] as const));
  const folds = storyIds.map((id) => {
    const models = fitAll(id);
    const members = extracted.filter((e) => groups.get(e.article.id) === id);
    const inFold = new Set(members.map((m) => m.article.id));
    const results = grid.map(([st, ft]) => {
      const run = runReplay(ordered, withThresholds(models, st, ft));
      const touching = run.predicted.filter((l) => inFold.has(l.articleA) || inFold.has(l.articleB));
      const s = scoreLinks(members.map((m) => m.article), touching);
      return { gold: s.gold, predicted: s.predicted, correct: s.correct, unrelated: s.unrelatedLinked };
    });
    return { id, members, results };
  });
  const pooledAt = (k: number) => folds.reduce((acc, fold) => {
    const r = fold.results[k]!;
    return { tp: acc.tp + r.correct, predicted: acc.predicted + r.predicted, gold: acc.gold + r.gold, unrelated: acc.unrelated + r.unrelated };
  }, { tp: 0, predicted: 0, gold: 0, unrelated: 0 });
  let chosen = { k: grid.length - 1, f1: -1 };
  for (let k = 0; k < grid.length; k++) {
    const sum = pooledAt(k);
    const s = prf(sum.tp, sum.predicted, sum.gold);
    if (process.env.TRAIN_DEBUG || k % FACT_THRESHOLD_GRID.length === 0) {
      console.log(`  thresholds story ${grid[k]![0]} fact ${grid[k]![1]}: leave-one-story-out links P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)}, unrelated linked ${sum.unrelated}`);
    }
    if (s.p >= MIN_PRECISION && s.f1 > chosen.f1) chosen = { k, f1: s.f1 };
  }
  const [storyThreshold, factThreshold] = grid[chosen.k]!;
  console.log(`leave-one-story-out, at the chosen thresholds (story ${storyThreshold}, fact ${factThreshold}):`);
  for (const fold of folds) {
    const r = fold.results[chosen.k]!;
    const s = prf(r.correct, r.predicted, r.gold);
    console.log(`  ${fold.id.padEnd(14)} ${String(fold.members.length).padStart(2)} articles: gold ${r.gold}, predicted ${r.predicted}, correct ${r.correct}, ` +
      `unrelated linked ${r.unrelated}; P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)}`);
  }
  const pooled = pooledAt(chosen.k);
  const ps = prf(pooled.tp, pooled.predicted, pooled.gold);
  console.log(`  pooled: P ${f(ps.p)} R ${f(ps.r)} F1 ${f(ps.f1)}, unrelated linked ${pooled.unrelated}`);

  const final = withThresholds(fitAll(null), storyThreshold, factThreshold);
  final.fact.candidateFloor = Math.round(Math.max(0.05, factThreshold / 2) * 100) / 100;
  const all = scoreLinks(articles, runReplay(ordered, final).predicted);
  console.log(`fitted on everything, replayed on everything: P ${f(all.links.precision)} R ${f(all.links.recall)} F1 ${f(all.links.f1)}, unrelated linked ${all.unrelatedLinked}`);
  console.log(`story model (threshold ${final.story.threshold}): ${final.story.features.map((n, i) => `${n} ${final.story.weights[i]}`).join(', ')}, bias ${final.story.bias}`);
  console.log(`fact model (threshold ${final.fact.threshold}, candidates from ${final.fact.candidateFloor}): ${final.fact.features.map((n, i) => `${n} ${final.fact.weights[i]}`).join(', ')}, bias ${final.fact.bias}`);
  if (!check) {
    writeFileSync(OUT, `${JSON.stringify(final, null, 2)}\n`);
    console.log(`wrote ${OUT}`);
  }
}

await main(process.argv.slice(2));
