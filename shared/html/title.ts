import { htmlToText } from './to-text';

/**
 * The title of an HTML page: the text of its <title>, else of its first <h1>, on one line with
 * entities decoded; undefined when neither has any text. Linear in the input, never throws.
 */
export function htmlTitle(html: string): string | undefined {
  if (typeof html !== 'string') return undefined;
  return elementText(html, 'title') ?? elementText(html, 'h1');
}

/** The text of the first `<tag>...</tag>` of the page, if it has any. */
function elementText(html: string, tag: 'title' | 'h1'): string | undefined {
  const open = new RegExp(`<${tag}(?=[\\s/>])`, 'gi');
  if (open.exec(html) === null) return undefined;
  const openEnd = html.indexOf('>', open.lastIndex);
  if (openEnd < 0) return undefined;
  const close = new RegExp(`</${tag}\\s*>`, 'gi');
  close.lastIndex = openEnd + 1;
  const closing = close.exec(html);
  if (closing === null) return undefined;
  const inner = html.slice(openEnd + 1, closing.index);
  // <title> holds text only: "&lt;b&gt;" in it is a literal "<b>", never markup.
  const text = htmlToText(tag === 'title' ? inner.replaceAll('<', '&lt;') : inner).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
