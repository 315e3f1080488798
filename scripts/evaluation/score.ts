/**
 * Scoring of predicted claims against an annotated article. Pure: no I/O.
 *
 * Definitions (see also shared/corpus/README.md):
 * - Spans are half-open intervals `[start, end)` of JavaScript string offsets; two spans overlap
 *   when `a.start < b.end && b.start < a.end`.
 * - A prediction is *detected* when it is paired with a gold claim whose span it overlaps. Pairs
 *   are one-to-one: a gold claim counts at most once, and so does a prediction.
 * - A detected pair is *strict* when, in addition, the values agree (see `claimDifferences`).
 * - Detection: tp = detected pairs, fp = predictions not paired, fn = gold claims not paired.
 *   Strict: tp = strict pairs, fp = predictions - strict tp, fn = gold - strict tp.
 * - When a ratio has a zero denominator (no predictions for precision, no gold for recall) it is
 *   1 if both the gold and the predictions are empty (nothing to find and nothing claimed) and 0
 *   otherwise. F1 is 0 when precision + recall is 0. No metric is ever NaN.
 * - A detected pair has a *wrong value* when its numbers differ from the gold claim's (`value`,
 *   and `max` for ranges, `min`/`max` for vague amounts): worse than a miss, so counted apart.
 * - A *trap hit* is a prediction that overlaps the span of at least one trap (counted once per
 *   prediction, whatever the number of traps it overlaps).
 */
import type { ClaimKind, ExtractedClaim, Language, Qualifier } from '../../shared/schemas/claim';
import { LANGUAGES } from '../../shared/schemas/claim';
import { locate, type AnnotatedArticle, type GoldClaim } from './corpus';

/** The fields of a predicted claim that scoring reads. Any `ExtractedClaim` is one. */
export type Prediction = Pick<
  ExtractedClaim,
  'kind' | 'text' | 'start' | 'end' | 'value' | 'min' | 'max' | 'qualifier' | 'unit'
>;

export interface Interval {
  start: number;
  end: number;
}

/** Raised when the annotation itself is unusable (a quote that is not in the text). */
export class AnnotationError extends Error {
  override name = 'AnnotationError';
}

/** A gold claim with its located span. */
export interface LocatedGold {
  index: number;
  start: number;
  end: number;
  claim: GoldClaim;
}

/** A trap with its located span. */
export interface LocatedTrap {
  start: number;
  end: number;
  quote: string;
  why: string;
}

/** A compact view of a claim (gold or predicted) for reports. */
export interface ClaimView {
  text: string;
  start: number;
  end: number;
  kind: ClaimKind;
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  unit: string;
}

export type DifferenceField = 'value' | 'qualifier' | 'max' | 'min' | 'unit';

/** One field on which a detected prediction disagrees with its gold claim. */
export interface Difference {
  field: DifferenceField;
  expected: number | string | null;
  got: number | string | null;
}

/** A one-to-one pair of a prediction and the gold claim it overlaps. */
export interface MatchedPair {
  gold: ClaimView;
  predicted: ClaimView;
  /** Empty when the pair is strictly right. */
  differences: Difference[];
  strict: boolean;
  /** The numbers differ: value, or the bounds of a range or vague amount. */
  wrongValue: boolean;
  kindMismatch: boolean;
}

export interface TrapHit {
  predicted: ClaimView;
  traps: Array<{ quote: string; why: string; start: number; end: number }>;
}

export interface ArticleMisses {
  /** Gold claims that no prediction was paired with. */
  undetected: ClaimView[];
  /** Detected pairs that are not strictly right, with what differed. */
  notStrict: MatchedPair[];
  /** Predictions that were not paired with any gold claim. */
  falsePositives: ClaimView[];
  /** Predictions that overlap a trap. */
  trapHits: TrapHit[];
}

