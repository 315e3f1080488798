import type { ExtractionResult, Language } from '../schemas/claim';
import { extract } from './extract';
import { detectLanguage } from './language';

export { detectLanguage } from './language';
export { parseNumeral } from './numbers/numeral';

export interface ExtractOptions {
  /** Forces the language instead of detecting it. */
  language?: Language;
}

/**
 * Extracts the checkable quantitative claims of a text (Arabic, English or Vietnamese).
 * Pure: no I/O, no clock; the same text gives the same claims. Never throws on a string.
 */
export function extractClaims(text: string, options: ExtractOptions = {}): ExtractionResult {
  const language = options.language ?? detectLanguage(text);
  return { language, claims: extract(text, language) };
}
