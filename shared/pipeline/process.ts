import { extractClaims } from '../claims/index';
import { corroborateInStory, placeInStory } from '../corroboration/article';
import { matchEntries } from '../corroboration/entries';
import { corroborationChanges } from '../corroboration/records';
import { joinStory, type Story } from '../corroboration/stories';
import { StaleVersionError } from '../errors';
import type { ArticleRecord, ClaimRecord } from '../schemas/article';
import { joinExtraction, MAX_CLAIMS_PER_ARTICLE } from './claim-records';
import type { ArticleStore, ClaimStore, Clock, StoryStore } from './ports';

export { claimIdOf, newClaimRecords } from './claim-records';

export interface ProcessDeps {
  articles: ArticleStore;
  claims: ClaimStore;
  stories: StoryStore;
  now: Clock;
}

export type ProcessOutcome = 'processed' | 'already_processed' | 'in_progress' | 'missing' | 'failed';

/** What one run did; for an article it processed, also what extraction and corroboration found. */
export type ProcessResult =
  | { outcome: Exclude<ProcessOutcome, 'processed'> }
  | {
      outcome: 'processed';
      /** Claims the extractor found in the text, including those beyond the cap. */
      claimsExtracted: number;
      /** Claims left out beyond MAX_CLAIMS_PER_ARTICLE. */
      claimsTruncated: number;
      /** Links made between this article's claims and other sources' claims. */
      linksMade: number;
    };

/**
 * Thrown by processDelivery when the last receive before the dead-letter queue failed too, once
 * the article is marked failed with the reason (the message still goes to the dead-letter queue).
 */
export class GaveUpError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'GaveUpError';
  }
}

/** How long a worker run holds an article: twice the worker's timeout in AWS (60 s). */
export const PROCESSING_LEASE_MS = 120_000;

/**
 * Extracts, stores and corroborates the claims of one queued article.
 * In: the article id from the queue. Out: what happened, with the counts of a processed article.
 * Steps: read the article (skip it if gone or already processed); take it for this run (skip it
 * if another run holds it: that run, or the reconciler once its lease ends, finishes it); read
 * its text (an article whose text is incomplete, or that the extractor cannot read, is marked
 * failed with the reason); extract the claims, at most MAX_CLAIMS_PER_ARTICLE (the article says
 * when it was truncated); join them to the claims already stored for it, which are kept as they
 * are (claim-records.ts); corroborate them (shared/corroboration): find the story the article
 * tells among the stories active lately, read that story's earlier claims, decide facts, links
 * and candidates; write the new claims with their story, fact, evidence and candidates, and the
 * evidence they give earlier claims; raise the status of the earlier claims whose status rises
 * (one conditional update each); write the story; mark the
 * article processed, only if nobody else did meanwhile (version check).
 */
export async function processArticle(articleId: string, deps: ProcessDeps): Promise<ProcessResult> {
  const read = await deps.articles.getArticleWithText(articleId);
  if (!read) return { outcome: 'missing' };
  if (read.article.status === 'processed') return { outcome: 'already_processed' };
  const now = deps.now();
  const article = await deps.articles.beginProcessing(read.article, new Date(now.getTime() + PROCESSING_LEASE_MS), now);
  if (!article) return { outcome: 'in_progress' };
  try {
    return await processTaken(article, read.text ?? await deps.articles.getText(article), now, deps);
  } catch (error) {
    // the queue retries: let the retry take the article at once rather than wait for the lease
    await deps.articles.release(article, deps.now()).catch(() => undefined);
    throw error;
  }
}

