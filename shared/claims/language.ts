import { eld } from 'eld/extrasmall';
import type { Language } from '../schemas/claim';

eld.setLanguageSubset(['ar', 'en', 'vi']);

const SAMPLE = 4_000;

/** Letters used by Vietnamese and hardly by English: đ, ă, ơ, ư, â, ê, ô and the tone-marked vowels. */
function isVietnameseLetter(c: number): boolean {
  return (
    (c >= 0x1ea0 && c <= 0x1ef9) || // Latin Extended Additional: ạ ả ấ ... ỹ
    c === 0x111 || c === 0x110 || c === 0x103 || c === 0x102 || c === 0x1a1 || c === 0x1a0 ||
    c === 0x1b0 || c === 0x1af || c === 0xe2 || c === 0xea || c === 0xf4 || c === 0xc2 || c === 0xca ||
    c === 0xd4 || c === 0x129 || c === 0x169 || c === 0x300 || c === 0x301 || c === 0x303 ||
    c === 0x309 || c === 0x323
  );
}

/**
 * The language of a text: Arabic script first, then the density of Vietnamese letters, and for
 * what stays ambiguous (Latin text with a few Vietnamese letters, such as names) an n-gram
 * identifier limited to ar/en/vi. Texts with no letters count as English.
 */
export function detectLanguage(text: string): Language {
  const n = Math.min(text.length, SAMPLE);
  let arabic = 0;
  let latin = 0;
  let vietnamese = 0;
  for (let i = 0; i < n; i++) {
    // a clearly Arabic text is known after its first few hundred letters
    if ((i & 127) === 127) {
      if (arabic >= 100 && arabic > 4 * latin) return 'ar';
      if (latin >= 300 && arabic * 2 < latin && vietnamese === 0) return 'en';
      if (latin >= 200 && arabic * 2 < latin && vietnamese >= latin * 0.08) return 'vi';
    }
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    } else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) {
      arabic++;
    } else if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x300 && c <= 0x323)) {
      latin++;
      if (isVietnameseLetter(c)) vietnamese++;
    }
  }
  if (arabic + latin === 0) return 'en';
  if (arabic >= latin * 0.5) return 'ar';
  const ratio = vietnamese / latin;
  if (ratio >= 0.04) return 'vi';
  if (ratio < 0.005) return 'en';
  const guess = eld.detect(text.slice(0, SAMPLE)).language;
  return guess === 'vi' ? 'vi' : 'en';
}
