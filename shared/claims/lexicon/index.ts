/** The lexicons of the three languages; each language file holds its words as data. */
import type { Language } from '../../schemas/claim';
import { AR } from './ar';
import { EN } from './en';
import type { LanguageLexicon } from './types';
import { VI } from './vi';

export { CURRENCY_CONTEXT_WORDS, CURRENCY_SIGNS, DOLLAR_PREFIXES, ISO_CODES } from './currencies';
export { PhraseTable, type LanguageLexicon, type TimeUnit } from './types';

/**
 * What a counting label may count for a bare number after it ("số người chết ... 27"): people and
 * what befalls them, the tolls news reports; not house or telephone numbers ("số nhà 15").
 */
export const LABELLED_UNITS: ReadonlySet<string> = new Set(['person', 'death', 'injury', 'victim', 'casualty', 'missing', 'body', 'case', 'patient']);

/** Units of speed: a range of them from zero is an acceleration benchmark ("0 đến 100 km/h", "0 to 60 mph"), not a claim. */
export const SPEED_UNITS: ReadonlySet<string> = new Set(['km/h', 'mph', 'm/s']);

export const LEXICONS: Record<Language, LanguageLexicon> = { ar: AR, en: EN, vi: VI };
