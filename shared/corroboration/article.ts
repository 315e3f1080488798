/**
 * One article through corroboration, as the worker runs it between its two lookups: the story it
 * joins (from the candidate stories the store found by key), then, given the earlier claims of
 * that story, the links, facts and candidates of its claims. Pure.
 */
import type { ArticleForMatching, MatchEntry } from './entries';
import { corroborate, type Corroboration, type StoredEntry } from './facts';
import { MODELS, type Models } from './model';
import { articleSignature, chooseStory, joinStory, type Story, type StoryChoice, type StorySignature } from './stories';

export interface StoryStep {
  signature: StorySignature;
  choice: StoryChoice;
  /** The id of the story the article is in now (new or joined). */
  storyId: string;
  /** The stories whose claims are the candidates: the joined one and those it merges. */
  storyIds: string[];
}

/** A new story takes the id of its first article. */
export const newStoryId = (articleId: string) => `S-${articleId}`;

export function placeInStory(article: ArticleForMatching, entries: readonly MatchEntry[], candidates: readonly Story[], models: Models = MODELS): StoryStep {
  const signature = articleSignature(article, entries);
  const choice = chooseStory(signature, article.publishedAt, candidates, models.story);
  const storyId = choice.story?.id ?? newStoryId(article.id);
  const storyIds = choice.story ? [...new Set([choice.story, ...choice.merge].flatMap((s) => [s.id, ...s.merged]))] : [];
  return { signature, choice, storyId, storyIds };
}

export interface ArticleOutcome extends Corroboration {
  story: Story;
}

export function corroborateInStory(
  article: ArticleForMatching,
  entries: readonly MatchEntry[],
  step: StoryStep,
  earlier: readonly StoredEntry[],
  models: Models = MODELS,
): ArticleOutcome {
  const story = joinStory(step.storyId, step.choice.story, step.choice.merge, {
    articleId: article.id, source: article.source, ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}), signature: step.signature,
  });
  return { ...corroborate(entries, earlier, models), story };
}
