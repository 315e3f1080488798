/**
 * What ties an article to a story across languages and scripts, computed once per article:
 *
 * - names: runs of capitalized Latin words in any language's text ("Port Varna", "Hải Phòng"),
 *   diacritics folded, plus the known names of ENTITY_ALIASES in any script;
 * - places: country and territory names in Arabic, English and Vietnamese from CLDR (the
 *   runtime's Intl.DisplayNames), folded to their ISO code ("الإمارات العربية المتحدة", "UAE",
 *   "Các Tiểu Vương quốc Ả Rập Thống nhất" -> place:AE);
 * - sounds: consonant skeletons, so that a Latin name meets its Arabic spelling ("Khor Sharqi" and
 *   «خور الشرقي» are both hrsrk): of the Latin names on one side, of every Arabic word and pair
 *   of words on the other (only Latin-against-Arabic skeletons count as shared);
 * - words: the folded content words of the title and lead, for articles in one script.
 */
import { normalizeKey } from '../claims/normalize';
import { ENTITY_ALIASES, GENERIC_NAMES, PLACE_ALIASES } from './data';
import { REGION_NAMES } from './region-names';

export interface ArticleNames {
  /** Folded Latin names and alias keys, each with whether it is generic (a country, a region). */
  names: string[];
  generic: string[];
  /** Skeletons of the Latin names (to meet Arabic words) ... */
  latinSounds: string[];
  /** ... and of the Arabic words (to meet Latin names). */
  arabicSounds: string[];
  /** Folded content words of the title and lead. */
  words: string[];
}

const STOP_NAMES_AS_WRITTEN = ['the', 'a', 'an', 'in', 'on', 'at', 'for', 'and', 'but', 'or', 'by', 'photo', 'source', 'comments',
  'shares', 'updated', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'this', 'that', 'it',
  'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'its', 'with', 'from', 'after', 'before', 'as', 'said', 'says',
  'mr', 'mrs', 'ms', 'dr', 'ông', 'bà', 'anh', 'chị', 'theo', 'tại', 'trong', 'của', 'và', 'các', 'những', 'một', 'năm',
  'ngày', 'tháng', 'thứ', 'sau', 'khi', 'đã', 'được', 'cho', 'với', 'này', 'người', 'công', 'ty', 'tp', 'ủy', 'ban', 'sở', 'bộ',
  'xã', 'huyện', 'tỉnh', 'phường', 'quận', 'miền', 'vùng', 'cục', 'viện', 'nhà', 'máy', 'khu', 'cảng'];
