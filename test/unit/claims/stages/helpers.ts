import { Scan } from '../../../../shared/claims/scan';
import type { Language } from '../../../../shared/schemas/claim';

/** A cursor over our own sentence, and the index of the token `word` (normalized) in it. */
export function scan(text: string, lang: Language): Scan {
  return new Scan(text, lang);
}

export function at(s: Scan, word: string, occurrence = 1): number {
  let seen = 0;
  for (let i = 0; i < s.toks.length; i++) if (s.toks[i]!.v === word && ++seen === occurrence) return i;
  throw new Error(`no token ${JSON.stringify(word)} in ${JSON.stringify(s.norm)}`);
}

/** The normalized text of a token span [a, b). */
export function spanText(s: Scan, a: number, b: number): string {
  return s.norm.slice(s.toks[a]!.s, s.toks[b - 1]!.e);
}
