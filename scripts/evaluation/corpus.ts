import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ClaimKind, Language, Qualifier } from '../../shared/schemas/claim';

/** A gold claim as annotated in the corpus (see the corpus README for the rules). */
export const GoldClaim = z.object({
  quote: z.string().min(1),
  kind: ClaimKind,
  value: z.number().nullable(),
  min: z.number().nullable().optional(),
  max: z.number().nullable().optional(),
  qualifier: Qualifier,
  unit: z.string(),
  occurrence: z.number().int().positive().default(1),
});
export type GoldClaim = z.infer<typeof GoldClaim>;

export const Trap = z.object({
  quote: z.string().min(1),
  why: z.string(),
  occurrence: z.number().int().positive().default(1),
});
export type Trap = z.infer<typeof Trap>;

export const GoldMatch = z.object({
  claim: z.string(),
  article: z.string(),
  otherQuote: z.string(),
  relation: z.enum(['corroborates', 'conflicts', 'unrelated']),
});
export type GoldMatch = z.infer<typeof GoldMatch>;

export const AnnotatedArticle = z.object({
  id: z.string().min(1),
  language: Language,
  source: z.string(),
  url: z.string(),
  title: z.string(),
  publishedAt: z.string().optional(),
  text: z.string(),
  claims: z.array(GoldClaim),
  traps: z.array(Trap).default([]),
  matches: z.array(GoldMatch).default([]),
});
export type AnnotatedArticle = z.infer<typeof AnnotatedArticle>;

/** Reads every `*.json` file of the given directories (sorted by name) as an annotated article. */
export async function loadAnnotatedDirs(dirs: readonly string[]): Promise<AnnotatedArticle[]> {
  const articles: AnnotatedArticle[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) {
      const path = join(dir, name);
      const raw = await readFile(path, 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch (error) {
        throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
      }
      const parsed = AnnotatedArticle.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        throw new Error(`${path} is not an annotated article: ${issues.join('; ')}`);
      }
      articles.push(parsed.data);
    }
  }
  return articles;
}

/**
 * The articles as a feed brings them: by publication time (an article without one first), the
 * file order among equal times. Corroboration is scored, and its models are fitted, in this order.
 */
export function inArrivalOrder(articles: readonly AnnotatedArticle[]): AnnotatedArticle[] {
  const time = (a: AnnotatedArticle) => (a.publishedAt ? Date.parse(a.publishedAt) : 0);
  return articles.map((a, i) => ({ a, i })).sort((x, y) => time(x.a) - time(y.a) || x.i - y.i).map(({ a }) => a);
}

/** Start offset of the `occurrence`-th (1-based) appearance of `quote` in `text`, or -1. */
export function locate(text: string, quote: string, occurrence = 1): number {
  let from = 0;
  for (let seen = 0; ; ) {
    const at = text.indexOf(quote, from);
    if (at < 0) return -1;
    if (++seen === occurrence) return at;
    from = at + 1;
  }
}
