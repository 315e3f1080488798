import { createHash } from 'node:crypto';
import { ConflictError, ValidationError } from '../errors';
import type { ArticleRecord, IngestResponse, WebhookArticle } from '../schemas/article';
import { attribute, type SourcePolicy } from '../senders/sources';
import type { ArticleQueue, ArticleStore, Clock } from './ports';

export interface IngestDeps {
  /** The text of an HTML body (may load its parser on first use). */
  htmlToText(html: string): string | Promise<string>;
  store: ArticleStore;
  queue: ArticleQueue;
  now: Clock;
}

/** A newsroom's article, verified and validated at the edge (shared/http/webhook-request.ts). */
export interface Delivery {
  /** The webhook delivery id: the same delivery again must bring the same article. */
  deliveryId: string;
  article: WebhookArticle;
  /** The sender whose secret signed it. */
  sender: SourcePolicy;
}

/**
 * Accepts one article pushed by a newsroom.
 * In: a verified delivery. Out: the article id, once the article is stored and queued.
 * Steps: who the article is attributed to (a sender may only post for its own sources: 403
 * otherwise; shared/senders/sources.ts); the article's text (HTML reduced to text) and its id
 * from URL and text; remember which article the delivery brought (delivery ids are per sender),
 * first, so that a delivery id reused for another article is refused before anything of it is
 * stored; store the article (an article already stored is not
 * stored again, and is queued again only while it waits); queue it for the claim worker. A
 * crash between two steps loses nothing: the newsroom's retry repeats them, and an article left
 * queued without a message is queued again by the reconciler.
 */
export async function ingestArticle(delivery: Delivery, deps: IngestDeps): Promise<IngestResponse & { duplicate: boolean }> {
  const { article, deliveryId, sender } = delivery;
  const attribution = attribute(article, sender);
  const text = article.text ?? (await deps.htmlToText(article.html!));
  if (text.trim() === '') throw new ValidationError('the article has no text', [{ path: article.text ? 'text' : 'html', message: 'is empty once reduced to text' }]);
  const id = articleIdOf(article.url, text);

  const firstArticle = await deps.store.recordDelivery(deliveryId, id, sender.legacy ? undefined : sender.id);
  if (firstArticle !== id) throw new ConflictError(`webhook-id ${deliveryId} was already used for article ${firstArticle}`);

  const receivedAt = deps.now().toISOString();
  const record: ArticleRecord = {
    id,
    externalId: article.id,
    url: article.url,
    source: attribution.source,
    senderId: attribution.senderId,
    ...(attribution.relayed ? { relayed: true } : {}),
    title: article.title,
    language: article.language,
    publishedAt: article.publishedAt,
    receivedAt,
    status: 'queued',
    textLength: text.length,
    version: 0,
  };
  const created = (await deps.store.createArticle(record, text)) === 'created';
  const stored = created ? record : await deps.store.getArticle(id);
  // queued again only while it waits: the worker ignores an article it has already processed
  if (created || stored?.status === 'queued') await deps.queue.enqueue({ articleId: id });
  return { articleId: id, status: 'queued', duplicate: !created };
}

/** The same URL and text always give the same id, so a resent article is recognized. */
export function articleIdOf(url: string, text: string): string {
  return 'art_' + createHash('sha256').update(url).update('\n').update(text).digest('hex').slice(0, 24);
}