export interface Counts {
  articles: number;
  gold: number;
  predicted: number;
  /** Detected pairs (detection tp). */
  detected: number;
  /** Strictly right pairs (strict tp). */
  strict: number;
  trapHits: number;
  /** Detected pairs whose numbers differ from the gold claim's (a wrong value is worse than a miss). */
  wrongValues: number;
  /** Detected pairs whose predicted kind differs from the gold kind (information only). */
  kindMismatches: number;
  /** Predictions whose `text` is not `input.slice(start, end)` (a contract violation). */
  offsetErrors: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export interface ArticleScore {
  id: string;
  language: Language;
  counts: Counts;
  detection: Prf;
  strict: Prf;
  pairs: MatchedPair[];
  misses: ArticleMisses;
}

export interface GroupScore {
  counts: Counts;
  detection: Prf;
  strict: Prf;
}

export interface Summary {
  byLanguage: Record<Language, GroupScore>;
  all: GroupScore;
}

/** Half-open interval overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Number of characters two intervals share (0 when they do not overlap). */
export function overlapLength(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const RELATIVE_TOLERANCE = 1e-9;

/**
 * Equality of normalized numbers with a relative tolerance of 1e-9, or to the sixth decimal the
 * annotations round to; `null` equals `null` only.
 * `undefined` is treated as `null`.
 */
export function numbersEqual(a: number | null | undefined, b: number | null | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y;
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  // the annotations write repeating fractions to six decimals ("1/7" -> 14.285714)
  return Math.abs(x - y) <= Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)), SIX_DECIMALS);
}

/** Half a unit of the sixth decimal. */
const SIX_DECIMALS = 5e-7;

/** The fields of a difference that are numbers of the claim. */
const NUMBER_FIELDS: ReadonlySet<DifferenceField> = new Set<DifferenceField>(['value', 'min', 'max']);

/** Kinds for which the unit must agree for a pair to be strict. */
const UNIT_CHECKED_KINDS: ReadonlySet<ClaimKind> = new Set<ClaimKind>(['money', 'percent']);

/**
 * What differs between a gold claim and a prediction, for the strict criterion (empty = strict).
 *
 * - Always: `value` (null only equals null) and `qualifier`.
 * - Gold `range`: also `max`.
 * - Gold `vague`: the qualifier must be `vague` (covered by the qualifier check), the value is null
 *   on both sides (covered by the value check), and `min` / `max` are compared when the gold
 *   claim gives them.
 * - Gold kind `money` or `percent`: also `unit`.
 *
 * The kind itself is not compared.
 */
export function claimDifferences(gold: GoldClaim, predicted: Prediction): Difference[] {
  const differences: Difference[] = [];
  if (!numbersEqual(gold.value, predicted.value)) {
    differences.push({ field: 'value', expected: gold.value, got: predicted.value });
  }
  if (gold.qualifier !== predicted.qualifier) {
    differences.push({ field: 'qualifier', expected: gold.qualifier, got: predicted.qualifier });
  }
  if (gold.qualifier === 'vague' && gold.min !== undefined && !numbersEqual(gold.min, predicted.min)) {
    differences.push({ field: 'min', expected: gold.min, got: predicted.min });
  }
  const checkMax = gold.qualifier === 'range' || (gold.qualifier === 'vague' && gold.max !== undefined);
  if (checkMax && !numbersEqual(gold.max, predicted.max)) {
    differences.push({ field: 'max', expected: gold.max ?? null, got: predicted.max });
  }
  if (UNIT_CHECKED_KINDS.has(gold.kind) && gold.unit !== predicted.unit) {
    differences.push({ field: 'unit', expected: gold.unit, got: predicted.unit });
  }
  return differences;
}

/** Locates every gold claim of the article; throws `AnnotationError` for a quote not in the text. */
export function locateGold(article: AnnotatedArticle): LocatedGold[] {
  return article.claims.map((claim, index) => {
    const start = locate(article.text, claim.quote, claim.occurrence);
    if (start < 0) {
      throw new AnnotationError(
        `article ${article.id}: gold quote ${JSON.stringify(claim.quote)} (occurrence ${claim.occurrence}) is not in the text`,
      );
    }
    return { index, start, end: start + claim.quote.length, claim };
  });
}

/** Locates every trap of the article; throws `AnnotationError` for a quote not in the text. */
export function locateTraps(article: AnnotatedArticle): LocatedTrap[] {
  return article.traps.map((trap) => {
    const start = locate(article.text, trap.quote, trap.occurrence);
    if (start < 0) {
      throw new AnnotationError(
        `article ${article.id}: trap quote ${JSON.stringify(trap.quote)} (occurrence ${trap.occurrence}) is not in the text`,
      );
    }
    return { start, end: start + trap.quote.length, quote: trap.quote, why: trap.why };
  });
}

/** A candidate edge of the assignment: prediction `p` overlaps gold `g`. */
export interface Candidate {
  p: number;
  g: number;
  strict: boolean;
  /** Intersection over union of the two spans, in (0, 1]. */
  iou: number;
}

