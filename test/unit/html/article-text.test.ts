import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText, isTitleHeading, isTooLittle, mayBeWithinBounds } from '../../../shared/html/article-text';
import { contentToText, htmlToText } from '../../../shared/html/to-text';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');

describe('articleText on pages without <article> or <main>', () => {
  it('keeps the story of a div-only English page and leaves its breadcrumbs, player settings, most-read list and footer', () => {
    const page = fixture('en-div-layout.html');
    const text = articleText(page);
    expect(text.split('\n')).toEqual([
      'Ferry operator adds night crossings',
      expect.stringMatching(/^The island ferry operator will add four night crossings .* more than 30% over the past year\.$/),
      expect.stringMatching(/^The company said the extra sailings would cost about \$2\.4 million .* began in 2009\.$/),
      expect.stringMatching(/^Commuters who work late shifts .* A survey of 1,850 regular passengers .* once a week\.$/),
      expect.stringMatching(/^The harbour master said the quay lighting .* next week\.$/),
    ]);
    // the structural reader alone lets the chrome, and its numbers, through
    for (const chrome of ['1080p', 'Council approves 12 new bus lanes', 'Comments (37)', '44 Quay Street']) {
      expect(htmlToText(page)).toContain(chrome);
      expect(text).not.toContain(chrome);
    }
  });

  it('keeps the story of a div-only Vietnamese page and leaves the date bar, most-read box and licence footer', () => {
    const page = fixture('vi-div-layout.html');
    const text = articleText(page);
    expect(text.split('\n')[0]).toBe('Thành phố mở thêm ba tuyến xe buýt điện');
    expect(text).toContain('khoảng 60 xe');
    expect(text).toContain('khoảng 240 tỷ đồng');
    expect(text).toContain('7.000 đồng');
    expect(text).toContain('hơn 12 triệu lượt khách');
    for (const chrome of ['10/3/2025', 'Giá xăng giảm 500 đồng', '123/GP-BTTTT', 'Trang chủ']) {
      expect(htmlToText(page)).toContain(chrome);
      expect(text).not.toContain(chrome);
    }
  });
});

describe('articleText on the regression pages', () => {
  it.each(['ar-rtl.html', 'entities.html', 'lists.html', 'vi-role-main.html'])('reads %s as htmlToText does', (name) => {
    expect(articleText(fixture(name))).toBe(htmlToText(fixture(name)));
  });

  it('puts back the headline Readability takes out for repeating the title, and leaves the form', () => {
    expect(articleText(fixture('boilerplate.html'))).toBe(
      [
        'Harbour expansion approved',
        'The council approved a harbour expansion worth $45 million on Tuesday.',
        'Work is expected to take 18 months.',
        'About 1,200 jobs will be created.',
      ].join('\n'),
    );
  });

  it('falls back to the whole page when Readability keeps a fragment of a short page (here cut by stray closing tags)', () => {
    expect(articleText(fixture('malformed.html'))).toBe(htmlToText(fixture('malformed.html')));
  });
});

describe('articleText on odd input', () => {
  it('reads fragments, plain text and empty input', () => {
    expect(articleText('<p>One short paragraph.</p>')).toBe('One short paragraph.');
    expect(articleText('just words')).toBe('just words');
    expect(articleText('')).toBe('');
    expect(articleText(' <br> ')).toBe('');
    expect(articleText(undefined as unknown as string)).toBe('');
  });

  it('leaves nesting deeper than real pages to htmlToText', () => {
    const deep = '<html><body>' + '<div>'.repeat(5000) + '<p>Deep text.</p>' + '</div>'.repeat(5000) + '</body></html>';
    expect(articleText(deep)).toBe('Deep text.');
  });

  it('leaves pages with more elements than real pages to htmlToText', () => {
    const many = '<html><body>' + '<div><span>x</span></div>'.repeat(20_000) + '</body></html>';
    expect(articleText(many)).toBe(htmlToText(many));
  });
});

describe('the rules behind the choice', () => {
  it('judges a choice too little only when it is both short and under half of the page', () => {
    const long = 'word '.repeat(120);
    expect(isTooLittle('', 'page text')).toBe(true);
    expect(isTooLittle('  \n ', 'page text')).toBe(true);
    expect(isTooLittle('a short story', 'a short story and a menu')).toBe(false);
    expect(isTooLittle('a fragment', long)).toBe(true);
    expect(isTooLittle(long, long.repeat(20))).toBe(false);
  });

  it('estimates from the tags alone whether a page is within what Readability is run on', () => {
    for (const name of ['ar-rtl.html', 'boilerplate.html', 'en-div-layout.html', 'malformed.html']) expect(mayBeWithinBounds(fixture(name))).toBe(true);
    expect(mayBeWithinBounds('<div>'.repeat(101))).toBe(false);
    expect(mayBeWithinBounds('<div></div>'.repeat(5000))).toBe(true);
    // elements a parser closes by itself, void elements and self-closed ones do not nest
    expect(mayBeWithinBounds('<p>a<li>b<br><img src=x><td>c'.repeat(1000) + '<x/>'.repeat(200))).toBe(true);
    expect(mayBeWithinBounds('<span>x</span>'.repeat(30_001))).toBe(false);
    // tags written inside scripts are not elements
    expect(mayBeWithinBounds(`<script>${'"<div>"+'.repeat(500)}1</script><p>text</p>`)).toBe(true);
    expect(mayBeWithinBounds(`<SCRIPT>${'"<div>"+'.repeat(500)}1</SCRIPT ><p>text</p>`)).toBe(true);
  });

  it('takes a heading for the title only when each says most of the other', () => {
    expect(isTitleHeading('Storm closes the port', 'Storm closes the port')).toBe(true);
    expect(isTitleHeading('Thành phố mở thêm ba tuyến xe buýt', 'Thành phố mở thêm 3 tuyến xe buýt')).toBe(true);
    expect(isTitleHeading('The Bayside Herald', 'Storm closes the port - The Bayside Herald')).toBe(false);
    expect(isTitleHeading('', 'Storm')).toBe(false);
  });

  it('reads content as it is: no element chosen, no chrome looked for, captions, forms and hidden parts left out', () => {
    expect(
      contentToText(
        '<div><header><h2>Headline</h2></header><p>One</p><article><p>Two</p></article>' +
          '<figure><img src="x"><figcaption>A caption</figcaption></figure><form><label>Email</label></form>' +
          '<p hidden>Hidden</p><aside><p>Aside kept</p></aside><script>x()</script></div>',
      ),
    ).toBe('Headline\nOne\nTwo\nAside kept');
  });
});
