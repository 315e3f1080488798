/**
 * Stories: the articles that tell one story, in any language, however far apart in time.
 * An arriving article joins the story its fitted model finds most likely (names across scripts,
 * shared precise figures, lead words, the time since the story's nearest article, with a long
 * tail); it starts a story when none reaches the threshold; when it reaches the threshold of
 * several, it joins the first and the others merge into it (the article bridges them).
 */
import type { ArticleForMatching, MatchEntry } from './entries';
import { MODELS, probability, type LogisticModel } from './model';
import { articleNames, type ArticleNames } from './names';
import { mid } from './relation';
import { CONVERSION_TOLERANCE, WEAK_UNITS } from './data';
import { compareCodeUnits } from '../lib/compare';

/** What ties an article (or, as a union, a story) to others. */
export interface StorySignature extends ArticleNames {
  /** Precise figures of its claims: "fig:measure:barrel:1.80e+5" ... */
  figures: string[];
  /** ... and the two-digit ones ("fig:count:people:14"), weaker signs. */
  roughFigures: string[];
}

export interface StoryMember {
  articleId: string;
  source: string;
  publishedAt?: string;
  signature: StorySignature;
}

/**
 * A story as the store keeps it: its articles (the most recent MAX_MEMBERS, with their
 * signatures). An article is compared with each of them, not with their union, so that a long
 * story does not grow into one that every article resembles.
 */
export interface Story {
  id: string;
  members: StoryMember[];
  /** Stories merged into this one: their claims are still filed under their own id. */
  merged: string[];
  /** Counts the story's writes: a write applies only to the version read (two workers at once). */
  version: number;
}

export const MAX_MEMBERS = 12;
/** A member's sounds and words beyond this many are not kept. */
export const MAX_KEYS = 400;

const isPlace = (key: string) => key.startsWith('place:');

/**
 * Each count falls in one bin of its own (one shared name, two or more, ...), and the time
 * between in one span: bins that exclude each other, so that the fitted naive Bayes model does
 * not count one shared name again in "at least one" and "at least two".
 */
export const STORY_FEATURES = [
  'names_1', 'names_2+', 'long_names_1', 'long_names_2+', 'places_1+', 'sounds_1', 'sounds_2', 'sounds_3+',
  'figures_1', 'figures_2+', 'rough_1', 'rough_2', 'rough_3+', 'words_2-3', 'words_4-7', 'words_8+',
  'days_0-3', 'days_3-14', 'days_14-61',
] as const;

/**
 * A figure as a story signature keeps it: `fig:<dimension>:<concept>:<value>` (the value in the
 * dimension's common unit: US dollars, days, ...). Two figures are one when their dimensions are
 * equal and their values agree to the rounding (and, between currencies, to the conversion).
 */
const figureKey = (f: { dimension: string; concept: string }, value: number) => `fig:${f.dimension}:${f.concept}:${Number(value.toPrecision(6))}`;

function parseFigure(key: string): { dimension: string; concept: string; value: number } | null {
  const at = key.lastIndexOf(':');
  const conceptAt = key.lastIndexOf(':', at - 1);
  if (!key.startsWith('fig:') || at < 0 || conceptAt < 4) return null;
  const value = Number(key.slice(at + 1));
  return Number.isFinite(value) ? { dimension: key.slice(4, conceptAt), concept: key.slice(conceptAt + 1, at), value } : null;
}

/** Whether two figure keys state one value (same dimension; money across currencies within the conversion tolerance). */
export function sameFigure(a: string, b: string): boolean {
  if (a === b) return true;
  const x = parseFigure(a);
  const y = parseFigure(b);
  if (!x || !y || x.dimension !== y.dimension) return false;
  const tolerance = x.dimension === 'money' && x.concept !== y.concept ? CONVERSION_TOLERANCE : 0.005;
  return Math.abs(x.value - y.value) <= tolerance * Math.max(x.value, y.value);
}

export function articleSignature(article: Pick<ArticleForMatching, 'title' | 'text'>, entries: readonly MatchEntry[]): StorySignature {
  const figures = new Set<string>();
  const rough = new Set<string>();
  for (const e of entries) {
    const f = e.features;
    if (!f.pointLike || f.dimension === 'date' || !Number.isFinite(mid(f))) continue;
    const key = figureKey(f, mid(f));
    if (f.digits >= 3 || (f.digits >= 2 && mid(f) >= 100 && !WEAK_UNITS.has(f.concept))) figures.add(key);
    else if (mid(f) >= 10 && f.dimension !== 'percent') rough.add(key);
  }
  return { ...articleNames(article.title, article.text), figures: [...figures].sort(), roughFigures: [...rough].sort() };
}

/** How many figures of `a` some figure of `b` states (each counted once). */
function sharedFigures(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let n = 0;
  for (const x of a) if (b.some((y) => sameFigure(x, y))) n++;
  return n;
}

function shared(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b);
  let n = 0;
  for (const x of a) if (set.has(x)) n++;
  return n;
}

/**
 * The features of an article against another article of a story: how many names, places,
 * cross-script sounds, figures and lead words the two share, as steps (at least one, at least
 * two, ...), and how close they are in time. Steps let a fitted weight say that two shared names
 * are worth far more than one.
 */
