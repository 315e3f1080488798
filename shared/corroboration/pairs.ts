/**
 * What the same-fact model reads of a pair of claims of one story: each feature names a class of
 * evidence, none is a gate (the gate is the dimension: money with money, counts of people with
 * counts of people).
 */
import { GENERIC_UNITS, WEAK_UNITS } from './data';
import type { MatchEntry } from './entries';
import type { ClaimFeatures } from './features';
import { mid, relationOf } from './relation';

export const FACT_FEATURES = [
  'overlap', // the intervals overlap (the relation would be corroborates)
  'log_ratio', // |ln(a/b)| of the two values, or the log gap between the intervals when one is loose (0 when they overlap), up to 3; years: the years apart
  'precise_equal', // equal values with three or more significant digits
  'loose', // one of them is a bound, a range or vague
  'predicate', // shared concept words near both ("killed", "قتلى", "chết" -> death), 0..2
  'predicate_clash', // both have concept words near them, none shared
  'concept_equal', // the same specific counted noun (not just "people")
  'context', // shared names and figures in the two sentences (Jaccard)
  'words', // shared words of the two sentences, one script (Jaccard)
  'both_lead', // both in their article's lead
  'rivals', // ln(1 + other claims of the dimension in the two articles)
  'mutual_nearest', // each is the other's nearest value of the dimension in its article
  'date', 'percent', 'money', 'people', 'time', // the dimension, as base rates
  'gap_days', // ln(1 + days between the two articles)
  'small', // a one-digit value on either side
  'outdone', // another claim of the dimension in one article shares more of the other's context ("five years" beside the same "$500 million")
  'sentence_figure', // the two sentences hold another figure in common ("$500 million over five years")
  'sentence_name', // the two sentences name someone or something in common
  'year_clash', // both sentences name a year, none in common ("capacity of 220,000 bpd since 2016" / "to 220,000 bpd by 2028")
  'age_name_clash', // two ages whose sentences name people in one script, none in common: two people's ages
  // the values agree AND ...: agreement weighs by what backs it, which a sum of the two cannot say
  'agree_predicate', // ... concept words are shared
  'agree_context', // ... names and figures are shared
  'agree_figure', // ... the sentences hold another figure in common
  'agree_name', // ... the sentences name someone or something in common
  'agree_concept', // ... the counted noun is the same
  'agree_outdone', // ... but a rival shares more of the other's context
  'agree_clash', // ... but the concept words next to them differ
] as const;

/** The claims of one article's dimension, to tell rivals and nearest values. */
export type SameDimension = readonly MatchEntry[];

export function factFeatures(a: MatchEntry, b: MatchEntry, aMates: SameDimension, bMates: SameDimension): number[] {
  const fa = a.features;
  const fb = b.features;
  const ma = mid(fa);
  const mb = mid(fb);
  const logRatio = Math.min(3, fa.dimension === 'date' ? Math.abs(ma - mb) : logGap(fa, fb));
  const precise = fa.pointLike && fb.pointLike && Math.min(fa.digits, fb.digits) >= 3 && Math.abs(ma - mb) <= 0.005 * Math.max(ma, mb);
  const near = (e: MatchEntry, others: SameDimension) => {
    const target = mid(e.features);
    let best: MatchEntry | null = null;
    let bestGap = Infinity;
    for (const o of others) {
      const gap = Math.abs(Math.log(Math.max(1e-9, mid(o.features)) / Math.max(1e-9, target)));
      if (gap < bestGap) {
        best = o;
        bestGap = gap;
      }
    }
    return best;
  };
  const mutual = near(a, bMates)?.claimId === b.claimId && near(b, aMates)?.claimId === a.claimId;
  const ta = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
  const tb = b.publishedAt ? Date.parse(b.publishedAt) : NaN;
  const days = Number.isFinite(ta) && Number.isFinite(tb) ? Math.abs(ta - tb) / 86_400_000 : 0;
  const agree = relationOf(fa, fb) === 'corroborates' ? 1 : 0;
  const predicate = sharedConcept(fa, fb);
  const clash = conceptClash(fa, fb) ? 1 : 0;
  const concept = sameConcept(fa, fb) ? 1 : 0;
  const context = jaccard(fa.context, fb.context);
  const other = outdone(a, b, aMates, bMates) ? 1 : 0;
  const figure = fa.context.some((k) => isFigure(k) && fb.context.includes(k)) ? 1 : 0;
  const name = fa.context.some((k) => !isFigure(k) && fb.context.includes(k)) ? 1 : 0;
  return [
    agree,
    logRatio,
    precise ? 1 : 0,
    fa.pointLike && fb.pointLike ? 0 : 1,
    predicate,
    clash,
    concept,
    context,
    a.language && a.language === b.language ? jaccard(fa.words, fb.words) : sameScript(a, b) ? jaccard(fa.words, fb.words) : 0,
    fa.lead && fb.lead ? 1 : 0,
    Math.log(1 + Math.max(0, aMates.length - 1) + Math.max(0, bMates.length - 1)),
    mutual ? 1 : 0,
    fa.dimension === 'date' ? 1 : 0,
    fa.dimension === 'percent' ? 1 : 0,
    fa.dimension === 'money' ? 1 : 0,
    fa.dimension === 'count:people' ? 1 : 0,
    fa.dimension === 'duration' || fa.dimension === 'age' ? 1 : 0,
    Math.log(1 + days),
    (fa.digits <= 1 && ma < 10) || (fb.digits <= 1 && mb < 10) ? 1 : 0,
    other,
    figure,
    name,
    yearClash(fa, fb) ? 1 : 0,
    fa.dimension === 'age' && sameScript(a, b) && nameClash(fa, fb) ? 1 : 0,
    agree * predicate,
    agree * context,
    agree * figure,
    agree * name,
    agree * concept,
    agree * other,
    agree * clash,
  ];
}

