import * as z from './zod';

export const LANGUAGES = ['ar', 'en', 'vi'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const CLAIM_KINDS = ['money', 'percent', 'count', 'age', 'duration', 'date', 'measure'] as const;
export const ClaimKind = z.enum(CLAIM_KINDS);
export type ClaimKind = z.infer<typeof ClaimKind>;

export const QUALIFIERS = [
  'exact',
  'more_than',
  'at_least',
  'less_than',
  'at_most',
  'up_to',
  'about',
  'range',
  'vague',
] as const;
export const Qualifier = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof Qualifier>;

/** A whole number of zero or more (offsets, counts, versions). */
export const count = () => z.int().check(z.nonnegative());

export const Span = z.object({
  start: count(),
  end: count(),
});
export type Span = z.infer<typeof Span>;

/**
 * One checkable claim found in a text. Offsets are JavaScript string indices into the exact
 * input: `text === input.slice(start, end)`.
 *
 * The interval it asserts is `[min, max]` (null for an open side); `value` is the stated number
 * (the low end for a `range`, null for a `vague` amount such as "dozens").
 */
export const ExtractedClaim = z.object({
  kind: ClaimKind,
  text: z.string(),
  start: count(),
  end: count(),
  value: z.nullable(z.number()),
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  qualifier: Qualifier,
  unit: z.string(),
  sentence: Span,
  language: Language,
});
export type ExtractedClaim = z.infer<typeof ExtractedClaim>;

export const ExtractionResult = z.object({
  language: Language,
  claims: z.array(ExtractedClaim),
});
export type ExtractionResult = z.infer<typeof ExtractionResult>;