export function storyFeatures(article: StorySignature, publishedAt: string | undefined, story: StorySignature, otherPublishedAt: string | undefined): number[] {
  const t = publishedAt ? Date.parse(publishedAt) : NaN;
  const u = otherPublishedAt ? Date.parse(otherPublishedAt) : NaN;
  // undated: time says nothing, either way
  const days = Number.isFinite(t) && Number.isFinite(u) ? Math.abs(t - u) / 86_400_000 : NaN;
  // names of two or more words, none of them a stop word, rarely meet by chance
  const long = (names: readonly string[]) => names.filter((n) => n.includes(' '));
  const names = shared(article.names, story.names);
  const longNames = shared(long(article.names), long(story.names));
  const places = shared(article.generic.filter(isPlace), story.generic.filter(isPlace));
  const sounds = shared(article.latinSounds, story.arabicSounds) + shared(article.arabicSounds, story.latinSounds);
  const figures = sharedFigures(article.figures, story.figures);
  // a value precise on one side may be rough on the other ("about 12,000 residents" / "khoảng
  // 12.000 người"; "$48 million" / "1.250 tỷ đồng"): rough counts every other shared figure
  const all = (s: StorySignature) => [...s.figures, ...(s.roughFigures ?? [])];
  const rough = Math.max(0, sharedFigures(all(article), all(story)) - figures);
  const words = shared(article.words, story.words);
  // n in [lo, hi): one bin of a count
  const bin = (n: number, lo: number, hi = Infinity) => (n >= lo && n < hi ? 1 : 0);
  // undated: time says nothing, either way
  const span = (lo: number, hi: number) => (Number.isFinite(days) ? (days > lo && days <= hi) || (lo === 0 && days === 0) ? 1 : 0 : 0);
  return [
    bin(names, 1, 2), bin(names, 2), bin(longNames, 1, 2), bin(longNames, 2), bin(places, 1),
    bin(sounds, 1, 2), bin(sounds, 2, 3), bin(sounds, 3),
    bin(figures, 1, 2), bin(figures, 2), bin(rough, 1, 2), bin(rough, 2, 3), bin(rough, 3),
    bin(words, 2, 4), bin(words, 4, 8), bin(words, 8),
    span(0, 3), span(3, 14), span(14, 61),
  ];
}

export interface StoryChoice {
  /** The story the article joins, or null for a new one. */
  story: Story | null;
  /** Other stories the article bridges: they merge into `story`. */
  merge: Story[];
  probabilities: { storyId: string; p: number }[];
}

export function chooseStory(
  signature: StorySignature,
  publishedAt: string | undefined,
  candidates: readonly Story[],
  model: LogisticModel = MODELS.story,
): StoryChoice {
  const probabilities = candidates
    .map((story) => ({ story, p: storyProbability(signature, publishedAt, story, model) }))
    .sort((x, y) => y.p - x.p || compareCodeUnits(x.story.id, y.story.id));
  const above = probabilities.filter((c) => c.p >= model.threshold);
  // the oldest story keeps its id when two merge, so that ids stay stable
  const ordered = above.map((c) => c.story).sort((x, y) => firstTime(x) - firstTime(y) || compareCodeUnits(x.id, y.id));
  return {
    story: ordered[0] ?? null,
    merge: ordered.slice(1),
    probabilities: probabilities.map((c) => ({ storyId: c.story.id, p: c.p })),
  };
}

/** How likely the article tells the story: as likely as it tells the story of its closest article. */
export function storyProbability(signature: StorySignature, publishedAt: string | undefined, story: Story, model: LogisticModel = MODELS.story): number {
  let best = 0;
  for (const m of story.members) best = Math.max(best, probability(model, storyFeatures(signature, publishedAt, m.signature, m.publishedAt)));
  return best;
}

function firstTime(story: Story): number {
  const times = story.members.map((m) => (m.publishedAt ? Date.parse(m.publishedAt) : Infinity));
  return Math.min(Infinity, ...times);
}

/** The story with the article added (and the bridged stories merged in), bounded. */
export function joinStory(id: string, base: Story | null, merge: readonly Story[], member: StoryMember): Story {
  const stories = [...(base ? [base] : []), ...merge];
  const cap = (keys: readonly string[]) => keys.slice(0, MAX_KEYS);
  const sig = member.signature;
  const bounded: StoryMember = {
    ...member,
    signature: { ...sig, names: cap(sig.names), latinSounds: cap(sig.latinSounds), arabicSounds: cap(sig.arabicSounds), words: cap(sig.words), figures: cap(sig.figures), roughFigures: cap(sig.roughFigures ?? []) },
  };
  const members = [bounded, ...stories.flatMap((s) => s.members)]
    .filter((m, i, all) => all.findIndex((x) => x.articleId === m.articleId) === i)
    .sort((x, y) => compareCodeUnits(y.publishedAt ?? '', x.publishedAt ?? ''))
    .slice(0, MAX_MEMBERS);
  return {
    id,
    members,
    merged: [...new Set([...stories.flatMap((s) => [s.id, ...s.merged])])].filter((x) => x !== id),
    version: (base?.version ?? -1) + 1,
  };
}

/**
 * The keys under which an article can be found by later ones, most telling first: names of
 * several words, then single names, precise figures, and the sounds of Latin names.
 */
export function storyKeys(signature: StorySignature, limit: number): string[] {
  const names = [...signature.names].sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length || compareCodeUnits(a, b));
  const keys = [
    ...names.map((n) => `name:${n}`),
    ...signature.figures,
    ...[...signature.latinSounds].sort((a, b) => b.length - a.length || compareCodeUnits(a, b)).map((s) => `sound:${s}`),
  ];
  return keys.slice(0, limit);
}
