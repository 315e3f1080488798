import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, stripTags } from '../../../shared/html/to-text';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');

const MB = 1024 * 1024;

describe('htmlToText on article pages', () => {
  it('reads an Arabic right-to-left article without its header, navigation, caption, footer and script', () => {
    expect(htmlToText(fixture('ar-rtl.html'))).toBe(
      [
        'البلدية تفتتح 12 حديقة جديدة',
        'افتتحت البلدية 12 حديقة جديدة بتكلفة تجاوزت 3 ملايين درهم عام 2019، أي أكثر من نصف الخطة.',
        'وقال رئيس البلدية إن نحو 40% من السكان يعيشون على بعد 500 متر من حديقة.',
      ].join('\n'),
    );
  });

  it('leaves out scripts, styles, noscript, nav, aside, forms, buttons, templates, iframes, svg and hidden elements', () => {
    expect(htmlToText(fixture('boilerplate.html'))).toBe(
      [
        'Harbour expansion approved',
        'The council approved a harbour expansion worth $45 million on Tuesday.',
        'Work is expected to take 18 months.',
        'About 1,200 jobs will be created.',
      ].join('\n'),
    );
  });

  it('decodes named, decimal and hexadecimal entities and collapses whitespace', () => {
    expect(htmlToText(fixture('entities.html'))).toBe(
      [
        `Tom & Jerry <3 "cheese" 'a lot'`,
        'Price: €12 000 — down 5% — from £10',
        'Arabic by number: مرحبا and مرحبا',
        'Vietnamese: Việt Nam à é',
        'Not entities: AT&T, a & b, &unknownentity; 5 < 6',
        'Spaces: many lines and tabs',
      ].join('\n'),
    );
  });

  it('puts list items, line breaks, table rows and preformatted lines on lines of their own', () => {
    expect(htmlToText(fixture('lists.html'))).toBe(
      [
        'Key figures',
        'Revenue: $6.8bn',
        'Copper: 70%',
        'Gold: 20%',
        'Staff: 14,500',
        'First',
        'Second',
        'Second, a',
        'Line one',
        'Line two',
        'Line three',
        'Line four',
        'Year Output (t)',
        '2023 430,000',
        '2024 412,000',
        'code line 1',
        'code line 2',
        'Quoted words here.',
      ].join('\n'),
    );
  });

  it('copes with malformed markup: unclosed and upper-case tags, stray closings, quoted >, unclosed comment', () => {
    expect(htmlToText(fixture('malformed.html'))).toBe(
      [
        'Storm closes port',
        'First paragraph with bold text',
        'Second paragraph',
        'Third > paragraph & more',
        'Fourth paragraph',
        'Stray item stray cell',
        'Last paragraph before an unclosed comment',
      ].join('\n'),
    );
  });

  it('reads a Vietnamese page from its role=main element, without hidden parts and landmark chrome', () => {
    expect(htmlToText(fixture('vi-role-main.html'))).toBe(
      [
        'Sân bay Long Thành tuyển thêm 250 công nhân',
        'Nhà máy tuyển thêm khoảng 250 công nhân trong năm 2022, tăng 15% so với năm trước.',
        'Tổng vốn đầu tư giai đoạn 1 là 109.000 tỷ đồng.',
        'Dự kiến sân bay đón 25 triệu khách mỗi năm.',
      ].join('\n'),
    );
  });
});

describe('htmlToText choosing the content', () => {
  it('prefers <article> to <main>, <main> to [role=main], [role=main] to <body>', () => {
    const page = (inner: string): string => `<html><body><p>body text</p>${inner}</body></html>`;
    expect(htmlToText(page('<main>main text<article>article text</article></main>'))).toBe('article text');
    expect(htmlToText(page('<div role="main">role text</div><main>main text</main>'))).toBe('main text');
    expect(htmlToText(page('<div role="region main">role text</div>'))).toBe('role text');
    expect(htmlToText(page(''))).toBe('body text');
  });

  it('takes the <article> with the most text when there are several', () => {
    const html =
      '<body><article><p>Teaser</p></article><article><h1>Main story</h1><p>With a longer body.</p>' +
      '<article><p>A nested comment</p></article></article></body>';
    expect(htmlToText(html)).toBe('Main story\nWith a longer body.\nA nested comment');
  });

  it('skips an empty or hidden <article> for the next choice', () => {
    expect(htmlToText('<body><article hidden><p>old</p></article><p>Visible</p></body>')).toBe('Visible');
    expect(htmlToText('<body><article>  <img src="x"> </article><p>Visible</p></body>')).toBe('Visible');
  });

  it('does not take an <article> in page chrome, but finds one in a page-wide <form>', () => {
    expect(htmlToText('<body><aside><article>Related</article></aside><p>Story</p></body>')).toBe('Story');
    expect(htmlToText('<body><form id="page"><article><p>Story</p><form>Comment</form></article></form></body>')).toBe(
      'Story',
    );
  });

  it('reads a fragment without <body> as a whole', () => {
    expect(htmlToText('<h2>Title</h2><p>One</p>two')).toBe('Title\nOne\ntwo');
    expect(htmlToText('plain text, no tags')).toBe('plain text, no tags');
  });

  it('falls back to the page chrome rather than return nothing', () => {
    expect(htmlToText('<header><h1>Only a header</h1></header><script>x()</script>')).toBe('Only a header');
  });

  it('joins inline elements without adding spaces, and table cells with one', () => {
    expect(htmlToText('<p>Wo<span>rd</span> and <b>bold</b>,<i>it</i></p>')).toBe('Word and bold,it');
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a b');
  });

  it('treats every aria-hidden, hidden and display:none element as absent', () => {
    expect(
      htmlToText(
        '<p>a<span hidden>x</span> b<span aria-hidden="true">y</span> c<span style="color:red; display: none">z</span>' +
          ' d<span aria-hidden="false">e</span><span title="hidden">f</span></p>',
      ),
    ).toBe('a b c def');
  });

  it('keeps the text of a <script> out even when it looks like markup', () => {
    expect(htmlToText('<p>before</p><script>document.write("<p>injected</p>")</script><p>after</p>')).toBe(
      'before\nafter',
    );
    expect(htmlToText('<p>before</p><SCRIPT>if (a<b) {}</SCRIPT><p>after</p>')).toBe('before\nafter');
  });

  it('returns an empty string for empty, blank or non-string input', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText(' \n\t ')).toBe('');
    expect(htmlToText('<html><body> <br> </body></html>')).toBe('');
    expect(htmlToText(undefined as unknown as string)).toBe('');
  });
});

