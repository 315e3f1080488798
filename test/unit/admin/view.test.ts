import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, useMessages } from '../../../shared/admin/i18n';
import { EN } from '../../../shared/admin/i18n/en';
import {
  describeValue,
  heldByOther,
  laterReport,
  latinNames,
  linkReasons,
  markClaims,
  parseSourceUrls,
  queueCounts,
  safeHref,
  sharedNames,
  shortcutOf,
  splitSentence,
} from '../../../shared/admin/view';
import type { LinkContext } from '../../../shared/schemas/article';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

beforeAll(() => useMessages('en', EN));

describe('splitSentence', () => {
  const sentenceText = 'Storm Orla hit Port Varna on Monday, killing 7 people.';
  it('cuts the sentence at the claim, from offsets in the article', () => {
    const start = 100 + sentenceText.indexOf('7 people');
    expect(splitSentence(sentenceText, { text: '7 people', start, end: start + 8, sentence: { start: 100 } })).toEqual({
      before: 'Storm Orla hit Port Varna on Monday, killing ',
      claim: '7 people',
      after: '.',
    });
  });

  it('falls back to the claim text, then to the whole sentence, when the offsets do not fit', () => {
    expect(splitSentence(sentenceText, { text: '7 people', start: 3, end: 11, sentence: { start: 0 } }).claim).toBe('7 people');
    expect(splitSentence(sentenceText, { text: '9 people', start: 3, end: 11, sentence: { start: 0 } })).toEqual({ before: sentenceText, claim: '', after: '' });
  });
});

describe('markClaims', () => {
  it('cuts an article into text and its claims, in order, leaving out a claim that overlaps another', () => {
    const text = 'Crews cleared 40 berths in 3 days.';
    const a = { id: 'a', start: 14, end: 23 };
    const b = { id: 'b', start: 27, end: 33 };
    const overlapping = { id: 'c', start: 20, end: 29 };
    expect(markClaims(text, [b, overlapping, a])).toEqual(['Crews cleared ', a, ' in ', b, '.']);
  });
});

describe('names shared by two sentences', () => {
  it('finds Latin names, not the capital that starts a sentence', () => {
    expect(latinNames('Storm Orla hit Port Varna on Monday.')).toEqual(['Storm Orla', 'Port Varna', 'Monday']);
    expect(latinNames('Officials said the quay reopened.')).toEqual([]);
    expect(latinNames('Bão Orla đổ bộ vào Port Varna, làm 9 người chết.')).toEqual(['Bão Orla', 'Port Varna']);
    expect(latinNames('The mayor of Kestrel Bay spoke.')).toEqual(['Kestrel Bay']);
  });

  it('pairs the same name across English and Vietnamese, diacritics folded, a part matching the whole', () => {
    expect(sharedNames('Storm Orla hit Port Varna on Monday.', 'Bão Orla đổ bộ vào Port Varna.')).toEqual(['Orla', 'Port Varna']);
    expect(sharedNames('Workers in Varna stopped.', 'The port of Port Varna closed.')).toEqual(['Varna']);
    expect(sharedNames('Đà Nẵng đón 5 tàu.', 'Ships reached Da Nang on Friday.')).toEqual(['Đà Nẵng']);
    expect(sharedNames('Officials counted 5 ships.', 'Officials said 5 ships came.')).toEqual([]);
  });
});

describe('linkReasons', () => {
  const own = { kind: 'count' as const, value: 7, min: 7, max: 7, qualifier: 'exact' as const, unit: 'person', language: 'en', sentenceText: 'Storm Orla killed 7 people in Port Varna.', publishedAt: '2026-02-10T08:00:00Z' };
  const other = (value: number, language: 'en' | 'vi', publishedAt: string, sentenceText: string): LinkContext => ({
    claim: { kind: 'count', value, min: value, max: value, qualifier: 'exact', unit: 'person', language, start: 0, end: 1, sentence: { start: 0, end: 1 }, status: 'needs_review' },
    sentenceText,
    article: { id: 'art_x', url: 'https://x.example/', source: 'x.example', title: 'x', publishedAt },
  });

  it('says in words why two claims are linked: figures, what they count, names, language, time and strength', () => {
    const reasons = linkReasons(own, { relation: 'conflicts', score: 1.5 }, other(9, 'vi', '2026-02-10T11:00:00Z', 'Bão Orla làm 9 người chết ở Port Varna.'));
    expect(reasons.map((r) => r.key)).toEqual(['reason.differ', 'reason.sameUnit', 'reason.names', 'reason.otherLanguage', 'reason.later', 'reason.strong']);
    expect(reasons.map((r) => r.params)).toEqual([
      { a: '7 person', b: '9 person' }, { unit: 'person' }, { names: 'Orla, Port Varna' }, { language: 'Vietnamese' }, { time: '3 h' }, { score: '1.5' },
    ]);
  });

  it('says "same figure" for equal figures, and an earlier report for an earlier one', () => {
    const reasons = linkReasons(own, { relation: 'corroborates', score: 0.4 }, other(7, 'en', '2026-02-09T08:00:00Z', 'Seven died: 7 people.'));
    expect(reasons.map((r) => r.key)).toEqual(['reason.sameFigure', 'reason.sameUnit', 'reason.earlier', 'reason.weak']);
    expect(reasons[2]!.params).toEqual({ time: '24 h' });
  });

  it('still gives the time and strength without the other claim\'s context', () => {
    expect(linkReasons(own, { relation: 'corroborates', score: 0.7, publishedAt: '2026-02-12T08:00:00Z' }, undefined).map((r) => r.key)).toEqual(['reason.later', 'reason.moderate']);
  });

  it('knows a later report', () => {
    expect(laterReport('2026-02-10T08:00:00Z', '2026-02-10T09:00:00Z')).toBe(true);
    expect(laterReport('2026-02-10T08:00:00Z', '2026-02-10T07:00:00Z')).toBe(false);
    expect(laterReport(undefined, '2026-02-10T07:00:00Z')).toBeNull();
  });
});

