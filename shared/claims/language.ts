/**
 * The language of a text among Arabic, English and Vietnamese, from three signals: the script
 * (Arabic letters), the letters only Vietnamese uses (đ ă ơ ư and the tone-marked vowels), and,
 * for Latin text where those letters are few (English with Vietnamese names, Vietnamese typed
 * without its marks), the function words of each language. Texts with no letters count as English.
 */
import type { Language } from '../schemas/claim';

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

/** Frequent words of each language, written as they are typed with and without Vietnamese marks. */
const VIETNAMESE_WORDS = new Set([
  'và', 'của', 'là', 'có', 'không', 'được', 'những', 'các', 'người', 'này', 'cho', 'với', 'trong', 'đã',
  'một', 'năm', 'đến', 'từ', 'theo', 'khi', 'cũng', 'nhiều', 'sẽ', 'đang', 'tại', 'về', 'ngày', 'hơn',
  // without marks, only words that no English or other Latin-script text uses
  'khong', 'cua', 'duoc', 'nhung', 'nguoi', 'nhieu', 'trieu', 'voi', 'mot', 'ngay', 'cac', 'tren', 'duoi', 'nuoc',
]);
const ENGLISH_WORDS = new Set([
  'the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'as', 'it', 'by', 'at', 'are', 'be',
  'this', 'from', 'have', 'has', 'not', 'but', 'or', 'an', 'they', 'their', 'which', 'were', 'will', 'more',
  'than', 'he', 'she', 'we', 'said', 'after', 'about', 'over', 'his', 'her', 'its', 'year', 'percent', 'million',
]);

/**
 * The language of a text: Arabic script first, then the density of Vietnamese letters, and for
 * what stays ambiguous (a few Vietnamese letters: names, or Vietnamese typed without its marks)
 * the function words of English and Vietnamese.
 */
export function detectLanguage(text: string): Language {
  const n = Math.min(text.length, SAMPLE);
  let arabic = 0;
  let latin = 0;
  let vietnamese = 0;
  for (let i = 0; i < n; i++) {
    // a clearly Arabic, English or Vietnamese text is known after its first few hundred letters
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
  // about a third of the letters of Vietnamese text are its own; names alone give far fewer
  if (ratio >= 0.15) return 'vi';
  const words = functionWords(n === text.length ? text : text.slice(0, n));
  if (words.vi + words.en > 0) return words.vi > words.en ? 'vi' : 'en';
  return ratio >= 0.04 ? 'vi' : 'en';
}

/** A 32-bit FNV-1a hash of the lower case of s[i, e) (ASCII letters folded; others as they are). */
function wordHash(s: string, i: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = i; k < e; k++) {
    let c = s.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

const hashesOf = (words: ReadonlySet<string>): Set<number> => new Set([...words].map((w) => wordHash(w.normalize('NFC'), 0, w.length)));
const VIETNAMESE_HASHES = hashesOf(VIETNAMESE_WORDS);
const ENGLISH_HASHES = hashesOf(ENGLISH_WORDS);

/**
 * How many Vietnamese and English function words the sample has (URLs aside), in one pass that
 * cuts no string: words are compared by a hash of their letters.
 */
function functionWords(sample: string): { vi: number; en: number } {
  let vi = 0;
  let en = 0;
  const n = sample.length;
  for (let i = 0; i < n; ) {
    const c = sample.charCodeAt(i);
    if (!isWordLetter(c)) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < n && isWordLetter(sample.charCodeAt(e))) e++;
    // a URL says nothing of the language: skip to the next space
    if ((c === 104 || c === 119) && (sample.startsWith('http', i) || sample.startsWith('www.', i))) {
      while (e < n && sample.charCodeAt(e) > 32) e++;
    } else if (e - i <= 7) {
      const h = wordHash(sample, i, e);
      if (VIETNAMESE_HASHES.has(h)) vi++;
      else if (ENGLISH_HASHES.has(h)) en++;
    }
    i = e;
  }
  return { vi, en };
}

/** Letters of Latin-script words, Vietnamese ones and combining marks included. */
function isWordLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x300 && c <= 0x36f);
}
