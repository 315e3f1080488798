import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ASSETS_MODULE, buildAdminAssets, JS_BUDGET_BYTES, renderAssetsModule } from '../../../scripts/build-admin';

describe('the generated admin assets', () => {
  it('match the page sources (run `npm run build:admin` after changing shared/admin/)', async () => {
    const expected = renderAssetsModule(await buildAdminAssets());
    const actual = await readFile(ASSETS_MODULE, 'utf8');
    // compared as booleans first: a diff of two minified bundles says nothing useful
    expect(actual === expected, 'shared/http/admin-assets.ts is stale: run `npm run build:admin`').toBe(true);
  });

  it('builds the same output twice', async () => {
    const [a, b] = await Promise.all([buildAdminAssets(), buildAdminAssets()]);
    expect(renderAssetsModule(a) === renderAssetsModule(b)).toBe(true);
  });

  it('keeps the script within its budget and the HTML free of inline script and style', async () => {
    const { html, js } = await buildAdminAssets();
    expect(Buffer.byteLength(js)).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(html).toMatch(/<script type="module" src="\/admin\/app\.js\?v=[0-9a-f]{12}"><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/admin\/app\.css\?v=[0-9a-f]{12}">/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    expect(js).not.toMatch(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write/);
    expect(js).not.toMatch(/new Function|\beval\(/);
  });
});