describe('heldByOther', () => {
  it('is true only for someone else\'s unexpired lease', () => {
    const now = Date.parse('2026-02-10T08:00:00Z');
    expect(heldByOther({ leasedBy: 'Omar', leasedUntil: '2026-02-10T08:04:00Z' }, 'Lan', now)).toBe(true);
    expect(heldByOther({ leasedBy: 'Lan', leasedUntil: '2026-02-10T08:04:00Z' }, 'Lan', now)).toBe(false);
    expect(heldByOther({ leasedBy: 'Omar', leasedUntil: '2026-02-10T07:59:00Z' }, 'Lan', now)).toBe(false);
    expect(heldByOther({}, 'Lan', now)).toBe(false);
  });
});

describe('safeHref', () => {
  it('lets http(s) URLs become links and keeps everything else as text', () => {
    expect(safeHref('https://harbour-times.example/orla')).toBe('https://harbour-times.example/orla');
    expect(safeHref('http://x.example/a b')).toBe('http://x.example/a%20b');
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/', '/relative', 'not a url', '']) {
      expect(safeHref(url)).toBeNull();
    }
  });
});

describe('shortcutOf', () => {
  it('maps the keys to actions', () => {
    expect(shortcutOf(key('j'), 'other')).toEqual({ action: 'next' });
    expect(shortcutOf(key('ArrowDown'), 'other')).toEqual({ action: 'next' });
    expect(shortcutOf(key('k'), 'other')).toEqual({ action: 'previous' });
    expect(shortcutOf(key('ArrowUp'), 'other')).toEqual({ action: 'previous' });
    expect(shortcutOf(key('?'), 'other')).toEqual({ action: 'help' });
    expect(shortcutOf(key('z'), 'other')).toEqual({ action: 'undo' });
    expect(shortcutOf(key('a'), 'other')).toEqual({ action: 'article' });
    expect(shortcutOf(key('c'), 'other')).toEqual({ action: 'verdict', verdict: 'confirmed' });
    expect(shortcutOf(key('r'), 'other')).toEqual({ action: 'verdict', verdict: 'refuted' });
    expect(shortcutOf(key('u'), 'other')).toEqual({ action: 'verdict', verdict: 'unverifiable' });
    expect(shortcutOf(key('n'), 'other')).toEqual({ action: 'verdict', verdict: 'not_a_claim' });
    expect(shortcutOf(key('x'), 'other')).toBeNull();
  });

  it('does nothing while typing or with a modifier, and leaves the arrows to form controls', () => {
    for (const k of ['j', 'c', 'z', 'ArrowDown', '?']) expect(shortcutOf(key(k), 'text')).toBeNull();
    expect(shortcutOf(key('c', { ctrlKey: true }), 'other')).toBeNull();
    expect(shortcutOf(key('z', { metaKey: true }), 'other')).toBeNull();
    expect(shortcutOf(key('ArrowDown'), 'control')).toBeNull();
    expect(shortcutOf(key('c'), 'control')).toEqual({ action: 'verdict', verdict: 'confirmed' });
  });
});

describe('the small formatters', () => {
  it('describes the value a claim asserts, a vague amount by both ends of its interval', () => {
    const base = { value: 40, min: 40, max: null, unit: 'engineer' } as const;
    expect(describeValue({ ...base, kind: 'count', qualifier: 'more_than' })).toBe('Count · more than 40 engineer');
    expect(describeValue({ kind: 'money', value: 3.5e6, min: 3.5e6, max: 3.5e6, qualifier: 'exact', unit: 'USD' })).toBe('Money · 3,500,000 USD');
    expect(describeValue({ kind: 'count', value: 3, min: 3, max: 5, qualifier: 'range', unit: 'person' })).toBe('Count · 3–5 person');
    expect(describeValue({ kind: 'date', value: 2021, min: 2021, max: 2021, qualifier: 'exact', unit: 'year' })).toBe('Date · 2021 year');
    expect(describeValue({ kind: 'money', value: null, min: 1e10, max: 1e11, qualifier: 'vague', unit: 'USD' })).toBe('Money · somewhere in 10,000,000,000–100,000,000,000 USD');
    expect(describeValue({ kind: 'count', value: null, min: 12, max: null, qualifier: 'vague', unit: 'person' })).toBe('Count · 12 or more person');
  });

  it('reads source URLs one per line', () => {
    expect(parseSourceUrls(' https://a.example/1 \r\n\n https://b.example/2\n')).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(parseSourceUrls('   ')).toEqual([]);
  });

  it('writes dates in UTC and keeps what it cannot read', () => {
    expect(formatDate('2026-02-10T08:00:00Z')).toBe('10 Feb 2026, 08:00 UTC');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('yesterday')).toBe('yesterday');
  });

  it('counts the loaded claims by corroboration', () => {
    expect(queueCounts([{ corroboration: 'conflicting' }, { corroboration: 'single_source' }, { corroboration: 'conflicting' }])).toEqual({
      total: 3, conflicting: 2, corroborated: 0, single_source: 1,
    });
  });
});
