/**
 * Why gold links were lost: every gold link the pipeline missed (or linked with the wrong
 * relation), every link on an `unrelated` pair and every link on a pair nobody annotated, is put
 * down to the first stage of corroboration that lost it:
 *
 * - extraction: the extractor found no claim at one of the two quotes, or read its kind, unit,
 *   value or qualifier otherwise than the annotation;
 * - dimension: both claims are read right but corroboration compares them in different dimensions;
 * - story: the two articles are not in the same story;
 * - score: the pair is not a candidate, or its same-fact score is at the floor;
 * - threshold: the pair scored, but below the threshold (or lost to a better pair);
 * - relation: linked, with the other relation.
 *
 * Links are also scored per story: the gold stories are the groups of articles the annotations
 * join (any match, `unrelated` included).
 */
import type { ExtractedClaim } from '../../shared/schemas/claim';
import { locate, type AnnotatedArticle, type GoldClaim } from './corpus';
import type { PredictedLink } from './links';
import { claimDifferences, prf, type Prf } from './score';

export type Stage = 'extraction' | 'dimension' | 'story' | 'score' | 'threshold' | 'relation';
export const STAGES: readonly Stage[] = ['extraction', 'dimension', 'story', 'score', 'threshold', 'relation'];

/** A claim as the pipeline extracted it, in its article. */
export interface ExtractedInArticle {
  articleId: string;
  claim: ExtractedClaim;
  index: number;
}

/** What corroboration says about one pair of extracted claims, replayed as the pipeline ran. */
export interface PairVerdict {
  stage: Exclude<Stage, 'extraction' | 'relation'> | 'linked';
  /** A short reason for the report. */
  detail: string;
  score?: number;
}

/** Corroboration replayed over the articles in arrival order, to ask about any pair. */
export interface Replay {
  claimsOf(articleId: string): readonly ExtractedClaim[];
  /** The dimension corroboration compares a claim in ("count:people", "money", ...). */
  dimension(claim: Pick<ExtractedClaim, 'kind' | 'unit'>): string;
  verdict(a: ExtractedInArticle, b: ExtractedInArticle): PairVerdict;
}

export interface ExplainedLink {
  kind: 'missed' | 'wrong relation' | 'linked unrelated' | 'extra';
  stage: Stage;
  detail: string;
  line: string;
}

export interface StoryScore {
  articles: string[];
  gold: number;
  predicted: number;
  correct: number;
  unrelatedLinked: number;
  links: Prf;
}

export interface Explanation {
  items: ExplainedLink[];
  stories: StoryScore[];
}

interface Side {
  article: AnnotatedArticle;
  quote: string;
  start: number;
  end: number;
  gold: GoldClaim | undefined;
}

