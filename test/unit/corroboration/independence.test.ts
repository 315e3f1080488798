import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/index';
import { matchEntries } from '../../../shared/corroboration/entries';
import { countedRelations, sameSender } from '../../../shared/corroboration/independence';
import { findLinks, type MatchEntry } from '../../../shared/corroboration/match';

const TEXT = 'A landslide near Port Selva on Tuesday blocked the coast road and left 23 households without water.';

function entries(id: string, source: string, provenance: { senderId?: string; relayed?: boolean }): MatchEntry[] {
  const claims = extractClaims(TEXT).claims.map((c, i) => ({ ...c, id: `${id}-c${i}` }));
  return matchEntries({ id, source, url: `https://${source}/${id}`, title: 'Landslide blocks Port Selva road', publishedAt: '2026-06-02T07:00:00Z', text: TEXT, ...provenance }, claims);
}

describe('whether two claims are independent voices', () => {
  it('holds one non-aggregator sender for one voice, whatever the sources; aggregators and senderless claims by source', () => {
    expect(sameSender({ senderId: 'ridge-news' }, { senderId: 'ridge-news' })).toBe(true);
    expect(sameSender({ senderId: 'ridge-news' }, { senderId: 'valley-post' })).toBe(false);
    expect(sameSender({ senderId: 'all-feeds', relayed: true }, { senderId: 'all-feeds', relayed: true })).toBe(false);
    expect(sameSender({}, {})).toBe(false);
    expect(sameSender({ senderId: 'ridge-news' }, {})).toBe(false);
  });

  it('counts a same-sender conflict but not a same-sender agreement', () => {
    expect(countedRelations([
      { relation: 'corroborates', sameSender: true },
      { relation: 'conflicts', sameSender: true },
      { relation: 'corroborates' },
    ])).toEqual(['conflicts', 'corroborates']);
    expect(countedRelations([{ relation: 'corroborates', sameSender: true }])).toEqual([]);
  });

  it('marks the links the finder makes between one sender\'s articles under two outlet names', () => {
    const first = entries('a1', 'ridge-news.example', { senderId: 'ridge-news' });
    const second = entries('a2', 'ridge-weekly.example', { senderId: 'ridge-news' });
    const links = findLinks(second, first);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.sameSender === true && l.relation === 'corroborates')).toBe(true);
    expect(countedRelations(links)).toEqual([]);
  });

  it('leaves links between two senders, or relayed by one aggregator, unmarked', () => {
    const ridge = entries('b1', 'ridge-news.example', { senderId: 'ridge-news' });
    const valley = entries('b2', 'valley-post.example', { senderId: 'valley-post' });
    expect(findLinks(valley, ridge).map((l) => l.sameSender)).not.toContain(true);
    const relayedA = entries('c1', 'ridge-news.example', { senderId: 'all-feeds', relayed: true });
    const relayedB = entries('c2', 'valley-post.example', { senderId: 'all-feeds', relayed: true });
    const links = findLinks(relayedB, relayedA);
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((l) => l.sameSender)).not.toContain(true);
  });
});
