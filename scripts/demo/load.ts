/**
 * The sample articles of scripts/demo/articles (our own text: a landslide told by four outlets in
 * Arabic, English and Vietnamese, and three single-source stories), sent through the signed
 * webhook as a newsroom would, oldest first, so that each later report finds the earlier ones
 * to corroborate. Used by `npm start -- --demo`; `npm run ingest -- scripts/demo/articles` sends
 * the same files from another terminal.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { ArticleResponse, IngestResponse, WebhookArticle } from '../../shared/schemas/article';

export const DEMO_ARTICLES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'articles');

/** The sample articles, checked against the webhook's schema, oldest first. */
export async function demoArticles(dir = DEMO_ARTICLES): Promise<WebhookArticle[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  const articles = await Promise.all(names.map(async (n) => WebhookArticle.parse(JSON.parse(await readFile(path.join(dir, n), 'utf8')))));
  return articles.sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? ''));
}

/**
 * Posts each sample article and waits until the worker has processed it. Each delivery is
 * `article-<id>`, as `npm run ingest` names it, so that sending them again (a second run on kept
 * data, or the ingest command after --demo) adds nothing. Answers how many
 * articles and claims there are.
 */
export async function loadDemo(target: { url: string; webhookSecret: string; reviewerToken: string }, options: { timeoutMs?: number } = {}): Promise<{ articles: number; claims: number }> {
  const webhook = new Webhook(target.webhookSecret);
  let claims = 0;
  const articles = await demoArticles();
  for (const article of articles) {
    const body = JSON.stringify(article);
    const id = `article-${article.id ?? article.url}`;
    const now = new Date();
    const res = await fetch(`${target.url}/webhooks/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': webhook.sign(id, now, body) },
      body,
    });
    if (res.status !== 202) throw new Error(`the sample article ${article.url} was refused: ${res.status} ${await res.text()}`);
    const { articleId } = IngestResponse.parse(await res.json());
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      const got = await fetch(`${target.url}/api/articles/${articleId}`, { headers: { authorization: `Bearer ${target.reviewerToken}` } });
      const parsed = got.ok ? ArticleResponse.safeParse(await got.json()) : null;
      if (parsed?.success && (parsed.data.status === 'processed' || parsed.data.status === 'failed')) {
        claims += parsed.data.claims.length;
        break;
      }
      if (Date.now() > deadline) throw new Error(`the sample article ${article.url} was not processed in time`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { articles: articles.length, claims };
}