describe('htmlToText on huge and hostile input', () => {
  const timed = (html: string): { text: string; ms: number } => {
    const started = performance.now();
    const text = htmlToText(html);
    return { text, ms: performance.now() - started };
  };

  it('reads a 1 MB article page', () => {
    const paragraph = '<p>Revenue rose 12% to <b>$3.5&nbsp;million</b> in 2021, the company said.</p>\n';
    const html = `<html><body><nav>menu</nav><article>${paragraph.repeat(Math.ceil(MB / paragraph.length))}</article></body></html>`;
    expect(html.length).toBeGreaterThan(MB);
    const { text, ms } = timed(html);
    const lines = text.split('\n');
    expect(lines.length).toBe(Math.ceil(MB / paragraph.length));
    expect(new Set(lines)).toEqual(new Set(['Revenue rose 12% to $3.5 million in 2021, the company said.']));
    expect(ms).toBeLessThan(5_000);
  });

  it('reads 1 MB of Arabic text with few tags', () => {
    const html = `<article dir="rtl"><p>${'افتتحت البلدية 12 حديقة جديدة. '.repeat(MB / 32)}</p></article>`;
    const { text, ms } = timed(html);
    expect(text.startsWith('افتتحت البلدية 12 حديقة جديدة. افتتحت')).toBe(true);
    expect(text.includes('\n')).toBe(false);
    expect(ms).toBeLessThan(5_000);
  });

  it.each([
    ['unclosed nested elements', '<div><span>'.repeat(MB / 11) + 'end'],
    ['closing tags without openings', '<div>x'.repeat(MB / 12) + '</span>'.repeat(MB / 14)],
    ['unclosed comments', '<p>kept</p>' + '<!--'.repeat(MB / 4)],
    ['unclosed CDATA', '<p>kept</p>' + '<![CDATA['.repeat(MB / 9)],
    ['unclosed tags', '<p>kept</p>' + '<a x="'.repeat(MB / 6)],
    ['a script that never closes', '<p>kept</p><script>' + 'x<'.repeat(MB / 2)],
    ['bare < and &', '<p>kept</p>' + '<&'.repeat(MB / 2)],
    ['upper-case tags', '<P>kept</P>'.repeat(MB / 11)],
    ['deep lists', '<ul><li>'.repeat(MB / 8) + 'deep'],
  ])('stays fast and does not throw on 1 MB of %s', (_name, html) => {
    const { text, ms } = timed(html);
    expect(typeof text).toBe('string');
    expect(ms).toBeLessThan(5_000);
  });

  it('keeps the text before an unclosed comment', () => {
    expect(htmlToText('<p>kept</p>' + '<!--'.repeat(1000) + '<p>hidden</p>')).toBe('kept');
    expect(htmlToText('<p>kept</p><script>var s = "<!--";</script><p>also kept</p>')).toBe('kept\nalso kept');
  });
});

describe('stripTags (the fallback)', () => {
  it('strips tags, skips comments, scripts and declarations, and cuts paragraphs at block tags', () => {
    expect(
      stripTags('<!DOCTYPE html><title>T</title><p>One <b>bold</b> &amp; more</p><!-- c --><script>a<b</script>two<br>three'),
    ).toBe('One bold & more\ntwo\nthree');
  });

  it('decodes numeric and common named entities and leaves unknown ones', () => {
    expect(stripTags('&#1605;&#x631; Vi&#7879;t &agrave;&Eacute;&yuml; &euro;5&nbsp;&mdash; &bogus; &#xD800;')).toBe(
      'مر Việt àÉÿ €5 — &bogus; \ufffd',
    );
  });

  it('handles quoted > in attributes, stray <, unclosed tags and comments', () => {
    expect(stripTags('<p title="a > b">x</p> 1 < 2 <p>y')).toBe('x\n1 < 2\ny');
    expect(stripTags('<p>kept</p><!-- never closed <p>lost</p>')).toBe('kept');
    expect(stripTags('<p>kept</p><a href="never closed>lost')).toBe('kept');
  });

  it('reads the malformed fixture as the parser does', () => {
    expect(stripTags(fixture('malformed.html'))).toBe(htmlToText(fixture('malformed.html')));
  });

  it('is linear on 1 MB of bare & and <', () => {
    const started = performance.now();
    expect(stripTags('&'.repeat(MB)).length).toBe(MB);
    expect(stripTags('<'.repeat(MB)).length).toBe(MB);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
