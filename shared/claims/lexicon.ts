/**
 * The words the extractor reads, per language, kept as data. Keys are written naturally and
 * normalized when loaded (lower case, Arabic letter variants folded, diacritics removed), so a
 * lexicon entry matches whatever spelling variant the article uses.
 */
import type { Qualifier } from '../schemas/claim';
import { normalizeKey } from './normalize';

export type Phrase = readonly string[];

export interface TimeUnit {
  unit: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';
  /** Multiplier into `unit` (a decade is 10 years). */
  factor: number;
  /** Set on dual forms ("عامين" = two years): the word alone states the number. */
  dual?: boolean;
}

export interface LanguageLexicon {
  /** Number words and their values; `hundred` words multiply what precedes them. */
  numbers: Map<string, number>;
  /** Words that multiply the preceding number, or stand alone as the number itself. */
  hundreds: Map<string, number>;
  scales: Map<string, number>;
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
  /** Words right after a number that make it page chrome or a multiplier, not a claim. */
  stopNouns: PhraseTable<true>;
  /** Words before a year that make it a date ("in 2023", "عام 2023", "năm 2023"). */
  dateMarkers: Set<string>;
  /** Date markers that belong to the claim's span ("عام ٢٠٢٢", "năm 2024"). */
  dateMarkersInSpan: Set<string>;
  /** Words that stop the search for a counted noun. */
  stopWords: Set<string>;
  /** Fixed expressions that contain numbers but state none. */
  idioms: PhraseTable<true>;
  /** The words of the idioms: only a token among them can be inside one. */
  idiomWords: Set<string>;
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
    const list = this.byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
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

const norm = (words: Iterable<string>): Set<string> => new Set([...words].map(normalizeKey));
const normMap = <T>(entries: Iterable<readonly [string, T]>): Map<string, T> =>
  new Map([...entries].map(([k, v]) => [normalizeKey(k), v] as const));
const table = <T>(entries: Iterable<readonly [string, T]>): PhraseTable<T> => new PhraseTable(entries);
const each = <T>(words: readonly string[], value: T): [string, T][] => words.map((w) => [w, value]);

function withIdiomWords(lex: Omit<LanguageLexicon, 'idiomWords'>): LanguageLexicon {
  return { ...lex, idiomWords: lex.idioms.words() };
}

const SCALES_EN: [string, number][] = [
  ['thousand', 1e3], ['k', 1e3], ['million', 1e6], ['mn', 1e6], ['m', 1e6], ['mln', 1e6],
  ['billion', 1e9], ['bn', 1e9], ['b', 1e9], ['trillion', 1e12], ['tn', 1e12], ['tr', 1e12],
];

// ---------------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------------

const EN_NUMBERS: [string, number][] = [
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12],
];

