/**
 * The claim extractor's engine: reads numbers (digits in any of our scripts, number words, scale
 * words, vague amounts), then what surrounds them (currency, percent, time and measure units,
 * counted nouns, qualifiers, ranges), and keeps what states a checkable quantity.
 *
 * It works on a normalized copy of the text (see normalize.ts) cut into tokens, and maps every
 * span back to the original offsets. Each token is looked at a bounded number of times, so the
 * time is linear in the input.
 */
import type { ClaimKind, ExtractedClaim, Language, Qualifier, Span } from '../schemas/claim';
import {
  CURRENCY_SIGNS,
  DOLLAR_PREFIXES,
  ISO_CODES,
  LEXICONS,
  type LanguageLexicon,
  type PhraseTable,
  type TimeUnit,
} from './lexicon';
import { normalize, normalizeKey } from './normalize';
import { SentenceFinder } from './sentences';
import { NUM, SYM, WORD, skipChromeLines, tokenize, type Token } from './tokenize';

interface NumberRead {
  /** Token span of the number itself. */
  a: number;
  b: number;
  value: number;
  /** Written with digits (not number words). */
  digits: boolean;
  /** A scale multiplied it ("14 million"); `scale` is the largest one. */
  scale: number;
  /** Only a scale word, with no number before it ("a thousand", "مليون"): needs a qualifier. */
  bareScale: boolean;
  vague?: { min: number; max: number };
  /** The number names its own unit: a dual ("عامين", "نسختين") or a clock duration ("2:04:51"). */
  unit?: UnitRead;
  /** Plain digits with no separator, as written (for years, codes and phone numbers). */
  plain?: string;
}

interface UnitRead {
  kind: ClaimKind;
  unit: string;
  /** Token index after the unit. */
  end: number;
  factor?: number;
  /** Added to the number after the unit: "6 giờ 30 phút" = 6.5 hours, "ست ساعات ونصف". */
  extra?: number;
}

interface Candidate {
  a: number;
  b: number;
  kind: ClaimKind;
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: Qualifier;
  unit: string;
  /** The unit was not stated: borrow it from an earlier claim of the sentence. */
  inherit: boolean;
}

const SKIP = Symbol('skip');
type Read<T> = T | null | typeof SKIP;

const variantCache = new Map<string, string[]>();
const definiteVariantCache = new Map<string, string[]>();

function arabicVariants(w: string, definite: boolean): string[] {
  const out = [w];
  if (w[0] === 'و' || w[0] === 'ف') pushNew(out, w.slice(1));
  for (let k = 0, n = out.length; k < n; k++) {
    const v = out[k]!;
    if ((v[0] === 'ب' || v[0] === 'ل' || v[0] === 'ك') && v.length >= 3) pushNew(out, v.slice(1));
  }
  if (definite) {
    for (let k = 0, n = out.length; k < n; k++) {
      const v = out[k]!;
      if ((v.startsWith('ال') || v.startsWith('لل')) && v.length >= 4) pushNew(out, v.slice(2));
    }
  }
  return out;
}

function pushNew(out: string[], x: string): void {
  if (x.length >= 2 && !out.includes(x)) out.push(x);
}

/**
 * Currency names shared by several countries, resolved from the countries the article names
 * most (normalized spellings, Arabic, English and Vietnamese); the first entry is the default.
 */
const CURRENCY_CONTEXT_WORDS: Record<string, [string[], string][]> = {
    '?DINAR': [
      [['الكويت', 'كويتي', 'kuwait', 'cô-oét'], 'KWD'], [['الاردن', 'اردني', 'عمان', 'jordan', 'amman', 'jordan'], 'JOD'],
      [['العراق', 'عراقي', 'بغداد', 'iraq', 'baghdad'], 'IQD'], [['البحرين', 'بحريني', 'bahrain'], 'BHD'],
      [['تونس', 'تونسي', 'tunisia'], 'TND'], [['ليبيا', 'ليبي', 'libya'], 'LYD'], [['الجزائر', 'جزائري', 'algeria'], 'DZD'],
      [['serbia', 'belgrade'], 'RSD'],
    ],
    '?DIRHAM': [
      [['الامارات', 'اماراتي', 'دبي', 'ابوظبي', 'ابو ظبي', 'uae', 'emirates', 'dubai', 'abu dhabi'], 'AED'],
      [['المغرب', 'مغربي', 'الرباط', 'الدار البيضاء', 'morocco', 'moroccan', 'rabat', 'casablanca'], 'MAD'],
    ],
    '?RIYAL': [
      [['السعوديه', 'سعودي', 'الرياض', 'جده', 'saudi', 'riyadh'], 'SAR'], [['قطر', 'قطري', 'الدوحه', 'qatar', 'doha'], 'QAR'],
      [['سلطنه عمان', 'عماني', 'مسقط', 'oman', 'muscat'], 'OMR'], [['اليمن', 'يمني', 'صنعاء', 'yemen'], 'YER'],
    ],
    '?POUND': [
      [['مصر', 'مصري', 'القاهره', 'egypt', 'cairo'], 'EGP'], [['بريطانيا', 'لندن', 'britain', 'london', 'uk', 'england'], 'GBP'],
      [['السودان', 'سوداني', 'الخرطوم', 'sudan'], 'SDG'], [['لبنان', 'lebanon'], 'LBP'],
    ],
    '?LIRA': [[['تركيا', 'تركي', 'turkey', 'türkiye', 'istanbul'], 'TRY'], [['لبنان', 'لبناني', 'بيروت'], 'LBP'], [['سوريا', 'سوري', 'دمشق'], 'SYP']],
    '?RUPEE': [[['الهند', 'هندي', 'india', 'delhi', 'mumbai', 'ấn độ'], 'INR'], [['باكستان', 'pakistan'], 'PKR'], [['sri lanka', 'سريلانكا'], 'LKR'], [['nepal'], 'NPR']],
    '?PESO': [[['mexico'], 'MXN'], [['philippines', 'manila'], 'PHP'], [['argentina'], 'ARS'], [['chile'], 'CLP'], [['colombia'], 'COP']],
    '?KRONE': [[['norway', 'norwegian', 'oslo'], 'NOK'], [['denmark', 'danish', 'copenhagen'], 'DKK']],
};
interface CurrencyContext {
  /** Every country word of the family, in one pattern: the text is scanned once. */
  pattern: RegExp;
  codes: Map<string, string>;
  fallback: string;
}
const CURRENCY_CONTEXT: Record<string, CurrencyContext> = Object.fromEntries(
  Object.entries(CURRENCY_CONTEXT_WORDS).map(([family, options]) => {
    const codes = new Map<string, string>();
    for (const [words, code] of options) for (const w of words) codes.set(normalizeKey(w), code);
    const alternatives = [...codes.keys()].sort((x, y) => y.length - x.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return [family, { pattern: new RegExp(alternatives.join('|'), 'g'), codes, fallback: options[0]![1] }];
  }),
);

const FEW_WORDS: Record<Language, readonly string[]> = {
  en: ['few', 'several'],
  ar: ['بضع', 'بضعه', 'عده'],
  vi: ['vài', 'mấy', 'dăm'],
};

const triggerCache = new Map<Language, ReadonlySet<string>>();
const triggerSetCache = new Map<Language, HashedSet>();

const firstWordsCache = new Map<Language, HashedSet>();

const idiomCache = new Map<Language, HashedSet>();

function idiomWordSet(lang: Language): HashedSet {
  const cached = idiomCache.get(lang);
  if (cached) return cached;
  const set = new HashedSet(LEXICONS[lang].idiomWords);
  idiomCache.set(lang, set);
  return set;
}

function phraseFirstWords(lang: Language): HashedSet {
  const cached = firstWordsCache.get(lang);
  if (cached) return cached;
  const lex = LEXICONS[lang];
  const tables: PhraseTable<unknown>[] = [lex.qualifiersBefore, lex.qualifiersAfter, lex.currencies, lex.percentWords,
    lex.timeUnits, lex.measures, lex.nouns, lex.stopNouns, lex.idioms, LEXICONS.en.stopNouns, LEXICONS.en.measures];
  const set = new Set<string>();
  for (const table of tables) for (const w of table.firstWords()) set.add(w);
  if (lang === 'ar') for (const w of [...set]) for (const prefix of AR_PREFIXES) set.add(prefix + w);
  const hashed = new HashedSet(set);
  firstWordsCache.set(lang, hashed);
  return hashed;
}

const HASH_BITS = 20;

/** FNV-1a over a range of UTF-16 code units, folded to HASH_BITS bits. */
function hashRange(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h >>> 0) >>> (32 - HASH_BITS);
}

function triggerSet(lang: Language): HashedSet {
  const cached = triggerSetCache.get(lang);
  if (cached) return cached;
  const set = new HashedSet(triggerWords(lang));
  triggerSetCache.set(lang, set);
  return set;
}

/**
 * A set of words that answers for a range of the text, by a hash of its code units looked up in
 * a bit set, before the word is cut out (a collision only costs the exact lookup that follows).
 */
class HashedSet {
  private readonly bits = new Uint32Array(1 << (HASH_BITS - 5));

  constructor(private readonly words: ReadonlySet<string>) {
    for (const w of words) {
      const h = hashRange(w, 0, w.length);
      this.bits[h >>> 5] = this.bits[h >>> 5]! | (1 << (h & 31));
    }
  }

