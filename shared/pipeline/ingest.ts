import { createHash } from 'node:crypto';
import {
  ConflictError,
  issuesOf,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors';
import { type ArticleRecord, type IngestResponse, MAX_BODY_BYTES, WebhookArticle } from '../schemas/article';
import type { ArticleQueue, ArticleStore, Clock } from './ports';

export interface IngestRequest {
  /** Header names in lower case (as API Gateway HTTP APIs deliver them). */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body, exactly as signed. */
  body: string;
}

export interface IngestDeps {
  /** Throws UnauthorizedError unless the Standard Webhooks signature of the body is valid and fresh. */
  verify(body: string, headers: IngestRequest['headers']): void;
  htmlToText(html: string): string;
  store: ArticleStore;
  queue: ArticleQueue;
  now: Clock;
}

/**
 * Accepts one article pushed by a newsroom.
 * In: the signed request. Out: the article id, once the article is stored and queued.
 * Steps: size and media type; signature; JSON and schema; the article id from its URL and
 * text; store it (an article already stored is not stored again, and is queued again only if it
 * was never processed); remember the delivery id; queue it for the claim worker.
 */
export async function ingestArticle(request: IngestRequest, deps: IngestDeps): Promise<IngestResponse & { duplicate: boolean }> {
  const bytes = Buffer.byteLength(request.body, 'utf8');
  if (bytes > MAX_BODY_BYTES) throw new PayloadTooLargeError(`body of ${bytes} bytes is over the limit of ${MAX_BODY_BYTES}`);
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json' && !contentType.endsWith('+json')) {
    throw new UnsupportedMediaTypeError(`content-type must be application/json, not ${contentType || 'missing'}`);
  }
  deps.verify(request.body, request.headers);

  let raw: unknown;
  try {
    raw = JSON.parse(request.body);
  } catch (error) {
    throw new ValidationError(`malformed JSON: ${(error as Error).message}`);
  }
  const parsed = WebhookArticle.safeParse(raw);
  if (!parsed.success) throw new ValidationError('invalid article', issuesOf(parsed.error));
  const article = parsed.data;

  const text = article.text ?? deps.htmlToText(article.html!);
  if (text.trim() === '') throw new ValidationError('the article has no text', [{ path: article.text ? 'text' : 'html', message: 'is empty once reduced to text' }]);
  const id = articleIdOf(article.url, text);
  const record: ArticleRecord = {
    id,
    externalId: article.id,
    url: article.url,
    source: article.source ?? new URL(article.url).host,
    title: article.title,
    language: article.language,
    publishedAt: article.publishedAt,
    receivedAt: deps.now().toISOString(),
    status: 'queued',
    textLength: text.length,
    version: 0,
  };

  const created = (await deps.store.createArticle(record, text)) === 'created';
  const deliveryId = request.headers['webhook-id']!;
  const firstArticle = await deps.store.recordDelivery(deliveryId, id);
  if (firstArticle !== id) throw new ConflictError(`webhook-id ${deliveryId} was already used for article ${firstArticle}`);
  const stored = created ? record : await deps.store.getArticle(id);
  // queued again only while never processed: a crash between store and queue loses nothing,
  // and the worker ignores an article it has already processed
  if (created || stored?.status === 'queued') await deps.queue.enqueue({ articleId: id });
  return { articleId: id, status: 'queued', duplicate: !created };
}

/** The same URL and text always give the same id, so a resent article is recognized. */
export function articleIdOf(url: string, text: string): string {
  return 'art_' + createHash('sha256').update(url).update('\n').update(text).digest('hex').slice(0, 24);
}
