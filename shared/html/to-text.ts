import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';

/**
 * Reduces an article page to the article's text: one paragraph per line, whitespace collapsed,
 * entities decoded. The content comes from the `<article>` with the most text, else `<main>`,
 * else `[role=main]`, else `<body>`, else the whole document; scripts, styles, navigation,
 * headers, footers, asides, forms, buttons, embedded media, figure captions and hidden elements
 * are left out. If that leaves nothing, the whole document is read again with only the
 * never-text elements (scripts, styles, hidden, ...) left out.
 *
 * Pure and total: it never throws, and runs in time linear in the input (should the parser fail,
 * a simple tag stripper takes over).
 */
export function htmlToText(html: string): string {
  return readSafely(html, (root) => textOfDocument(root));
}

/**
 * The text of HTML that is already an article's content (what Readability keeps of a page): all
 * of it, one paragraph per line, with no element chosen and no page chrome looked for; only what
 * is never text (scripts, styles, media, controls, hidden elements), figure captions and forms are
 * left out, as `htmlToText` leaves them out of a page. Pure and total, like `htmlToText`.
 */
export function contentToText(html: string): string {
  return readSafely(html, (root) => textOf(root, 'content'));
}

function readSafely(html: string, read: (root: HTMLElement) => string): string {
  if (typeof html !== 'string' || html === '') return '';
  try {
    return read(parse(prepare(html), PARSE_OPTIONS));
  } catch {
    try {
      return stripTags(html);
    } catch {
      return '';
    }
  }
}

const PARSE_OPTIONS = {
  // Raw-text elements: their content is skipped, never parsed as markup ("if (a<b)" is no tag).
  // <pre> is left out on purpose so that markup inside it is parsed.
  blockTextElements: { script: false, style: false, noscript: false },
  // Keeping unclosed elements open (as browsers do) is also what keeps the parser linear: its
  // default repair of unclosed elements is quadratic in their number.
  parseNoneClosedTags: true,
};

/** Never text, wherever they are. */
const NEVER_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base',
  'svg', 'math', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'picture', 'map',
  'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'input', 'dialog',
]);

/** Page chrome around the article. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form', 'figcaption']);
/**
 * Left out of an article's content too: a caption describes a picture rather than tells the
 * story, and a form (a newsletter sign-up, a comment box) holds only labels.
 */
const CONTENT_CHROME = new Set(['figcaption', 'form']);

/**
 * What else is left out besides what is never text: `page` the chrome around an article,
 * `content` (HTML that is the article already) captions and forms only, `all` nothing.
 */
type Keep = 'page' | 'content' | 'all';
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);

/** Table cells: inline, but never glued to their neighbours. */
const CELLS = new Set(['td', 'th']);