/**
 * One-to-one assignment of predictions to gold claims among the candidate (overlapping) pairs.
 *
 * It is exact, not greedy: it maximizes, in this order, (1) the number of strict pairs, (2) the
 * number of pairs, (3) the summed intersection-over-union of the paired spans (so that, all else
 * equal, a prediction goes to the gold claim it is best aligned with). This is a maximum-weight
 * bipartite matching where a strict pair weighs (K+1)^2 + iou and any other pair K+1 + iou, with
 * K = the size of the smaller side; those weights make the three criteria lexicographic. It is
 * solved with the Hungarian algorithm on each connected component of the overlap graph (the
 * components are tiny in practice, since spans in a text rarely overlap more than one other).
 *
 * Returns the chosen candidates, sorted by gold index.
 */
export function assign(predictionCount: number, goldCount: number, candidates: readonly Candidate[]): Candidate[] {
  // Union-find over predictions [0, P) and gold claims [P, P + G).
  const parent = Array.from({ length: predictionCount + goldCount }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      const up = parent[parent[x]!]!;
      parent[x] = up;
      x = up;
    }
    return x;
  };
  for (const c of candidates) {
    const a = find(c.p);
    const b = find(predictionCount + c.g);
    if (a !== b) parent[a] = b;
  }
  const components = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const root = find(c.p);
    const list = components.get(root);
    if (list) list.push(c);
    else components.set(root, [c]);
  }

  const chosen: Candidate[] = [];
  for (const edges of components.values()) {
    if (edges.length === 1) {
      chosen.push(edges[0]!);
      continue;
    }
    const preds = [...new Set(edges.map((e) => e.p))].sort((a, b) => a - b);
    const golds = [...new Set(edges.map((e) => e.g))].sort((a, b) => a - b);
    // Rows must be the smaller side for the rectangular Hungarian algorithm.
    const rowsArePreds = preds.length <= golds.length;
    const rows = rowsArePreds ? preds : golds;
    const cols = rowsArePreds ? golds : preds;
    const k = rows.length;
    const rowIndex = new Map(rows.map((id, i) => [id, i]));
    const colIndex = new Map(cols.map((id, i) => [id, i]));
    const weight: number[][] = rows.map(() => cols.map(() => 0));
    const edgeAt: Array<Array<Candidate | undefined>> = rows.map(() => cols.map(() => undefined));
    for (const e of edges) {
      const r = rowIndex.get(rowsArePreds ? e.p : e.g)!;
      const c = colIndex.get(rowsArePreds ? e.g : e.p)!;
      weight[r]![c] = (e.strict ? (k + 1) ** 2 : k + 1) + e.iou;
      edgeAt[r]![c] = e;
    }
    const assignment = maxWeightAssignment(weight);
    assignment.forEach((c, r) => {
      const edge = c >= 0 ? edgeAt[r]![c] : undefined;
      if (edge) chosen.push(edge);
    });
  }
  return chosen.sort((a, b) => a.g - b.g || a.p - b.p);
}

/**
 * Hungarian algorithm (shortest augmenting paths with potentials) for a rows x cols matrix of
 * non-negative weights with rows <= cols. Returns, for each row, the column it is assigned to.
 * Every row gets a distinct column; a weight of 0 stands for "no edge" and the caller drops it.
 */
