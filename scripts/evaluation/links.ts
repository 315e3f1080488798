/**
 * Scoring of corroboration links against the `matches` of annotated articles: a gold match
 * names a claim (quote) of one article, a quote of another article and the relation. A predicted
 * link counts when it joins the two claims whose spans overlap those quotes.
 */
import type { AnnotatedArticle } from './corpus';
import { locate } from './corpus';
import { prf, type Prf } from './score';

export interface PredictedLink {
  articleA: string;
  startA: number;
  endA: number;
  articleB: string;
  startB: number;
  endB: number;
  relation: 'corroborates' | 'conflicts';
}

export interface LinkScore {
  gold: number;
  predicted: number;
  correct: number;
  /** Gold pair linked with the wrong relation. */
  wrongRelation: number;
  /** Links made on pairs annotated `unrelated`. */
  unrelatedLinked: number;
  links: Prf;
  missed: string[];
  wrong: string[];
}

interface Span { article: string; start: number; end: number; quote: string }

export function scoreLinks(articles: readonly AnnotatedArticle[], predicted: readonly PredictedLink[]): LinkScore {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const spanOf = (articleId: string, quote: string, occurrence = 1): Span | null => {
    const a = byId.get(articleId);
    if (!a) return null;
    const at = locate(a.text, quote, occurrence);
    return at < 0 ? null : { article: articleId, start: at, end: at + quote.length, quote };
  };
  const overlaps = (s: Span, article: string, start: number, end: number) => s.article === article && s.start < end && start < s.end;
  const joins = (l: PredictedLink, x: Span, y: Span) =>
    (overlaps(x, l.articleA, l.startA, l.endA) && overlaps(y, l.articleB, l.startB, l.endB)) ||
    (overlaps(y, l.articleA, l.startA, l.endA) && overlaps(x, l.articleB, l.startB, l.endB));

  let gold = 0;
  let correct = 0;
  let wrongRelation = 0;
  let unrelatedLinked = 0;
  const used = new Set<number>();
  const missed: string[] = [];
  const wrong: string[] = [];
  const seenPairs = new Set<string>();
  for (const a of articles) {
    for (const m of a.matches) {
      const claim = a.claims.find((c) => c.quote === m.claim);
      const x = spanOf(a.id, m.claim, claim?.occurrence ?? 1);
      const other = byId.get(m.article)?.claims.find((c) => c.quote === m.otherQuote);
      const y = spanOf(m.article, m.otherQuote, other?.occurrence ?? 1);
      if (!x || !y) throw new Error(`match ${a.id} "${m.claim}" -> ${m.article} "${m.otherQuote}" cannot be located`);
      // a match may be annotated from both articles: it is one pair
      const pair = [`${x.article}:${x.start}`, `${y.article}:${y.start}`].sort().join('|');
      if (seenPairs.has(pair)) continue;
      seenPairs.add(pair);
      const hit = predicted.findIndex((l, i) => !used.has(i) && joins(l, x, y));
      if (m.relation === 'unrelated') {
        if (hit >= 0) {
          unrelatedLinked++;
          used.add(hit);
          wrong.push(`linked unrelated: ${a.id} "${m.claim}" ~ ${m.article} "${m.otherQuote}"`);
        }
        continue;
      }
      gold++;
      if (hit < 0) {
        missed.push(`${m.relation}: ${a.id} "${m.claim}" ~ ${m.article} "${m.otherQuote}"`);
        continue;
      }
      used.add(hit);
      if (predicted[hit]!.relation === m.relation) correct++;
      else {
        wrongRelation++;
        wrong.push(`${predicted[hit]!.relation} instead of ${m.relation}: ${a.id} "${m.claim}" ~ ${m.article} "${m.otherQuote}"`);
      }
    }
  }
  predicted.forEach((l, i) => {
    if (used.has(i)) return;
    const ta = byId.get(l.articleA)?.text.slice(l.startA, l.endA);
    const tb = byId.get(l.articleB)?.text.slice(l.startB, l.endB);
    wrong.push(`extra ${l.relation}: ${l.articleA} "${ta}" ~ ${l.articleB} "${tb}"`);
  });
  return { gold, predicted: predicted.length, correct, wrongRelation, unrelatedLinked, links: prf(correct, predicted.length, gold), missed, wrong };
}