/**
 * How far apart two intervals are on a log scale: the ratio of their middles when both state one
 * value, else the gap between their nearest ends (0 when they overlap: "thousands" holds 3,000).
 */
function logGap(a: ClaimFeatures, b: ClaimFeatures): number {
  const ln = (x: number) => Math.log(Math.max(1e-9, x));
  if (a.pointLike && b.pointLike) return Math.abs(ln(mid(a)) - ln(mid(b)));
  if (a.lo > b.hi) return ln(a.lo) - ln(b.hi);
  if (b.lo > a.hi) return ln(b.lo) - ln(a.hi);
  return 0;
}

/** Context keys of one kind on both sides, and none in common. */
function disjoint(a: ClaimFeatures, b: ClaimFeatures, ofKind: (key: string) => boolean): boolean {
  const ka = a.context.filter(ofKind);
  const kb = b.context.filter(ofKind);
  return ka.length > 0 && kb.length > 0 && !ka.some((k) => kb.includes(k));
}

/** Both sentences name someone or something (not a place), and none in common. */
const nameClash = (a: ClaimFeatures, b: ClaimFeatures) => disjoint(a, b, (k) => !isFigure(k) && !k.startsWith('place:'));

/** Both sentences name a year, none in common: the same figure said of two times. */
const yearClash = (a: ClaimFeatures, b: ClaimFeatures) => disjoint(a, b, (k) => k.startsWith('y:'));

/** A context key of a figure ("n:14", "y:2024"), not of a name. */
const isFigure = (key: string) => key.startsWith('n:') || key.startsWith('y:');

/** What the words around two claims share: names, figures and concept words. */
const affinity = (x: ClaimFeatures, y: ClaimFeatures) => jaccard(x.context, y.context) + sharedConcept(x, y) / 2;

/** A rival of either claim, in its own article, is closer to the other claim by its context than the pair is. */
function outdone(a: MatchEntry, b: MatchEntry, aMates: SameDimension, bMates: SameDimension): boolean {
  const own = affinity(a.features, b.features);
  return aMates.some((o) => o.claimId !== a.claimId && affinity(o.features, b.features) > own)
    || bMates.some((o) => o.claimId !== b.claimId && affinity(a.features, o.features) > own);
}

/** A counted noun that says what is counted, more than "people" does. */
const specific = (f: ClaimFeatures) => f.dimension.startsWith('count:') && !GENERIC_UNITS.has(f.concept) && !WEAK_UNITS.has(f.concept) && f.concept !== '';
const sameConcept = (a: ClaimFeatures, b: ClaimFeatures) => specific(a) && a.concept === b.concept;

const sameScript = (a: MatchEntry, b: MatchEntry) => (a.language === 'ar') === (b.language === 'ar');

/** How strongly nearby words say the two claims are about the same thing (0 when nothing shared). */
export function sharedConcept(a: ClaimFeatures, b: ClaimFeatures): number {
  let best = 0;
  for (const [concept, da] of Object.entries(a.about)) {
    const db = b.about[concept];
    if (db === undefined) continue;
    best = Math.max(best, 1 / (1 + da) + 1 / (1 + db));
  }
  return best;
}

/** Both claims have concept words right next to them, and none in common ("killed" / "injured"). */
function conceptClash(a: ClaimFeatures, b: ClaimFeatures): boolean {
  const close = (f: ClaimFeatures) => Object.entries(f.about).filter(([, d]) => d <= 3).map(([c]) => c);
  const ca = close(a);
  const cb = close(b);
  return ca.length > 0 && cb.length > 0 && !ca.some((c) => b.about[c] !== undefined) && !cb.some((c) => a.about[c] !== undefined);
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const x of b) if (set.has(x)) shared++;
  return shared / (a.length + b.length - shared);
}