const HIDDEN_STYLE = /(?:^|[;\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const WHITESPACE = /\s+/g;
const LINE_BREAK = /\r\n?|\n/;

/**
 * Neutralizes the few inputs on which the parser's regular expressions or its case-sensitive
 * tag matching go wrong; each step is a single linear pass and runs only when needed.
 */
function prepare(html: string): string {
  let out = html;
  // The parser matches closing tags case-sensitively: </P> would not close <p>, and </SCRIPT>
  // not <script> (which would then swallow the rest of the page).
  if (/<\/?[A-Z]/.test(out)) {
    out = out.replace(/<(\/?)([A-Za-z][A-Za-z0-9-]*)/g, (_, slash: string, name: string) => `<${slash}${name.toLowerCase()}`);
  }
  if (/<\/(?:script|style|noscript)\s/.test(out)) out = out.replace(/<\/(script|style|noscript)\s+>/g, '</$1>');
  // A "<!--" with no "-->" after it makes the parser rescan the rest of the input from every
  // such opening (quadratic). As in a browser, the first one hides the rest of the page, unless
  // it sits in a script or style (`var s = "<!--"`), where it is no comment at all.
  if (out.includes('<!--')) {
    const lastClose = out.lastIndexOf('-->');
    const tailStart = lastClose < 0 ? 0 : Math.max(0, lastClose - 3);
    const open = out.indexOf('<!--', tailStart);
    if (open >= 0) {
      out = isInRawText(out, open)
        ? out.slice(0, tailStart) + out.slice(tailStart).replaceAll('<!--', '')
        : out.slice(0, open);
    }
  }
  // Browsers treat CDATA in HTML as a bogus comment; the parser keeps it as text, and an
  // unclosed one costs the same rescanning as an unclosed comment.
  if (out.includes('<![CDATA[')) out = out.replaceAll('<![CDATA[', '').replaceAll(']]>', '');
  return out;
}

/** Whether position `at` of (tag-lower-cased) HTML lies inside a script or style element. */
function isInRawText(html: string, at: number): boolean {
  const before = html.slice(0, at);
  return ['script', 'style'].some((tag) => before.lastIndexOf(`<${tag}`) > before.lastIndexOf(`</${tag}`));
}

/** The few attributes that decide whether an element is shown; keys lower-cased. */
function readAttributes(raw: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
  for (let match = pattern.exec(raw); match !== null; match = pattern.exec(raw)) {
    const name = (match[1] as string).toLowerCase();
    if (!attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function tagOf(element: HTMLElement): string {
  return (element.rawTagName || '').toLowerCase();
}

function isHidden(attributes: Map<string, string>): boolean {
  if (attributes.has('hidden')) return true;
  if (attributes.get('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = attributes.get('style');
  return style !== undefined && HIDDEN_STYLE.test(style);
}

function hasChromeRole(attributes: Map<string, string>): boolean {
  const role = attributes.get('role');
  if (role === undefined) return false;
  return role.toLowerCase().split(WHITESPACE).some((token) => CHROME_ROLES.has(token));
}

function hasRole(attributes: Map<string, string>, wanted: string): boolean {
  const role = attributes.get('role');
  return role !== undefined && role.toLowerCase().split(WHITESPACE).includes(wanted);
}

const NO_ATTRIBUTES: Map<string, string> = new Map();

function attributesOf(element: HTMLElement): Map<string, string> {
  return element.rawAttrs ? readAttributes(element.rawAttrs) : NO_ATTRIBUTES;
}

/** Whether an element and everything in it is left out of the text. */
function isLeftOut(tag: string, attributes: Map<string, string>, keep: Keep): boolean {
  if (NEVER_TEXT.has(tag) || isHidden(attributes)) return true;
  if (keep === 'content') return CONTENT_CHROME.has(tag);
  return keep === 'page' && (CHROME.has(tag) || hasChromeRole(attributes));
}

interface Candidates {
  articles: HTMLElement[];
  mains: HTMLElement[];
  roleMains: HTMLElement[];
  bodies: HTMLElement[];
}

// Markers on the traversal stacks, popped when an element's children are done.
const LEAVE_ARTICLE = -1;
const LEAVE_MAIN = -2;
const LEAVE_ROLE_MAIN = -3;
type Exit = typeof LEAVE_ARTICLE | typeof LEAVE_MAIN | typeof LEAVE_ROLE_MAIN;

/**
 * The outermost visible <article>, <main> and [role=main] elements, and the first <body>. A
 * <form> is searched (some sites wrap the whole page in one) but other page chrome is not.
 */
function findCandidates(root: HTMLElement): Candidates {
  const found: Candidates = { articles: [], mains: [], roleMains: [], bodies: [] };
  let inArticle = 0;
  let inMain = 0;
  let inRoleMain = 0;
  const stack: Array<Node | Exit> = [root];
  while (stack.length > 0) {
    const item = stack.pop() as Node | Exit;
    if (typeof item === 'number') {
      if (item === LEAVE_ARTICLE) inArticle--;
      else if (item === LEAVE_MAIN) inMain--;
      else inRoleMain--;
      continue;
    }
    if (!(item instanceof HTMLElement)) continue;
    const tag = tagOf(item);
    const attributes = attributesOf(item);
    if (item !== root && tag !== 'form' && isLeftOut(tag, attributes, 'page')) continue;
    if (tag === 'article') {
      if (inArticle === 0) found.articles.push(item);
      inArticle++;
      stack.push(LEAVE_ARTICLE);
    } else if (tag === 'main') {
      if (inMain === 0) found.mains.push(item);
      inMain++;
      stack.push(LEAVE_MAIN);
    } else if (tag === 'body' && found.bodies.length === 0) {
      found.bodies.push(item);
    }
    if (hasRole(attributes, 'main')) {
      if (inRoleMain === 0) found.roleMains.push(item);
      inRoleMain++;
      stack.push(LEAVE_ROLE_MAIN);
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return found;
}

function textOfDocument(root: HTMLElement): string {
  const found = findCandidates(root);
  for (const level of [found.articles, found.mains, found.roleMains, found.bodies]) {
    let best = '';
    for (const candidate of level) {
      const text = textOf(candidate, 'page');
      if (text.length > best.length) best = text;
    }
    if (best !== '') return best;
  }
  return textOf(root, 'page') || textOf(root, 'all');
}

/** Collects paragraphs: pieces of inline text, cut wherever a block starts or ends. */
class Paragraphs {
  private readonly done: string[] = [];
  private pieces: string[] = [];

  add(text: string): void {
    this.pieces.push(text);
  }

  /** Ends the current paragraph (an empty one is dropped). */
  cut(): void {
    if (this.pieces.length === 0) return;
    const paragraph = this.pieces.join('').replace(WHITESPACE, ' ').trim();
    this.pieces = [];
    if (paragraph !== '') this.done.push(paragraph);
  }

  /** Ends the last paragraph and returns them all, one a line. */
  finish(): string {
    this.cut();
    return this.done.join('\n');
  }
}

// Markers on the text stack: what to do once an element's children are done.
const END_BLOCK = -1;
const END_PRE = -2;
const END_CELL = -3;
type Mark = typeof END_BLOCK | typeof END_PRE | typeof END_CELL;

/** The text of one subtree. Iterative, so that deeply nested markup cannot overflow the stack. */
function textOf(root: HTMLElement, keep: Keep): string {
  const out = new Paragraphs();
  let inPre = 0;
  const stack: Array<Node | Mark> = [root];
  while (stack.length > 0) {
    const item = stack.pop() as Node | Mark;
    if (typeof item === 'number') {
      if (item === END_CELL) {
        out.add(' ');
      } else {
        if (item === END_PRE) inPre--;
        out.cut();
      }
      continue;
    }
    if (item.nodeType === NodeType.TEXT_NODE) {
      const text = item.text;
      if (inPre > 0 && LINE_BREAK.test(text)) {
        text.split(LINE_BREAK).forEach((line, i) => {
          if (i > 0) out.cut();
          out.add(line);
        });
      } else {
        out.add(text);
      }
      continue;
    }
    if (!(item instanceof HTMLElement)) continue;
    const tag = tagOf(item);
    if (item !== root && isLeftOut(tag, attributesOf(item), keep)) continue;
    if (BLOCKS.has(tag)) {
      out.cut();
      if (tag === 'pre') {
        inPre++;
        stack.push(END_PRE);
      } else {
        stack.push(END_BLOCK);
      }
    } else if (CELLS.has(tag)) {
      out.add(' ');
      stack.push(END_CELL);
    }
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return out.finish();
}

// ---------------------------------------------------------------------------------------------
// Fallback: a linear tag stripper, used only if the parser throws.

const SKIPPED_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ndash: '\u2013', mdash: '\u2014', lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c',
  rdquo: '\u201d', bdquo: '\u201e', hellip: '\u2026', bull: '\u2022', trade: '\u2122', minus: '\u2212',
  percnt: '%', euro: '\u20ac', dollar: '$', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003',
};
// The Latin-1 entities, U+00A0 to U+00FF in order (&agrave; and its kin are common in Vietnamese pages).
'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
  .split(' ')
  .forEach((name, i) => (NAMED_ENTITIES[name] = String.fromCharCode(0xa0 + i)));

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/y;
// Quoted attribute values may hold '>'; an unclosed quote runs to the end (matching stays linear).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"?|'[^']*'?)*>?/y;

function decodeEntityAt(html: string, at: number): { text: string; end: number } | undefined {
  ENTITY.lastIndex = at;
  const match = ENTITY.exec(html);
  if (match === null) return undefined;
  let text: string | undefined;
  if (match[1] !== undefined || match[2] !== undefined) {
    const code = match[1] !== undefined ? Number.parseInt(match[1], 10) : Number.parseInt(match[2] as string, 16);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    text = valid ? String.fromCodePoint(code) : '\ufffd';
  } else {
    const name = match[3] as string;
    text = Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined;
  }
  return text === undefined ? undefined : { text, end: ENTITY.lastIndex };
}

/**
 * Strips the tags of an HTML document in one pass: comments and the content of script, style
 * and similar elements are skipped, block tags cut paragraphs, common entities are decoded. It
 * knows nothing of page chrome; it is the fallback when the parser fails.
 */
export function stripTags(html: string): string {
  const out = new Paragraphs();
  let text = '';
  let i = 0;
  // Next '<' and '&' at or after i, searched again only once passed (a fresh search from every
  // position would be quadratic when one of them is rare).
  let lt = -2;
  let amp = -2;
  while (i < html.length) {
    if (lt !== -1 && lt < i) lt = html.indexOf('<', i);
    if (amp !== -1 && amp < i) amp = html.indexOf('&', i);
    const next = lt < 0 ? amp : amp < 0 ? lt : Math.min(lt, amp);
    if (next < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, next);
    i = next;
    if (html[i] === '&') {
      const entity = decodeEntityAt(html, i);
      text += entity === undefined ? '&' : entity.text;
      i = entity === undefined ? i + 1 : entity.end;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      // <!DOCTYPE ...>, <![CDATA[...]]>, <?xml ...?>
      const close = html.indexOf('>', i + 2);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    TAG.lastIndex = i;
    const tag = TAG.exec(html);
    if (tag === null) {
      text += '<';
      i++;
      continue;
    }
    i = TAG.lastIndex;
    const closing = tag[1] === '/';
    const name = (tag[2] as string).toLowerCase();
    if (BLOCKS.has(name)) {
      out.add(text);
      text = '';
      out.cut();
    } else if (CELLS.has(name)) {
      text += ' ';
    }
    if (!closing && SKIPPED_CONTENT.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = i;
      i = end.exec(html) === null ? html.length : end.lastIndex;
    }
  }
  out.add(text);
  return out.finish();
}