async function processTaken(article: ArticleRecord, text: string, now: Date, deps: ProcessDeps): Promise<ProcessResult> {
  if (text.length !== article.textLength) {
    await deps.articles.markFailed(article, `stored text has ${text.length} characters, expected ${article.textLength}`);
    return { outcome: 'failed' };
  }
  let extracted: ReturnType<typeof extractClaims>;
  try {
    extracted = extractClaims(text, article.language ? { language: article.language } : {});
  } catch (error) {
    // the extractor is not supposed to throw; if it does, retrying the same text cannot help
    await deps.articles.markFailed(article, `claim extraction failed: ${(error as Error).message}`);
    return { outcome: 'failed' };
  }
  const { language } = extracted;
  const kept = extracted.claims.slice(0, MAX_CLAIMS_PER_ARTICLE);
  const truncated = extracted.claims.length > kept.length
    ? `${extracted.claims.length} claims found; only the first ${MAX_CLAIMS_PER_ARTICLE} are kept`
    : undefined;
  // claims are stored only by a run that got that far: none before the article's first run
  const stored = (article.attempts ?? 1) > 1 ? await deps.claims.claimsOf(article.id, { evidence: false }) : [];
  const { all, added } = joinExtraction(article, stored, kept, now.toISOString());

  // corroboration: the story first, then the facts within it
  const forMatching = { ...article, text };
  const entries = matchEntries(forMatching, all);
  const step = placeInStory(forMatching, entries, await deps.stories.candidateStories(article.publishedAt));
  const earlier = step.storyIds.length > 0 ? await deps.stories.storyClaims(step.storyIds) : [];
  const outcome = corroborateInStory(forMatching, entries, step, earlier.filter((c) => c.articleId !== article.id));
  const changes = corroborationChanges(step.storyId, entries, earlier, outcome);
  const records: ClaimRecord[] = added.map((claim) => ({ ...claim, ...changes.own.get(claim.id) }));
  await deps.claims.putClaims(records, new Map(entries.map((e) => [e.claimId, e])), changes.earlier);
  await deps.stories.updateEarlier(changes.earlier);
  await saveStory(deps.stories, outcome.story, step.choice.merge, step.choice.story);
  await deps.articles.markProcessed(article, { claimCount: all.length, language, ...(truncated ? { truncated } : {}) });
  return { outcome: 'processed', claimsExtracted: extracted.claims.length, claimsTruncated: extracted.claims.length - kept.length, linksMade: outcome.links.length };
}

/**
 * Writes the story; when another article joined it meanwhile (a busy story), adds this article
 * to the story as it is now and tries again, a few times.
 */
/** Writes of a story tried over its current version before the article is left to a redelivery. */
const STORY_WRITE_ATTEMPTS = 8;

async function saveStory(stories: StoryStore, story: Story, merged: readonly Story[], base: Story | null): Promise<void> {
  let next = story;
  for (let attempt = 0; ; attempt++) {
    try {
      await stories.saveStory(next, merged);
      return;
    } catch (error) {
      if (!(error instanceof StaleVersionError) || attempt >= STORY_WRITE_ATTEMPTS - 1) throw error;
      // other workers are writing the same story: let them through, a little longer each time
      await new Promise((r) => setTimeout(r, Math.random() * 50 * 2 ** Math.min(attempt, 5)));
      const current = await stories.getStory(story.id);
      const member = story.members.find((m) => !base?.members.some((b) => b.articleId === m.articleId)) ?? story.members[0]!;
      next = joinStory(story.id, current, current ? [] : merged, member);
      if (!current) next = { ...next, version: 0 };
    }
  }
}

/**
 * The worker's handling of one queue message: processes the article, and when this was the last
 * receive before the message moves to the dead-letter queue, marks the article failed with the
 * reason, so that it is never left waiting unseen, and throws GaveUpError; otherwise the error
 * is thrown again as it is. Either way the queue receives the message again or dead-letters it.
 */
export async function processDelivery(
  articleId: string,
  delivery: { receiveCount: number; maxReceiveCount: number },
  deps: ProcessDeps,
): Promise<ProcessResult> {
  try {
    return await processArticle(articleId, deps);
  } catch (error) {
    if (delivery.receiveCount >= delivery.maxReceiveCount) {
      const article = await deps.articles.getArticle(articleId).catch(() => null);
      if (article && article.status !== 'processed') {
        const reason = `gave up after ${delivery.receiveCount} attempts: ${(error as Error).message}`.slice(0, 1000);
        const marked = await deps.articles.markFailed(article, reason).then(() => true, () => false);
        if (marked) throw new GaveUpError(reason, { cause: error });
      }
    }
    throw error;
  }
}
