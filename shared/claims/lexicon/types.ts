/**
 * The shape of a language's lexicon: the words the extractor reads, kept as data. Keys are
 * written naturally and normalized when loaded (lower case, Arabic letter variants folded,
 * diacritics removed), so a lexicon entry matches whatever spelling variant the article uses.
 */
import type { Qualifier } from '../../schemas/claim';
import { normalizeKey } from '../normalize';

export type Phrase = readonly string[];

export interface TimeUnit {
  unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';
  /** Multiplier into `unit` (a decade is 10 years). */
  factor: number;
  /** Set on dual forms ("عامين" = two years): the word alone states the number. */
  dual?: boolean;
}

/** What a word does inside a number written in words (numbers/compound.ts). */
export type NumberRole =
  /** "and", "و": joins two number words */
  | 'and'
  /** "linh", "lẻ": no tens, a unit follows ("một trăm linh năm") */
  | 'zeroTens'
  /** "không" before "trăm": no hundreds */
  | 'zero'
  /** "mươi", "chục": the unit before it counts tens */
  | 'tensOf'
  /** "lăm", "mốt", "tư": the unit after a ten */
  | 'unitAfterTen'
  /** "أحد", "اثنا": a unit that only begins a teen ("أحد عشر") */
  | 'teenUnit';

export interface LanguageLexicon {
  /** Number words and their values; `hundred` words multiply what precedes them. */
  numbers: Map<string, number>;
  /** Words that multiply the preceding number, or stand alone as the number itself. */
  hundreds: Map<string, number>;
  scales: Map<string, number>;
  /** Units written after a ten only, and their values ("hai mươi lăm": 25). */
  unitsAfterTen: Map<string, number>;
  /** Words with a role of their own inside a number written in words. */
  numberRoles: Map<string, NumberRole>;
  /** Number words that are also a unit of time ("năm": five, or year): a number only where another number word says so. */
  timeUnitNumbers: Set<string>;
  /** "dozen", "tá": twelve, and a multiplier after a unit ("two dozen"). */
  dozens: Set<string>;
  /**
   * A year-shaped number (no thousands separator) is a year unless a qualifier makes it an amount:
   * English writes counts of that size with a comma. Right before a counted noun (1900-2100) it
   * modifies the noun ("2021 protests"); with nothing counted after it (1000-2100) it says when
   * ("won 2020 presidential election", "the 1857 revolt").
   */
  plainYears: boolean;
  /** A scale word alone states one of it ("ألف شخص": a thousand people). */
  scaleAloneIsOne: boolean;
  /** A scale word alone before a currency means many of it ("bốc hơi tỉ USD": billions of dollars). */
  scaleAloneIsMany: boolean;
  /** A unit may follow a ten ("twenty five", "hai mươi hai"). */
  unitsAfterTens: boolean;
  /** A unit comes before its ten or its "ten" of a teen ("خمسة وعشرون", "خمسة عشر"). */
  unitsBeforeTens: boolean;
  /** The word for ten takes a unit after it ("mười một"). */
  tenTakesUnits: boolean;
  /** Plural scale words for vague amounts: "thousands", "آلاف", "nghìn" (after "hàng"). */
  pluralScales: Map<string, number>;
  /** Duals of scale words: "مليارين" = 2 billion. */
  dualScales: Map<string, number>;
  qualifiersBefore: PhraseTable<Qualifier>;
  qualifiersAfter: PhraseTable<Qualifier>;
  currencies: PhraseTable<string>;
  percentWords: PhraseTable<true>;
  timeUnits: PhraseTable<TimeUnit>;
  measures: PhraseTable<string>;
  /** Counted nouns and the concept they count, as an English singular. */
  nouns: PhraseTable<string>;
  /** Words right before a number that make it a label (rank, district, storm number, month). */
  labelsBefore: Set<string>;
  /** Two-word entries ending in a label word that are no label: "tổng số 312" (a total of), "hộp số 7 cấp" (a gearbox). */
  amountsBefore: Set<string>;
  /** Words before a counted noun that label what a sentence counts (\"số người chết\", \"عدد القتلى\"): a bare number after them counts that noun. */
  countLabels: Set<string>;
  /** Words (or two-word phrases) that set a bare number against the count before it ("four shots against two"). */
  contrastWords: Set<string>;
  /** Words between a part and its whole ("one in five", "واحد من كل خمسة", "một trong năm"). */
  ratioWords: PhraseTable<true>;
  /** Words right after a number that make it page chrome or a multiplier, not a claim. */
  stopNouns: PhraseTable<true>;
  /** Words after a number of goals that make it a match score: "بهدفين دون رد", "بثلاثة أهداف مقابل هدف". */
  scoreAfter: PhraseTable<true>;
  /** Words before a year that make it a date ("in 2023", "عام 2023", "năm 2023"). */
  dateMarkers: Set<string>;
  /** Words before a month number that make "4-2018", "4/2018" a month and its year ("tháng"). */
  monthWords: Set<string>;
  /** Determiners before a year used as a modifier: "the 2020 election", "his 2006 book". */
  yearDeterminers: Set<string>;
  /** Words of titles that contain a year ("Báo cáo thường niên năm 2018", "Vision 2030"). */
  namedYearWords: Set<string>;
  /** Date markers that belong to the claim's span ("عام ٢٠٢٢", "năm 2024"). */
  dateMarkersInSpan: Set<string>;
  /** Words that stop the search for a counted noun. */
  stopWords: Set<string>;
  /** Fixed expressions that contain numbers but state none. */
  idioms: PhraseTable<true>;
  /** The words of the idioms: only a token among them can be inside one. */
  idiomWords: Set<string>;

