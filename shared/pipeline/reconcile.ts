import type { ArticleQueue, ArticleStore, Clock } from './ports';

export interface ReconcileDeps {
  articles: ArticleStore;
  queue: ArticleQueue;
  now: Clock;
}

/** Times an article is queued again before it is marked failed (each time with all its receives). */
export const MAX_REQUEUES = 5;
const PAGE = 100;

export interface ReconcileReport {
  requeued: string[];
  failed: string[];
}

/**
 * Makes "accepted" mean "processed": queues again every article left unfinished (queued without
 * a message that survived, or held by a worker run that died) for longer than `olderThanMs`.
 * In: how stale an article must be (the queue's visibility timeout in AWS; 0 when the local
 * queue was lost with a restart). Out: the articles queued again, and those given up on.
 * Steps: read the unfinished articles from their sparse index, oldest first, a page at a time
 * (a Query, never a Scan); mark each queued again unless it changed meanwhile (a worker or
 * another reconciler got to it: skip it), then send its message; an article queued again
 * MAX_REQUEUES times is marked failed with the reason instead.
 */
export async function reconcile(options: { olderThanMs: number }, deps: ReconcileDeps): Promise<ReconcileReport> {
  const now = deps.now();
  const before = new Date(now.getTime() - options.olderThanMs);
  const report: ReconcileReport = { requeued: [], failed: [] };
  for (;;) {
    const page = await deps.articles.unfinished(before, PAGE);
    const handled = report.requeued.length + report.failed.length;
    for (const article of page) {
      if ((article.requeues ?? 0) >= MAX_REQUEUES) {
        await deps.articles.markFailed(article, `not processed after being queued ${MAX_REQUEUES + 1} times (${article.attempts ?? 0} worker runs started)`);
        report.failed.push(article.id);
      } else if (await deps.articles.requeue(article, now)) {
        await deps.queue.enqueue({ articleId: article.id });
        report.requeued.push(article.id);
      }
    }
    // what was handled left the page's range (its last change is now "now"); what changed
    // meanwhile did too, so a full page means there may be more; unless none of it could be
    // handled: an index behind its table shows them as they were, and the next run sees them as they are
    if (page.length < PAGE || report.requeued.length + report.failed.length === handled) return report;
  }
}
