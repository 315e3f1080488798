/**
 * Fits the two models of corroboration on annotated stories and writes their weights to
 * shared/corroboration/weights.json:
 *
 *   npm run train:links [-- DIR...]     default: test/fixtures/corpus and ../shared/corpus/dev
 *   npm run train:links -- --check       fit and report, write nothing
 *
 * - the story model: an article against the union of a story's earlier articles (positive when
 *   the annotations join it to them), against every other story and lone article before it;
 * - the same-fact model: every pair of same-dimension claims of two sources in one annotated
 *   story (positive when a `corroborates` or `conflicts` match joins them; `unrelated` matches
 *   and pairs nobody annotated are negatives).
 *
 * Both are logistic regressions (L2, gradient descent). The fact threshold is chosen on the
 * leave-one-story-out replays (each story replayed with models fitted without it), for the best
 * F1 among thresholds whose pooled precision is at least 0.9; the report gives every story's
 * link P/R/F1 left out.
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
const MIN_PRECISION = 0.9;
/**
 * Joining a story only makes pairs candidates: the fact model still decides each link, so the
 * story threshold may trade a little precision for recall.
 */
const MIN_STORY_PRECISION = 0.8;
const STORY_THRESHOLD_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99];
const FACT_THRESHOLD_GRID = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

interface Example { x: number[]; y: number; group: string }

/** The gaps (days) an unrelated pair is given, as in a feed; GAP is the gap's feature index. */
const UNRELATED_GAPS = [0.1, 1, 3, 10, 30, 90];
const GAP = STORY_FEATURES.indexOf('gap_days');

// ---------------------------------------------------------------------------------------------
// Logistic regression

