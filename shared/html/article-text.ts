import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { contentToText, htmlToText } from './to-text';

/**
 * The article text of a news page: Readability (the algorithm of Firefox's reader view) picks the
 * article's content out of the page, leaving related headlines, breadcrumbs, player settings and
 * other articles behind, and `contentToText` reduces that content to text (one paragraph a line,
 * captions, forms and hidden elements left out). Readability takes the headline out of the
 * content when it repeats the page's title; it is put back as the first line, since headlines
 * state claims too. When Readability finds nothing, fails, or keeps too little of what the page
 * says (see `isTooLittle`), `htmlToText` reads the whole page itself.
 *
 * Total: it never throws. This module and its two packages are large, so the webhook loads it
 * only for an HTML body (see functions/ingest-webhook).
 */
export function articleText(html: string): string {
  if (typeof html !== 'string' || html === '') return '';
  const article = readable(html);
  const text = article === undefined ? '' : withHeadline(article.headline, contentToText(article.content));
  // the page's own text is read only when it may be needed (it costs a second parse)
  if (text.length >= MIN_CHARACTERS) return text;
  const page = htmlToText(html);
  return isTooLittle(text, page) ? page : text;
}

/** The content's text, after the headline unless the content already starts with it. */
function withHeadline(headline: string | undefined, text: string): string {
  if (headline === undefined || text.trim() === '' || text.slice(0, 2 * headline.length).includes(headline)) return text;
  return `${headline}\n${text}`;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Whether a heading is the article's title as Readability found it: each says at least 3/4 of
 * the other's words (the heading "Ferry operator adds night crossings" and the title "Ferry
 * operator adds night crossings"; not a site's name in an <h1> beside a title that ends with it).
 */
export function isTitleHeading(heading: string, title: string): boolean {
  const a = new Set(heading.toLowerCase().match(WORD) ?? []);
  const b = new Set(title.toLowerCase().match(WORD) ?? []);
  if (a.size === 0 || b.size === 0) return false;
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared >= 0.75 * a.size && shared >= 0.75 * b.size;
}

/**
 * Below 500 characters (Readability's own threshold for an article, under which it says it is
 * unsure) its choice must keep at least half of the page's own text; otherwise it has most
 * likely picked a fragment of a short page (one block of a page cut by stray closing tags, a
 * teaser), and the page's text is the safer choice. Long choices are kept whatever their share:
 * on the news pages of Readability's tests a right choice keeps as little as a fifth of a page
 * full of chrome.
 */
const MIN_SHARE = 0.5;
const MIN_CHARACTERS = 500;

export function isTooLittle(text: string, page: string): boolean {
  if (text.trim() === '') return true;
  return text.length < MIN_CHARACTERS && text.length < MIN_SHARE * page.length;
}

/**
 * linkedom's parse time and Readability's grow with the square of the nesting depth (a thousand
 * nested elements take Readability seconds, a 1 MiB page of unclosed elements takes linkedom
 * close to a minute), while real pages nest a few dozen deep (at most 38 on Readability's 130
 * test pages) and hold at most ~10,000 elements. Beyond these bounds neither is run: first
 * estimated from the tags (no parse), then checked on the tree.
 */
const MAX_DEPTH = 100;
const MAX_ELEMENTS = 30_000;

/**
 * Readability's choice of content as HTML, with the page's <h1> or <h2> that states the title
 * Readability found (undefined if none does), or undefined when it finds no content, fails or is
 * not run.
 */
function readable(html: string): { headline: string | undefined; content: string } | undefined {
  try {
    if (!mayBeWithinBounds(html)) return undefined;
    const { document } = parseHTML(asDocument(html));
    if (!isWithinBounds(document.documentElement)) return undefined;
    // read before Readability rewrites the (throwaway) document
    const headings = [...document.querySelectorAll('h1, h2')].map((h) => squash(h.textContent ?? '')).filter((h) => h !== '');
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    const content = article?.content;
    if (typeof content !== 'string' || content === '') return undefined;
    const title = article?.title ?? '';
    return { headline: headings.find((heading) => isTitleHeading(heading, title)), content };
  } catch {
    return undefined;
  }
}

/** Elements that hold no others, and those a parser closes by itself when a sibling starts. */
const NO_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rt', 'rp',
]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
const SCRIPT_END = /<\/script/gi;
const STYLE_END = /<\/style/gi;

/**
 * One linear pass over the tags: at most MAX_ELEMENTS of them, and open minus closed tags (those
 * that nest) at most MAX_DEPTH anywhere. Script and style contents are skipped.
 */
export function mayBeWithinBounds(html: string): boolean {
  let elements = 0;
  let depth = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const name = match[2]!.toLowerCase();
    if (match[1] === '/') {
      if (!NO_NESTING.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    if (++elements > MAX_ELEMENTS) return false;
    if (name === 'script' || name === 'style') {
      const end = name === 'script' ? SCRIPT_END : STYLE_END;
      end.lastIndex = TAG.lastIndex;
      if (end.exec(html) === null) break;
      TAG.lastIndex = end.lastIndex;
      continue;
    }
    if (!NO_NESTING.has(name) && !match[0].endsWith('/>') && ++depth > MAX_DEPTH) return false;
  }
  return true;
}

interface Tree {
  readonly children: ArrayLike<Tree>;
}

/** Whether the tree is at most MAX_DEPTH deep and MAX_ELEMENTS large (walked without recursion). */
function isWithinBounds(root: Tree): boolean {
  const stack: Array<[Tree, number]> = [[root, 1]];
  let elements = 0;
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > MAX_DEPTH || ++elements > MAX_ELEMENTS) return false;
    const children = element.children;
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return true;
}

/**
 * linkedom builds the tree as written and does not repair it as a browser does: markup outside a
 * <body> is not in `document.body`, and a page without <html> has none at all. A body-less page
 * is put into one.
 */
function asDocument(html: string): string {
  return /<body[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`;
}
