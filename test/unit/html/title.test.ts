import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlTitle } from '../../../shared/html/title';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');

describe('htmlTitle', () => {
  it('reads the <title> with its entities decoded', () => {
    expect(htmlTitle(fixture('ar-rtl.html'))).toBe('البلدية تفتتح حدائق جديدة | أخبار المدينة');
    expect(htmlTitle('<title lang="en">\n  Tom &amp; Jerry &lt;b&gt; a < b\n</title>')).toBe('Tom & Jerry <b> a < b');
  });

  it('falls back to the first <h1>, markup removed', () => {
    expect(htmlTitle('<body><h1 class="x">Storm closes <i>port</i></h1><h1>Second</h1></body>')).toBe(
      'Storm closes port',
    );
    expect(htmlTitle('<TITLE> </TITLE><H1>Upper case</H1>')).toBe('Upper case');
  });

  it('returns undefined without a title or h1, or when they never close', () => {
    expect(htmlTitle('<p>No title here</p>')).toBeUndefined();
    expect(htmlTitle('<title>Never closed')).toBeUndefined();
    expect(htmlTitle('<titles>not a title</titles>')).toBeUndefined();
    expect(htmlTitle('')).toBeUndefined();
  });

  it('stays linear on 1 MB of unclosed openings', () => {
    const started = performance.now();
    expect(htmlTitle('<title'.repeat(200_000))).toBeUndefined();
    expect(htmlTitle('<h1 '.repeat(250_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