export function fitLogistic(examples: readonly Example[], features: readonly string[], l2 = 0.01, iterations = 2500): Omit<LogisticModel, 'threshold'> {
  const d = features.length;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = examples.length;
  const positives = examples.filter((e) => e.y === 1).length;
  // balanced classes: each side weighs half
  const weightOf = (y: number) => (y === 1 ? n / (2 * Math.max(1, positives)) : n / (2 * Math.max(1, n - positives)));
  let rate = 0.5;
  for (let it = 0; it < iterations; it++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (const e of examples) {
      let z = b;
      for (let i = 0; i < d; i++) z += w[i]! * e.x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - e.y) * weightOf(e.y);
      for (let i = 0; i < d; i++) gw[i]! += g * e.x[i]!;
      gb += g;
    }
    for (let i = 0; i < d; i++) w[i]! -= rate * (gw[i]! / n + l2 * w[i]!);
    b -= rate * (gb / n);
    if (it === 1500) rate = 0.2;
  }
  return { features, weights: w.map((x) => Math.round(x * 10_000) / 10_000), bias: Math.round(b * 10_000) / 10_000 };
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
  // every article against every earlier one. An article joins a story through its closest
  // article, so of its earlier articles in the same story only the closest one (the most keys
  // shared) is a positive; the others say nothing either way
  for (let i = 0; i < ordered.length; i++) {
    const x = ordered[i]!;
    let closest: { features: number[]; shared: number; group: string } | null = null;
    for (const y of ordered.slice(0, i)) {
      const same = groups.get(y.article.id) === groups.get(x.article.id);
      const features = storyFeatures(sigs.get(x.article.id)!, x.article.publishedAt, sigs.get(y.article.id)!, y.article.publishedAt);
      if (same) {
        const shared = features.slice(0, GAP).reduce((a, b) => a + b, 0);
        if (!closest || shared > closest.shared) closest = { features, shared, group: groups.get(x.article.id)! };
        continue;
      }
      // a pair of two stories is left out with either
      const group = `${groups.get(x.article.id)}+${groups.get(y.article.id)}`;
      // the annotated articles of different stories are months apart, but a feed brings
      // unrelated articles side by side every hour: their gap says nothing, so it is spread
      for (const days of UNRELATED_GAPS) out.push({ x: [...features.slice(0, GAP), Math.log1p(days)], y: 0, group });
    }
    if (closest) out.push({ x: closest.features, y: 1, group: closest.group });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function prf(tp: number, predicted: number, gold: number) {
  const p = predicted ? tp / predicted : 1;
  const r = gold ? tp / gold : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function pickThreshold(examples: readonly Example[], model: Omit<LogisticModel, 'threshold'>, grid: readonly number[]): number {
  let best = { t: grid.at(-1)!, f1: -1 };
  for (const t of grid) {
    const m = { ...model, threshold: t };
    let tp = 0, predicted = 0, gold = 0;
    for (const e of examples) {
      const yes = probability(m, e.x) >= t;
      if (yes) predicted++;
      if (e.y) gold++;
      if (yes && e.y) tp++;
    }
    const s = prf(tp, predicted, gold);
    if (s.p >= MIN_PRECISION && s.f1 > best.f1) best = { t, f1: s.f1 };
    if (process.env.TRAIN_DEBUG) console.log(`    story threshold ${t}: pairs P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)}`);
  }
  return best.t;
}

const f = (x: number) => x.toFixed(3);

/**
 * The story threshold, chosen as stories are joined: an article against each earlier story at
 * the probability of its closest article (the gaps of unrelated pairs spread as in training).
 */
function pickStoryThreshold(extracted: readonly Extracted[], groups: Map<string, string>, model: Omit<LogisticModel, 'threshold'>): number {
  const ordered = [...extracted].sort((a, b) => time(a.article) - time(b.article));
  const sigs = new Map(ordered.map((e) => [e.article.id, articleSignature(e.article, e.entries)]));
  const examples: { p: number; y: number }[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const x = ordered[i]!;
    const best = new Map<string, number>();
    for (const y of ordered.slice(0, i)) {
      const g = groups.get(y.article.id)!;
      const same = g === groups.get(x.article.id);
      const features = storyFeatures(sigs.get(x.article.id)!, x.article.publishedAt, sigs.get(y.article.id)!, y.article.publishedAt);
      const gaps = same ? [features[GAP]!] : UNRELATED_GAPS.map((d) => Math.log1p(d));
      for (const gap of gaps) {
        const p = probability({ ...model, threshold: 0 }, [...features.slice(0, GAP), gap]);
        const key = same ? g : `${g}@${gap}`;
        best.set(key, Math.max(best.get(key) ?? 0, p));
      }
    }
    for (const [g, p] of best) examples.push({ p, y: g === groups.get(x.article.id) ? 1 : 0 });
  }
  let chosen = { t: STORY_THRESHOLD_GRID.at(-1)!, f1: -1 };
  for (const t of STORY_THRESHOLD_GRID) {
    const tp = examples.filter((e) => e.y && e.p >= t).length;
    const s = prf(tp, examples.filter((e) => e.p >= t).length, examples.filter((e) => e.y).length);
    if (process.env.TRAIN_DEBUG) console.log(`    story threshold ${t}: articles to stories P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)}`);
    if (s.p >= MIN_STORY_PRECISION && s.f1 > chosen.f1) chosen = { t, f1: s.f1 };
  }
  return chosen.t;
}

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
    const story = fitLogistic(keepS, STORY_FEATURES);
    const fact = fitLogistic(keepF, FACT_FEATURES);
    return {
      story: { ...story, threshold: pickStoryThreshold(extracted.filter((e) => without === null || groups.get(e.article.id) !== without), groups, story) },
      fact: { ...fact, threshold: 0.5, candidateFloor: 0.2 },
    };
  };

  // leave one story out: fit without it, replay it alone, for every fact threshold
  const folds = storyIds.map((id) => {
    const models = fitAll(id);
    const members = extracted.filter((e) => groups.get(e.article.id) === id);
    const byThreshold = FACT_THRESHOLD_GRID.map((t) => {
      const run = runReplay(members, { ...models, fact: { ...models.fact, threshold: t, candidateFloor: Math.min(t, 0.2) } });
      const s = scoreLinks(members.map((m) => m.article), run.predicted);
      return { t, gold: s.gold, predicted: s.predicted, correct: s.correct, unrelated: s.unrelatedLinked };
    });
    return { id, members, byThreshold };
  });
  let chosen = { t: 0.5, f1: -1 };
  for (const [k, t] of FACT_THRESHOLD_GRID.entries()) {
    const sum = folds.reduce((acc, fold) => {
      const r = fold.byThreshold[k]!;
      return { tp: acc.tp + r.correct, predicted: acc.predicted + r.predicted, gold: acc.gold + r.gold };
    }, { tp: 0, predicted: 0, gold: 0 });
    const s = prf(sum.tp, sum.predicted, sum.gold);
    console.log(`  fact threshold ${t.toFixed(2)}: leave-one-story-out links P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)}`);
    if (s.p >= MIN_PRECISION && s.f1 > chosen.f1) chosen = { t, f1: s.f1 };
  }
  if (chosen.f1 < 0) chosen = { t: FACT_THRESHOLD_GRID.at(-1)!, f1: 0 };
  const k = FACT_THRESHOLD_GRID.indexOf(chosen.t);
  console.log(`leave-one-story-out, at the chosen fact threshold ${chosen.t}:`);
  for (const fold of folds) {
    const r = fold.byThreshold[k]!;
    const s = prf(r.correct, r.predicted, r.gold);
    console.log(`  ${fold.id.padEnd(14)} ${String(fold.members.length).padStart(2)} articles: gold ${r.gold}, predicted ${r.predicted}, correct ${r.correct}, ` +
      `unrelated linked ${r.unrelated}; P ${f(s.p)} R ${f(s.r)} F1 ${f(s.f1)}`);
  }
  const pooled = folds.reduce((acc, fold) => {
    const r = fold.byThreshold[k]!;
    return { tp: acc.tp + r.correct, predicted: acc.predicted + r.predicted, gold: acc.gold + r.gold };
  }, { tp: 0, predicted: 0, gold: 0 });
  const ps = prf(pooled.tp, pooled.predicted, pooled.gold);
  console.log(`  pooled: P ${f(ps.p)} R ${f(ps.r)} F1 ${f(ps.f1)}`);

  const final = fitAll(null);
  final.fact.threshold = chosen.t;
  final.fact.candidateFloor = Math.round(Math.max(0.05, chosen.t / 2) * 100) / 100;
  console.log(`story model (threshold ${final.story.threshold}): ${final.story.features.map((n, i) => `${n} ${final.story.weights[i]}`).join(', ')}, bias ${final.story.bias}`);
  console.log(`fact model (threshold ${final.fact.threshold}, candidates from ${final.fact.candidateFloor}): ${final.fact.features.map((n, i) => `${n} ${final.fact.weights[i]}`).join(', ')}, bias ${final.fact.bias}`);
  if (!check) {
    writeFileSync(OUT, `${JSON.stringify(final, null, 2)}\n`);
    console.log(`wrote ${OUT}`);
  }
}

await main(process.argv.slice(2));
