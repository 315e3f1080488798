import type { HttpResult } from './response';

/**
 * The reviewers' admin page: GET /admin and its assets. Placeholder until the page lands:
 * answers a short HTML page under the same Content-Security-Policy.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function adminPage(path: string): HttpResult | null {
  if (path !== '/admin' && path !== '/admin/') return null;
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY, 'cache-control': 'no-store' },
    body: '<!doctype html><html lang="en"><meta charset="utf-8"><title>Claims review</title><h1>Claims review</h1></html>',
  };
}