function maxWeightAssignment(weight: readonly (readonly number[])[]): number[] {
  const n = weight.length;
  const m = weight[0]?.length ?? 0;
  if (n === 0) return [];
  // 1-based arrays as in the classic formulation; cost = -weight (minimization).
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -weight[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else {
          minv[j] = minv[j]! - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const result = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) {
    if (p[j]! > 0) result[p[j]! - 1] = j - 1;
  }
  return result;
}

/** Precision, recall and F1 from a true-positive count and the sizes of both sides. */
export function prf(tp: number, predicted: number, gold: number): Prf {
  const bothEmpty = predicted === 0 && gold === 0;
  const precision = predicted === 0 ? (bothEmpty ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? (bothEmpty ? 1 : 0) : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function viewOfGold(located: LocatedGold): ClaimView {
  const { claim } = located;
  return {
    text: claim.quote,
    start: located.start,
    end: located.end,
    kind: claim.kind,
    value: claim.value,
    min: claim.min ?? null,
    max: claim.max ?? null,
    qualifier: claim.qualifier,
    unit: claim.unit,
  };
}

function viewOfPrediction(p: Prediction): ClaimView {
  return {
    text: p.text,
    start: p.start,
    end: p.end,
    kind: p.kind,
    value: p.value,
    min: p.min,
    max: p.max,
    qualifier: p.qualifier,
    unit: p.unit,
  };
}

function iou(a: Interval, b: Interval): number {
  const inter = overlapLength(a, b);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}

/**
 * Scores the predicted claims of one article against its gold claims and traps.
 * Throws `AnnotationError` when a gold or trap quote cannot be located in the text.
 */
export function scoreArticle(article: AnnotatedArticle, predictions: readonly Prediction[]): ArticleScore {
  const gold = locateGold(article);
  const traps = locateTraps(article);

  const candidates: Candidate[] = [];
  predictions.forEach((pred, p) => {
    gold.forEach((g, gi) => {
      if (!overlaps(pred, g)) return;
      candidates.push({ p, g: gi, strict: claimDifferences(g.claim, pred).length === 0, iou: iou(pred, g) });
    });
  });
  const chosen = assign(predictions.length, gold.length, candidates);

  const pairedPredictions = new Set<number>();
  const pairedGold = new Set<number>();
  const pairs: MatchedPair[] = chosen.map((c) => {
    pairedPredictions.add(c.p);
    pairedGold.add(c.g);
    const g = gold[c.g]!;
    const pred = predictions[c.p]!;
    const differences = claimDifferences(g.claim, pred);
    return {
      gold: viewOfGold(g),
      predicted: viewOfPrediction(pred),
      differences,
      strict: differences.length === 0,
      wrongValue: differences.some((d) => NUMBER_FIELDS.has(d.field)),
      kindMismatch: g.claim.kind !== pred.kind,
    };
  });

  const trapHits: TrapHit[] = [];
  for (const pred of predictions) {
    const hit = traps.filter((t) => overlaps(pred, t));
    if (hit.length > 0) {
      trapHits.push({
        predicted: viewOfPrediction(pred),
        traps: hit.map((t) => ({ quote: t.quote, why: t.why, start: t.start, end: t.end })),
      });
    }
  }

  const counts: Counts = {
    articles: 1,
    gold: gold.length,
    predicted: predictions.length,
    detected: pairs.length,
    strict: pairs.filter((pair) => pair.strict).length,
    trapHits: trapHits.length,
    wrongValues: pairs.filter((pair) => pair.wrongValue).length,
    kindMismatches: pairs.filter((pair) => pair.kindMismatch).length,
    offsetErrors: predictions.filter((pred) => article.text.slice(pred.start, pred.end) !== pred.text).length,
  };

  return {
    id: article.id,
    language: article.language,
    counts,
    detection: prf(counts.detected, counts.predicted, counts.gold),
    strict: prf(counts.strict, counts.predicted, counts.gold),
    pairs,
    misses: {
      undetected: gold.filter((_, gi) => !pairedGold.has(gi)).map(viewOfGold),
      notStrict: pairs.filter((pair) => !pair.strict),
      falsePositives: predictions.filter((_, p) => !pairedPredictions.has(p)).map(viewOfPrediction),
      trapHits,
    },
  };
}

function emptyCounts(): Counts {
  return { articles: 0, gold: 0, predicted: 0, detected: 0, strict: 0, trapHits: 0, wrongValues: 0, kindMismatches: 0, offsetErrors: 0 };
}

function addCounts(into: Counts, from: Counts): void {
  for (const key of Object.keys(into) as Array<keyof Counts>) into[key] += from[key];
}

function group(counts: Counts): GroupScore {
  return {
    counts,
    detection: prf(counts.detected, counts.predicted, counts.gold),
    strict: prf(counts.strict, counts.predicted, counts.gold),
  };
}

/**
 * Micro-averaged scores per gold language and overall: the counts of the articles are summed,
 * then precision, recall and F1 are computed from the sums. A language without articles has all
 * counts at 0 (check `counts.articles` before reading its metrics).
 */
export function summarize(scores: readonly ArticleScore[]): Summary {
  const perLanguage = Object.fromEntries(LANGUAGES.map((language) => [language, emptyCounts()])) as Record<
    Language,
    Counts
  >;
  const all = emptyCounts();
  for (const score of scores) {
    addCounts(perLanguage[score.language], score.counts);
    addCounts(all, score.counts);
  }
  const byLanguage = Object.fromEntries(LANGUAGES.map((language) => [language, group(perLanguage[language])])) as Record<
    Language,
    GroupScore
  >;
  return { byLanguage, all: group(all) };
}
