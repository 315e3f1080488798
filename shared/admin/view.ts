/**
 * What the admin page shows, without the DOM: labels, the claim's place in its sentence, which
 * links may become links, the keyboard shortcuts. Kept apart from app.ts so that it is tested
 * in Node.
 */
import type { ClaimRecord, ClaimStatus, Corroboration, Verdict } from '../schemas/article';

export const VERDICT_LABELS: Record<Verdict, string> = {
  confirmed: 'Confirmed',
  refuted: 'Refuted',
  unverifiable: 'Unverifiable',
  not_a_claim: 'Not a claim',
};

export const STATUS_LABELS: Record<ClaimStatus, string> = { needs_review: 'Needs review', ...VERDICT_LABELS };

/** Each corroboration state has a label and an icon of its own, so that colour is never the only cue. */
export const CORROBORATION_LABELS: Record<Corroboration, { label: string; icon: string }> = {
  conflicting: { label: 'Conflicting', icon: '⚠' },
  corroborated: { label: 'Corroborated', icon: '✓' },
  single_source: { label: 'Single source', icon: '○' },
};

export const LANGUAGE_LABELS: Record<string, string> = { ar: 'Arabic', en: 'English', vi: 'Vietnamese' };

const QUALIFIER_WORDS: Record<ClaimRecord['qualifier'], string> = {
  exact: '',
  more_than: 'more than',
  at_least: 'at least',
  less_than: 'less than',
  at_most: 'at most',
  up_to: 'up to',
  about: 'about',
  range: '',
  vague: '',
};

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

/** "count · more than 40 engineer", "money · 3,500,000 USD", "count · 3–5 person", "count · many person". */
export function describeValue(claim: Pick<ClaimRecord, 'kind' | 'value' | 'min' | 'max' | 'qualifier' | 'unit'>): string {
  let amount: string;
  if (claim.qualifier === 'range' && claim.min !== null && claim.max !== null) amount = `${number.format(claim.min)}–${number.format(claim.max)}`;
  else if (claim.value === null) amount = claim.min !== null ? `${number.format(claim.min)} or more` : 'an unstated amount';
  else amount = [QUALIFIER_WORDS[claim.qualifier], claim.kind === 'date' ? String(claim.value) : number.format(claim.value)].filter(Boolean).join(' ');
  return `${claim.kind} · ${amount}${claim.unit ? ` ${claim.unit}` : ''}`;
}

/**
 * The sentence cut around the claim. The claim's offsets are in the article; the sentence
 * starts at `sentence.start`. Offsets that do not fit fall back to the first occurrence of
 * the claim's text, then to the sentence alone.
 */
export function splitSentence(sentenceText: string, claim: Pick<ClaimRecord, 'text' | 'start' | 'end' | 'sentence'>): { before: string; claim: string; after: string } {
  const from = claim.start - claim.sentence.start;
  const to = claim.end - claim.sentence.start;
  if (from >= 0 && to <= sentenceText.length && from <= to && sentenceText.slice(from, to) === claim.text) {
    return { before: sentenceText.slice(0, from), claim: claim.text, after: sentenceText.slice(to) };
  }
  const at = claim.text ? sentenceText.indexOf(claim.text) : -1;
  if (at >= 0) return { before: sentenceText.slice(0, at), claim: claim.text, after: sentenceText.slice(at + claim.text.length) };
  return { before: sentenceText, claim: '', after: '' };
}

/** The URL to put in an href: only absolute http(s) URLs; anything else stays text. */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** The source URLs a reviewer typed, one per line. */
export function parseSourceUrls(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** "10 Feb 2026, 08:00 UTC": one time zone for every reviewer, so that notes can refer to it. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return 'date unknown';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })} UTC`;
}

/** How many of the loaded claims are in each corroboration state. */
export function queueCounts(items: readonly Pick<ClaimRecord, 'corroboration'>[]): Record<Corroboration, number> & { total: number } {
  const counts = { total: items.length, conflicting: 0, corroborated: 0, single_source: 0 };
  for (const item of items) counts[item.corroboration] += 1;
  return counts;
}

export type Shortcut = { action: 'next' | 'previous' | 'help' } | { action: 'verdict'; verdict: Verdict };

export const SHORTCUTS: readonly { keys: string; description: string }[] = [
  { keys: 'j or ↓', description: 'Next claim' },
  { keys: 'k or ↑', description: 'Previous claim' },
  { keys: 'c', description: 'Confirm the claim' },
  { keys: 'r', description: 'Refute the claim' },
  { keys: 'u', description: 'Mark the claim unverifiable' },
  { keys: 'n', description: 'Not a claim' },
  { keys: '?', description: 'Show these shortcuts' },
];

const VERDICT_KEYS: Record<string, Verdict> = { c: 'confirmed', r: 'refuted', u: 'unverifiable', n: 'not_a_claim' };

/** Where the key was pressed: typing in a text field, on another form control, or elsewhere. */
export type KeyTarget = 'text' | 'control' | 'other';

/**
 * The shortcut a key press means, or null. Nothing while typing; the arrows also stay with
 * the other form controls (radio buttons, selects), which use them.
 */
export function shortcutOf(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, target: KeyTarget): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey || target === 'text') return null;
  switch (event.key) {
    case 'j':
      return { action: 'next' };
    case 'k':
      return { action: 'previous' };
    case 'ArrowDown':
      return target === 'control' ? null : { action: 'next' };
    case 'ArrowUp':
      return target === 'control' ? null : { action: 'previous' };
    case '?':
      return { action: 'help' };
  }
  const verdict = VERDICT_KEYS[event.key];
  return verdict ? { action: 'verdict', verdict } : null;
}
