import { eld } from 'eld/extrasmall';
import type { Language } from '../schemas/claim';

eld.setLanguageSubset(['ar', 'en', 'vi']);

/** Letters used by Vietnamese and not by English: đ, ă, â, ê, ô, ơ, ư and the tone marks. */
const VIETNAMESE = /[đăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
const SAMPLE = 20_000;

/**
 * The language of a text: Arabic script first, then the density of Vietnamese letters, and for
 * what stays ambiguous (Latin text with a few Vietnamese letters, such as names) an n-gram
 * identifier limited to ar/en/vi. Texts with no letters count as English.
 */
export function detectLanguage(text: string): Language {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) latin++;
  }
  if (arabic + latin === 0) return 'en';
  if (arabic >= latin * 0.5) return 'ar';
  const vietnamese = sample.normalize('NFC').match(VIETNAMESE)?.length ?? 0;
  const ratio = vietnamese / latin;
  if (ratio >= 0.04) return 'vi';
  if (ratio < 0.005) return 'en';
  const guess = eld.detect(sample).language;
  return guess === 'vi' ? 'vi' : 'en';
}
