/**
 * The public page of a verdict, at the ClaimReview's own `url` (PUBLIC_BASE_URL/reviews/{id}): the
 * claim, the verdict, who gave it and when, the article it appeared in, and the ClaimReview
 * JSON-LD that aggregators read. Every text is escaped; the page runs no script.
 */
import { createHash } from 'node:crypto';
import type { HttpResult } from './response';

const STYLE = 'body{font:1.05rem/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}blockquote{margin:1rem 0;padding:.75rem 1rem;border-inline-start:4px solid #4a5360;background:#f3f5f8}';
/** Only the page's own style element may apply (by its digest); no script runs at all. */
export const PUBLIC_PAGE_POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a script element: nothing in it may close the element or start a comment. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function publicReviewPage(review: Record<string, unknown>, language: string | undefined): HttpResult {
  const rating = review.reviewRating as { alternateName?: string } | undefined;
  const author = review.author as { name?: string; member?: { name?: string } } | undefined;
  const item = review.itemReviewed as { appearance?: { url?: string; headline?: string }; author?: { name?: string } } | undefined;
  const href = /^https?:\/\//i.test(str(item?.appearance?.url)) ? str(item?.appearance?.url) : '';
  const body = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${str(rating?.alternateName)}: ${str(review.claimReviewed)}`.slice(0, 200))}</title>
<script type="application/ld+json">${scriptJson(review)}</script>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(str(rating?.alternateName))}</h1>
<blockquote lang="${escapeHtml(language ?? '')}" dir="auto">${escapeHtml(str(review.claimReviewed))}</blockquote>
<p>Reviewed by <span dir="auto">${escapeHtml(str(author?.member?.name))}</span>, ${escapeHtml(str(author?.name))}, on <time>${escapeHtml(str(review.datePublished))}</time>.</p>
<p>Said in <cite dir="auto">${escapeHtml(str(item?.appearance?.headline))}</cite> (<span dir="auto">${escapeHtml(str(item?.author?.name))}</span>)${href ? `: <a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(href)}</a>` : ''}.</p>
</main>
</body>
</html>
`;
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PUBLIC_PAGE_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'public, max-age=300',
    },
    body,
  };
}
