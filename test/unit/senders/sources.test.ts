import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../shared/errors';
import { attribute, matchesSource } from '../../../shared/senders/sources';

const newsroom = { id: 'quay-post', sources: ['quay-post.example', '*.quay-post.example'], aggregator: false };
const wire = { id: 'river-wire', sources: ['*'], aggregator: true };

describe('which hosts a source pattern allows', () => {
  it('matches an exact host, hosts below a *.domain (not the domain itself, nor a look-alike), and * for anything', () => {
    expect(matchesSource('quay-post.example', 'quay-post.example')).toBe(true);
    expect(matchesSource('quay-post.example', 'www.quay-post.example')).toBe(false);
    expect(matchesSource('*.quay-post.example', 'www.quay-post.example')).toBe(true);
    expect(matchesSource('*.quay-post.example', 'a.b.quay-post.example')).toBe(true);
    expect(matchesSource('*.quay-post.example', 'quay-post.example')).toBe(false);
    expect(matchesSource('*.quay-post.example', 'fakequay-post.example')).toBe(false);
    expect(matchesSource('*', 'anything.example')).toBe(true);
  });
});

describe('who an article a sender posts is attributed to', () => {
  it('attributes a newsroom article to the source it names, or to its URL host, lower-cased', () => {
    expect(attribute({ url: 'https://www.quay-post.example/a', source: 'Quay-Post.example' }, newsroom)).toEqual({ senderId: 'quay-post', source: 'quay-post.example', relayed: false });
    expect(attribute({ url: 'https://live.quay-post.example/b' }, newsroom)).toEqual({ senderId: 'quay-post', source: 'live.quay-post.example', relayed: false });
  });

  it('refuses, with a 403 that names the sender, the value and its sources, a source or URL host outside the list', () => {
    const named = () => attribute({ url: 'https://www.quay-post.example/a', source: 'tide-daily.example' }, newsroom);
    expect(named).toThrow(ForbiddenError);
    expect(named).toThrow('sender quay-post may not post for source tide-daily.example: it may post for quay-post.example, *.quay-post.example');
    expect(() => attribute({ url: 'https://tide-daily.example/a', source: 'quay-post.example' }, newsroom)).toThrow("may not post for the url's host tide-daily.example");
    // a display name is not a host of the list
    expect(() => attribute({ url: 'https://quay-post.example/a', source: 'The Quay Post' }, newsroom)).toThrow(ForbiddenError);
  });

  it('attributes a relayed article to its URL host, or to a domain the host belongs to, and flags it as relayed', () => {
    expect(attribute({ url: 'https://news.tide-daily.example/x' }, wire)).toEqual({ senderId: 'river-wire', source: 'news.tide-daily.example', relayed: true });
    expect(attribute({ url: 'https://news.tide-daily.example/x', source: 'tide-daily.example' }, wire)).toEqual({ senderId: 'river-wire', source: 'tide-daily.example', relayed: true });
  });

  it('refuses an aggregator naming a source its URL does not belong to', () => {
    expect(() => attribute({ url: 'https://news.tide-daily.example/x', source: 'quay-post.example' }, wire)).toThrow(
      'source quay-post.example is neither news.tide-daily.example nor a domain it belongs to',
    );
    // a suffix that is not a whole label is not a domain of the host
    expect(() => attribute({ url: 'https://news.tide-daily.example/x', source: 'daily.example' }, wire)).toThrow(ForbiddenError);
  });

  it('limits an aggregator to the hosts it lists, when it lists some', () => {
    const regional = { id: 'coast-feeds', sources: ['*.coast.example'], aggregator: true };
    expect(attribute({ url: 'https://bay.coast.example/1' }, regional).source).toBe('bay.coast.example');
    expect(() => attribute({ url: 'https://inland.example/1' }, regional)).toThrow(ForbiddenError);
  });

  it('keeps the default sender as it was: any source, the one the body names', () => {
    const legacy = { id: 'default', sources: ['*'], aggregator: true, legacy: true };
    expect(attribute({ url: 'https://archive.example:8443/a', source: 'Some Outlet (copy)' }, legacy)).toEqual({ senderId: 'default', source: 'Some Outlet (copy)', relayed: true });
    expect(attribute({ url: 'https://archive.example:8443/a' }, legacy).source).toBe('archive.example:8443');
  });
});