/** Words that open a sentence or name an office rather than a name, folded as names are. */
const STOP_NAMES = new Set(STOP_NAMES_AS_WRITTEN.map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').toLowerCase()));
/**
 * Function words and the words of any news report (numbers, days, "said"), folded, in the three
 * languages: shared lead words tie two articles only when they are not these.
 */
const COMMON_WORDS = new Set(['about', 'after', 'again', 'against', 'because', 'before', 'being', 'billion', 'could', 'during',
  'first', 'these', 'those', 'there', 'their', 'where', 'which', 'while', 'would', 'should', 'since', 'under', 'other', 'people',
  'million', 'percent', 'thousand', 'hundred', 'according', 'official', 'officials', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'august', 'september', 'october', 'november',
  'december', 'years', 'months', 'weeks', 'company', 'government', 'price', 'prices', 'report', 'reported', 'reports', 'added',
  'nhung', 'trong', 'nguoi', 'thanh', 'thuoc', 'duong', 'nhieu', 'khoang', 'truoc', 'thang', 'ngay', 'trieu', 'nghin', 'dong',
  'chung', 'cuoc', 'duoc', 'khong', 'nhung', 'tuong', 'truong', 'phong', 'thong', 'nuoc',
  'الذي', 'التي', 'الذين', 'اكثر', 'اقل', 'مليون', 'مليار', 'الف', 'الاف', 'يوم', 'اليوم', 'ثلاثاء', 'اربعاء', 'خميس', 'جمعه', 'سبت',
  'احد', 'اثنين', 'خلال', 'حيث', 'بعد', 'قبل', 'وفق', 'مع', 'على', 'الى', 'عن', 'منذ', 'حتى', 'بين', 'نحو', 'هذا', 'هذه', 'ذلك',
  'تلك', 'كانت', 'كان', 'يكون', 'تبلغ', 'بلغت', 'وقال', 'قال', 'قالت', 'اعلنت', 'اعلن', 'مجموعه', 'شركه', 'عام', 'العام',
  'ثلاث', 'ثلاثه', 'اربعه', 'خمسه', 'سته', 'سبعه', 'ثمانيه', 'تسعه', 'عشره', 'مقابل', 'دولار', 'درهم', 'اكثر']);

/**
 * Vietnamese family and middle names that millions share: a name made of them alone ("Nguyễn Thị",
 * "Lê Minh") ties no two articles.
 */
const COMMON_NAME_PARTS = new Set(['nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho',
  'ngo', 'duong', 'ly', 'van', 'thi', 'duc', 'minh', 'huu', 'quoc', 'thanh', 'ngoc', 'anh', 'hai', 'hong', 'thu', 'xuan']);

/**
 * Words that end a name by saying what kind of thing it names ("Halden Province", "Gulf Bank"):
 * the last word of a name is a name of its own, unless it is one of these.
 */
const NAME_KINDS = new Set(['province', 'city', 'county', 'district', 'region', 'state', 'republic', 'kingdom', 'island', 'islands',
  'ministry', 'department', 'agency', 'authority', 'council', 'committee', 'commission', 'office', 'court', 'police', 'army',
  'company', 'corporation', 'corp', 'group', 'holdings', 'bank', 'fund', 'party', 'union', 'association', 'foundation', 'institute',
  'university', 'college', 'school', 'hospital', 'airport', 'airlines', 'airways', 'port', 'river', 'lake', 'mountain', 'mountains',
  'valley', 'street', 'road', 'bridge', 'station', 'center', 'centre', 'park', 'news', 'times', 'post', 'daily', 'press', 'media',
  'international', 'national', 'global', 'online', 'today', 'network', 'service', 'services', 'project', 'plan', 'program', 'programme']);

/** Lower case without diacritics: "Hà Tĩnh" -> "ha tinh", so Latin names match across languages. */
export function fold(s: string): string {
  return normalizeKey(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');
}

// ---------------------------------------------------------------------------------------------
// Known names: aliases (data.ts) and CLDR's country names in the three languages

/** CLDR's names (region-names.ts), kept when they are long enough to be a name and not a word. */
function regionNames(): [string, string][] {
  const out: [string, string][] = [];
  for (const [code, joined] of Object.entries(REGION_NAMES)) {
    for (const name of joined.split('|')) {
      // a short name is also a word ("Bỉ" is Belgium, "bị" a verb): those come from the aliases
      if (fold(name).length >= 4) out.push([fold(name), `place:${code}`]);
    }
  }
  return out;
}

const KNOWN: [string, string][] = [
  ...Object.entries(ENTITY_ALIASES).flatMap(([key, spellings]) => [key, ...spellings].map((s) => [fold(s), key] as [string, string])),
  ...Object.entries(PLACE_ALIASES).flatMap(([code, spellings]) => spellings.map((s) => [fold(s), `place:${code}`] as [string, string])),
  ...regionNames(),
].filter(([spelling]) => spelling.length >= 2);

/** Known names by their first word, longest first, for one pass over the words of a text. */
const KNOWN_BY_FIRST = new Map<string, { words: string[]; key: string }[]>();
for (const [spelling, key] of KNOWN) {
  const words = spelling.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) continue;
  const list = KNOWN_BY_FIRST.get(words[0]!) ?? [];
  if (!list.some((k) => k.key === key && k.words.join(' ') === words.join(' '))) list.push({ words, key });
  list.sort((a, b) => b.words.length - a.words.length);
  KNOWN_BY_FIRST.set(words[0]!, list);
}

const isGeneric = (key: string) => key.startsWith('place:') || GENERIC_NAMES.has(key);
/** Folded spellings of countries and regions: their sounds tie no story. */
const GENERIC_SPELLINGS = new Set([...KNOWN.filter(([, key]) => isGeneric(key)).map(([s]) => s), ...GENERIC_NAMES]);

// ---------------------------------------------------------------------------------------------
// Skeletons

const ARABIC_CONSONANTS: Record<string, string> = {
  'ب': 'b', 'ت': 't', 'ث': 't', 'ج': 'g', 'ح': 'h', 'خ': 'h', 'د': 'd', 'ذ': 'd', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 's',
  'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'g', 'ف': 'f', 'ق': 'k', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
  'پ': 'b', 'ڤ': 'f', 'گ': 'g', 'چ': 's',
};

/** The consonants of a Latin word as Arabic script keeps them: "Sharqi" -> srk, "Fujairah" -> fgr. */
export function latinSkeleton(word: string): string {
  return fold(word)
    .replace(/[^a-z]/g, '')
    .replace(/h$/, '') // a final -ah is a ta marbuta, written without h
    .replace(/ph/g, 'f').replace(/th/g, 't').replace(/kh/g, 'h').replace(/gh/g, 'g').replace(/sh/g, 's').replace(/ch/g, 's')
    .replace(/p/g, 'b').replace(/v/g, 'f').replace(/[cq]/g, 'k').replace(/x/g, 'ks').replace(/j/g, 'g')
    .replace(/[aeiouyw]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** The consonants of an Arabic word: «هاي فونغ» -> h, fng. Long vowels and ة are not consonants. */
export function arabicSkeleton(word: string): string {
  return [...word.replace(/ه$/, '')].map((c) => ARABIC_CONSONANTS[c] ?? '').join('').replace(/(.)\1+/g, '$1');
}

/** Arabic prefixes (conjunction, preposition, article) a name may carry: وبالفجيرة = و + ب + ال + فجيرة. */
function arabicStems(word: string): string[] {
  const out = new Set([word]);
  const m = /^(و|ف)?(ب|ل|ك)?(ال)?(.{3,})$/.exec(word);
  if (m) out.add(m[4]!);
  if (word.startsWith('لل') && word.length > 4) out.add(word.slice(2));
  return [...out];
}

/** A skeleton is telling from four consonants on: three match too many unrelated words. */
const MIN_SOUND = 4;

// ---------------------------------------------------------------------------------------------

const ARABIC = /[\u0600-\u06ff]/;

/** The names, places, sounds and lead words of an article (title and text). */
export function articleNames(title: string, text: string): ArticleNames {
  const names = new Set<string>();
  const latinSounds = new Set<string>();
  const arabicSounds = new Set<string>();
  const all = `${title}\n${text}`;
  for (const line of all.split('\n')) {
    if ((line.match(/\|/g) ?? []).length >= 1 && line.length < 120) continue; // page chrome
    for (const m of line.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*/gu)) {
      const words = m[0].split(/\s+/);
      // a single capitalized word opening a sentence is no name ("The", "Theo", "Năm")
      const before = line.slice(0, m.index).trimEnd();
      if (words.length === 1 && (before === '' || /[.!?:"“«(]$/.test(before))) continue;
      const name = fold(m[0]).replace(/['’]s\b/g, '');
      const parts = name.split(/\s+/).filter((w) => !STOP_NAMES.has(w) && w.length > 1);
      if (parts.length === 0) continue;
      const telling = (n: string) => !GENERIC_SPELLINGS.has(n) && (n.includes(' ') || n.length >= 5) && !n.split(' ').every((w) => COMMON_NAME_PARTS.has(w));
      if (telling(parts.join(' '))) names.add(parts.join(' '));
      // the last word of a name of several is a name too: a surname ("Kamau"), a storm's or a
      // place's own name after its title ("Storm Orla", "Bão Orla", "Port Varna")
      const last = parts[parts.length - 1]!;
      if (parts.length > 1 && last.length >= 4 && !GENERIC_SPELLINGS.has(last) && !COMMON_NAME_PARTS.has(last) && !NAME_KINDS.has(last)) names.add(last);
      // the shorter names inside a long one: "Hai Lam Textile" also names "Hai Lam"
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 2; j <= parts.length; j++) if (telling(parts.slice(i, j).join(' '))) names.add(parts.slice(i, j).join(' '));
        for (let j = i + 1; j <= Math.min(parts.length, i + 3); j++) {
          if (GENERIC_SPELLINGS.has(parts.slice(i, j).join(' '))) continue;
          const sound = parts.slice(i, j).map(latinSkeleton).join('');
          // a name of several words is telling from three consonants ("Sao Viet": sft)
          if (sound.length >= (j - i > 1 ? MIN_SOUND - 1 : MIN_SOUND)) latinSounds.add(sound);
        }
      }
    }
  }
  // Arabic words, alone and in pairs, as sounds
  const arabicWords = [...all.matchAll(/[\u0621-\u064a\u067e\u0686\u06a4\u06af]+/g)].map((m) => m[0]);
  for (let i = 0; i < arabicWords.length; i++) {
    const stems = arabicStems(arabicWords[i]!);
    for (const stem of stems) {
      const one = arabicSkeleton(stem);
      if (one.length >= MIN_SOUND) arabicSounds.add(one);
      const next = arabicWords[i + 1];
      if (!next) continue;
      for (const other of arabicStems(next)) {
        const two = one + arabicSkeleton(other);
        if (two.length >= MIN_SOUND - 1 && two.length <= 9 && one.length > 0 && arabicSkeleton(other).length > 0) arabicSounds.add(two);
      }
    }
  }
  // known names in any script, as whole words, with or without Arabic prefixes
  const words = fold(all).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const forms = ARABIC.test(words[i]!) ? arabicStems(words[i]!) : [words[i]!];
    for (const form of forms) {
      for (const known of KNOWN_BY_FIRST.get(form) ?? []) {
        if (known.words.every((w, k) => k === 0 || words[i + k] === w)) names.add(known.key);
      }
    }
  }
  const generic = [...names].filter(isGeneric).sort();
  return {
    names: [...names].filter((n) => !isGeneric(n)).sort(),
    generic,
    latinSounds: [...latinSounds].sort(),
    arabicSounds: [...arabicSounds].sort(),
    words: leadWords(title, text),
  };
}

/** The names a sentence mentions: folded Latin names and known names in any script (no sounds). */
export function namesIn(sentence: string): string[] {
  const out = new Set<string>();
  for (const m of sentence.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)*/gu)) {
    const parts = fold(m[0]).replace(/['’]s\b/g, '').split(/\s+/).filter((w) => !STOP_NAMES.has(w) && w.length > 1);
    for (const part of parts) out.add(part);
  }
  const words = fold(sentence).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (const form of ARABIC.test(words[i]!) ? arabicStems(words[i]!) : [words[i]!]) {
      for (const known of KNOWN_BY_FIRST.get(form) ?? []) {
        if (known.words.every((w, k) => k === 0 || words[i + k] === w)) out.add(known.key);
      }
    }
  }
  return [...out].sort();
}

/** The folded content words of a text (Arabic words without their prefixes). */
export function contentWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of fold(text).split(/[^\p{L}\p{M}]+/u)) {
    if (w.length < (ARABIC.test(w) ? 4 : 5) || STOP_NAMES.has(w)) continue;
    const word = ARABIC.test(w) ? arabicStems(w).at(-1)! : w;
    if (!COMMON_WORDS.has(word) && !COMMON_WORDS.has(w) && !GENERIC_SPELLINGS.has(w) && !GENERIC_SPELLINGS.has(word)) out.add(word);
  }
  return [...out].sort();
}

/** Content words of the title and the first two sentences of the text, folded. */
function leadWords(title: string, text: string): string[] {
  const body = text.split('\n').filter((line) => !((line.match(/\|/g) ?? []).length >= 1 && line.length < 120)).join(' ');
  const lead = body.split(/(?<=[.!?؟])\s+/).slice(0, 2).join(' ');
  return contentWords(`${title} ${lead}`);
}

/** Where the lead of a text ends: after its first two sentences, page chrome lines left out. */
export function leadEnd(text: string): number {
  let at = 0;
  let sentences = 0;
  for (const line of text.split('\n')) {
    const chrome = (line.match(/\|/g) ?? []).length >= 1 && line.length < 120;
    if (!chrome) {
      for (const m of line.matchAll(/[.!?؟](\s|$)/g)) {
        if (++sentences === 2) return at + m.index! + 1;
      }
      if (line.trim() !== '' && !/[.!?؟]\s*$/.test(line) && ++sentences === 2) return at + line.length;
    }
    at += line.length + 1;
  }
  return text.length;
}
