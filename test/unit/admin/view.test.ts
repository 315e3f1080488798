import { describe, expect, it } from 'vitest';
import { describeValue, formatDate, parseSourceUrls, queueCounts, safeHref, shortcutOf, splitSentence } from '../../../shared/admin/view';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('splitSentence', () => {
  const sentenceText = 'Storm Orla hit Port Varna on Monday, killing 7 people.';
  it('cuts the sentence at the claim, from offsets in the article', () => {
    const start = 100 + sentenceText.indexOf('7 people');
    expect(splitSentence(sentenceText, { text: '7 people', start, end: start + 8, sentence: { start: 100, end: 100 + sentenceText.length } })).toEqual({
      before: 'Storm Orla hit Port Varna on Monday, killing ',
      claim: '7 people',
      after: '.',
    });
  });

  it('falls back to the claim text, then to the whole sentence, when the offsets do not fit', () => {
    expect(splitSentence(sentenceText, { text: '7 people', start: 3, end: 11, sentence: { start: 0, end: 10 } }).claim).toBe('7 people');
    expect(splitSentence(sentenceText, { text: '9 people', start: 3, end: 11, sentence: { start: 0, end: 10 } })).toEqual({ before: sentenceText, claim: '', after: '' });
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
    expect(shortcutOf(key('c'), 'other')).toEqual({ action: 'verdict', verdict: 'confirmed' });
    expect(shortcutOf(key('r'), 'other')).toEqual({ action: 'verdict', verdict: 'refuted' });
    expect(shortcutOf(key('u'), 'other')).toEqual({ action: 'verdict', verdict: 'unverifiable' });
    expect(shortcutOf(key('n'), 'other')).toEqual({ action: 'verdict', verdict: 'not_a_claim' });
    expect(shortcutOf(key('x'), 'other')).toBeNull();
  });

  it('does nothing while typing or with a modifier, and leaves the arrows to form controls', () => {
    for (const k of ['j', 'c', 'ArrowDown', '?']) expect(shortcutOf(key(k), 'text')).toBeNull();
    expect(shortcutOf(key('c', { ctrlKey: true }), 'other')).toBeNull();
    expect(shortcutOf(key('r', { metaKey: true }), 'other')).toBeNull();
    expect(shortcutOf(key('ArrowDown'), 'control')).toBeNull();
    expect(shortcutOf(key('c'), 'control')).toEqual({ action: 'verdict', verdict: 'confirmed' });
  });
});

describe('the small formatters', () => {
  it('describes the value a claim asserts', () => {
    const base = { value: 40, min: 40, max: null, unit: 'engineer' } as const;
    expect(describeValue({ ...base, kind: 'count', qualifier: 'more_than' })).toBe('count · more than 40 engineer');
    expect(describeValue({ kind: 'money', value: 3.5e6, min: 3.5e6, max: 3.5e6, qualifier: 'exact', unit: 'USD' })).toBe('money · 3,500,000 USD');
    expect(describeValue({ kind: 'count', value: 3, min: 3, max: 5, qualifier: 'range', unit: 'person' })).toBe('count · 3–5 person');
    expect(describeValue({ kind: 'date', value: 2021, min: 2021, max: 2021, qualifier: 'exact', unit: 'year' })).toBe('date · 2021 year');
    expect(describeValue({ kind: 'count', value: null, min: 12, max: null, qualifier: 'vague', unit: 'person' })).toBe('count · 12 or more person');
  });

  it('reads source URLs one per line', () => {
    expect(parseSourceUrls(' https://a.example/1 \r\n\n https://b.example/2\n')).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(parseSourceUrls('   ')).toEqual([]);
  });

  it('writes dates in UTC and keeps what it cannot read', () => {
    expect(formatDate('2026-02-10T08:00:00Z')).toBe('10 Feb 2026, 08:00 UTC');
    expect(formatDate(undefined)).toBe('date unknown');
    expect(formatDate('yesterday')).toBe('yesterday');
  });

  it('counts the loaded claims by corroboration', () => {
    expect(queueCounts([{ corroboration: 'conflicting' }, { corroboration: 'single_source' }, { corroboration: 'conflicting' }])).toEqual({
      total: 3, conflicting: 2, corroborated: 0, single_source: 1,
    });
  });
});