const EN: LanguageLexicon = withIdiomWords({
  numbers: normMap(EN_NUMBERS),
  hundreds: normMap([['hundred', 100]]),
  scales: normMap(SCALES_EN),
  pluralScales: normMap([
    ['tens', 10], ['dozens', 12], ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6],
    ['billions', 1e9], ['trillions', 1e12],
  ]),
  dualScales: new Map(),
  qualifiersBefore: table<Qualifier>([
    ...each(['more than', 'over', 'above', 'in excess of', 'upwards of', 'just over', 'well over',
      'exceeding', 'beyond', 'pass', 'passed', 'surpass', 'surpassed', 'exceed', 'exceeded', 'exceeds'], 'more_than' as const),
    ...each(['at least', 'no less than', 'not less than', 'no fewer than', 'a minimum of',
      'minimum of', 'starting at', 'starting from'], 'at_least' as const),
    ...each(['up to', 'as many as', 'as much as', 'as high as', 'reaching up to', 'as long as', 'as far as',
      'as large as', 'as old as'], 'up_to' as const),
    ...each(['as little as', 'as few as', 'as low as'], 'at_least' as const),
    ...each(['about', 'around', 'roughly', 'approximately', 'approx', 'nearly', 'almost', 'some',
      'close to', 'an estimated', 'estimated', 'circa', 'roughly around', 'just about',
      'in the region of', 'something like'], 'about' as const),
    ...each(['fewer than', 'less than', 'under', 'below', 'short of', 'just under', 'just below',
      'just shy of'], 'less_than' as const),
    ...each(['no more than', 'not more than', 'at most', 'a maximum of', 'maximum of',
      'no greater than', 'not exceeding'], 'at_most' as const),
  ]),
  qualifiersAfter: table<Qualifier>([
    ...each(['or more', 'and above', 'and over', 'or above', 'plus', 'or longer', 'or later', 'or higher',
      'or older', 'or greater'], 'at_least' as const),
    ...each(['or less', 'or fewer', 'and below', 'and under', 'at most', 'or shorter', 'or earlier', 'or younger',
      'or lower'], 'at_most' as const),
    ...each(['or so', 'approximately', 'roughly'], 'about' as const),
    ['at least', 'at_least' as const],
  ]),
  currencies: table<string>([
    ...each(['dollar', 'dollars', 'us dollars', 'usd'], 'USD'),
    ...each(['euro', 'euros', 'eur'], 'EUR'),
    ...each(['pound', 'pounds'], '?POUND'),
    ...each(['pounds sterling', 'sterling', 'gbp'], 'GBP'),
    ...each(['yen', 'jpy'], 'JPY'),
    ...each(['yuan', 'renminbi', 'cny', 'rmb'], 'CNY'),
    ...each(['rupee', 'rupees'], '?RUPEE'),
    ...each(['inr'], 'INR'),
    ...each(['dirham', 'dirhams'], '?DIRHAM'),
    ...each(['aed'], 'AED'),
    ...each(['riyal', 'riyals'], '?RIYAL'),
    ...each(['sar'], 'SAR'),
    ...each(['dinar', 'dinars'], '?DINAR'),
    ...each(['peso', 'pesos'], '?PESO'),
    ...each(['cents', 'cent'], 'USD/100'),
    ...each(['pence', 'p'], 'GBP/100'),
    ...each(['kroner', 'krone'], '?KRONE'),
    ...each(['nok'], 'NOK'),
    ...each(['kronor', 'krona', 'sek'], 'SEK'),
    ...each(['dkk'], 'DKK'),
    ...each(['francs', 'franc', 'chf'], 'CHF'),
    ...each(['dong', 'vnd'], 'VND'),
    ...each(['won', 'krw'], 'KRW'),
    ...each(['rand', 'zar'], 'ZAR'),
    ...each(['lira', 'liras'], '?LIRA'),
    ...each(['ringgit', 'myr'], 'MYR'),
    ...each(['baht', 'thb'], 'THB'),
    ...each(['rupiah', 'idr'], 'IDR'),
    ...each(['egyptian pounds', 'egp'], 'EGP'),
    ...each(['qar', 'qatari riyals'], 'QAR'),
    ...each(['kwd', 'kuwaiti dinars'], 'KWD'),
    ...each(['jod', 'jordanian dinars'], 'JOD'),
    ...each(['bhd'], 'BHD'),
    ...each(['omr'], 'OMR'),
    ...each(['naira', 'ngn'], 'NGN'),
    ...each(['shillings', 'kes'], 'KES'),
    ...each(['taka', 'bdt'], 'BDT'), ...each(['soles', 'sol', 'pen'], 'PEN'), ...each(['cedi', 'cedis'], 'GHS'),
    ...each(['reais', 'real', 'brl'], 'BRL'), ...each(['zloty', 'zlotys', 'pln'], 'PLN'), ...each(['forint', 'huf'], 'HUF'),
    ...each(['hryvnia', 'hryvnias', 'uah'], 'UAH'), ...each(['tenge', 'kzt'], 'KZT'), ...each(['kip', 'lak'], 'LAK'),
    ...each(['riel', 'riels', 'khr'], 'KHR'), ...each(['kyat', 'kyats', 'mmk'], 'MMK'), ...each(['rials', 'rial', 'irr'], 'IRR'),
    ...each(['kwacha'], 'ZMW'), ...each(['birr', 'etb'], 'ETB'),
  ]),
  percentWords: table<true>(each(['percent', 'per cent', 'pct', 'percentage points'], true as const)),
  timeUnits: table<TimeUnit>([
    ...each(['year', 'years', 'yr', 'yrs'], { unit: 'year', factor: 1 } as const),
    ...each(['decade', 'decades'], { unit: 'year', factor: 10 } as const),
    ...each(['century', 'centuries'], { unit: 'year', factor: 100 } as const),
    ...each(['month', 'months'], { unit: 'month', factor: 1 } as const),
    ...each(['week', 'weeks'], { unit: 'week', factor: 1 } as const),
    ...each(['day', 'days'], { unit: 'day', factor: 1 } as const),
    ...each(['hour', 'hours', 'hr', 'hrs'], { unit: 'hour', factor: 1 } as const),
    ...each(['minute', 'minutes', 'min', 'mins'], { unit: 'minute', factor: 1 } as const),
    ...each(['second', 'seconds', 'sec', 'secs'], { unit: 'second', factor: 1 } as const),
  ]),
  measures: table<string>([
    ...each(['km/h', 'kph', 'kmh', 'kilometres per hour', 'kilometers per hour'], 'km/h'),
    ...each(['mph', 'miles per hour'], 'mph'),
    ...each(['km', 'kilometres', 'kilometers', 'kilometre', 'kilometer'], 'km'),
    ...each(['sq km', 'km²', 'km2', 'square kilometres', 'square kilometers'], 'km2'),
    ...each(['m²', 'm2', 'sq m', 'square metres', 'square meters'], 'm2'),
    ...each(['mm', 'millimetres', 'millimeters'], 'mm'),
    ...each(['cm', 'centimetres', 'centimeters'], 'cm'),
    ...each(['metres', 'meters', 'metre', 'meter', 'm'], 'm'),
    ...each(['miles', 'mile'], 'mile'),
    ...each(['ft', 'foot', 'feet'], 'ft'),
    ...each(['inch', 'inches'], 'inch'),
    ...each(['kg', 'kilograms', 'kilogrammes', 'kilos'], 'kg'),
    ...each(['tonnes', 'tonne', 'tons', 'ton', 'metric tons'], 'tonne'),
    ...each(['barrels', 'barrel', 'bpd'], 'barrel'),
    ...each(['hectares', 'hectare', 'ha'], 'hectare'),
    ...each(['acres', 'acre'], 'acre'),
    ...each(['litres', 'liters', 'litre', 'liter'], 'litre'),
    ...each(['gallons', 'gallon'], 'gallon'),
    ...each(['degrees celsius', 'degrees c', '°c', 'celsius', 'degree celsius'], 'degree_celsius'),
    ...each(['degrees fahrenheit', '°f', 'fahrenheit'], 'degree_fahrenheit'),
    ...each(['kwh'], 'kWh'), ...each(['mwh'], 'MWh'), ...each(['gwh'], 'GWh'), ...each(['twh'], 'TWh'),
    ...each(['mw', 'megawatts'], 'MW'), ...each(['gw', 'gigawatts'], 'GW'), ...each(['kw', 'kilowatts'], 'kW'),
    ...each(['mah'], 'mAh'),
    ...each(['gb', 'gigabytes'], 'GB'), ...each(['tb', 'terabytes'], 'TB'),
    ...each(['hp', 'horsepower', 'bhp'], 'hp'),
    ...each(['km/l', 'mpg'], 'fuel_economy'),
  ]),
  nouns: table<string>([]),
  labelsBefore: norm(['no', 'number', 'nos', 'ranked', 'rank', 'top', 'route', 'room', 'gate', 'type', 'phase',
    'model', 'gen', 'generation', 'mark', 'series', 'size', 'channel', 'terminal', 'pier', 'berth', 'lane', 'row',
    'platform', 'level', 'tier', 'version', 'round', 'stage', 'page', 'chapter', 'section',
    'article', 'episode', 'season', 'flight', 'line', 'highway', 'district', 'ward', 'zone',
    'call', 'text', 'dial', 'hotline', 'ext', 'p', 'pp', 'vol', 'grade', 'class', 'category']),
  stopNouns: table<true>(each(['comments', 'comment', 'min read', 'minute read', 'minutes read',
    'views', 'likes', 'replies', 'retweets', 'times', 'fold', 'x', 'hotline', 'rescue hotline',
    'am', 'pm', 'a.m', 'p.m', "o'clock", 'st', 'nd', 'rd', 'th', 'per cent of', 'g'], true as const)),
  dateMarkers: norm(['in', 'since', 'by', 'from', 'until', 'till', 'through', 'during', 'before',
    'after', 'of', 'year', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
    'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
    'sept', 'oct', 'nov', 'dec', 'between', 'and', 'to', 'circa', 'around']),
  dateMarkersInSpan: new Set(),
  stopWords: norm(['the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for',
    'with', 'by', 'from', 'as', 'that', 'which', 'who', 'whom', 'whose', 'was', 'were', 'is',
    'are', 'be', 'been', 'being', 'has', 'have', 'had', 'this', 'these', 'those', 'it', 'its',
    'their', 'his', 'her', 'our', 'your', 'my', 'than', 'per', 'each', 'every', 'last', 'next',
    'ago', 'later', 'earlier', 'more', 'less', 'fewer', 'higher', 'lower', 'up', 'down', 'into',
    'over', 'under', 'about', 'after', 'before', 'since', 'while', 'when', 'where', 'if', 'so',
    'not', 'no', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'also',
    'all', 'both', 'such', 'said', 'says', 'say', 'points', 'point', 'apiece', 'each']),
  idioms: table<true>(each(['at sixes and sevens', 'one in a million', 'a million miles',
    'a thousand cuts', 'a million years', 'a thousand times', 'a million times', 'cloud nine',
    'six feet under', 'nine lives', 'a thousand words', 'one or two', 'a hundred percent',
    'a hundred per cent', 'one hundred percent', 'one hundred per cent', 'at one point',
    'one another', 'number one', 'one day', 'one of'], true as const)),
});

