/**
 * What the admin page shows, without the DOM: values in words, the claim's place in its
 * sentence, why two claims are linked, which links may become links, the keyboard shortcuts.
 * Kept apart from app.ts so that it is tested in Node.
 */
import type { ClaimRecord, Evidence, LinkContext, Verdict } from '../schemas/article';
import { formatNumber, t } from './i18n';
import type { MessageKey } from './i18n/en';

type Amount = Pick<ClaimRecord, 'kind' | 'value' | 'min' | 'max' | 'qualifier' | 'unit'>;

/** The amount a claim asserts, in words: "more than 40", "3–5", "somewhere in 10,000,000,000–100,000,000,000". */
export function describeAmount(claim: Amount): string {
  const n = (x: number) => (claim.kind === 'date' ? String(x) : formatNumber(x));
  if (claim.qualifier === 'range' && claim.min !== null && claim.max !== null) return t('value.range', { a: n(claim.min), b: n(claim.max) });
  if (claim.value === null) {
    // a vague amount ("tens of billions") is its interval, both ends when it has them
    if (claim.min !== null && claim.max !== null) return t('value.vague', { a: n(claim.min), b: n(claim.max) });
    return claim.min !== null ? t('value.orMore', { a: n(claim.min) }) : t('value.unstated');
  }
  if (claim.qualifier === 'exact' || claim.qualifier === 'range' || claim.qualifier === 'vague') return n(claim.value);
  return t(`qualifier.${claim.qualifier}`, { n: n(claim.value) });
}

/** "Count · more than 40 engineer", "Money · 3,500,000 USD". */
export function describeValue(claim: Amount): string {
  return `${t(`kind.${claim.kind}`)} · ${describeAmount(claim)}${claim.unit ? ` ${claim.unit}` : ''}`;
}

/**
 * The sentence cut around the claim. The claim's offsets are in the article; the sentence
 * starts at `sentence.start`. Offsets that do not fit fall back to the first occurrence of
 * the claim's text, then to the sentence alone.
 */
export function splitSentence(sentenceText: string, claim: { text: string; start: number; end: number; sentence: { start: number } }): { before: string; claim: string; after: string } {
  const from = claim.start - claim.sentence.start;
  const to = claim.end - claim.sentence.start;
  if (from >= 0 && to <= sentenceText.length && from <= to && sentenceText.slice(from, to) === claim.text) {
    return { before: sentenceText.slice(0, from), claim: claim.text, after: sentenceText.slice(to) };
  }
  const at = claim.text ? sentenceText.indexOf(claim.text) : -1;
  if (at >= 0) return { before: sentenceText.slice(0, at), claim: claim.text, after: sentenceText.slice(at + claim.text.length) };
  return { before: sentenceText, claim: '', after: '' };
}

