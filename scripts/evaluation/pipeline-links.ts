/**
 * Corroboration links as the pipeline makes them: the annotated articles are posted, signed, to
 * a local pipeline (dynalite, fauxqs, the real handlers), processed by the worker, and read back
 * through the API; every evidence link between two of them is reported once.
 */
import { signDelivery } from '../cli/ingest';
import { startLocalPipeline } from '../local/runtime';
import { ArticleResponse } from '../../shared/schemas/article';
import type { AnnotatedArticle } from './corpus';
import type { PredictedLink } from './links';

export async function linksThroughPipeline(articles: readonly AnnotatedArticle[], progress?: (done: number) => void): Promise<PredictedLink[]> {
  const pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1 });
  try {
    // the article with all its claims, page after page
    const get = async (articleId: string): Promise<ArticleResponse> => {
      let whole: ArticleResponse | undefined;
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
        const res = await fetch(`${pipeline.url}/api/articles/${articleId}${query}`, { headers: { authorization: `Bearer ${pipeline.reviewerToken}` } });
        const page = ArticleResponse.parse(await res.json());
        whole = whole ? { ...page, claims: [...whole.claims, ...page.claims] } : page;
        cursor = page.nextCursor;
      } while (cursor);
      return whole;
    };
    const ids = new Map<string, string>(); // pipeline article id -> annotated id
    for (const a of articles) {
      const body = JSON.stringify({ url: a.url, source: a.source, title: a.title, publishedAt: a.publishedAt, text: a.text });
      const res = await fetch(`${pipeline.url}/webhooks/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signDelivery(pipeline.webhookSecret, `eval-${a.id}`, new Date(), body) },
        body,
      });
      const json = (await res.json()) as { articleId?: string; error?: string };
      if (res.status !== 202 || !json.articleId) throw new Error(`${a.id}: the webhook answered ${res.status} ${json.error ?? ''}`);
      ids.set(json.articleId, a.id);
      // one at a time, as articles arrive, so that each sees the ones before it
      for (let waited = 0; (await get(json.articleId)).status !== 'processed'; waited += 50) {
        if (waited > 60_000) throw new Error(`${a.id}: not processed after 60 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      progress?.(ids.size);
    }
    const stored = await Promise.all([...ids.keys()].map(get));
    const spans = new Map<string, { article: string; start: number; end: number }>();
    for (const article of stored) {
      for (const c of article.claims) spans.set(c.id, { article: ids.get(article.id)!, start: c.start, end: c.end });
    }
    const seen = new Set<string>();
    const links: PredictedLink[] = [];
    for (const article of stored) {
      for (const claim of article.claims) {
        for (const ev of claim.evidence) {
          const key = [claim.id, ev.claimId].sort().join('|');
          const other = spans.get(ev.claimId);
          if (seen.has(key) || !other) continue;
          seen.add(key);
          const own = spans.get(claim.id)!;
          links.push({ articleA: own.article, startA: own.start, endA: own.end, articleB: other.article, startB: other.start, endB: other.end, relation: ev.relation });
        }
      }
    }
    return links;
  } finally {
    await pipeline.stop();
  }
}