// ---------------------------------------------------------------------------------------------
// Arabic
// ---------------------------------------------------------------------------------------------

const AR_NUMBERS: [string, number][] = [
  ['اثنان', 2], ['اثنين', 2], ['اثنتان', 2], ['اثنتين', 2],
  ['ثلاث', 3], ['ثلاثة', 3], ['أربع', 4], ['أربعة', 4], ['خمس', 5], ['خمسة', 5], ['ست', 6],
  ['ستة', 6], ['سبع', 7], ['سبعة', 7], ['ثمان', 8], ['ثماني', 8], ['ثمانية', 8], ['تسع', 9],
  ['تسعة', 9], ['عشر', 10], ['عشرة', 10], ['أحد عشر', 11], ['إحدى عشرة', 11], ['اثنا عشر', 12],
  ['اثني عشر', 12], ['اثنتا عشرة', 12], ['اثنتي عشرة', 12],
  ['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40],
  ['خمسون', 50], ['خمسين', 50], ['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70],
  ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
  ['مئة', 100], ['مائة', 100], ['مئتان', 200], ['مئتين', 200], ['مائتان', 200], ['مائتين', 200],
  ['ثلاثمائة', 300], ['ثلاثمئة', 300], ['أربعمائة', 400], ['أربعمئة', 400], ['خمسمائة', 500],
  ['خمسمئة', 500], ['ستمائة', 600], ['ستمئة', 600], ['سبعمائة', 700], ['سبعمئة', 700],
  ['ثمانمائة', 800], ['ثمانمئة', 800], ['تسعمائة', 900], ['تسعمئة', 900],
  ['ألفان', 2000], ['ألفين', 2000], ['ألفي', 2000],
];

const AR: LanguageLexicon = withIdiomWords({
  numbers: normMap(AR_NUMBERS),
  hundreds: normMap([['مئة', 100], ['مائة', 100]]),
  scales: normMap([
    ['ألف', 1e3], ['آلاف', 1e3], ['الف', 1e3], ['ألفا', 1e3], ['مليون', 1e6], ['ملايين', 1e6], ['مليونا', 1e6],
    ['مليار', 1e9], ['مليارات', 1e9], ['مليارا', 1e9], ['بليون', 1e9], ['تريليون', 1e12], ['تريليونات', 1e12],
  ]),
  pluralScales: normMap([
    ['عشرات', 10], ['مئات', 100], ['آلاف', 1e3], ['ألوف', 1e3], ['ملايين', 1e6], ['مليارات', 1e9],
    ['بلايين', 1e9], ['تريليونات', 1e12],
  ]),
  dualScales: normMap([
    ['ألفان', 2e3], ['ألفين', 2e3], ['ألفي', 2e3], ['مليونان', 2e6], ['مليونين', 2e6], ['مليوني', 2e6],
    ['ملياران', 2e9], ['مليارين', 2e9], ['ملياري', 2e9], ['تريليونان', 2e12], ['تريليونين', 2e12],
    ['تريليوني', 2e12], ['مئتان', 200], ['مئتين', 200], ['مائتان', 200], ['مائتين', 200], ['مئتي', 200],
    ['مائتي', 200],
  ]),
  qualifiersBefore: table<Qualifier>([
    ...each(['أكثر من', 'ما يزيد على', 'ما يزيد عن', 'يزيد على', 'يزيد عن', 'ما يفوق', 'يفوق',
      'أزيد من', 'فوق', 'تزيد على', 'تزيد عن', 'ما يربو على', 'يربو على', 'أكثر قليلا من', 'يتجاوز', 'تتجاوز',
      'ما يتجاوز', 'تجاوز', 'تخطى', 'يتخطى', 'تتخطى', 'ما يفوق', 'تفوق'], 'more_than' as const),
    ...each(['ما لا يقل عن', 'لا يقل عن', 'لا تقل عن', 'ما لا يقل على', 'على الأقل', 'ابتداء من',
      'اعتبارا من', 'بدءا من'], 'at_least' as const),
    ...each(['ما يصل إلى', 'يصل إلى', 'تصل إلى', 'تصل قيمتها إلى', 'يصل عددهم إلى', 'يصل عددها إلى',
      'تصل قيمته إلى', 'يصل حجمها إلى'], 'up_to' as const),
    // "to reach": the result of a change, not a ceiling
    ...each(['لتصل إلى', 'ليصل إلى', 'لتبلغ', 'ليبلغ', 'ليرتفع إلى', 'لترتفع إلى'], 'exact' as const),
    ...each(['نحو', 'حوالي', 'حوالى', 'قرابة', 'ما يقارب', 'يقارب', 'تقارب', 'زهاء', 'ما يقرب من',
      'يقرب من', 'تقريبا', 'قرابه', 'ما يناهز', 'يناهز', 'تناهز', 'قد يصل إلى', 'يقدر ب', 'يقدر بنحو',
      'بحدود', 'في حدود', 'المقدر ب', 'تقدر ب', 'يقدر', 'تقدر', 'تقدر بنحو', 'قدرت ب', 'قدر ب', 'المقدرة ب',
      'تقدر قيمتها ب', 'يقدر حجمها ب'], 'about' as const),
    ...each(['أقل من', 'دون', 'ما دون', 'تحت', 'أدنى من'], 'less_than' as const),
    ...each(['ما لا يزيد على', 'ما لا يزيد عن', 'لا يزيد على', 'لا يزيد عن', 'لا تزيد على',
      'لا تزيد عن', 'ما لا يتجاوز', 'لا يتجاوز', 'لا تتجاوز', 'بحد أقصى', 'لم يتجاوز', 'لم تتجاوز',
      'لم يزد على', 'لم يزد عن', 'لم تزد على', 'لم تزد عن', 'أقصاها', 'أقصاه', 'حدها الأقصى', 'حده الأقصى'], 'at_most' as const),
    ...each(['أدناها', 'أدناه', 'حدها الأدنى', 'حده الأدنى'], 'at_least' as const),
  ]),
  qualifiersAfter: table<Qualifier>([
    ...each(['على الأقل', 'فأكثر', 'أو أكثر', 'وما فوق', 'فما فوق'], 'at_least' as const),
    ...each(['تقريبا', 'أو نحو ذلك'], 'about' as const),
    ...each(['على الأكثر', 'كحد أقصى', 'أو أقل', 'فأقل'], 'at_most' as const),
  ]),
  currencies: table<string>([
    ...each(['دولار', 'دولارا', 'دولارات', 'الدولارات', 'الدولار', 'دولار أمريكي', 'دولار أميركي',
      'دولارات أمريكية', 'دولارين'], 'USD'),
    ...each(['يورو', 'اليورو', 'يوروهات'], 'EUR'),
    ...each(['جنيه', 'جنيها', 'جنيهات', 'الجنيهات'], '?POUND'),
    ...each(['جنيه مصري', 'جنيهات مصرية', 'جنيها مصريا'], 'EGP'),
    ...each(['جنيه إسترليني', 'جنيها إسترلينيا', 'جنيهات إسترلينية', 'إسترليني', 'استرليني'], 'GBP'),
    ...each(['ريال', 'ريالا', 'ريالات', 'الريالات', 'ريالين'], '?RIYAL'),
    ...each(['ريال سعودي', 'ريالات سعودية', 'ريالا سعوديا'], 'SAR'),
    ...each(['ريال قطري', 'ريالا قطريا', 'ريالات قطرية'], 'QAR'),
    ...each(['ريال عماني', 'ريالا عمانيا'], 'OMR'),
    ...each(['درهم', 'دراهم', 'درهما', 'الدراهم', 'درهمين'], '?DIRHAM'),
    ...each(['درهم إماراتي', 'درهما إماراتيا'], 'AED'),
    ...each(['درهم مغربي', 'دراهم مغربية'], 'MAD'),
    ...each(['دينار', 'دنانير', 'دينارا', 'الدنانير'], '?DINAR'),
    ...each(['دينار كويتي', 'دينارا كويتيا'], 'KWD'),
    ...each(['دينار أردني', 'دنانير أردنية'], 'JOD'),
    ...each(['دينار بحريني'], 'BHD'),
    ...each(['دينار عراقي'], 'IQD'),
    ...each(['دينار تونسي'], 'TND'),
    ...each(['دينار ليبي'], 'LYD'),
    ...each(['دينار جزائري'], 'DZD'),
    ...each(['ليرة', 'ليرات'], '?LIRA'),
    ...each(['ليرة تركية'], 'TRY'),
    ...each(['ليرة لبنانية'], 'LBP'),
    ...each(['ليرة سورية'], 'SYP'),
    ...each(['ين', 'ين ياباني'], 'JPY'),
    ...each(['يوان', 'يوان صيني'], 'CNY'),
    ...each(['روبية'], '?RUPEE'),
    ...each(['سنتا', 'سنتات', 'سنت'], 'USD/100'),
    ...each(['روبل'], 'RUB'),
    ...each(['دونغ'], 'VND'),
  ]),
  percentWords: table<true>(each(['بالمئة', 'بالمائة', 'في المئة', 'في المائة', 'بالمية', 'في المية'], true as const)),
  timeUnits: table<TimeUnit>([
    ...each(['عام', 'عاما', 'أعوام', 'سنة', 'سنوات', 'سنين', 'سنه', 'السنوات', 'الأعوام'], { unit: 'year', factor: 1 } as const),
    ...each(['عامين', 'عامان', 'سنتين', 'سنتان'], { unit: 'year', factor: 1, dual: true } as const),
    ...each(['عقد', 'عقود', 'العقود', 'عقدا'], { unit: 'year', factor: 10 } as const),
    ...each(['عقدين', 'عقدان'], { unit: 'year', factor: 10, dual: true } as const),
    ...each(['قرن', 'قرون', 'قرنا'], { unit: 'year', factor: 100 } as const),
    ...each(['شهر', 'شهرا', 'أشهر', 'شهور', 'الأشهر', 'الشهور'], { unit: 'month', factor: 1 } as const),
    ...each(['شهرين', 'شهران'], { unit: 'month', factor: 1, dual: true } as const),
    ...each(['أسبوع', 'أسبوعا', 'أسابيع', 'الأسابيع'], { unit: 'week', factor: 1 } as const),
    ...each(['أسبوعين', 'أسبوعان'], { unit: 'week', factor: 1, dual: true } as const),
    ...each(['يوم', 'يوما', 'أيام', 'الأيام'], { unit: 'day', factor: 1 } as const),
    ...each(['يومين', 'يومان'], { unit: 'day', factor: 1, dual: true } as const),
    ...each(['ساعة', 'ساعات', 'الساعات'], { unit: 'hour', factor: 1 } as const),
    ...each(['ساعتين', 'ساعتان'], { unit: 'hour', factor: 1, dual: true } as const),
    ...each(['دقيقة', 'دقائق', 'الدقائق'], { unit: 'minute', factor: 1 } as const),
    ...each(['دقيقتين', 'دقيقتان'], { unit: 'minute', factor: 1, dual: true } as const),
    ...each(['ثانية', 'ثوان', 'ثواني', 'ثوانٍ'], { unit: 'second', factor: 1 } as const),
  ]),
  measures: table<string>([
    ...each(['كم/ساعة', 'كيلومتر في الساعة', 'كيلومترا في الساعة', 'كلم/ساعة', 'كم/س'], 'km/h'),
    ...each(['كيلومتر', 'كيلومترا', 'كيلومترات', 'كم', 'كلم'], 'km'),
    ...each(['كيلومتر مربع', 'كيلومترا مربعا', 'كيلومترات مربعة', 'كم مربع'], 'km2'),
    ...each(['متر مربع', 'مترا مربعا', 'أمتار مربعة', 'م²', 'م2'], 'm2'),
    ...each(['ملم', 'مم', 'مليمتر', 'مليمترا', 'ملليمتر'], 'mm'),
    ...each(['سم', 'سنتيمتر', 'سنتيمترا', 'سنتيمترات'], 'cm'),
    ...each(['متر', 'مترا', 'أمتار'], 'm'),
    ...each(['كيلوغرام', 'كيلوغراما', 'كغ', 'كيلو', 'كيلوجرام'], 'kg'),
    ...each(['طن', 'أطنان', 'طنا', 'الأطنان'], 'tonne'),
    ...each(['برميل', 'براميل', 'برميلا'], 'barrel'),
    ...each(['هكتار', 'هكتارات', 'هكتارا'], 'hectare'),
    ...each(['فدان', 'أفدنة', 'فدانا'], 'feddan'),
    ...each(['لتر', 'لترات', 'لترا'], 'litre'),
    ...each(['درجة مئوية', 'درجات مئوية', 'درجة', 'درجات', '°م'], 'degree_celsius'),
    ...each(['ميغاواط', 'ميجاوات', 'ميغاوات'], 'MW'), ...each(['غيغاواط', 'جيجاوات'], 'GW'),
    ...each(['كيلوواط ساعة', 'كيلووات ساعة'], 'kWh'), ...each(['ميغاواط ساعة'], 'MWh'),
    ...each(['حصان', 'حصانا', 'أحصنة'], 'hp'),
  ]),
  nouns: table<string>([
    ...each(['باحث', 'باحثا', 'باحثين', 'باحثون', 'الباحثين'], 'researcher'),
    ...each(['موظف', 'موظفا', 'موظفين', 'الموظفين', 'موظفون'], 'employee'),
    ...each(['شخص', 'شخصا', 'أشخاص', 'الأشخاص', 'فرد', 'أفراد'], 'person'),
    ...each(['مواطن', 'مواطنا', 'مواطنين'], 'citizen'),
    ...each(['ساكن', 'سكان', 'السكان', 'قاطن', 'قاطنين', 'نسمة'], 'resident'),
    ...each(['آخرون', 'آخرين', 'آخر'], 'person'),
    ...each(['أسرة', 'أسر', 'الأسر', 'عائلة', 'عائلات', 'العائلات', 'أسرة'], 'household'),
    ...each(['إطفائي', 'إطفائيا', 'إطفائيين', 'رجل إطفاء', 'رجال إطفاء', 'رجال الإطفاء', 'عنصر إطفاء'], 'firefighter'),
    ...each(['طفل', 'طفلا', 'أطفال', 'الأطفال'], 'child'),
    ...each(['طالب', 'طالبا', 'طلاب', 'الطلاب', 'طالبة', 'طالبات'], 'student'),
    ...each(['جامعة', 'جامعات', 'الجامعات'], 'university'),
    ...each(['مدرسة', 'مدارس'], 'school'),
    ...each(['شركة', 'شركات', 'الشركات'], 'company'),
    ...each(['عامل', 'عاملا', 'عمال', 'العمال', 'عاملين'], 'worker'),
    ...each(['فريق', 'فرق', 'فريقا'], 'team'),
    ...each(['عيادة', 'عيادات'], 'clinic'),
    ...each(['مستشفى', 'مستشفيات'], 'hospital'),
    ...each(['مشترك', 'مشتركا', 'مشتركين', 'المشتركين'], 'subscriber'),
    ...each(['مستخدم', 'مستخدما', 'مستخدمين'], 'user'),
    ...each(['راكب', 'راكبا', 'ركاب', 'الركاب'], 'passenger'),
    ...each(['مسافر', 'مسافرا', 'مسافرين', 'المسافرين'], 'passenger'),
    ...each(['مقعد', 'مقعدا', 'مقاعد'], 'seat'),
    ...each(['رحلة', 'رحلات', 'الرحلات'], 'flight'),
    ...each(['طائرة', 'طائرات'], 'aircraft'),
    ...each(['دولة', 'دول', 'بلدان', 'بلدا', 'الدول'], 'country'),
    ...each(['محافظة', 'محافظات'], 'governorate'),
    ...each(['مدينة', 'مدن'], 'city'),
    ...each(['نسخة', 'نسخ'], 'version'),
    ...each(['قطرة', 'قطرات'], 'drop'),
    ...each(['جرعة', 'جرعات'], 'dose'),
    ...each(['أكاديمي', 'أكاديميا', 'أكاديميين'], 'academic'),
    ...each(['معيار', 'معايير'], 'criterion'),
    ...each(['جهة توظيف', 'جهات توظيف'], 'employer'),
    ...each(['منزل', 'منازل', 'منزلا', 'مسكن', 'مساكن', 'بيت', 'بيوت'], 'home'),
    ...each(['قتيل', 'قتيلا', 'قتلى'], 'death'),
    ...each(['جريح', 'جريحا', 'جرحى', 'مصاب', 'مصابا', 'مصابين'], 'injured'),
    ...each(['حالة', 'حالات'], 'case'),
    ...each(['مريض', 'مريضا', 'مرضى'], 'patient'),
    ...each(['طبيب', 'طبيبا', 'أطباء'], 'doctor'),
    ...each(['سهم', 'أسهم'], 'share'),
    ...each(['وظيفة', 'وظائف', 'فرصة عمل', 'فرص عمل'], 'job'),
    ...each(['مشروع', 'مشاريع', 'مشروعا'], 'project'),
    ...each(['سيارة', 'سيارات'], 'car'),
    ...each(['صاروخ', 'صواريخ', 'صاروخا'], 'missile'),
    ...each(['لاعب', 'لاعبا', 'لاعبين'], 'player'),
    ...each(['هدف', 'أهداف', 'هدفا'], 'goal'),
    ...each(['صوت', 'أصوات', 'صوتا'], 'vote'),
    ...each(['مقر', 'فرع', 'فروع', 'فرعا'], 'branch'),
    ...each(['لاجئ', 'لاجئا', 'لاجئين'], 'refugee'),
    ...each(['زائر', 'زائرا', 'زوار'], 'visitor'),
    ...each(['سائح', 'سائحا', 'سياح'], 'tourist'),
    ...each(['منتج', 'منتجات', 'منتجا'], 'product'),
    ...each(['متطوع', 'متطوعا', 'متطوعين'], 'volunteer'),
    ...each(['وحدة', 'وحدات'], 'unit'),
    ...each(['قطاع', 'قطاعات'], 'sector'),
  ]),
  labelsBefore: norm(['المرتبة', 'المركز', 'رقم', 'الرقم', 'المرتبه', 'أفضل', 'أكبر', 'أول', 'الساخن',
    'الخط', 'هاتف', 'الهاتف', 'المادة', 'البند', 'الفصل', 'الدورة', 'الحلقة', 'النسخة', 'نسخة', 'رؤية',
    'الطريق', 'طريق', 'منطقة', 'حي', 'شارع', 'الجولة', 'الأسبوع', 'الأخضر', 'المجاني', 'الموحد']),
  stopNouns: table<true>(each(['تعليق', 'تعليقات', 'تعليقا', 'مشاركة', 'مشاركات', 'مشاهدة', 'مشاهدات', 'قراءة',
    'قراءات', 'إعجاب', 'أضعاف', 'ضعف',
    'ضعفا', 'مرات', 'مرة', 'دقائق للقراءة', 'دقيقة للقراءة', 'صباحا', 'مساء', 'ظهرا', 'فجرا', 'عصرا',
    'ليلا', 'يناير', 'فبراير', 'مارس', 'أبريل', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر',
    'أكتوبر', 'نوفمبر', 'ديسمبر', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب',
    'أيلول', 'تشرين', 'بتوقيت', 'حساب'], true as const)),
  dateMarkers: norm(['عام', 'العام', 'سنة', 'السنة', 'في', 'منذ', 'حتى', 'بحلول', 'خلال', 'قبل', 'بعد',
    'مطلع', 'أواخر', 'أوائل', 'منتصف', 'نهاية', 'بداية', 'مع', 'وفي', 'ومنذ', 'لعام', 'بعام', 'وعام',
    'يناير', 'فبراير', 'مارس', 'أبريل', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر',
    'نوفمبر', 'ديسمبر', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول',
    'تشرين', 'الثاني', 'الأول', 'موسم', 'صيف', 'شتاء', 'ربيع', 'خريف']),
  dateMarkersInSpan: norm(['عام', 'العام', 'سنة', 'السنة', 'لعام', 'بعام', 'وعام']),
  stopWords: norm(['في', 'من', 'إلى', 'الى', 'على', 'عن', 'مع', 'و', 'أو', 'او', 'ثم', 'قد', 'التي',
    'الذي', 'الذين', 'اللذين', 'هذا', 'هذه', 'ذلك', 'تلك', 'كان', 'كانت', 'هو', 'هي', 'هم', 'لا', 'لم',
    'لن', 'ما', 'أن', 'إن', 'أنه', 'إنه', 'بين', 'عند', 'حتى', 'منذ', 'خلال', 'بعد', 'قبل', 'فقط',
    'أي', 'كل', 'أيضا', 'يوميا', 'أسبوعيا', 'شهريا', 'سنويا', 'عالميا', 'حاليا', 'محليا', 'تقريبا',
    'فيما', 'بينما', 'حيث', 'إذ', 'ليصل', 'لتصل', 'ليبلغ', 'لتبلغ', 'مقابل', 'نحو', 'حوالي', 'عبر',
    'وفق', 'وفقا', 'بنسبة', 'بقيمة', 'بمقدار', 'سنويًا', 'للبرميل', 'للسهم', 'للرحلة', 'لكل', 'كما',
    'ليس', 'أكثر', 'أقل', 'أكبر']),
  idioms: table<true>(each(['عصفورين بحجر واحد', 'ألف حساب', 'ألف ضعف', 'ألف مرة', 'ألف شكر',
    'واحدا تلو الآخر', 'بين ليلة وضحاها', 'الحادي عشر من سبتمبر'], true as const)),
});

// ---------------------------------------------------------------------------------------------
// Vietnamese
// ---------------------------------------------------------------------------------------------

const VI: LanguageLexicon = withIdiomWords({
  numbers: normMap([
    ['một', 1], ['hai', 2], ['ba', 3], ['bốn', 4], ['năm', 5], ['sáu', 6], ['bảy', 7], ['bẩy', 7],
    ['tám', 8], ['chín', 9], ['mười', 10], ['chục', 10], ['tá', 12],
  ]),
  hundreds: normMap([['trăm', 100]]),
  scales: normMap([
    ['nghìn', 1e3], ['ngàn', 1e3], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9], ['nghìn tỷ', 1e12],
    ['ngàn tỷ', 1e12],
  ]),
  pluralScales: normMap([
    ['chục', 10], ['trăm', 100], ['nghìn', 1e3], ['ngàn', 1e3], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9],
  ]),
  dualScales: new Map(),
  qualifiersBefore: table<Qualifier>([
    ...each(['hơn', 'trên', 'vượt', 'vượt quá', 'vượt mức', 'quá'], 'more_than' as const),
    ...each(['ít nhất', 'tối thiểu', 'không dưới', 'không ít hơn', 'giá từ', 'chỉ từ'], 'at_least' as const),
    ...each(['lên tới', 'lên đến', 'có thể lên tới', 'có thể lên đến', 'tối đa lên tới'], 'up_to' as const),
    ...each(['khoảng', 'chừng', 'gần', 'xấp xỉ', 'ước tính', 'ước', 'ước khoảng', 'ước tính khoảng', 'ước đạt',
      'ước tính đạt', 'ước chừng',
      'khoảng chừng', 'trên dưới', 'suýt soát'], 'about' as const),
    ...each(['dưới', 'chưa đến', 'chưa tới', 'không tới', 'không đến'], 'less_than' as const),
    ...each(['tối đa', 'không quá', 'không vượt quá', 'nhiều nhất', 'cao nhất'], 'at_most' as const),
  ]),
  qualifiersAfter: table<Qualifier>([
    ...each(['trở lên', 'trở lại đây'], 'at_least' as const),
    ...each(['trở xuống', 'trở lại'], 'at_most' as const),
  ]),
  currencies: table<string>([
    ...each(['đồng', 'vnd', 'vnđ', 'đ'], 'VND'),
    ...each(['usd', 'đô la', 'đô la mỹ', 'đô', 'usd/tấn'], 'USD'),
    ...each(['euro', 'eur'], 'EUR'),
    ...each(['yên', 'jpy', 'yên nhật', 'yen'], 'JPY'),
    ...each(['nhân dân tệ', 'ndt', 'cny', 'tệ'], 'CNY'),
    ...each(['bảng anh', 'gbp', 'bảng'], 'GBP'),
    ...each(['won', 'krw'], 'KRW'),
    ...each(['baht', 'bạt'], 'THB'),
    ...each(['aed'], 'AED'),
    ...each(['dirham'], '?DIRHAM'),
    ...each(['rupee', 'rupi'], '?RUPEE'),
    ...each(['dinar'], '?DINAR'),
    ...each(['cent', 'xu'], 'USD/100'),
  ]),
  percentWords: table<true>(each(['phần trăm'], true as const)),
  timeUnits: table<TimeUnit>([
    ...each(['năm'], { unit: 'year', factor: 1 } as const),
    ...each(['thập kỷ', 'thập niên'], { unit: 'year', factor: 10 } as const),
    ...each(['thế kỷ'], { unit: 'year', factor: 100 } as const),
    ...each(['tháng'], { unit: 'month', factor: 1 } as const),
    ...each(['tuần'], { unit: 'week', factor: 1 } as const),
    ...each(['ngày', 'ngày đêm'], { unit: 'day', factor: 1 } as const),
    ...each(['giờ', 'tiếng', 'tiếng đồng hồ'], { unit: 'hour', factor: 1 } as const),
    ...each(['phút'], { unit: 'minute', factor: 1 } as const),
    ...each(['giây'], { unit: 'second', factor: 1 } as const),
  ]),
  measures: table<string>([
    ...each(['km/h', 'km/giờ', 'kilomet/giờ'], 'km/h'),
    ...each(['km', 'kilomet', 'cây số'], 'km'),
    ...each(['km²', 'km2', 'kilomet vuông'], 'km2'),
    ...each(['m²', 'm2', 'mét vuông'], 'm2'),
    ...each(['mm', 'milimet'], 'mm'),
    ...each(['cm', 'centimet'], 'cm'),
    ...each(['m', 'mét'], 'm'),
    ...each(['kg', 'kilogram'], 'kg'),
    ...each(['tấn'], 'tonne'),
    ...each(['thùng'], 'barrel'),
    ...each(['ha', 'hecta', 'héc-ta', 'hécta'], 'hectare'),
    ...each(['lít'], 'litre'),
    ...each(['độ c', '°c', 'độ'], 'degree_celsius'),
    ...each(['inch'], 'inch'),
    ...each(['mah'], 'mAh'),
    ...each(['kwh', 'số điện'], 'kWh'), ...each(['mwh'], 'MWh'), ...each(['gwh'], 'GWh'),
    ...each(['mw'], 'MW'), ...each(['gw'], 'GW'), ...each(['kw'], 'kW'),
    ...each(['gb'], 'GB'), ...each(['tb'], 'TB'),
    ...each(['mã lực', 'hp'], 'hp'),
  ]),
  nouns: table<string>([
    ...each(['người', 'người dân', 'nhân khẩu', 'công dân'], 'person'),
    ...each(['ngư dân'], 'fisherman'),
    ...each(['hộ', 'hộ dân', 'hộ gia đình'], 'household'),
    ...each(['căn', 'căn hộ'], 'apartment'),
    ...each(['ngôi nhà', 'nhà', 'căn nhà', 'ngôi nhà bị'], 'house'),
    ...each(['chuyến', 'chuyến bay'], 'flight'),
    ...each(['ghế', 'chỗ ngồi'], 'seat'),
    ...each(['hành khách', 'lượt khách', 'lượt hành khách', 'khách', 'du khách', 'lượt du khách'], 'passenger'),
    ...each(['lao động', 'công nhân', 'người lao động'], 'worker'),
    ...each(['xe bồn', 'xe tải'], 'truck'),
    ...each(['xe', 'phương tiện', 'chiếc xe', 'ô tô', 'xe máy'], 'vehicle'),
    ...each(['ca', 'trường hợp', 'ca bệnh', 'ca mắc', 'ca nhiễm'], 'case'),
    ...each(['tàu', 'tàu cá', 'thuyền', 'con tàu'], 'boat'),
    ...each(['đơn', 'đơn hàng', 'đơn đặt trước', 'đơn đặt hàng'], 'order'),
    ...each(['điểm bán', 'cửa hàng', 'đại lý'], 'outlet'),
    ...each(['máy', 'chiếc', 'thiết bị', 'điện thoại'], 'device'),
    ...each(['học sinh', 'sinh viên', 'thí sinh'], 'student'),
    ...each(['trường', 'trường học', 'trường đại học'], 'school'),
    ...each(['công ty', 'doanh nghiệp'], 'company'),
    ...each(['bệnh nhân'], 'patient'),
    ...each(['bác sĩ', 'y bác sĩ'], 'doctor'),
    ...each(['nhân viên', 'cán bộ'], 'employee'),
    ...each(['quốc gia', 'nước'], 'country'),
    ...each(['tỉnh', 'tỉnh thành', 'tỉnh, thành'], 'province'),
    ...each(['xã', 'phường'], 'commune'),
    ...each(['dự án'], 'project'),
    ...each(['sản phẩm'], 'product'),
    ...each(['con'], 'animal'),
    ...each(['cây'], 'tree'),
    ...each(['phiếu', 'phiếu bầu'], 'vote'),
    ...each(['vụ', 'vụ việc', 'vụ án'], 'incident'),
    ...each(['đội', 'đội bóng', 'câu lạc bộ'], 'team'),
    ...each(['bàn', 'bàn thắng'], 'goal'),
    ...each(['cầu thủ', 'vận động viên'], 'player'),
    ...each(['thành viên'], 'member'),
    ...each(['tình nguyện viên'], 'volunteer'),
    ...each(['đợt'], 'wave'),
    ...each(['cổ phiếu', 'cổ phần'], 'share'),
    ...each(['việc làm'], 'job'),
    ...each(['người chết', 'người tử vong', 'trường hợp tử vong'], 'death'),
    ...each(['sân bay'], 'airport'),
    ...each(['máy bay', 'tàu bay'], 'aircraft'),
    ...each(['bệnh viện'], 'hospital'),
    ...each(['lượt', 'lượt truy cập'], 'visit'),
    ...each(['bộ', 'bộ phận'], 'unit'),
    ...each(['lô', 'lô đất'], 'lot'),
    ...each(['khán giả', 'người xem', 'cổ động viên'], 'spectator'),
    ...each(['ngoại binh', 'tuyển thủ', 'tân binh'], 'player'),
    ...each(['lính cứu hỏa', 'chiến sĩ cứu hỏa', 'cán bộ, chiến sĩ', 'cán bộ chiến sĩ'], 'firefighter'),
    ...each(['lần', 'lần ra sân'], 'time'),
    ...each(['điểm'], 'point'),
    ...each(['môn', 'môn học', 'môn thi'], 'subject'),
    ...each(['vòng', 'vòng đấu'], 'round'),
    ...each(['trận', 'trận đấu'], 'match'),
    ...each(['trận thắng'], 'win'),
    ...each(['trận hòa'], 'draw'),
    ...each(['trận thua'], 'loss'),
    ...each(['thí sinh', 'ứng viên'], 'candidate'),
    ...each(['ngành', 'ngành học', 'chuyên ngành'], 'major'),
    ...each(['chỉ tiêu'], 'place'),
    ...each(['mẫu', 'mẫu xe', 'phiên bản'], 'model'),
    ...each(['trạm', 'trạm sạc'], 'station'),
    ...each(['bài', 'bài báo', 'bài viết'], 'article'),
    ...each(['tiết mục', 'buổi', 'suất diễn'], 'show'),
    ...each(['ca khúc', 'bài hát'], 'song'),
    ...each(['giải', 'giải thưởng', 'huy chương'], 'award'),
    ...each(['du học sinh'], 'student'),
    ...each(['giáo viên', 'giảng viên'], 'teacher'),
    ...each(['tác phẩm', 'hiện vật'], 'item'),
    ...each(['căn nhà'], 'house'),
    ...each(['hợp đồng'], 'contract'),
    ...each(['nhà máy'], 'factory'),
    ...each(['chi nhánh'], 'branch'),
    ...each(['gia đình'], 'family'),
    ...each(['trẻ', 'trẻ em', 'em bé', 'cháu'], 'child'),
    ...each(['người bệnh'], 'patient'),
    ...each(['nạn nhân'], 'victim'),
    ...each(['hành vi', 'vi phạm'], 'violation'),
    ...each(['xe điện', 'ô tô điện'], 'electric vehicle'),
    ...each(['cơ sở'], 'facility'),
    ...each(['phòng', 'phòng khám'], 'room'),
    ...each(['suất', 'suất học bổng', 'học bổng'], 'scholarship'),
    ...each(['thí điểm'], 'pilot'),
    ...each(['làng', 'thôn', 'bản'], 'village'),
    ...each(['huyện'], 'district'),
    ...each(['điểm trường', 'lớp học'], 'class'),
    ...each(['tuyến', 'tuyến đường', 'tuyến bay'], 'route'),
    ...each(['đơn vị'], 'unit'),
    ...each(['con số'], 'figure'),
    ...each(['lượt người'], 'person'),
  ]),
  labelsBefore: norm(['số', 'thứ', 'quận', 'phường', 'tháng', 'ngày', 'quý', 'lúc', 'hạng', 'top',
    'đai', 'đường', 'phòng', 'tầng', 'khu', 'lô', 'tập', 'phần', 'chương', 'điều', 'khoản', 'mục',
    'bão', 'kỳ', 'khóa', 'hotline', 'tổng đài', 'nóng', 'gọi', 'đội', 'vòng', 'giải', 'lớp', 'cấp',
    'vào', 'hồi']),
  stopNouns: table<true>(each(['bình luận', 'phút đọc', 'lượt xem', 'lượt thích', 'sao', 'giờ sáng',
    'giờ chiều', 'giờ tối', 'giờ trưa', 'giờ đêm', 'sáng', 'chiều', 'tối', 'trưa', 'đêm'], true as const)),
  dateMarkers: norm(['năm', 'từ', 'đến', 'trong', 'vào', 'sau', 'trước', 'cuối', 'đầu', 'giữa', 'hết',
    'tới', 'kể', 'mùa']),
  dateMarkersInSpan: norm(['năm']),
  stopWords: norm(['và', 'có', 'là', 'của', 'đã', 'được', 'bị', 'trong', 'với', 'để', 'cho', 'từ',
    'đến', 'tới', 'theo', 'so', 'tại', 'ở', 'này', 'đó', 'khi', 'thì', 'mà', 'nhưng', 'hoặc', 'hay',
    'như', 'năm', 'tăng', 'giảm', 'đạt', 'lên', 'xuống', 'còn', 'cũng', 'vẫn', 'sẽ', 'đang', 'rồi',
    'nữa', 'mỗi', 'một', 'các', 'những', 'nhiều', 'ít', 'hơn', 'trên', 'dưới', 'khoảng', 'gần',
    'qua', 'sau', 'trước', 'mới', 'đầu', 'tiên', 'cuối']),
  idioms: table<true>(each(['ba chân bốn cẳng', 'mười phân vẹn mười', 'một vốn bốn lời',
    'một sớm một chiều', 'một chiều', 'chín người mười ý', 'ba hoa', 'năm lần bảy lượt',
    'trăm người như một', 'một mất một còn', 'một nắng hai sương', 'ba cọc ba đồng',
    'một tấc đến trời', 'năm thì mười họa', 'một lần', 'lần thứ'], true as const)),
});

