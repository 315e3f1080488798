/**
 * Which sources a sender may post for, and who an article it posts is attributed to. Pure.
 *
 * - A newsroom (not an aggregator) posts its own articles: the URL's host and the `source` it
 *   names (the URL's host when it names none) must both be among its sources.
 * - An aggregator relays other outlets: the URL's host must be among its sources (`*` allows
 *   any), and the article is attributed to that host (or to a domain the host belongs to, when
 *   the body names one: `bbc.com` for `www.bbc.com`), never to a name of the aggregator's choosing;
 *   its articles are flagged as relayed.
 * - The default sender (the single shared secret of before) keeps the old rule: any source, the
 *   one the body names.
 */
import { ForbiddenError } from '../errors';

export interface SourcePolicy {
  id: string;
  sources: readonly string[];
  aggregator: boolean;
  /** The default sender: the body's `source` is taken as sent, as before senders existed. */
  legacy?: boolean;
}

/** Who an accepted article is attributed to. */
export interface Attribution {
  senderId: string;
  source: string;
  /** Posted by an aggregator: the sender is not the outlet. */
  relayed: boolean;
}

/** Whether a host (lower case) matches one pattern: exact, `*.domain` (hosts below it), or `*`. */
export function matchesSource(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern;
}

export function mayPostFor(sender: Pick<SourcePolicy, 'sources'>, host: string): boolean {
  return sender.sources.some((pattern) => matchesSource(pattern, host));
}

/** The attribution of an article a sender posts; ForbiddenError (403) when it may not post it. */
export function attribute(article: { url: string; source?: string }, sender: SourcePolicy): Attribution {
  const url = new URL(article.url);
  if (sender.legacy) return { senderId: sender.id, source: article.source ?? url.host, relayed: sender.aggregator };
  const host = url.hostname.toLowerCase();
  const refuse = (what: string) =>
    new ForbiddenError(`sender ${sender.id} may not post for ${what}: it may post for ${sender.sources.join(', ')}`);
  if (!mayPostFor(sender, host)) throw refuse(`the url's host ${host}`);
  const named = article.source?.toLowerCase();
  if (sender.aggregator) {
    if (named !== undefined && named !== host && !host.endsWith(`.${named}`)) {
      throw new ForbiddenError(
        `sender ${sender.id} relays articles, which are attributed to their url's host: source ${article.source} is neither ${host} nor a domain it belongs to`,
      );
    }
    return { senderId: sender.id, source: named ?? host, relayed: true };
  }
  if (named !== undefined && !mayPostFor(sender, named)) throw refuse(`source ${article.source}`);
  return { senderId: sender.id, source: named ?? host, relayed: false };
}