/** A text cut into plain parts and the claims in it (in order, overlapping claims left out), for the article view. */
export function markClaims<C extends { start: number; end: number }>(text: string, claims: readonly C[]): (string | C)[] {
  const parts: (string | C)[] = [];
  let at = 0;
  for (const claim of [...claims].sort((a, b) => a.start - b.start)) {
    if (claim.start < at || claim.end > text.length || claim.end <= claim.start) continue;
    if (claim.start > at) parts.push(text.slice(at, claim.start));
    parts.push(claim);
    at = claim.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** For comparing names across scripts' spellings: no diacritics, no case, đ as d. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');

/**
 * Names written in Latin capitals in a sentence ("Port Varna", "Orla"). A single capitalised word
 * that starts the sentence is left out: its capital says nothing. Latin names pass unchanged
 * between English and Vietnamese text, and into Arabic text often too.
 */
export function latinNames(sentence: string): string[] {
  const names: string[] = [];
  for (const m of sentence.matchAll(/\p{Lu}[\p{L}\p{M}’'-]+(?:\s+\p{Lu}[\p{L}\p{M}’'-]+)*/gu)) {
    const initial = /^$|[.!?:"“«]$/.test(sentence.slice(0, m.index).trimEnd());
    if (!initial || /\s/.test(m[0])) names.push(m[0]);
  }
  return names;
}

/**
 * The names two sentences share, as the longest run of words two of their names have in common
 * (diacritics folded): "Storm Orla" and "Bão Orla" share "Orla", "Port Varna" and "Varna" share
 * "Varna". In the first sentence's spelling.
 */
export function sharedNames(a: string, b: string): string[] {
  const other = latinNames(b).map((n) => n.split(/\s+/).map(fold));
  const shared: string[] = [];
  for (const name of latinNames(a)) {
    const words = name.split(/\s+/);
    const folded = words.map(fold);
    let best: string[] = [];
    for (const theirs of other) {
      for (let i = 0; i < folded.length; i++) {
        for (let j = 0; j < theirs.length; j++) {
          let n = 0;
          while (i + n < folded.length && j + n < theirs.length && folded[i + n] === theirs[j + n]) n++;
          if (n > best.length) best = words.slice(i, i + n);
        }
      }
    }
    const run = best.join(' ');
    if (run.length >= 3 && !shared.some((s) => fold(s) === fold(run))) shared.push(run);
  }
  return shared.slice(0, 4);
}

/** How far apart two publication times are, in words. */
export function timeApart(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 90) return t('time.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? t('time.hours', { n: hours }) : t('time.days', { n: Math.round(hours / 24) });
}

/** Whether the other report was published after this one (both times known). */
export function laterReport(own: string | undefined, other: string | undefined): boolean | null {
  const a = own ? Date.parse(own) : NaN;
  const b = other ? Date.parse(other) : NaN;
  return Number.isFinite(a) && Number.isFinite(b) && a !== b ? b > a : null;
}

export interface Reason {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Score bands of the matcher's score, in words (display only: the matcher decides the link). */
export const SCORE_BANDS: readonly { min: number; key: MessageKey }[] = [
  { min: 1.2, key: 'reason.strong' },
  { min: 0.6, key: 'reason.moderate' },
  { min: -Infinity, key: 'reason.weak' },
];

/**
 * Why a claim and another source's claim are linked, in words: the figures (same, compatible or
 * not), what they count, the names both sentences give, the other report's language and time,
 * and how strong the match was.
 */
export function linkReasons(
  own: Amount & { language: string; sentenceText: string; publishedAt?: string },
  link: Pick<Evidence, 'relation' | 'score'> & { publishedAt?: string },
  other: LinkContext | undefined,
): Reason[] {
  const reasons: Reason[] = [];
  if (other) {
    const same = own.min === other.claim.min && own.max === other.claim.max && own.unit === other.claim.unit;
    const a = describeAmount(own);
    const b = describeAmount(other.claim);
    if (same) reasons.push({ key: 'reason.sameFigure', params: { a: `${a} ${own.unit}`.trim() } });
    else reasons.push({ key: link.relation === 'conflicts' ? 'reason.differ' : 'reason.overlap', params: { a: `${a} ${own.unit}`.trim(), b: `${b} ${other.claim.unit}`.trim() } });
    if (own.unit && own.unit === other.claim.unit && own.kind === 'count') reasons.push({ key: 'reason.sameUnit', params: { unit: own.unit } });
    else reasons.push({ key: 'reason.sameKind', params: { kind: t(`kind.${own.kind}`) } });
    const names = sharedNames(own.sentenceText, other.sentenceText);
    if (names.length > 0) reasons.push({ key: 'reason.names', params: { names: names.join(', ') } });
    if (other.claim.language !== own.language) reasons.push({ key: 'reason.otherLanguage', params: { language: t(`language.${other.claim.language}`) } });
  }
  const otherTime = other?.article.publishedAt ?? link.publishedAt;
  const later = laterReport(own.publishedAt, otherTime);
  if (later !== null) reasons.push({ key: later ? 'reason.later' : 'reason.earlier', params: { time: timeApart(Date.parse(otherTime!) - Date.parse(own.publishedAt!)) } });
  const band = SCORE_BANDS.find((b) => link.score >= b.min)!;
  reasons.push({ key: band.key, params: { score: formatNumber(Math.round(link.score * 100) / 100) } });
  return reasons;
}

/** Whether someone else holds an unexpired lease on the claim. */
export function heldByOther(claim: Pick<ClaimRecord, 'leasedBy' | 'leasedUntil'>, me: string, now: number): boolean {
  return !!claim.leasedBy && claim.leasedBy !== me && Date.parse(claim.leasedUntil ?? '') > now;
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

/** How many of the loaded claims are in each corroboration state. */
export function queueCounts(items: readonly Pick<ClaimRecord, 'corroboration'>[]): { total: number; conflicting: number; corroborated: number; single_source: number } {
  const counts = { total: items.length, conflicting: 0, corroborated: 0, single_source: 0 };
  for (const item of items) counts[item.corroboration] += 1;
  return counts;
}

export type Shortcut = { action: 'next' | 'previous' | 'help' | 'undo' | 'article' } | { action: 'verdict'; verdict: Verdict };

export const SHORTCUTS: readonly { keys: string[]; description: MessageKey }[] = [
  { keys: ['j', '↓'], description: 'shortcut.next' },
  { keys: ['k', '↑'], description: 'shortcut.previous' },
  { keys: ['c'], description: 'shortcut.confirmed' },
  { keys: ['r'], description: 'shortcut.refuted' },
  { keys: ['u'], description: 'shortcut.unverifiable' },
  { keys: ['n'], description: 'shortcut.not_a_claim' },
  { keys: ['z'], description: 'shortcut.undo' },
  { keys: ['a'], description: 'shortcut.article' },
  { keys: ['?'], description: 'shortcut.help' },
];

export const VERDICT_KEYS: Record<Verdict, string> = { confirmed: 'c', refuted: 'r', unverifiable: 'u', not_a_claim: 'n' };
const KEY_VERDICTS = Object.fromEntries(Object.entries(VERDICT_KEYS).map(([v, k]) => [k, v as Verdict]));
const KEY_ACTIONS: Record<string, Shortcut> = {
  j: { action: 'next' }, k: { action: 'previous' }, '?': { action: 'help' }, z: { action: 'undo' }, a: { action: 'article' },
};

/** Where the key was pressed: typing in a text field, on another form control, or elsewhere. */
export type KeyTarget = 'text' | 'control' | 'other';

/**
 * The shortcut a key press means, or null. Nothing while typing; the arrows also stay with
 * the other form controls (radio buttons, selects), which use them.
 */
export function shortcutOf(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }, target: KeyTarget): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey || target === 'text') return null;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') return target === 'control' ? null : { action: event.key === 'ArrowDown' ? 'next' : 'previous' };
  const action = KEY_ACTIONS[event.key];
  if (action) return action;
  const verdict = KEY_VERDICTS[event.key];
  return verdict ? { action: 'verdict', verdict } : null;
}