export const LEXICONS: Record<'ar' | 'en' | 'vi', LanguageLexicon> = { ar: AR, en: EN, vi: VI };

/** Currency signs that stand before the number; a glued Latin prefix refines the dollar. */
export const CURRENCY_SIGNS = new Map<string, string>([
  ['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY'], ['₫', 'VND'], ['₹', 'INR'], ['₩', 'KRW'],
  ['₺', 'TRY'], ['₽', 'RUB'], ['₱', 'PHP'], ['₦', 'NGN'],
]);
export const DOLLAR_PREFIXES = new Map<string, string>([
  ['us', 'USD'], ['a', 'AUD'], ['au', 'AUD'], ['c', 'CAD'], ['ca', 'CAD'], ['hk', 'HKD'],
  ['s', 'SGD'], ['nz', 'NZD'], ['nt', 'TWD'], ['r', 'BRL'], ['mx', 'MXN'],
]);
/** ISO 4217 codes recognized when written in capitals. */
export const ISO_CODES = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'VND', 'AED', 'SAR', 'EGP', 'QAR', 'KWD', 'BHD', 'OMR', 'JOD',
  'NOK', 'SEK', 'DKK', 'CHF', 'INR', 'KRW', 'RUB', 'TRY', 'AUD', 'CAD', 'HKD', 'SGD', 'NZD', 'MAD',
  'IQD', 'LBP', 'ZAR', 'NGN', 'KES', 'MYR', 'THB', 'IDR', 'PHP', 'BRL', 'MXN', 'TWD', 'PKR', 'BDT',
]);