  has(text: string, t: Token): boolean {
    const h = hashRange(text, t.s, t.e);
    if ((this.bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
    return this.words.has(t.v);
  }
}

/** Words that can start a claim; every other word is passed over at once. */
function triggerWords(lang: Language): ReadonlySet<string> {
  const cached = triggerCache.get(lang);
  if (cached) return cached;
  const lex = LEXICONS[lang];
  const set = new Set<string>([
    ...lex.numbers.keys(), ...lex.hundreds.keys(), ...lex.scales.keys(), ...lex.pluralScales.keys(),
    ...lex.dualScales.keys(), ...FEW_WORDS[lang],
  ]);
  if (lang === 'en') for (const w of ['a', 'an', 'half']) set.add(w);
  if (lang === 'vi') for (const w of ['hàng', 'nửa']) set.add(w);
  if (lang === 'ar') set.add('نصف');
  if (lang === 'ar') {
    set.add('سن');
    for (const w of AR_CURRENCY_DUALS.keys()) set.add(w);
    for (const w of ['عام', 'سنه', 'عقد', 'قرن', 'شهر', 'اسبوع', 'يوم', 'ساعه', 'دقيقه', 'عامين', 'عامان', 'سنتين',
      'سنتان', 'عقدين', 'عقدان', 'شهرين', 'شهران', 'اسبوعين', 'اسبوعان', 'يومين', 'يومان', 'ساعتين', 'ساعتان',
      'دقيقتين', 'دقيقتان']) set.add(w);
    // masculine duals of the counted nouns: مشروعين, مقعدان
    const listed = lex.nouns.words();
    for (const noun of listed) {
      for (const ending of ['ين', 'ان']) if (!listed.has(noun + ending) && noun.length >= 3) set.add(noun + ending);
    }
    // the same words with their clitics: وثلاثة, بنحو, لأكثر, الثلاثة, والخمسة
    for (const w of [...set]) for (const prefix of AR_PREFIXES) set.add(prefix + w);
  }
  triggerCache.set(lang, set);
  return set;
}
const AR_WEEKDAYS = new Set(['الاحد', 'الاثنين', 'الاثنان', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت']);
const AR_CURRENCY_DUALS = new Map<string, string>([
  ['دولارين', 'USD'], ['دولاران', 'USD'], ['ريالين', 'SAR'], ['ريالان', 'SAR'], ['درهمين', 'AED'],
  ['درهمان', 'AED'], ['دينارين', 'KWD'], ['ديناران', 'KWD'], ['جنيهين', 'EGP'], ['جنيهان', 'EGP'],
  ['يوروين', 'EUR'],
].map(([k, v]) => [normalizeKey(k!), v!] as const));
const AR_DUAL_EXCLUDED = new Set(['بوتين', 'روتين', 'بروتين', 'لاتين', 'نيكوتين', 'كيراتين', 'جيلاتين',
  'مرتين', 'مرتان', 'اثنتين', 'اثنتان', 'كلتين', 'ستين', 'الستين'].map(normalizeKey));
const AR_AGE_CONTEXT = new Set(['العمر', 'عمر', 'عمره', 'عمرها', 'عمرهم', 'سن', 'البالغ', 'البالغه', 'يبلغ',
  'تبلغ', 'بعمر', 'عمرا'].map(normalizeKey));
const AR_ORDINALS = new Map<string, number>([
  ['الاولى', 1], ['الاول', 1], ['الثانيه', 2], ['الثاني', 2], ['الثالثه', 3], ['الثالث', 3], ['الرابعه', 4],
  ['الرابع', 4], ['الخامسه', 5], ['الخامس', 5], ['السادسه', 6], ['السادس', 6], ['السابعه', 7], ['السابع', 7],
  ['الثامنه', 8], ['الثامن', 8], ['التاسعه', 9], ['التاسع', 9], ['العاشره', 10], ['العاشر', 10],
  ['الثامنه عشره', 18], ['الثامنة عشرة', 18], ['الحاديه والعشرين', 21], ['الحادية والعشرين', 21],
].map(([k, v]) => [normalizeKey(k as string), v as number] as const));
const AR_DEFINITE_PREFIXES = ['ال', 'وال', 'بال', 'لل', 'فال', 'كال'];
/** "دون الثلاثين" (under thirty), "فوق الستين" (over sixty): the decade of an age. */
const AR_AGE_LIMITS = new Set(['دون', 'فوق', 'تحت', 'تجاوز', 'تجاوزوا', 'بلغ', 'بلغوا']);
const AR_PREFIXES = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', ...AR_DEFINITE_PREFIXES];
const AR_PRICE_WORDS = new Set(['تبدا', 'يبدا', 'اسعار', 'سعر', 'باسعار', 'ابتداء', 'تبدا اسعار', 'بسعر', 'التذاكر']);
const EN_PRICE_WORDS = new Set(['price', 'prices', 'priced', 'fare', 'fares', 'start', 'starts', 'starting', 'cost',
  'costs', 'tickets', 'ticket', 'rates', 'rents', 'rent', 'sells', 'sell', 'retail', 'retails']);
const VI_HALF = 'rưỡi';
const VI_CHANGE_WORDS = new Set(['đến', 'tới', 'lên', 'xuống']);
const HALF_WORDS = new Set(['ونصف', 'نصف'].map(normalizeKey));
const VI_RANGE_TO = new Set(['đến', 'tới', '-']);
const AR_RANGE_TO = new Set(['إلى', 'حتى', '-'].map(normalizeKey));
const AGE_WORDS_VI = new Set(['tuổi']);
/** Words before "X to Y" that make it a change ("rose 5% to 7%"), not a range. */
const EN_CHANGE_WORDS = new Set(['from', 'by', 'rose', 'fell', 'grew', 'jumped', 'dropped', 'climbed', 'increased',
  'decreased', 'declined', 'slid', 'slipped', 'surged', 'soared', 'plunged', 'cut', 'raised', 'lifted', 'lowered',
  'rising', 'falling', 'up', 'down', 'gained', 'lost', 'added', 'shed', 'moved', 'went', 'changed']);
const CLOCK_BEFORE = new Set(['at', 'around', 'by', 'until', 'from', 'lúc', 'vào', 'đến', 'الساعة', 'الساعه', 'حوالي', 'نحو']);
const CLOCK_AFTER = new Set(['bst', 'gmt', 'utc', 'et', 'est', 'edt', 'cet', 'cest', 'ict', 'local', 'am', 'pm', 'h', 'hrs',
  'giờ', 'sáng', 'chiều', 'tối', 'صباحا', 'مساء', 'بتوقيت']);
const MAGNITUDE_WORDS_AR = new Set(['قوه', 'بقوه', 'شدته', 'شدتها'].map(normalizeKey));

/** Capitalized words that may stand before a count: months and weekdays. */
const CAPITALIZED_OK = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const EN_DETERMINERS = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'these', 'those', 'them']);
/** Words that follow numbers in Vietnamese without being what is counted. */
const VI_NOT_NOUNS = new Set(['hoàn', 'thành', 'bắt', 'nhưng', 'vì', 'nên', 'do', 'bởi', 'rằng', 'là', 'gồm', 'với',
  'cùng', 'chỉ', 'đều', 'tại', 'sau', 'trước', 'khi', 'lúc', 'nhằm', 'thuộc', 'trên', 'dưới', 'năm', 'tuổi', 'giờ',
  'mỗi', 'một', 'hai', 'ba', 'cả', 'toàn', 'này', 'kia', 'ấy', 'nào', 'thì', 'mà', 'nếu', 'dù', 'vẫn', 'bao', 'gấp',
  'lần', 'ở', 'ra', 'vào', 'về', 'đi', 'lại', 'rồi', 'xong', 'tới', 'đến', 'của']);

export function extract(input: string, language: Language): ExtractedClaim[] {
  return new Extractor(input, language).run();
}

class Extractor {
  private readonly lex: LanguageLexicon;
  private readonly norm: string;
  private readonly map: Int32Array;
  private readonly toks: Token[];
  private readonly candidates: Candidate[] = [];
  private readonly triggers: ReadonlySet<string>;
  private readonly triggerSet: HashedSet;
  /** The first words of every phrase table the extractor may consult for this language. */
  private readonly firstWords: HashedSet;
  private readonly idiomWords: HashedSet;
  private consumedUpTo = 0;
  /** Set when a rejected construction spans more than its first number ("từ 11 giờ đến 16 giờ"). */
  private skipTo = 0;

  constructor(
    private readonly input: string,
    private readonly lang: Language,
  ) {
    this.lex = LEXICONS[lang];
    const normalized = normalize(input);
    this.norm = normalized.text;
    this.map = normalized.map;
    this.toks = tokenize(this.norm);
    skipChromeLines(this.norm, this.toks);
    this.triggers = triggerWords(lang);
    this.triggerSet = triggerSet(lang);
    this.firstWords = phraseFirstWords(lang);
    this.idiomWords = idiomWordSet(lang);
  }

  /**
   * Whether the word is a trigger, by a hash of its letters looked up in a bit set, before the
   * word is cut out of the text (a hash collision only costs the exact lookup that follows).
   */
  private mayTrigger(t: Token): boolean {
    return this.triggerSet.has(this.norm, t);
  }

  /** Arabic duals end in تين/تان (the clitic forms of trigger words are in the trigger set). */
  private isTriggerForm(t: Token): boolean {
    if (this.lang !== 'ar' || t.e - t.s < 5) return false;
    const n = this.norm;
    const middle = n.charCodeAt(t.e - 2);
    return n.charCodeAt(t.e - 3) === 0x062a && n.charCodeAt(t.e - 1) === 0x0646 && (middle === 0x064a || middle === 0x0627);
  }

  run(): ExtractedClaim[] {
    const toks = this.toks;
    for (let i = 0; i < toks.length; ) {
      const next = this.tryAt(i);
      i = next > i ? next : i + 1;
    }
    return this.finish();
  }

  // ------------------------------------------------------------------------------------------
  // Scanning
  // ------------------------------------------------------------------------------------------

  /** Tries to read a claim at token i; returns the index to go on from. */
  private tryAt(i: number): number {
    const t = this.toks[i]!;
    if (t.skip || t.type === SYM) return i + 1;
    if (t.type === WORD && !this.mayTrigger(t) && !this.isTriggerForm(t)) return i + 1;
    if ((t.v === 'a' || t.v === 'an') && this.lang === 'en' && !this.triggers.has(this.word(i + 1) ?? '') &&
      !this.lex.timeUnits.hasFirst(this.word(i + 1) ?? '')) return i + 1;
    const idiom = this.idiomAt(i);
    if (idiom > i) return idiom;

    if (this.lang === 'ar' && t.type === WORD) {
      const special = this.arabicSpecial(i);
      if (special !== null) return special;
    }
    const num = this.readNumber(i);
    if (num === SKIP) return this.skipNumberRun(i);
    if (num === null) return i + 1;
    const cand = this.build(num);
    if (cand === SKIP || cand === null) return Math.max(num.b, i + 1, this.skipTo);
    this.push(cand);
    return cand.b;
  }

  private push(c: Candidate): void {
    if (c.a < this.consumedUpTo) c.a = this.consumedUpTo;
    if (c.b <= c.a) return;
    if (c.value !== null && !Number.isFinite(c.value)) return;
    if (c.min !== null && !Number.isFinite(c.min)) return;
    if (c.max !== null && !Number.isFinite(c.max)) return;
    this.candidates.push(c);
    this.consumedUpTo = c.b;
  }

  /** After an identifier (phone number, date label, model name), skip its glued parts. */
  private skipNumberRun(i: number): number {
    let j = i + 1;
    while (j < this.toks.length && this.toks[j]!.gap === 0 && this.toks[j]!.type !== WORD) j++;
    while (j < this.toks.length && this.toks[j]!.gap === 0 && this.toks[j]!.type === WORD) j++;
    return j;
  }

  private idiomAt(i: number): number {
    if (!this.idiomWords.has(this.norm, this.toks[i]!)) return -1;
    for (let start = Math.max(0, i - 2); start <= i; start++) {
      const m = this.matchPhrase(this.lex.idioms, start, false);
      if (m && m.end > i) return m.end;
    }
    return -1;
  }

  // ------------------------------------------------------------------------------------------
  // Token helpers
  // ------------------------------------------------------------------------------------------

  private word(i: number): string | null {
    const t = this.toks[i];
    return t && t.type === WORD ? t.v : null;
  }

  private sym(i: number): string | null {
    const t = this.toks[i];
    return t && t.type === SYM ? t.v : null;
  }

  /** Forms of a word without Arabic clitics (و ف ب ل ك, and ال when `definite`). */
  private variants(w: string, definite = false): string[] {
    if (this.lang !== 'ar' || w.length < 3) return [w];
    const cache = definite ? definiteVariantCache : variantCache;
    const cached = cache.get(w);
    if (cached) return cached;
    const out = arabicVariants(w, definite);
    if (cache.size > 50_000) cache.clear();
    cache.set(w, out);
    return out;
  }

  /** Matches a phrase of `table` starting at token i; returns its value and the index after it. */
  private matchPhrase<T>(table: PhraseTable<T>, i: number, clitics = true, definite = false): { value: T; end: number } | null {
    const first = this.toks[i];
    if (!first || first.skip || first.type === NUM) return null;
    if (!this.firstWords.has(this.norm, first)) return null;
    const forms = !clitics || this.lang !== 'ar' ? [first.v] : definite ? (first.definiteForms ??= this.variants(first.v, true)) : (first.forms ??= this.variants(first.v));
    for (const form of forms) {
      const entries = table.candidates(form);
      if (!entries) continue;
      for (const entry of entries) {
        let ok = true;
        for (let k = 1; k < entry.words.length; k++) {
          const t = this.toks[i + k];
          if (!t || t.v !== entry.words[k] || t.nl) {
            ok = false;
            break;
          }
        }
        if (ok) return { value: entry.value, end: i + entry.words.length };
      }
    }
    return null;
  }

  /** A phrase of `table` that ends right before token `end` (within 5 tokens). */
  private matchBefore<T>(table: PhraseTable<T>, end: number): { value: T; start: number } | null {
    if (end > 0 && this.toks[end]?.nl) return null;
    for (let start = Math.max(0, end - 5); start < end; start++) {
      const m = this.matchPhrase(table, start);
      if (m && m.end === end) {
        let crossesLine = false;
        for (let k = start + 1; k < end; k++) if (this.toks[k]!.nl) crossesLine = true;
        if (!crossesLine) return { value: m.value, start };
      }
    }
    return null;
  }

  private isUpperAt(normIndex: number): boolean {
    const ch = this.input[this.map[normIndex]!] ?? '';
    return ch !== ch.toLowerCase();
  }

  private isLatinWord(i: number): boolean {
    const w = this.word(i);
    return w !== null && /^[a-z\u00c0-\u024f\u1e00-\u1eff]/.test(w);
  }

  private isArabicWord(w: string | null): boolean {
    return w !== null && /^[\u0600-\u06ff]/.test(w);
  }

  // ------------------------------------------------------------------------------------------
  // Numbers
  // ------------------------------------------------------------------------------------------

  private readNumber(i: number): Read<NumberRead> {
    const t = this.toks[i]!;
    if (t.type === NUM) return this.readDigits(i);
    return this.readWords(i);
  }

  private readDigits(i: number, secondOfRange = false): Read<NumberRead> {
    const toks = this.toks;
    const t = toks[i]!;
    const prev = toks[i - 1];
    const next = toks[i + 1];

    if (prev && t.gap === 0 && !secondOfRange) {
      if (prev.type === WORD && this.isLatinWord(i - 1)) return SKIP; // A321, X9, S25
      if (prev.type === SYM && (prev.v === '+' || prev.v === '#' || prev.v === '/' || prev.v === ':' || prev.v === '@')) return SKIP;
      // GPT-4, كوفيد-19, and the second half of an identifier such as 737-800
      if (prev.type === SYM && prev.v === '-' && prev.gap === 0 && (toks[i - 2]?.type === WORD || toks[i - 2]?.type === NUM)) return SKIP;
    }
    if (next && next.gap === 0 && next.type === SYM) {
      if (next.v === ':' && toks[i + 2]?.type === NUM && toks[i + 2]!.gap === 0) return this.readClock(i);
      if (next.v === '/' && toks[i + 2]?.type === NUM && toks[i + 2]!.gap === 0) return SKIP; // 29/9, 11/6/2024
    }
    const plain = isPlainDigits(t.v) ? t.v : undefined;
    if (plain !== undefined && this.isPhoneGroup(i)) return SKIP;
    const value = parseNumeral(t.v, this.lang);
    if (value === null) return SKIP;

    let b = i + 1;
    let scale = 1;
    // a glued suffix: scale (62m, 19.7bn, 5k) or unit (450mm, 19C): units are read later
    const glued = toks[b];
    if (glued && glued.gap === 0 && glued.type === WORD) {
      const s = this.lex.scales.get(glued.v) ?? LEXICONS.en.scales.get(glued.v);
      const currencyBefore = this.currencySignBefore(i) !== null || this.matchPhrase(this.lex.currencies, i + 2, true, true) !== null;
      if (s !== undefined && (glued.v.length > 1 || currencyBefore) && !(glued.v === 'm' && !currencyBefore)) {
        scale = s;
        b++;
      }
    }
    const read: NumberRead = { a: i, b, value: value * scale, digits: true, scale, bareScale: false, plain };
    if (scale === 1) this.readScales(read);
    this.readHalf(read);
    return read;
  }

  /** 2:04:51 is a duration (race time); 14:05 is a time of day and no claim. */
  private readClock(i: number): Read<NumberRead> {
    const toks = this.toks;
    const parts = [toks[i]!.v];
    let j = i + 1;
    while (toks[j]?.v === ':' && toks[j]!.gap === 0 && toks[j + 1]?.type === NUM && toks[j + 1]!.gap === 0) {
      parts.push(toks[j + 1]!.v);
      j += 2;
    }
    if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return SKIP;
    const [h, m, s] = parts.map(Number) as [number, number, number];
    if (m >= 60 || s >= 60) return SKIP;
    const seconds = h * 3600 + m * 60 + s;
    return {
      a: i, b: j, value: seconds, digits: true, scale: 1, bareScale: false,
      unit: { kind: 'duration', unit: 'second', end: j },
    };
  }

  /** Digit groups split by single spaces or a leading zero: phone numbers and hotlines. */
  private isPhoneGroup(i: number): boolean {
    const toks = this.toks;
    const t = toks[i]!;
    if (t.v.length >= 3 && t.v[0] === '0') return true;
    const next = toks[i + 1];
    const prev = toks[i - 1];
    const groupNext = next?.type === NUM && next.gap === 1 && !next.nl && /^\d{2,}$/.test(next.v) && t.v.length >= 2;
    const groupPrev = prev?.type === NUM && t.gap === 1 && !t.nl && /^\d{2,}$/.test(prev.v) && /^\d+$/.test(prev.v);
    return groupNext || (groupPrev && t.v.length >= 2);
  }

  /** Scale words after a number: "14 million", "1,6 triệu", "3 tỷ 500 triệu", "nghìn tỷ". */
  private readScales(read: NumberRead): void {
    const toks = this.toks;
    let j = read.b;
    let applied = false;
    for (let guard = 0; guard < 4; guard++) {
      const w = this.word(j);
      if (w === null || toks[j]!.nl) break;
      if (w.length === 1 && this.lang === 'en') break; // single letters only when glued
      const forms = this.variants(w, true);
      let s: number | undefined;
      for (const f of forms) {
        s = this.lex.scales.get(f);
        if (s !== undefined) break;
      }
      if (s === undefined) break;
      if (applied && s <= read.scale) break;
      read.value *= s;
      read.scale = applied ? read.scale * s : s;
      applied = true;
      j++;
    }
    read.b = j;
    // "3 tỷ 500 triệu": a smaller scaled number added to the larger one
    if (applied && this.lang === 'vi' && toks[j]?.type === NUM) {
      const smallValue = parseNumeral(toks[j]!.v, 'vi');
      const smallScale = this.lex.scales.get(this.word(j + 1) ?? '');
      if (smallValue !== null && smallScale !== undefined && smallScale < read.scale) {
        read.value += smallValue * smallScale;
        read.b = j + 2;
      }
    }
  }

  /** "ونصف المليار", "and a half", "rưỡi": adds half of the scale (or of one). */
  private readHalf(read: NumberRead): void {
    const j = read.b;
    const w = this.word(j);
    if (w === null || this.toks[j]!.nl) return;
    if (this.lang === 'vi' && w === VI_HALF) {
      read.value += 0.5 * read.scale;
      read.b = j + 1;
    } else if (this.lang === 'ar' && HALF_WORDS.has(w) && w.startsWith('و')) {
      const after = this.word(j + 1);
      const s = after ? this.lex.scales.get(after.replace(/^ال/, '')) : undefined;
      if (s !== undefined && s === read.scale) {
        read.value += 0.5 * s;
        read.b = j + 2;
      } else if (read.scale === 1 && !read.digits) {
        read.value += 0.5;
        read.b = j + 1;
      }
    } else if (this.lang === 'en' && w === 'and' && this.word(j + 1) === 'a' && this.word(j + 2) === 'half') {
      read.value += 0.5 * read.scale;
      read.b = j + 3;
    }
  }

  private readWords(i: number): Read<NumberRead> {
    const lex = this.lex;
    const w = this.word(i);
    if (w === null) return null;
    const forms = this.variants(w);

    // vague amounts: dozens, hàng trăm, عشرات المليارات, بضع مئات, a few hundred
    const vague = this.readVague(i, forms);
    if (vague) return vague;

    if (this.lang === 'ar') {
      const dual = this.readArabicDual(i, forms);
      if (dual !== null) return dual;
    }

    // "half a billion", "نصف مليار", "nửa triệu"
    const halfOf = this.lang === 'en' && w === 'half' && this.word(i + 1) === 'a' ? i + 2 : (w === 'nửa' || forms.includes('نصف')) ? i + 1 : -1;
    if (halfOf > 0) {
      const s = this.lex.scales.get(this.word(halfOf) ?? '');
      if (s !== undefined && s >= 1000) return { a: i, b: halfOf + 1, value: s / 2, digits: false, scale: s, bareScale: false };
      return null;
    }
    // "a/an" + unit after a qualifier: "more than a minute"
    if ((w === 'a' || w === 'an') && this.lang === 'en') {
      const after = this.word(i + 1);
      if (after === 'dozen') {
        const read = this.accumulate(i + 1); // "a dozen": twelve, with "at least" and the like before it
        if (read) return { ...read, a: i };
      }
      if (after !== null && (lex.hundreds.has(after) || lex.scales.has(after))) {
        const read = this.accumulate(i + 1);
        if (read) return { ...read, a: i, bareScale: true };
      }
      if (after !== null && this.matchPhrase(lex.timeUnits, i + 1) && this.matchBefore(lex.qualifiersBefore, i)) {
        return { a: i, b: i + 1, value: 1, digits: false, scale: 1, bareScale: false };
      }
      return null;
    }
    // a bare time noun after a qualifier: "أكثر من عقد" (more than a decade), or before "one": "سنة واحدة"
    if (this.lang === 'ar') {
      const unit = this.matchPhrase(lex.timeUnits, i);
      const one = unit ? this.word(unit.end) : null;
      if (unit && !unit.value.dual && (one === 'واحد' || one === 'واحده')) {
        return {
          a: i, b: unit.end + 1, value: 1, digits: false, scale: 1, bareScale: false,
          unit: { kind: 'duration', unit: unit.value.unit, end: unit.end + 1, factor: unit.value.factor },
        };
      }
      if (unit && !unit.value.dual && this.matchBefore(lex.qualifiersBefore, i)) {
        return { a: i, b: i, value: 1, digits: false, scale: 1, bareScale: false };
      }
    }
    return this.accumulate(i);
  }

  /** Number words, compounded: "twenty-five", "two hundred", "خمسة وعشرون", "hai mươi lăm", "مئة ألف". */
  private accumulate(i: number): NumberRead | null {
    const lex = this.lex;
    const toks = this.toks;
    let total = 0;
    let current = 0;
    let lastSmall = false; // the previous word was 1..9: another one starts a new number
    let any = false;
    let onlyScale = true;
    let scale = 1;
    let j = i;
    for (; j < toks.length; j++) {
      const t = toks[j]!;
      if (j > i && (t.nl || t.skip)) break;
      if (t.type === SYM) {
        if (t.v === '-' && t.gap === 0 && any && toks[j + 1]?.gap === 0 && toks[j + 1]?.type === WORD) continue;
        break;
      }
      if (t.type !== WORD) break;
      let w = t.v;
      if (this.lang === 'ar' && j > i && w.length > 2 && w[0] === 'و') w = w.slice(1);
      else if (this.lang === 'ar' && j === i) w = this.firstNumberForm(w);
      if (j > i && (w === 'and' || w === 'linh' || w === 'lẻ') && any) {
        const after = this.word(j + 1);
        if (after !== null && this.isNumberWord(after) && !lex.scales.has(after)) continue;
        break;
      }
      if (this.lang === 'vi' && j > i && any) {
        if (w === 'năm' && current % 10 === 0) break; // "mười năm": ten years (fifteen is "mười lăm")
        if (w === 'mươi') { current = (current || 1) * 10; lastSmall = false; onlyScale = false; continue; }
        if (w === 'lăm' || w === 'nhăm') { current += 5; lastSmall = true; continue; }
        if (w === 'mốt') { current += 1; lastSmall = true; continue; }
        if (w === 'tư') { current += 4; lastSmall = true; continue; }
      }
      const hundred = lex.hundreds.get(w);
      const scaleValue = lex.scales.get(w);
      const small = lex.numbers.get(w);
      const dualScale = lex.dualScales.get(w);
      if (hundred !== undefined && (any || small === undefined)) {
        if (any && current === 0 && total === 0) break;
        current = (current || 1) * hundred;
        lastSmall = false;
        onlyScale = onlyScale && !any;
        any = true;
        if (scale < hundred) scale = hundred;
        continue;
      }
      if (scaleValue !== undefined) {
        if (w.length === 1) break;
        total += (current || 1) * scaleValue;
        current = 0;
        lastSmall = false;
        if (scaleValue > scale) scale = scaleValue;
        any = true;
        continue;
      }
      if (dualScale !== undefined) {
        if (any) break;
        total += dualScale;
        scale = dualScale / 2;
        any = true;
        onlyScale = false;
        continue;
      }
      if (small !== undefined) {
        if (w === 'dozen' || w === 'tá') {
          current = (current || 1) * 12;
          any = true;
          onlyScale = false;
          lastSmall = false;
          continue;
        }
        const isUnitDigit = small < 10;
        if (any && ((isUnitDigit && lastSmall) || (small >= 10 && current % 100 !== 0 && current > 0))) break;
        if (any && this.lang === 'ar' && current > 0 && current < 10 && small >= 20 && small < 100) {
          current += small; // خمسة وعشرون
        } else {
          current += small;
        }
        lastSmall = isUnitDigit;
        any = true;
        onlyScale = false;
        continue;
      }
      break;
    }
    if (!any) return null;
    const value = total + current;
    if (value === 0) return null;
    const read: NumberRead = { a: i, b: j, value, digits: false, scale, bareScale: onlyScale };
    this.readHalf(read);
    return read;
  }

  private firstNumberForm(w: string): string {
    for (const f of this.variants(w)) if (this.isNumberWord(f)) return f;
    return w;
  }

  private anyForm(w: string, set: ReadonlySet<string>, definite = false): boolean {
    for (const f of this.variants(w, definite)) if (set.has(f)) return true;
    return false;
  }

  private isNumberWord(w: string): boolean {
    const lex = this.lex;
    return lex.numbers.has(w) || lex.hundreds.has(w) || lex.scales.has(w) || lex.dualScales.has(w);
  }

  private readVague(i: number, forms: string[]): NumberRead | null {
    const lex = this.lex;
    const w = forms[0]!;
    const prevNum = this.toks[i - 1]?.type === NUM;
    if (prevNum) return null;
    const fewWords = FEW_WORDS[this.lang];
    // "a few hundred", "several thousand", "بضع مئات", "vài trăm"
    let k = i;
    let few = false;
    if (this.lang === 'en' && w === 'a' && this.word(i + 1) === 'few') {
      k = i + 2;
      few = true;
    } else if (fewWords.includes(w) || (forms.length > 1 && forms.some((f) => fewWords.includes(f)))) {
      k = i + 1;
      few = true;
    }
    if (few) {
      const s = this.scaleWordAt(k, true);
      if (s === null) return null;
      const more = this.scaleWordAt(k + 1, false);
      const base = more ? s * more : s;
      return { a: i, b: more ? k + 2 : k + 1, value: 0, digits: false, scale: base, bareScale: false, vague: { min: 2 * base, max: 10 * base - 1 } };
    }
    if (this.lang === 'vi') {
      if (w !== 'hàng') return null;
      const first = lex.pluralScales.get(this.word(i + 1) ?? '');
      if (first === undefined) return null;
      const second = lex.scales.get(this.word(i + 2) ?? '');
      const base = first * (second ?? 1);
      // "hàng trăm" up to ten times, "hàng nghìn" up to a thousand times
      const spread = first <= 100 ? 10 : 1000;
      return { a: i, b: second ? i + 3 : i + 2, value: 0, digits: false, scale: base, bareScale: false, vague: { min: base, max: base * spread } };
    }
    let plural: number | undefined;
    for (const f of forms) {
      plural = lex.pluralScales.get(f);
      if (plural !== undefined) break;
    }
    if (plural === undefined) return null;
    if (this.lang === 'en' && w === 'tens' && this.word(i + 1) !== 'of') return null;
    // "tens of thousands", "عشرات المليارات", "hundreds of millions"
    const ofWord = this.lang === 'en' ? 'of' : null;
    const k2 = ofWord && this.word(i + 1) === ofWord ? i + 2 : i + 1;
    if (plural <= 100) {
      const s = this.scaleWordAt(k2, false, true);
      if (s !== null) {
        return { a: i, b: k2 + 1, value: 0, digits: false, scale: plural * s, bareScale: false, vague: { min: plural * s, max: plural * s * 10 } };
      }
      if (w === 'dozens') return { a: i, b: i + 1, value: 0, digits: false, scale: 12, bareScale: false, vague: { min: 24, max: 99 } };
      if (plural === 10) return { a: i, b: i + 1, value: 0, digits: false, scale: 10, bareScale: false, vague: { min: 20, max: 99 } };
      return { a: i, b: i + 1, value: 0, digits: false, scale: plural, bareScale: false, vague: { min: plural, max: plural * 10 } };
    }
    return { a: i, b: i + 1, value: 0, digits: false, scale: plural, bareScale: false, vague: { min: plural, max: plural * 1000 } };
  }

  /** A scale word (singular or plural) at token k; `definite` accepts "المليارات". */
  private scaleWordAt(k: number, allowHundred: boolean, definite = false): number | null {
    const w = this.word(k);
    if (w === null) return null;
    for (const f of this.variants(w, definite)) {
      const s = this.lex.pluralScales.get(f) ?? this.lex.scales.get(f) ?? (allowHundred ? this.lex.hundreds.get(f) : undefined);
      if (s !== undefined && (f.length > 1 || this.lang !== 'en')) {
        if (s < 100 && !allowHundred) return null;
        return s;
      }
    }
    return null;
  }

  /** Arabic duals that state two of something: نسختين, جامعتان, عامين, دولارين. */
  private readArabicDual(i: number, forms: string[]): Read<NumberRead> {
    const lex = this.lex;
    if (this.toks[i - 1]?.type === NUM) return null;
    const time = this.matchPhrase(lex.timeUnits, i, true, true); // also "العقدين" (the two decades)
    if (time && time.value.dual) {
      const half = this.word(time.end) === normalizeKey('ونصف') ? 1 : 0; // "ساعتين ونصف": two and a half hours
      return {
        a: i, b: time.end + half, value: 2, digits: false, scale: 1, bareScale: false,
        unit: { kind: 'duration', unit: time.value.unit, end: time.end + half, factor: time.value.factor, extra: half * 0.5 },
      };
    }
    for (const f of forms) {
      const currency = AR_CURRENCY_DUALS.get(f);
      if (currency) {
        return { a: i, b: i + 1, value: 2, digits: false, scale: 1, bareScale: false, unit: { kind: 'money', unit: currency, end: i + 1 } };
      }
    }
    // masculine duals of known nouns: مشروعين, مقعدان (a listed plural such as موظفين is no dual)
    for (const f of forms) {
      if (f.startsWith('ال') || f.length < 5 || this.matchPhrase(lex.nouns, i)) break;
      const m = /^(.+)(ين|ان)$/.exec(f);
      if (!m) continue;
      const known = lex.nouns.candidates(m[1]!)?.find((e) => e.words.length === 1);
      if (known) return { a: i, b: i + 1, value: 2, digits: false, scale: 1, bareScale: false, unit: { kind: 'count', unit: known.value, end: i + 1 } };
    }
    for (const f of forms) {
      if (f.startsWith('ال') || f.length < 5 || AR_DUAL_EXCLUDED.has(f) || f.endsWith('ستان')) continue;
      if (this.isNumberWord(f)) continue;
      const m = /^(.+)(تان|تين)$/.exec(f);
      if (!m) continue;
      const singular = m[1]! + 'ه';
      const known = lex.nouns.candidates(singular)?.find((e) => e.words.length === 1);
      let end = i + 1;
      // the adjective agrees with the dual: "نسختين جديدتين"
      while (/(تان|تين|يين|يان)$/.test(this.word(end) ?? '') && !this.toks[end]!.nl) end++;
      const unitText = known ? known.value : this.surface(this.toks[i]!.s, this.toks[i]!.e).replace(/(تان|تين)$/, 'ة');
      return { a: i, b: i + 1, value: 2, digits: false, scale: 1, bareScale: false, unit: { kind: 'count', unit: unitText, end } };
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // Arabic constructions read from a word: "دون سن الخامسة", "العقود الثلاثة", "الـ27"
  // ------------------------------------------------------------------------------------------

  private arabicSpecial(i: number): number | null {
    const w = this.word(i)!;
    // age: "دون سن الخامسة", "فوق سن 60"
    if (this.variants(w).includes('سن')) {
      const ordinal = this.word(i + 1);
      let value: number | null = null;
      let end = i + 2;
      if (ordinal !== null && AR_ORDINALS.has(ordinal)) value = AR_ORDINALS.get(ordinal)!;
      else if (this.toks[i + 1]?.type === NUM) value = parseNumeral(this.toks[i + 1]!.v, 'ar');
      else if (ordinal !== null && /^ال$/.test(ordinal) && this.toks[i + 2]?.type === NUM) {
        value = parseNumeral(this.toks[i + 2]!.v, 'ar');
        end = i + 3;
      }
      if (value === null) return null;
      const q = this.matchBefore(this.lex.qualifiersBefore, i);
      this.push({
        a: q ? q.start : i, b: end, kind: 'age', value, min: null, max: null,
        qualifier: q ? q.value : 'exact', unit: 'year', inherit: false,
      });
      return end;
    }
    // a definite number after a definite noun: "العقود الثلاثة", "السنوات الخمس"; an age: "دون الثلاثين"
    if (w.startsWith('ال') && !AR_WEEKDAYS.has(w)) {
      const bare = w.slice(2);
      const n = this.lex.numbers.get(bare);
      const prev = this.word(i - 1);
      if (n !== undefined && n >= 20 && n < 100 && n % 10 === 0 && prev !== null && AR_AGE_LIMITS.has(prev)) {
        const q = this.matchBefore(this.lex.qualifiersBefore, i);
        this.push({ a: i - 1, b: i + 1, kind: 'age', value: n, min: null, max: null, qualifier: q ? q.value : 'exact', unit: 'year', inherit: false });
        return i + 1;
      }
      if (n !== undefined && n >= 3 && prev !== null && /^(ال|وال|بال|لل)/.test(prev) && !this.toks[i]!.nl) {
        const time = this.matchPhrase(this.lex.timeUnits, i - 1, true, true);
        const noun = this.matchPhrase(this.lex.nouns, i - 1, true, true);
        const start = i - 1 >= this.consumedUpTo ? i - 1 : i;
        if (time) {
          this.push({ a: start, b: i + 1, kind: 'duration', value: n * time.value.factor, min: null, max: null, qualifier: 'exact', unit: time.value.unit, inherit: false });
        } else {
          this.push({ a: start, b: i + 1, kind: 'count', value: n, min: null, max: null, qualifier: 'exact', unit: noun ? noun.value : prev.replace(/^(وال|بال|لل|ال)/, ''), inherit: false });
        }
        return i + 1;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------------------
  // Building a claim around a number
  // ------------------------------------------------------------------------------------------

  private build(num: NumberRead): Read<Candidate> {
    const lex = this.lex;
    const toks = this.toks;
    let a = num.a;
    let b = num.b;
    if (!num.digits && this.lang === 'vi' && this.word(a - 1) === 'thứ') return SKIP; // Thứ Sáu, thứ ba: weekdays, ordinals
    if (this.lang === 'vi' && this.word(a - 1) === 'gấp') return SKIP; // "gấp 3 lần": a multiplier

    // what stands right before the number
    let currency: string | null = null;
    const sign = this.currencySignBefore(num.a);
    if (sign) {
      currency = sign.code;
      a = sign.start;
    }
    if (num.digits && this.isLabelled(a)) return SKIP;
    if (toks[a - 1]?.v === '(' && toks[b]?.v === ')' && !sign) return SKIP; // "Comments (3)"
    const definite = this.lang === 'ar' && num.digits && this.definitePrefixBefore(num.a);
    if (definite) a = num.a - 1;

    // a year with a date word before it
    if (num.plain && num.plain.length === 4 && !sign && num.scale === 1) {
      const year = Number(num.plain);
      const date = this.dateMarkerBefore(num.a);
      if (year >= 1000 && year <= 2100 && date !== null && !this.unitFollows(b)) {
        return { a: date, b, kind: 'date', value: year, min: null, max: null, qualifier: 'exact', unit: 'year', inherit: false };
      }
    }

    // ranges: "between X and Y", "từ X đến Y", "بين X وY", "5-10%"
    const range = this.readRange(num, a, currency);
    let value: number | null = num.value;
    let max: number | null = null;
    let qualifier: Qualifier = 'exact';
    if (range === SKIP) return SKIP;
    if (range) {
      a = range.a;
      b = range.b;
      value = range.low;
      max = range.high;
      qualifier = 'range';
      if (range.currency) currency = range.currency;
    }

    // the unit
    let unit: UnitRead | null = num.unit ?? null;
    if (!unit && !range?.unit) {
      const u = this.readUnit(b, num, currency !== null);
      if (u === SKIP) return SKIP;
      unit = u;
    } else if (range?.unit) {
      unit = range.unit;
    }
    if (unit) b = Math.max(b, unit.end);
    // "0 giờ 30 phút" is half past midnight, not a duration
    if (unit?.kind === 'duration' && num.value === 0 && unit.extra) {
      this.skipTo = unit.end;
      return SKIP;
    }

    let kind: ClaimKind;
    let unitName: string;
    let inherit = false;
    if (unit?.kind === 'money' && unit.factor && value !== null) {
      value = Math.round(value * unit.factor * 1e6) / 1e6; // cents
      if (max !== null) max = Math.round(max * unit.factor * 1e6) / 1e6;
    }
    if (currency && (!unit || unit.kind === 'count' || unit.kind === 'money')) {
      kind = 'money';
      unitName = unit?.kind === 'money' ? unit.unit : currency;
      if (unit?.kind === 'count') b = unit.end;
    } else if (unit) {
      kind = unit.kind;
      unitName = unit.unit;
      if (unit.extra && value !== null) value += unit.extra;
      if (unit.factor && unit.factor !== 1 && unit.kind !== 'money') {
        if (value !== null) value *= unit.factor;
        if (max !== null) max *= unit.factor;
      }
    } else {
      kind = 'count';
      unitName = '';
      inherit = true;
    }

    // qualifiers before and after
    const before = this.qualifierBefore(a, kind, currency !== null || kind === 'money');
    if (before && qualifier !== 'range') {
      qualifier = before.qualifier;
      a = before.start;
    }
    const after = this.matchPhrase(lex.qualifiersAfter, b);
    if (after && qualifier !== 'range' && !toks[b]!.nl) {
      qualifier = after.value;
      b = after.end;
    }

    // the age of a person
    if (kind === 'duration' && unitName === 'year' && this.isAgeContext(num.a, b)) kind = 'age';
    // the magnitude of an earthquake: "magnitude 6.8", "بقوة 6.8 درجات", "mạnh 6,8 độ"
    if ((unitName === '' || unitName === 'degree_celsius') && (kind === 'count' || kind === 'measure') && this.isMagnitude(num.a)) {
      kind = 'measure';
      unitName = 'magnitude';
      inherit = false;
    }
    if (kind === 'count' && unitName === '' && (this.isEnglishAppositiveAge(num) || (this.lang === 'en' && this.word(num.a - 1) === 'aged'))) {
      kind = 'age';
      unitName = 'year';
      inherit = false;
    }

    if (num.vague) {
      return { a, b, kind, value: null, min: num.vague.min, max: num.vague.max, qualifier: 'vague', unit: unitName, inherit };
    }

    const qualified = qualifier !== 'exact';
    if (num.bareScale && !qualified) return null; // "a million years", "ألف ضعف"
    if (kind === 'count' && unitName === '') {
      // a bare number: only with a qualifier or a scale ("up from 28.9 million"), or an age
      const grouped = num.digits && !num.plain && num.value >= 1000 && Number.isInteger(num.value); // "620.000"
      const decimal = num.digits && num.scale === 1 && !Number.isInteger(num.value) && !this.isClockLike(num); // a score: "4,78"
      if (!qualified && !(num.digits && num.scale >= 1000) && !definite && !grouped && !decimal) return null;
      if (decimal && !qualified) kind = 'measure';
      if (num.plain && num.plain.length >= 5 && !qualified) return null;
    }
    if (kind === 'count' && !num.digits && num.value === 1 && !qualified) return null;
    if (num.plain && num.plain.length >= 5 && kind === 'count' && !qualified && num.scale === 1) {
      return null; // codes: 60012, 1556369
    }
    if (definite && kind === 'count' && unitName === '') {
      unitName = this.nounBefore(num.a - 1) ?? '';
      inherit = unitName === '';
    }
    if (kind === 'count' && !num.digits && !unit && !qualified) return null;
    if (kind === 'count' && num.digits && !qualified && this.isNameBefore(num.a)) return SKIP; // "Nimbus 5 analytics"

    const min = qualifier === 'range' ? value : lowerBound(qualifier, value);
    const upper = qualifier === 'range' ? max : upperBound(qualifier, value);
    return { a, b, kind, value, min, max: upper, qualifier, unit: unitName, inherit };
  }

  /** The token index where a currency sign before token i starts ("$", "US$", "£"). */
  private currencySignBefore(i: number): { code: string; start: number } | null {
    const toks = this.toks;
    const prev = toks[i - 1];
    if (!prev || prev.type !== SYM || toks[i]!.gap > 1) return null;
    const code = CURRENCY_SIGNS.get(prev.v);
    if (!code) return null;
    const before = toks[i - 2];
    if (code === 'USD' && before && before.type === WORD && prev.gap === 0) {
      const refined = DOLLAR_PREFIXES.get(before.v);
      if (refined) return { code: refined, start: i - 2 };
    }
    return { code, start: i - 1 };
  }

  private definitePrefixBefore(i: number): boolean {
    const prev = this.toks[i - 1];
    return !!prev && prev.type === WORD && this.toks[i]!.gap === 0 && AR_DEFINITE_PREFIXES.includes(prev.v);
  }

  /** Words that make a number a label: "No. 11", "المرتبة 67", "Quận 7", "tháng 4", "top 200". */
  private isLabelled(i: number): boolean {
    const toks = this.toks;
    let j = i - 1;
    if (toks[j]?.v === '.' && toks[j]!.gap === 0) j--;
    if (toks[j]?.v === '#') return true;
    const w = this.word(j);
    if (w === null || toks[i]!.nl) return false;
    if (this.lang === 'ar') {
      if (AR_DEFINITE_PREFIXES.includes(w) && toks[i]!.gap === 0) return this.isLabelled(j);
      return this.anyForm(w, this.lex.labelsBefore);
    }
    if (this.lex.labelsBefore.has(w)) return true;
    if (this.lang === 'vi') {
      const two = `${this.word(j - 1) ?? ''} ${w}`;
      if (this.lex.labelsBefore.has(two)) return true;
    }
    // a name in capitals before the number and after it: "iPhone 16 Pro", "STOXX 600 Europe"
    if ((this.lang === 'en' || this.lang === 'vi') && this.isLatinWord(j) && this.hasCapital(j)) {
      const next = this.toks[i + 1];
      if (next && next.type === WORD && this.isLatinWord(i + 1) && this.hasCapital(i + 1) && !next.nl) return true;
    }
    return false;
  }

  /** "09.41 BST", "at 03.17": a time of day written with a dot. */
  private isClockLike(num: NumberRead): boolean {
    const raw = this.toks[num.a]!.v;
    const m = /^(\d{1,2})[.:](\d{2})$/.exec(raw);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return false;
    const before = this.word(num.a - 1);
    const after = this.word(num.b);
    return raw.startsWith('0') || CLOCK_BEFORE.has(before ?? '') || CLOCK_AFTER.has(after ?? '');
  }

  private isMagnitude(i: number): boolean {
    const w = this.word(i - 1);
    const before = this.word(i - 2);
    if (w === null) return false;
    if (this.lang === 'ar') return this.anyForm(w, MAGNITUDE_WORDS_AR);
    if (this.lang === 'vi') return w === 'mạnh' || (w === 'lớn' && before === 'độ');
    return w === 'magnitude' || w === 'richter' || (w === 'of' && before === 'magnitude');
  }

  /** A capitalized word inside a sentence right before the number: a product or a name ("Nimbus 5"). */
  private isNameBefore(i: number): boolean {
    if (this.lang === 'ar' || this.toks[i]!.nl) return false;
    const j = i - 1;
    if (!this.isLatinWord(j) || !this.hasCapital(j)) return false;
    const before = this.toks[j - 1];
    if (!before || this.toks[j]!.nl || (before.type === SYM && '.!?:|'.includes(before.v))) return false;
    return !CAPITALIZED_OK.has(this.word(j)!);
  }

  private hasCapital(i: number): boolean {
    const t = this.toks[i]!;
    for (let k = t.s; k < t.e; k++) if (this.isUpperAt(k)) return true;
    return false;
  }

  private dateMarkerBefore(i: number): number | null {
    const toks = this.toks;
    let j = i - 1;
    if (toks[j]?.v === '-' && toks[j]!.gap === 0) j--; // mid-2024
    if (toks[j]?.v === ',' && this.lang === 'en') j--; // June 5, 2024
    if (toks[j]?.type === NUM && this.lang === 'en') j--; // 5 June 2024 handled by the month below
    const w = this.word(j);
    if (w === null || toks[i]!.nl) return null;
    for (const f of this.variants(w)) {
      if (this.lex.dateMarkers.has(f)) {
        return this.lex.dateMarkersInSpan.has(f) || this.lex.dateMarkersInSpan.has(w) ? j : i;
      }
    }
    return null;
  }

  private unitFollows(b: number): boolean {
    const t = this.toks[b];
    if (!t) return false;
    if (t.v === '%') return true;
    return !!(this.matchPhrase(this.lex.percentWords, b) || this.matchPhrase(this.lex.currencies, b) || this.matchPhrase(this.lex.measures, b));
  }

  private readRange(num: NumberRead, a: number, currency: string | null):
    Read<{ a: number; b: number; low: number; high: number; currency: string | null; unit: UnitRead | null }> {
    const toks = this.toks;
    const lex = this.lex;
    if (num.vague || num.unit) return null;
    const introWord = this.word(a - 1);
    const intro = introWord !== null && (
      (this.lang === 'en' && introWord === 'between') ||
      (this.lang === 'ar' && this.variants(introWord).includes('بين')) ||
      (this.lang === 'vi' && (introWord === 'từ' || introWord === 'giữa')) ||
      (this.lang === 'ar' && this.variants(introWord).includes('من'))
    );
    let j = num.b;
    // the first number's own unit before the connector: "8% đến 10%", "£140,000 and £160,000"
    let firstUnitEnd = j;
    if (toks[j]?.v === '%') firstUnitEnd = j + 1;
    else if (intro) {
      const pw = this.matchPhrase(lex.percentWords, j) ?? this.matchPhrase(lex.currencies, j) ?? this.matchPhrase(lex.measures, j) ?? this.matchPhrase(lex.timeUnits, j);
      if (pw) firstUnitEnd = pw.end;
    }
    const hour = this.lang === 'vi' && this.word(num.b) === 'giờ';
    j = firstUnitEnd;
    const conn = toks[j];
    if (!conn || conn.nl) return null;
    let k = j + 1;
    let ok = false;
    if (conn.type === SYM && conn.v === '-' && conn.gap === 0 && toks[k]?.gap === 0 && toks[k]?.type === NUM) ok = true;
    else if (conn.type === WORD) {
      if (this.lang === 'en') {
        const before = this.word(a - 1);
        ok = (conn.v === 'and' && intro) || (conn.v === 'to' && (intro || (before !== 'from' && !EN_CHANGE_WORDS.has(before ?? ''))));
      }
      else if (this.lang === 'vi') ok = VI_RANGE_TO.has(conn.v) || (conn.v === 'và' && introWord === 'giữa');
      else if (this.lang === 'ar') {
        if (conn.v === 'و' && intro) ok = true;
        else if (AR_RANGE_TO.has(conn.v) && intro) ok = true;
        else if (intro && conn.v.startsWith('و') && this.isNumberWord(conn.v.slice(1))) {
          ok = true; // "بين ستة وتسعة أشهر": the "and" is glued to the second number
          k = j;
        }
      }
    }
    if (!ok) return null;
    // the second number, with its own currency sign
    let secondCurrency: string | null = null;
    const sign2 = CURRENCY_SIGNS.get(toks[k]?.v ?? '');
    if (sign2 && toks[k]!.type === SYM) {
      secondCurrency = sign2;
      k++;
    } else if (DOLLAR_PREFIXES.has(toks[k]?.v ?? '') && toks[k + 1]?.v === '$') {
      secondCurrency = DOLLAR_PREFIXES.get(toks[k]!.v)!;
      k += 2;
    }
    const second = toks[k]?.type === NUM ? this.readDigits(k, true) : !num.digits && toks[k]?.type === WORD ? this.accumulate(k) : null;
    if (second === SKIP || second === null) return null;
    if (hour && this.word(second.b) === 'giờ') {
      this.skipTo = second.b + 1;
      return SKIP; // "từ 11 giờ đến 16 giờ": a time window
    }
    let low = num.value;
    const high = second.value;
    if (num.scale === 1 && second.scale > 1 && low * second.scale <= high) low *= second.scale;
    if (!(high > low)) return null;
    // a hyphenated pair is a range only with a unit after it: "5-10%" (and not "737-800")
    let unit: UnitRead | null = null;
    const u = this.readUnit(second.b, second, (currency ?? secondCurrency) !== null);
    if (u === SKIP) return SKIP;
    unit = u;
    if (conn.v === '-' && !unit && !currency) return SKIP;
    if (conn.v === '-' && low === 0) {
      this.skipTo = Math.max(second.b, unit?.end ?? 0);
      return SKIP; // "0-100 km/h": an acceleration test, not a range
    }
    if (conn.v === '-' && unit && unit.kind === 'count' && !currency) return SKIP;
    const start = intro && this.lang !== 'ar' ? a - 1 : intro ? a - 1 : a;
    return {
      a: start,
      b: Math.max(second.b, unit?.end ?? 0),
      low,
      high,
      currency: currency ?? secondCurrency,
      unit,
    };
  }

  /** The unit after a number: percent, currency, time, measure or counted noun. */
  private readUnit(b: number, num: NumberRead, hasCurrency: boolean): Read<UnitRead> {
    const toks = this.toks;
    const lex = this.lex;
    let j = b;
    const t = toks[j];
    if (!t || t.skip) return null;
    if (t.nl && !num.vague) return null;
    if (t.type === SYM) {
      if (t.v === '%') return { kind: 'percent', unit: '%', end: j + 1 };
      if (t.v === '°' && this.word(j + 1) === 'c') return { kind: 'measure', unit: 'degree_celsius', end: j + 2 };
      // "24-year-old", "five-year": a hyphen glued between number and unit
      if (t.v === '-' && t.gap === 0 && toks[j + 1]?.type === WORD && toks[j + 1]!.gap === 0) j++;
      else return null;
    }
    const hyphenated = j !== b;
    const glued = toks[j]!.gap === 0 && toks[j]!.type === WORD;

    const stop = this.matchPhrase(lex.stopNouns, j) ?? (this.lang !== 'en' ? this.matchPhrase(LEXICONS.en.stopNouns, j, false) : null);
    if (stop) {
      const grams = glued && this.word(j) === 'g' && !this.isUpperAt(toks[j]!.s); // 500g, not 5G
      if (!grams) return SKIP;
    }
    if (glued && this.word(j) === 'c' && this.isUpperAt(toks[j]!.s)) return { kind: 'measure', unit: 'degree_celsius', end: j + 1 };

    const percent = this.matchPhrase(lex.percentWords, j);
    if (percent) return { kind: 'percent', unit: '%', end: percent.end };

    if (hyphenated) {
      // "24-year-old" (age), "five-year contract" (duration), "10-year Treasury" (a name)
      const time = this.matchPhrase(lex.timeUnits, j, false);
      if (!time) return SKIP;
      let end = time.end;
      if (toks[end]?.v === '-' && this.word(end + 1) === 'old') return { kind: 'age', unit: 'year', end: end + 2 };
      if (this.isLatinWord(end) && this.hasCapital(end) && !toks[end]!.nl && toks[end]!.gap > 0) return SKIP;
      return { kind: 'duration', unit: time.value.unit, end, factor: time.value.factor };
    }

    const iso = this.isoCodeAt(j);
    if (iso) return { kind: 'money', unit: iso, end: j + 1 };
    const currency = this.matchPhrase(lex.currencies, j, true, true) ?? (this.lang === 'vi' ? this.matchPhrase(LEXICONS.en.currencies, j, false) : null);
    if (currency) {
      const w = this.word(j)!;
      const shortWord = this.lang === 'en' && w.length <= 3 && !this.isUpperAt(toks[j]!.s) && !['yen', 'won'].includes(w);
      if (!shortWord || (w === 'p' && glued)) return this.moneyUnit(currency.value, currency.end);
    }

    if (AGE_WORDS_VI.has(this.word(j) ?? '') && this.lang === 'vi') return { kind: 'age', unit: 'year', end: j + 1 };

    const time = this.matchPhrase(lex.timeUnits, j, true, num.vague !== undefined);
    if (time) {
      // "years old"
      if (this.lang === 'en' && this.word(time.end) === 'old') return { kind: 'age', unit: 'year', end: time.end + 1 };
      let end = time.end;
      let extra = 0;
      // "6 giờ 30 phút", "2 hours 30 minutes": the smaller unit is added
      const n2 = toks[end];
      if (n2?.type === NUM && !n2.nl) {
        const v2 = parseNumeral(n2.v, this.lang);
        const t2 = this.matchPhrase(lex.timeUnits, end + 1);
        if (v2 !== null && t2 && toSeconds(t2.value) < toSeconds(time.value)) {
          extra = (v2 * toSeconds(t2.value)) / toSeconds(time.value);
          end = t2.end;
        }
      }
      // "ست ساعات ونصف", "hai năm rưỡi"
      const half = this.word(end);
      if (half !== null && ((this.lang === 'ar' && HALF_WORDS.has(half) && half.startsWith('و')) || (this.lang === 'vi' && half === VI_HALF))) {
        extra += 0.5;
        end++;
      }
      return { kind: 'duration', unit: time.value.unit, end, factor: time.value.factor, extra };
    }

    const measure = this.matchPhrase(lex.measures, j, true) ?? (this.lang !== 'en' ? this.matchPhrase(LEXICONS.en.measures, j, false) : null);
    if (measure) {
      const w = this.word(j)!;
      const singleLetter = w.length === 1 && measure.end === j + 1;
      if (!(singleLetter && (hasCurrency || !glued))) return { kind: 'measure', unit: measure.value, end: measure.end };
    }
    if (glued && this.lang !== 'ar') return SKIP; // 2024vn, 3x: an identifier
    return this.readNoun(j, num);
  }

  /** A currency from the lexicon: "?DINAR" is resolved from the countries the text names, "USD/100" is cents. */
  private moneyUnit(code: string, end: number): UnitRead {
    if (code.endsWith('/100')) return { kind: 'money', unit: code.slice(0, 3), end, factor: 0.01 };
    return { kind: 'money', unit: code.startsWith('?') ? this.resolveCurrency(code) : code, end };
  }

  private readonly resolvedCurrencies = new Map<string, string>();

  private resolveCurrency(family: string): string {
    const known = this.resolvedCurrencies.get(family);
    if (known) return known;
    const context = CURRENCY_CONTEXT[family];
    let best = context?.fallback ?? family.slice(1);
    if (context) {
      const counts = new Map<string, number>();
      context.pattern.lastIndex = 0;
      for (let m = context.pattern.exec(this.norm); m; m = context.pattern.exec(this.norm)) {
        const code = context.codes.get(m[0])!;
        counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      let bestCount = 0;
      for (const [code, count] of counts) {
        if (count > bestCount) {
          best = code;
          bestCount = count;
        }
      }
    }
    this.resolvedCurrencies.set(family, best);
    return best;
  }

  private isoCodeAt(j: number): string | null {
    const t = this.toks[j];
    if (!t || t.type !== WORD || t.v.length !== 3) return null;
    const raw = this.input.slice(this.map[t.s]!, this.map[t.e]!);
    return ISO_CODES.has(raw) ? raw : null;
  }

  /** The counted noun after a number. */
  private readNoun(j: number, num: NumberRead): Read<UnitRead> {
    const lex = this.lex;
    const toks = this.toks;
    let k = j;
    // vague amounts take "of"/"من": "dozens of routes", "عشرات المليارات من الدولارات"
    if (num.vague) {
      const w = this.word(k);
      if ((this.lang === 'en' && w === 'of') || (this.lang === 'ar' && w === 'من')) {
        k++;
        if (this.lang === 'en' && this.word(k) === 'the') k++;
        const currency = this.matchPhrase(lex.currencies, k, true, true);
        if (currency) return this.moneyUnit(currency.value, currency.end);
      }
    }
    const lexNoun = this.matchPhrase(lex.nouns, k, true, num.vague !== undefined || this.lang === 'ar');
    if (lexNoun) return { kind: 'count', unit: lexNoun.value, end: lexNoun.end };
    // a partitive: "two of its aides", "اثنين من مساعدي"
    if (!num.vague && ((this.lang === 'en' && this.word(k) === 'of') || (this.lang === 'ar' && this.word(k) === 'من'))) {
      let p = k + 1;
      if (this.lang === 'en' && EN_DETERMINERS.has(this.word(p) ?? '')) p++;
      const inner = this.lang === 'en' ? this.readEnglishNoun(p) : this.readArabicNoun(p, true);
      if (inner) return inner;
      return null;
    }

    if (this.lang === 'en') return this.readEnglishNoun(k);
    if (this.lang === 'ar') return this.readArabicNoun(k, num.vague !== undefined);
    return num.digits ? this.readVietnameseNoun(k) : null;
  }

  /** Any Arabic noun after a number, as written, unless it is a function word or an adverb. */
  private readArabicNoun(k: number, definiteOk: boolean): UnitRead | null {
    const w = this.word(k);
    const toks = this.toks;
    if (w === null || toks[k]!.nl || toks[k]!.skip) return null;
    if (this.anyForm(w, this.lex.stopWords)) return null;
    if (w.startsWith('ال') && !definiteOk) return null;
    if (AR_WEEKDAYS.has(w) || AR_WEEKDAYS.has(w.slice(1))) return null;
    if (/^و/.test(w) && w.length <= 4) return null;
    if (w.endsWith('يا') && w.length >= 5) return null; // adverbs: سنويًا, عالميًا
    const noun = this.matchPhrase(this.lex.nouns, k, true, true);
    if (noun) return { kind: 'count', unit: noun.value, end: noun.end };
    const surface = this.surface(toks[k]!.s, toks[k]!.e);
    return { kind: 'count', unit: surface.replace(/^(ال)/, ''), end: k + 1 };
  }

  /** A Vietnamese noun not in the lexicon: one lowercase word that is no function word or verb. */
  private readVietnameseNoun(k: number): UnitRead | null {
    const w = this.word(k);
    const t = this.toks[k];
    if (w === null || !t || t.nl || t.gap === 0 || this.hasCapital(k)) return null;
    if (this.lex.stopWords.has(w) || VI_NOT_NOUNS.has(w)) return null;
    if (this.lex.timeUnits.hasFirst(w) || this.lex.labelsBefore.has(w)) return null;
    return { kind: 'count', unit: this.surface(t.s, t.e), end: k + 1 };
  }

  private readEnglishNoun(k: number): UnitRead | null {
    const toks = this.toks;
    for (let step = 0; step < 3; step++) {
      const idx = k + step;
      const t = toks[idx];
      if (!t || t.nl || (step > 0 && t.gap === 0 && t.type !== WORD)) return null;
      if (t.type === SYM) {
        if (t.v === '-' && t.gap === 0 && step > 0) continue;
        return null;
      }
      if (t.type !== WORD) return null;
      const w = t.v;
      if (this.lex.stopWords.has(w)) return null;
      if (this.hasCapital(idx) && step === 0 && !/^[a-z]+$/.test(this.input.slice(this.map[t.s]!, this.map[t.e]!).toLowerCase())) return null;
      const irregular = ENGLISH_IRREGULAR.get(w);
      if (irregular) return { kind: 'count', unit: irregular, end: idx + 1 };
      if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
        return { kind: 'count', unit: singularize(w), end: idx + 1 };
      }
      if (toks[idx + 1]?.v === '-' && toks[idx + 1]!.gap === 0) continue; // season-ticket holders
    }
    return null;
  }

  private nounBefore(i: number): string | null {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const noun = this.matchPhrase(this.lex.nouns, j, true, true);
      if (noun) return noun.value;
    }
    const w = this.word(i - 1);
    return w && this.isArabicWord(w) ? this.surface(this.toks[i - 1]!.s, this.toks[i - 1]!.e) : null;
  }

  private qualifierBefore(a: number, kind: ClaimKind, money: boolean): { qualifier: Qualifier; start: number } | null {
    const lex = this.lex;
    const m = this.matchBefore(lex.qualifiersBefore, a);
    if (m) {
      const first = this.word(m.start);
      if (this.lang === 'en' && first === 'over' && kind === 'duration') return null; // "over three years": during
      if (this.lang === 'vi' && first === 'trên' && kind === 'duration') return null;
      return { qualifier: m.value, start: m.start };
    }
    if (!money && !(this.lang === 'vi' && kind === 'age')) return null;
    // starting prices: "from £X" after a price word, "giá từ", "تبدأ أسعار التذاكر من"
    const w = this.word(a - 1);
    if (w === null || this.toks[a]!.nl) return null;
    if (this.lang === 'vi' && w === 'từ' && kind === 'age') return { qualifier: 'at_least', start: a - 1 }; // "từ 80 tuổi"
    if (this.lang === 'vi' && w === 'từ') {
      // "giá từ 7,9 triệu": a starting price, unless the amount goes on to "đến/lên ..." (a change)
      if (!this.changeWordWithin(a, 6)) return { qualifier: 'at_least', start: a - 1 };
    }
    if (this.lang === 'en' && w === 'from') {
      for (let k = a - 2; k >= Math.max(0, a - 5); k--) if (EN_PRICE_WORDS.has(this.word(k) ?? '')) return { qualifier: 'at_least', start: a - 1 };
    }
    if (this.lang === 'ar' && w === 'من') {
      for (let k = a - 2; k >= Math.max(0, a - 5); k--) {
        const pw = this.word(k);
        if (pw !== null && this.anyForm(pw, AR_PRICE_WORDS)) return { qualifier: 'at_least', start: a - 1 };
      }
    }
    return null;
  }

  /** Whether "đến", "tới", "lên" or "xuống" follows within `count` tokens of token a. */
  private changeWordWithin(a: number, count: number): boolean {
    for (let j = a; j < a + count && j < this.toks.length; j++) {
      if (VI_CHANGE_WORDS.has(this.word(j) ?? '')) return true;
    }
    return false;
  }

  private isAgeContext(a: number, b: number): boolean {
    if (this.lang === 'ar') {
      for (let k = a - 1; k >= Math.max(0, a - 4); k--) {
        const w = this.word(k);
        if (w !== null && this.anyForm(w, AR_AGE_CONTEXT, true)) return true;
      }
      return false;
    }
    if (this.lang === 'en') {
      const w = this.word(a - 1);
      if (w === 'aged' || w === 'age' || (w === 'of' && this.word(a - 2) === 'age')) return true;
      return this.word(b) === 'old';
    }
    return false;
  }

  /** "Ingrid Solberg, 52, said": a number between commas after a capitalized name. */
  private isEnglishAppositiveAge(num: NumberRead): boolean {
    if (this.lang !== 'en' || !num.plain || num.b !== num.a + 1) return false;
    const v = Number(num.plain);
    if (v < 1 || v > 119) return false;
    const toks = this.toks;
    return toks[num.a - 1]?.v === ',' && toks[num.b]?.v === ',' && toks[num.a - 2]?.type === WORD && this.hasCapital(num.a - 2);
  }

  // ------------------------------------------------------------------------------------------
  // Output
  // ------------------------------------------------------------------------------------------

  private surface(s: number, e: number): string {
    return this.input.slice(this.map[s]!, this.map[e]!).replace(/[\u064b-\u065f\u0670\u0640]/g, '');
  }

  private finish(): ExtractedClaim[] {
    const sentences = new SentenceFinder(this.input);
    const out: ExtractedClaim[] = [];
    const claimsBySentence = new Map<number, ExtractedClaim[]>();
    for (const c of this.candidates) {
      const start = this.map[this.toks[c.a]!.s]!;
      const end = this.map[this.toks[c.b - 1]!.e]!;
      if (!(end > start)) continue;
      const sentence: Span = sentences.at(start, end);
      const claim: ExtractedClaim = {
        kind: c.kind,
        text: this.input.slice(start, end),
        start,
        end,
        value: c.value,
        min: c.min,
        max: c.max,
        qualifier: c.qualifier,
        unit: c.unit,
        sentence,
        language: this.lang,
      };
      const previous = claimsBySentence.get(sentence.start) ?? [];
      if (c.inherit && c.value !== null) {
        const source = unitSource(previous, c.value);
        if (source) {
          claim.kind = source.kind;
          claim.unit = source.unit;
        }
      }
      previous.push(claim);
      claimsBySentence.set(sentence.start, previous);
      out.push(claim);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Pure helpers
// ---------------------------------------------------------------------------------------------

const ENGLISH_IRREGULAR = new Map<string, string>([
  ['people', 'person'], ['persons', 'person'], ['men', 'man'], ['women', 'woman'], ['children', 'child'],
  ['fishermen', 'fisherman'], ['aircraft', 'aircraft'], ['staff', 'staff'], ['police', 'police officer'],
  ['personnel', 'personnel'], ['sheep', 'sheep'], ['cattle', 'cattle'], ['fish', 'fish'], ['deer', 'deer'],
  ['species', 'species'], ['series', 'series'], ['mice', 'mouse'], ['geese', 'goose'], ['teeth', 'tooth'],
  ['crew', 'crew member'], ['spacecraft', 'spacecraft'], ['livestock', 'livestock'], ['workmen', 'workman'],
  ['servicemen', 'serviceman'], ['businessmen', 'businessman'], ['firemen', 'fireman'], ['policemen', 'policeman'],
]);

export function singularize(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|xes|zes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/**
 * The latest claim of the sentence (among the last few, so that a long run stays linear) with a
 * stated unit and a value within a factor 100.
 */
function unitSource(previous: readonly ExtractedClaim[], value: number): ExtractedClaim | undefined {
  for (let k = previous.length - 1; k >= Math.max(0, previous.length - 8); k--) {
    const p = previous[k]!;
    if ((p.kind === 'count' || p.kind === 'money' || p.kind === 'measure') && p.unit !== '' && p.value !== null &&
      p.value / value <= 100 && value / p.value <= 100) return p;
  }
  return undefined;
}

function toSeconds(t: TimeUnit): number {
  const base = { year: 31_536_000, month: 2_592_000, week: 604_800, day: 86_400, hour: 3600, minute: 60, second: 1 }[t.unit];
  return base * t.factor;
}

function lowerBound(q: Qualifier, v: number | null): number | null {
  if (v === null) return null;
  switch (q) {
    case 'exact':
    case 'more_than':
    case 'at_least':
      return v;
    case 'about':
      return v * 0.9;
    default:
      return null;
  }
}

function upperBound(q: Qualifier, v: number | null): number | null {
  if (v === null) return null;
  switch (q) {
    case 'exact':
    case 'less_than':
    case 'at_most':
    case 'up_to':
      return v;
    case 'about':
      return v * 1.1;
    default:
      return null;
  }
}

/**
 * The value of a number written with digits and separators, read with the conventions of the
 * language: "1,000.5" (en, ar), "1.000,5" and "14,3" (vi), "١٬٠٠٠٫٥" and "52٫5" (ar).
 */
export function parseNumeral(raw: string, lang: Language): number | null {
  if (isPlainDigits(raw)) return finite(Number(raw));
  let dots = 0;
  let commas = 0;
  let arabicDecimal = -1;
  let firstDot = -1;
  let lastComma = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46) {
      dots++;
      if (firstDot < 0) firstDot = i;
    } else if (c === 44 || c === 0x066c) {
      commas++;
      lastComma = i;
    } else if (c === 0x066b) arabicDecimal = i;
  }
  const digitsOnly = (keepDecimalAt: number): number | null => {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c >= 48 && c <= 57) out += raw[i];
      else if (i === keepDecimalAt) out += '.';
    }
    return finite(Number(out));
  };
  // the Arabic decimal sign is unambiguous; any other separator is then a thousands separator
  if (arabicDecimal >= 0) return digitsOnly(arabicDecimal);
  const thousands = (sep: 'dot' | 'comma'): boolean => groupsOfThree(raw, sep === 'dot' ? 46 : 44);
  if (lang === 'vi') {
    if (dots > 0 && commas <= 1 && thousands('dot') && (dots > 1 || isThreeDigitGroupAt(raw, firstDot))) {
      return digitsOnly(commas === 1 ? lastComma : -1);
    }
    if (commas === 1 && dots === 0) return digitsOnly(lastComma);
    if (dots === 1 && commas === 0) return digitsOnly(firstDot);
    if (commas > 1 && dots <= 1 && thousands('comma')) return digitsOnly(firstDot);
    return null;
  }
  if (commas > 0 && dots <= 1 && thousands('comma') && (dots === 0 || firstDot > lastComma)) return digitsOnly(firstDot);
  if (commas === 0 && dots === 1) return digitsOnly(firstDot);
  if (commas === 1 && dots === 0) return digitsOnly(lastComma); // "14,3" in a mixed text
  if (dots > 1 && commas <= 1 && thousands('dot')) return digitsOnly(commas === 1 ? lastComma : -1);
  return null;
}

/** Every `sep` (and the Arabic thousands sign for commas) is followed by exactly three digits. */
function groupsOfThree(raw: string, sep: number): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === sep || (sep === 44 && c === 0x066c)) {
      if (!isThreeDigitGroupAt(raw, i)) return false;
    }
  }
  return true;
}

/** The separator at i is followed by exactly three digits, then the end or another separator. */
function isThreeDigitGroupAt(raw: string, i: number): boolean {
  let k = i + 1;
  while (k < raw.length && raw.charCodeAt(k) >= 48 && raw.charCodeAt(k) <= 57) k++;
  return k - i - 1 === 3;
}

function isPlainDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