  // Words of the constructions the stages read (empty where the language has none)
  /** Words that can start a claim besides the number words: articles, "half", "hàng", time nouns. */
  extraTriggers: readonly string[];
  /** Clitics glued before a word (Arabic و ف ب ل ك and the article): a word is also tried without them. */
  clitics: readonly string[];
  /** Forms of the definite article standing before digits ("الـ27", "وال 15"). */
  definitePrefixes: readonly string[];
  /** Endings of masculine duals of counted nouns ("مشروعين"), used to find trigger words. */
  nounDualEndings: readonly string[];
  /** Dual forms of currency names ("دولارين": two dollars). */
  currencyDuals: Map<string, string>;
  /** "few", "several", "بضع", "vài": a vague amount before a scale word. */
  fewWords: Set<string>;
  /** Indefinite articles: "a thousand", "an hour". */
  articles: Set<string>;
  /** "half" after a number ("rưỡi", "ونصف"). */
  halfWords: Set<string>;
  /** Weekday names (Arabic ones look like numbers: الاثنين, الثلاثاء). */
  weekdays: Set<string>;
  /** Words that end in a dual suffix without being duals (بوتين, مرتين). */
  dualExcluded: Set<string>;
  /** Words (or two-word phrases) before a number of years that make it an age ("aged", "age of", "البالغ"). */
  ageContext: Set<string>;
  /** How many words before the number an age word may stand ("البالغ من العمر 52 عامًا"). */
  ageWindow: number;
  /** Words after the unit that make it an age ("years old"). */
  ageAfter: Set<string>;
  /** Units that state an age by themselves ("tuổi"). */
  ageUnits: Set<string>;
  /** Words before a decade number that make it an age limit ("دون الثلاثين"). */
  ageLimits: Set<string>;
  /** Definite ordinals after the age noun ("سن الخامسة"). */
  ordinals: Map<string, number>;
  /** Words before "from X" that make X a starting price. */
  priceWords: Set<string>;
  /** Words before "X to Y" that make it a change ("rose 5% to 7%"), not a range. */
  changeBefore: Set<string>;
  /** Words after "từ X" that make it a change ("từ 5 lên 7"), not a starting price. */
  changeAfter: Set<string>;
  /** Words that open a range ("between", "từ", "بين"). */
  rangeIntro: Set<string>;
  /** Words that join the two ends of a range after an opening word ("đến", "إلى"). */
  rangeTo: Set<string>;
  /** Words between 0 and a speed that make the two a benchmark ("0 to 60 mph", "0 đến 100 km/h"). */
  fromZeroTo: Set<string>;
  /** Words right before an earthquake's magnitude ("بقوة"), or the two words before it ("magnitude of"). */
  magnitudeWords: Set<string>;
  /** Words before "09.41" that make it a time of day ("at", "lúc", "الساعة"). */
  clockBefore: Set<string>;
  /** Words after "09.41" that make it a time of day ("GMT", "sáng", "صباحا"). */
  clockAfter: Set<string>;
  /** Negations that turn a comparison into a bound: "không cao hơn" (no higher than) is at most. */
  negations: Set<string>;
  /** Words before a share written as a fraction ("chiếm 1/5": a fifth). */
  shareWords: Set<string>;
  /** Words after a fraction that make it a share ("2/3 of", "1/5 số"). */
  shareAfter: Set<string>;
  /** Words of a wind level ("gió cấp 12"): the level word, and the wind words before it. */
  windLevelWords: Set<string>;
  windWords: Set<string>;
  /** Words that join two alternatives into a range: "five or six people", "3 or 4 million". */
  rangeOr: Set<string>;
  /** Multipliers ("times") that make no count before a comparative ("3 times larger"). */
  multipliers: Set<string>;
  comparatives: Set<string>;
  /** Words before "a week", "a decade" that make it a span of one ("for a decade", "lasted a week"). */
  durationBefore: Set<string>;
  /** Subjects and verbs before a bare number that make it an age ("He's 19", "died at 81"). */
  ageSubjects: Set<string>;
  ageEvents: Set<string>;
  /** Words that may follow the age after a life event ("died at 81 in his home"). */
  ageEventsFollowedBy: Set<string>;
  /** Verbs of reaching an age, right before a bare number ("she turns 30", "turned 65 last week"). */
  ageTurnWords: Set<string>;
  /** Words before "two" that make it a known pair, not a count ("the two greatest prizes"). */
  pairDeterminers: Set<string>;
  /**
   * What two of always names a known pair where no article says so ("hai đội": the two teams of the
   * match, "hai nước": the two countries of a bilateral story), as counted nouns.
   */
  pairUnits: Set<string>;
  /** Possessives before "two": a known pair of any kind ("your two minutes"). */
  possessives: Set<string>;
  /** Words whose "'s" is "is", not a possessive ("it's", "that's"). */
  contractions: Set<string>;
  /** Words before an amount that name its currency: "Rs 500", "KSh6,000", "USD 20". */
  currencyPrefixes: Map<string, string>;
  /**
   * Single capital letters glued before an amount that name its currency ("R60,000" rand, "N25,750"
   * naira, "P90,078" peso): read only before a grouped amount or a scale ("R2 billion"), never before
   * a code ("N95").
   */
  currencyLetters: Map<string, string>;
  /** The currency of a name shared by several countries when the text names none ("pounds": GBP). */
  currencyDefaults: Map<string, string>;
  /** Verbs right after a number that say what it counts: "650 died" (deaths). */
  impliedNouns: Map<string, string>;
  /** Nouns of what befell people right before an amount with no noun of its own: "إصابة العشرات" (injured). */
  impliedNounsBefore: Map<string, string>;
  /** Auxiliaries between an amount and the verb that says what it counts ("dozens were injured"). */
  impliedAuxiliaries: Set<string>;
  /** Nouns that count nothing checkable when spelled with a small number ("two things"). */
  uncountedNouns: Set<string>;
  /** Verbs of money before a vague amount with no unit ("earned millions"): money in the text's currency. */
  moneyVerbs: Set<string>;
  /** Order adjectives after a definite dual that make it a count ("النسختين الأخيرتين": the last two editions). */
  dualOrderAdjectives: Set<string>;
  /** Words of a rank band ("أفضل 200": the top 200), a label after a list word or a preposition of
   * membership ("قائمة أفضل 200 جامعة"), a count otherwise ("تأهل أفضل 4 منتخبات"). */
  bandWords: Set<string>;
  bandContext: Set<string>;
  /** "Thousands" means from two to under ten thousand (English), not up to a million. */
  thousandsBelowTenThousand: boolean;
  /** Words after " - " in a line with no final stop that make it the headline of a related story. */
  headlineMarkers: Set<string>;
  /** Brand and model words around a number that make it a model name ("بوينغ 737 ماكس 8"). */
  modelWords: Set<string>;
  /** Capitalized words that may stand before a count: months and weekdays. */
  capitalizedOk: Set<string>;
  /** Determiners after "of" in a partitive ("two of its aides"). */
  determiners: Set<string>;
  /** Pronouns after a number and "of" that count a part of what was just counted ("eight of which"). */
  partitivePronouns: Set<string>;
  /** Words for "the others" after a number ("killing 12 workers and injuring 40 others"): they count what the sentence just counted. */
  otherOnes: Set<string>;
  /** Words between a number and its counted noun that add to a count before ("three more bodies"). */
  countAdditions: Set<string>;
  /** Words that follow numbers without being what is counted (Vietnamese). */
  notNouns: Set<string>;
  /** Plurals that do not end in -s, and their singulars ("people" -> person). */
  irregularPlurals: Map<string, string>;
  /**
   * Letters written as a decimal mark between digits (Arabic wire copy: "84ر3" is 3.84, the
   * letter splitting the number so that the integer part is stored after it).
   */
  decimalLetters: Set<string>;
  /**
   * A dot before three digits groups thousands where the text writes its decimals with a comma,
   * and before a counted noun ("١.٢٧٧ فردا": 1,277 people; nobody counts thousandths of them).
   */
  dotGroupsThousands: boolean;
  /** Thousands grouped by spaces ("850 000 دولار"), also as typed right to left into a left-to-right field ("000 850"). */
  spaceGroupsThousands: boolean;
  /** Two-word phrases before a year ending in 0 that make it a decade ("thập niên 1950"). */
  decadeWords: Set<string>;
  /** Decades written as words, by their tens ("التسعينيات": 90); the twentieth century's unless a century follows. */
  decadeNames: Map<string, number>;
  /** Qualifiers glued to the number by a hyphen, before its unit ("50-plus years", "40-odd years"). */
  hyphenQualifiers: Map<string, Qualifier>;
  /** Words after a counted noun that point back to things already named ("2 mệnh giá này", "nói trên"). */
  backReferences: PhraseTable<true>;
  /** An era written after a year ("2015م": of the Common Era), which makes the number a year, not a unit. */
  yearEras: Set<string>;
  /** The word for nothing, a number on its own before a unit or a noun ("zero votes", "zero percent growth"). */
  zeroWords: Set<string>;
  /** Centuries after a decade's name, by their first year ("القرن الماضي": 1900). */
  centuries: PhraseTable<number>;
  /** "point", "points": the unit of a fraction of a point ("7/8 point", "1-1/8 points"). */
  pointWords: Set<string>;
  /** Words before a hyphenated pair that make it a band of ages ("age group of 25-34", "aged 18-24"). */
  ageBandsBefore: PhraseTable<true>;
  /** Fractions written as words and their denominators ("fifth": 5, "ثلث": 3): shares, read as percents. */
  fractionWords: Map<string, number>;
  /** Arabic duals of fractions, two parts: "ثلثا الإنتاج" (two-thirds), by denominator. */
  fractionDuals: Map<string, number>;
  /** Words after a fraction that make it a share ("a fifth of"). */
  fractionOf: Set<string>;
  /** Words after a fraction's noun that put it in construct: the fraction divides what follows ("خمس مبيعات هذا الطراز"). */
  fractionGenitives: Set<string>;
  /** Words after a fraction that make it a part of a period or a round, not a share ("النصف الثاني", "ربع النهائي"). */
  fractionPeriods: Set<string>;
  /** Words before a fraction that make it the result of a change ("هبطت إلى النصف": fell to half). */
  fractionChange: Set<string>;
}

