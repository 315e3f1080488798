import { describe, expect, it } from 'vitest';
import { ADMIN_CSS, ADMIN_HTML, ADMIN_JS } from '../../../shared/http/admin-assets';
import { adminPage, CONTENT_SECURITY_POLICY } from '../../../shared/http/admin-page';

describe('adminPage', () => {
  it.each(['/admin', '/admin/'])('serves the page at %s under the strict CSP, never cached', (path) => {
    const page = adminPage(path)!;
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(ADMIN_HTML);
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  it('serves the script and the stylesheet with their content types', () => {
    expect(adminPage('/admin/app.js')).toMatchObject({ statusCode: 200, body: ADMIN_JS, headers: { 'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff' } });
    expect(adminPage('/admin/app.css')).toMatchObject({ statusCode: 200, body: ADMIN_CSS, headers: { 'content-type': 'text/css; charset=utf-8', 'x-content-type-options': 'nosniff' } });
  });

  it('answers null for any other path, so that the router answers 404', () => {
    for (const path of ['/admin/app.ts', '/admin/index.html', '/admin/../api/claims', '/admin/constructor', '/admin/__proto__', '/adminx']) {
      expect(adminPage(path)).toBeNull();
    }
  });

  it('keeps the policy strict: nothing inline, nothing from elsewhere, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*/);
  });
});
