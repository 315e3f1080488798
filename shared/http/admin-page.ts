import { ADMIN_CSS, ADMIN_HTML, ADMIN_I18N, ADMIN_JS } from './admin-assets';
import type { HttpResult } from './response';

/**
 * The reviewers' admin page: GET /admin (or /admin/) and its assets (script, stylesheet, the
 * labels of each interface language), built from
 * shared/admin/ by `npm run build:admin`. The page talks to /api on the same origin only.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const COMMON = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

/** The assets' URLs carry a digest of their content (?v=...): a new build is a new URL. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

const ASSETS = new Map<string, { contentType: string; body: string }>([
  ['/admin/app.js', { contentType: 'text/javascript; charset=utf-8', body: ADMIN_JS }],
  ['/admin/app.css', { contentType: 'text/css; charset=utf-8', body: ADMIN_CSS }],
  ...Object.entries(ADMIN_I18N).map(([lang, body]) => [`/admin/i18n/${lang}.json`, { contentType: 'application/json; charset=utf-8', body }] as const),
]);

function html(): HttpResult {
  return {
    statusCode: 200,
    headers: { ...COMMON, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' },
    body: ADMIN_HTML,
  };
}

/** The page or one of its assets; null for any other path under /admin (a 404). */
export function adminPage(path: string): HttpResult | null {
  if (path === '/admin' || path === '/admin/') return html();
  const asset = ASSETS.get(path);
  if (!asset) return null;
  return { statusCode: 200, headers: { ...COMMON, 'content-type': asset.contentType, 'cache-control': ASSET_CACHE }, body: asset.body };
}