/** Phrases indexed by their first word, longest first. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();

  constructor(entries: Iterable<readonly [string, T]>) {
    for (const [phrase, value] of entries) this.add(phrase, value);
  }

  add(phrase: string, value: T): void {
    const words = normalizeKey(phrase)
      .split(/\s+/)
      .flatMap((w) => splitSymbols(w))
      .filter(Boolean);
    if (words.length === 0) return;
    // longest first, in the order added among phrases of one length (an insertion, not a sort per phrase)
    const list = this.byFirst.get(words[0]!);
    if (!list) {
      this.byFirst.set(words[0]!, [{ words, value }]);
      return;
    }
    let at = list.length;
    while (at > 0 && list[at - 1]!.words.length < words.length) at--;
    list.splice(at, 0, { words, value });
  }

  candidates(first: string): readonly { words: string[]; value: T }[] | undefined {
    return this.byFirst.get(first);
  }

  hasFirst(first: string): boolean {
    return this.byFirst.has(first);
  }

  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** Every word of every phrase. */
  words(): Set<string> {
    const out = new Set<string>();
    for (const list of this.byFirst.values()) for (const e of list) for (const w of e.words) out.add(w);
    return out;
  }
}

/** "km/h" -> ["km", "/", "h"]; "m²" -> ["m", "²"]: phrases are matched token by token. */
function splitSymbols(word: string): string[] {
  return word.match(/[\p{L}\p{M}]+|\d+|[^\s\p{L}\p{M}\d]/gu) ?? [];
}

export const norm = (words: Iterable<string>): Set<string> => new Set([...words].map(normalizeKey));
export const normMap = <T>(entries: Iterable<readonly [string, T]>): Map<string, T> =>
  new Map([...entries].map(([k, v]) => [normalizeKey(k), v] as const));
export const table = <T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> => new PhraseTable(entries);
export const each = <T>(words: readonly string[], value: T): [string, T][] => words.map((w) => [w, value]);

export function withIdiomWords(lex: Omit<LanguageLexicon, 'idiomWords'>): LanguageLexicon {
  return { ...lex, idiomWords: lex.idioms.words() };
}