export function explainLinks(articles: readonly AnnotatedArticle[], predicted: readonly PredictedLink[], replay: Replay): Explanation {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const side = (articleId: string, quote: string): Side | null => {
    const article = byId.get(articleId);
    if (!article) return null;
    const gold = article.claims.find((c) => c.quote === quote);
    const start = locate(article.text, quote, gold?.occurrence ?? 1);
    return start < 0 ? null : { article, quote, start, end: start + quote.length, gold };
  };
  const overlapping = (s: Side): ExtractedInArticle | null => {
    const claims = replay.claimsOf(s.article.id);
    const index = claims.findIndex((c) => c.start < s.end && s.start < c.end);
    return index < 0 ? null : { articleId: s.article.id, claim: claims[index]!, index };
  };
  const joins = (l: PredictedLink, x: Side, y: Side) => {
    const on = (s: Side, article: string, start: number, end: number) => s.article.id === article && s.start < end && start < s.end;
    return (on(x, l.articleA, l.startA, l.endA) && on(y, l.articleB, l.startB, l.endB)) ||
      (on(y, l.articleA, l.startA, l.endA) && on(x, l.articleB, l.startB, l.endB));
  };

  // gold stories: articles joined by any annotated match
  const parent = new Map(articles.map((a) => [a.id, a.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const a of articles) for (const m of a.matches) if (parent.has(m.article)) parent.set(find(a.id), find(m.article));
  const storyOf = (articleId: string) => find(articleId);

  const items: ExplainedLink[] = [];
  const used = new Set<number>();
  const seen = new Set<string>();
  const tallies = new Map<string, { gold: number; correct: number; unrelated: number }>();
  const tally = (story: string) => tallies.get(story) ?? tallies.set(story, { gold: 0, correct: 0, unrelated: 0 }).get(story)!;
  for (const a of articles) {
    for (const m of a.matches) {
      const x = side(a.id, m.claim);
      const y = side(m.article, m.otherQuote);
      if (!x || !y) continue; // scoreLinks already refuses such a file
      const pair = [`${a.id}:${x.start}`, `${m.article}:${y.start}`].sort().join('|');
      if (seen.has(pair)) continue;
      seen.add(pair);
      const line = `${m.relation}: ${a.id} "${m.claim}" ~ ${m.article} "${m.otherQuote}"`;
      const hit = predicted.findIndex((l, i) => !used.has(i) && joins(l, x, y));
      const t = tally(storyOf(a.id));
      if (hit >= 0) used.add(hit);
      if (m.relation === 'unrelated') {
        if (hit >= 0) {
          t.unrelated++;
          const why = passed(x, y);
          items.push({ kind: 'linked unrelated', stage: why.stage, detail: why.detail, line });
        }
        continue;
      }
      t.gold++;
      if (hit >= 0 && predicted[hit]!.relation === m.relation) {
        t.correct++;
        continue;
      }
      if (hit >= 0) {
        items.push({ kind: 'wrong relation', stage: 'relation', detail: `${predicted[hit]!.relation} instead of ${m.relation}`, line });
        continue;
      }
      const why = lost(x, y);
      items.push({ kind: 'missed', stage: why.stage, detail: why.detail, line });
    }
  }
  predicted.forEach((l, i) => {
    if (used.has(i)) return;
    const ta = byId.get(l.articleA)?.text.slice(l.startA, l.endA);
    const tb = byId.get(l.articleB)?.text.slice(l.startB, l.endB);
    const sameStory = storyOf(l.articleA) === storyOf(l.articleB);
    items.push({
      kind: 'extra',
      stage: sameStory ? 'score' : 'story',
      detail: sameStory ? 'a pair nobody annotated, in one story' : 'articles of two stories',
      line: `${l.relation}: ${l.articleA} "${ta}" ~ ${l.articleB} "${tb}"`,
    });
  });

  const members = new Map<string, string[]>();
  for (const a of articles) members.set(storyOf(a.id), [...(members.get(storyOf(a.id)) ?? []), a.id]);
  const stories: StoryScore[] = [...members.entries()]
    .filter(([id]) => (tallies.get(id)?.gold ?? 0) > 0)
    .map(([id, ids]) => {
      const t = tallies.get(id)!;
      const predictedHere = predicted.filter((l) => storyOf(l.articleA) === id && storyOf(l.articleB) === id).length;
      return { articles: ids, gold: t.gold, predicted: predictedHere, correct: t.correct, unrelatedLinked: t.unrelated, links: prf(t.correct, predictedHere, t.gold) };
    });
  return { items, stories };

  /** The first stage that lost a gold link. */
  function lost(x: Side, y: Side): { stage: Stage; detail: string } {
    const ex = overlapping(x);
    const ey = overlapping(y);
    for (const [s, e] of [[x, ex], [y, ey]] as const) {
      if (!e) return { stage: 'extraction', detail: 'no claim' };
      const wrong = misread(s.gold, e.claim, replay);
      if (wrong) return { stage: 'extraction', detail: wrong };
    }
    const v = replay.verdict(ex!, ey!);
    if (v.stage === 'linked') return { stage: 'threshold', detail: 'linked in the replay, not by the pipeline' };
    return { stage: v.stage, detail: v.detail };
  }

  /** Why a wrong link got through: the last stage that let it pass. */
  function passed(x: Side, y: Side): { stage: Stage; detail: string } {
    const ex = overlapping(x);
    const ey = overlapping(y);
    if (!ex || !ey) return { stage: 'extraction', detail: 'no claim' };
    const v = replay.verdict(ex, ey);
    return { stage: 'threshold', detail: v.score === undefined ? v.detail : `score ${v.score.toFixed(2)}` };
  }
}

/** How the extractor read a gold claim otherwise than its annotation, or null when it read it right. */
function misread(gold: GoldClaim | undefined, claim: ExtractedClaim, replay: Replay): string | null {
  if (!gold) return null;
  if (gold.kind !== claim.kind) return `kind ${claim.kind} for ${gold.kind}`;
  // a unit read otherwise matters only when it changes what corroboration compares
  if (replay.dimension(gold) !== replay.dimension(claim)) return `unit ${claim.unit || '(none)'} for ${gold.unit}`;
  const d = claimDifferences(gold, claim)[0];
  return d ? `${d.field} ${String(d.got)} for ${String(d.expected)}` : null;
}

/** The table of lost links by stage (and reason), then the stories' scores. */
export function formatExplanation(explanation: Explanation, verbose: boolean): string {
  const lines: string[] = [];
  const kinds = ['missed', 'wrong relation', 'linked unrelated', 'extra'] as const;
  const rows = STAGES.map((stage) => [stage, ...kinds.map((k) => String(explanation.items.filter((i) => i.stage === stage && i.kind === k).length))]);
  const header = ['stage that lost the link', ...kinds];
  const table = [header, ...rows, ['all', ...kinds.map((k) => String(explanation.items.filter((i) => i.kind === k).length))]];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  lines.push('links lost, by stage:');
  for (const r of table) lines.push(`  ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')}`);
  const reasons = new Map<string, number>();
  for (const i of explanation.items) {
    const key = `${i.stage}: ${i.kind}: ${i.detail.replace(/[\d.]+/g, 'N')}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  lines.push('reasons:');
  for (const [reason, count] of [...reasons.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    lines.push(`  ${String(count).padStart(4)}  ${reason}`);
  }
  const f = (x: number) => x.toFixed(3);
  lines.push('links per story (gold stories: articles joined by annotated matches):');
  for (const s of explanation.stories) {
    lines.push(`  ${s.articles.length} articles (${s.articles.slice(0, 3).join(', ')}${s.articles.length > 3 ? ', ...' : ''}): ` +
      `gold ${s.gold}, predicted ${s.predicted}, correct ${s.correct}, unrelated linked ${s.unrelatedLinked}; ` +
      `P ${f(s.links.precision)} R ${f(s.links.recall)} F1 ${f(s.links.f1)}`);
  }
  if (verbose) {
    for (const i of explanation.items) lines.push(`  ${i.kind} [${i.stage}: ${i.detail}] ${i.line}`);
  }
  return lines.join('\n');
}
