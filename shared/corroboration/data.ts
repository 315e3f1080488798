/**
 * The data behind corroboration, kept apart from the code that uses it.
 *
 * RATES: approximate US dollars per unit of each currency, as of RATES_AS_OF. Used only to
 * compare amounts across currencies, with CONVERSION_TOLERANCE on top: never to report money.
 */
export const RATES_AS_OF = '2025-07-01';
export const CONVERSION_TOLERANCE = 0.06;

export const USD_PER_UNIT: Record<string, number> = {
  USD: 1, EUR: 1.17, GBP: 1.37, JPY: 0.0069, CNY: 0.14, VND: 1 / 26_100, AED: 1 / 3.6725, SAR: 1 / 3.75,
  EGP: 0.0202, QAR: 1 / 3.64, KWD: 3.27, BHD: 2.65, OMR: 2.6, JOD: 1.41, MAD: 0.111, NOK: 0.099, SEK: 0.105,
  DKK: 0.157, CHF: 1.25, INR: 0.0117, KRW: 0.00073, RUB: 0.0127, TRY: 0.025, AUD: 0.65, CAD: 0.73, HKD: 0.127,
  SGD: 0.78, NZD: 0.6, IQD: 0.00076, LBP: 0.0000112, ZAR: 0.056, NGN: 0.00065, KES: 0.0077, MYR: 0.237,
  THB: 0.0307, IDR: 0.0000616, PHP: 0.0177, BRL: 0.183, MXN: 0.053, TWD: 0.034, PKR: 0.0035, BDT: 0.0082,
  PEN: 0.28, DZD: 0.0077, TND: 0.34, LYD: 0.185, SYP: 0.000077, YER: 0.0041, IRR: 0.0000238, SDG: 0.00166,
  GHS: 0.097, PLN: 0.275, HUF: 0.0029, UAH: 0.024, KZT: 0.0019, LAK: 0.0000464, KHR: 0.00025, MMK: 0.00048,
  ETB: 0.0073, ZMW: 0.042,
};

/**
 * Counted nouns (English singulars from the extractor) grouped into concepts. A generic concept
 * ("person") may match a more specific one of the same family ("resident", "employee").
 */
export const UNIT_CONCEPTS: Record<string, string> = {
  person: 'person', people: 'person', individual: 'person', inhabitant: 'resident', resident: 'resident',
  citizen: 'resident', employee: 'employee', staff: 'employee', worker: 'employee', 'staff member': 'employee',
  passenger: 'passenger', traveller: 'passenger', traveler: 'passenger', home: 'house', house: 'house',
  dwelling: 'house', apartment: 'apartment', household: 'household', family: 'household', flight: 'flight',
  fisherman: 'fisherman', boat: 'boat', ship: 'boat', vessel: 'boat', country: 'country', nation: 'country',
  subscriber: 'subscriber', customer: 'customer', user: 'user', company: 'company', firm: 'company',
  child: 'child', student: 'student', seat: 'seat', death: 'death', case: 'case', firefighter: 'firefighter',
  rescuer: 'firefighter', officer: 'employee', soldier: 'soldier', other: 'person', others: 'person',
  // a job is held by an employee: "4,500 jobs" and "4.500 lao động" are one fact in a story of lay-offs
  job: 'employee', position: 'employee',
  // a crowd: "40,000 fans" and "4 vạn khán giả" are one fact in a story of a match
  fan: 'spectator', supporter: 'spectator', spectator: 'spectator', viewer: 'spectator',
  // a player's matches: appearances, caps (matches for a national side), "trận", "مباراة"
  appearance: 'match', cap: 'match', game: 'match', match: 'match',
};
/** Counted nouns that are people in a given situation: "14 người chết" is 14 people, about death. */
export const IMPLIED_CONCEPTS: Record<string, string> = {
  death: 'death', dead: 'death', victim: 'death', fatality: 'death', injured: 'injury', casualty: 'injury',
  evacuee: 'evacuation', refugee: 'evacuation', firefighter: 'firefighting',
};
/** Concepts that stand for people in general and may match a more specific kind of person. */
export const GENERIC_UNITS = new Set(['person']);
export const PERSON_FAMILY = new Set(['person', 'resident', 'employee', 'passenger', 'fisherman', 'child', 'student', 'subscriber',
  'customer', 'user', 'firefighter', 'soldier']);
/** Names too common to tie two articles to one story on their own (countries, capitals). */
export const GENERIC_NAMES = new Set(['vietnam', 'china', 'united states', 'egypt', 'saudi arabia', 'united arab emirates',
  'japan', 'south korea', 'india', 'london', 'paris', 'beijing', 'washington', 'cairo', 'riyadh', 'doha', 'dubai',
  'abu dhabi', 'hanoi', 'ho chi minh city', 'kenya', 'nairobi', 'east africa', 'europe', 'asia', 'africa', 'gulf',
  'vietnamese', 'american', 'chinese', 'british', 'arab', 'ha noi', 'tp hcm', 'tp.hcm', 'ho chi minh', 'sai gon', 'da nang',
  'viet nam', 'hcm']);
/** Units too common to tie two claims together without words saying what they count. */
export const WEAK_UNITS = new Set(['', 'person', 'employee', 'year', 'month', 'week', 'day', 'hour', 'minute', 'second', '%', 'USD']);

/**
 * What a number is about, from the words near it in its sentence, in the three languages.
 * Keys are concepts; each phrase is matched on the normalized sentence (lower case, Arabic
 * letters folded; clitics are matched as part of the word start).
 */
export const PREDICATES: Record<string, readonly string[]> = {
  death: ['killed', 'killing', 'kill', 'dead', 'died', 'death', 'deaths', 'fatalities', 'death toll', 'toll', 'lives',
    'victims', 'ضحايا', 'حصيلة', 'نحبهم', 'thương vong', 'nạn nhân',
    'chết', 'tử vong', 'thiệt mạng', 'tử nạn', 'قتل', 'قتلى', 'مقتل', 'وفاة', 'وفيات', 'حتفهم', 'مصرع', 'قتيل'],
  injury: ['injured', 'injuring', 'injure', 'wounded', 'wounding', 'hurt', 'injuries', 'أصيب', 'أصيبوا', 'اصيب', 'bị thương', 'جرحى', 'جريح', 'مصاب', 'إصابة', 'إصابات'],
  missing: ['missing', 'unaccounted', 'mất tích', 'مفقود', 'مفقودين', 'المفقودين', 'فقد'],
  evacuation: ['evacuate', 'evacuated', 'evacuation', 'evacuees', 'displaced', 'fled', 'sơ tán', 'di dời', 'إجلاء',
    'أجلي', 'نزوح', 'نازح', 'نازحين'],
  power: ['power', 'electricity', 'blackout', 'outage', 'mất điện', 'điện', 'الكهرباء', 'انقطاع'],
  damage: ['damaged', 'destroyed', 'roofs', 'hư hỏng', 'tốc mái', 'sập', 'تضرر', 'دمر', 'متضرر', 'تضررت'],
  wind: ['wind', 'winds', 'gusts', 'gió', 'الرياح', 'رياح'],
  rain: ['rain', 'rainfall', 'precipitation', 'mưa', 'lượng mưa', 'أمطار', 'الأمطار'],
  flood: ['flooded', 'inundated', 'submerged', 'ngập', 'غمرت', 'فيضان'],
  loss: ['losses', 'economic losses', 'damage', 'damages', 'thiệt hại', 'خسائر', 'أضرار', 'الأضرار'],
  fire: ['fire', 'fires', 'blaze', 'burned', 'burnt', 'burning', 'flames', 'cháy', 'đám cháy', 'vụ cháy', 'hỏa hoạn',
    'حريق', 'الحريق', 'النيران', 'اشتعل', 'احترق'],
  firefighting: ['firefighters', 'firefighter', 'fire crews', 'chữa cháy', 'cứu hỏa', 'إطفاء', 'الإطفاء', 'إطفائي', 'إطفائيا'],
  cost: ['cost', 'costs', 'costing', 'repairs', 'bill', 'chi phí', 'kinh phí', 'كلفة', 'تكلفة', 'تكاليف'],
  deal: ['buy', 'acquire', 'acquisition', 'deal', 'transaction', 'takeover', 'mua', 'thương vụ', 'شراء', 'صفقة',
    'مقابل', 'استحواذ'],
  stake: ['stake', 'hold', 'holds', 'own', 'owns', 'owned', 'ownership', 'cổ phần', 'phần vốn', 'vốn điều lệ', 'nắm', 'sở hữu',
    'حصة', 'حصه', 'تملك', 'يملك', 'ملكية'],
  contract: ['contract', 'awarded', 'tender', 'bid', 'hợp đồng', 'gói thầu', 'trúng thầu', 'عقد', 'مناقصة', 'أرست', 'ترسية'],
  wait: ['waited', 'waiting', 'wait', 'chờ', 'chờ đợi', 'đợi', 'انتظر', 'انتظار', 'ينتظرون'],
  revenue: ['revenue', 'revenues', 'sales', 'turnover', 'doanh thu', 'إيرادات', 'ايرادات', 'عائدات', 'مبيعات'],
  profit: ['profit', 'earnings', 'lợi nhuận', 'lãi', 'أرباح', 'ربح'],
  invest: ['invest', 'investment', 'investing', 'đầu tư', 'استثمار', 'يستثمر', 'ضخ'],
  share_price: ['shares', 'stock', 'share price', 'closed', 'cổ phiếu', 'سهم', 'أسهم', 'السهم', 'الإغلاق'],
  rise: ['rose', 'gained', 'increase', 'increased', 'higher', 'jumped', 'climbed', 'up', 'tăng', 'nâng', 'ارتفع',
    'صعد', 'زيادة', 'رفع', 'لرفع'],
  fall: ['fell', 'declined', 'lower', 'dropped', 'down', 'giảm', 'انخفض', 'تراجع', 'هبط'],
  weekly: ['a week', 'weekly', 'per week', 'each week', 'every week', 'mỗi tuần', 'hàng tuần', 'أسبوعيا', 'أسبوعيًا',
    'في الأسبوع'],
  forecast: ['expects', 'expected', 'plans', 'forecast', 'target', 'aims', 'kỳ vọng', 'dự kiến', 'dự báo', 'kế hoạch',
    'تتوقع', 'يتوقع', 'خطط', 'تستهدف', 'يستهدف'],
  first_year: ['first year', 'năm đầu tiên', 'السنة الأولى', 'العام الأول'],
  carried: ['carried', 'carrying', 'on board', 'chở', 'حملت', 'على متنها'],
  fare: ['fare', 'fares', 'tickets', 'ticket', 'giá vé', 'vé', 'أسعار التذاكر', 'التذاكر', 'تذاكر'],
  flight_time: ['flight time', 'flew', 'bay', 'استغرقت', 'استغرق'],
  capacity: ['seats', 'capacity', 'production capacity', 'ghế', 'công suất', 'مقعد', 'تتسع', 'الطاقة الإنتاجية', 'طاقة'],
  since: ['since', 'ago', 'kể từ', 'cách đây', 'منذ'],
  employ: ['employs', 'employ', 'employees', 'workforce', 'work', 'working', 'nhân viên', 'lao động', 'làm việc',
    'يعمل', 'يعملون', 'موظف'],
  subscribers: ['subscribers', 'customers', 'thuê bao', 'مشترك', 'مشتركين'],
  area: ['hectares', 'farmland', 'paddies', 'lúa', 'ha', 'هكتار'],
  homes: ['homes', 'houses', 'nhà', 'منزل', 'منازل'],
};

/**
 * Names as they appear across scripts, folded to one key (lower case). Latin names are found in
 * every language's text as they are; these add their Arabic and Vietnamese spellings.
 */
export const ENTITY_ALIASES: Record<string, readonly string[]> = {
  meta: ['ميتا'], google: ['غوغل', 'جوجل', 'قوقل'], openai: ['أوبن إيه آي', 'اوبن ايه اي'], microsoft: ['مايكروسوفت'],
  amazon: ['أمازون', 'امازون'], apple: ['آبل', 'أبل'], boeing: ['بوينغ', 'بوينج'], airbus: ['إيرباص', 'ايرباص'],
  dubai: ['دبي'], 'abu dhabi': ['أبوظبي', 'أبو ظبي'], hanoi: ['hà nội', 'هانوي'], 'ho chi minh city': ['tp.hcm', 'هو تشي منه'],
  vietnam: ['việt nam', 'فيتنام'], 'united arab emirates': ['uae', 'الإمارات', 'các tiểu vương quốc'], kenya: ['كينيا', 'الكينية'],
  nairobi: ['نيروبي'], 'east africa': ['شرق أفريقيا', 'شرق افريقيا'], 'new york times': ['نيويورك تايمز'],
  'scale ai': ['سكيل إيه آي', 'سكيل ايه اي'], nvidia: ['إنفيديا', 'انفيديا'], samsung: ['سامسونغ', 'سامسونج'],
  london: ['لندن', 'luân đôn'], paris: ['باريس'], beijing: ['بكين', 'bắc kinh'], washington: ['واشنطن'],
  cairo: ['القاهرة'], riyadh: ['الرياض'], doha: ['الدوحة'], 'saudi arabia': ['السعودية', 'ả rập xê út'],
  egypt: ['مصر', 'ai cập'], china: ['الصين', 'trung quốc'], 'united states': ['الولايات المتحدة', 'mỹ', 'hoa kỳ'],
  japan: ['اليابان', 'nhật bản'], 'south korea': ['كوريا الجنوبية', 'hàn quốc'], india: ['الهند', 'ấn độ'],
};

/**
 * Country names CLDR does not give in these forms (short names, demonyms as Arabic and
 * Vietnamese news write them), by ISO code; CLDR's own names are read from Intl.DisplayNames.
 */
export const PLACE_ALIASES: Record<string, readonly string[]> = {
  AE: ['UAE', 'U.A.E.', 'Emirati', 'Emirates', 'الإمارات', 'الامارات', 'الإماراتية', 'الإماراتي', 'إماراتية', 'Tiểu vương quốc Ả Rập Thống nhất'],
  SA: ['Saudi', 'السعودية', 'السعودي', 'Ả Rập Saudi', 'Ả Rập Xê Út'],
  VN: ['Vietnamese', 'الفيتنامية', 'الفيتنامي', 'فيتناميين', 'فيتناميا', 'VN'],
  KR: ['Korea', 'Korean', 'كوريا', 'الكورية', 'الكوري', 'Hàn'],
  US: ['U.S.', 'US', 'USA', 'American', 'أمريكا', 'الأمريكية', 'الأمريكي', 'Mỹ'],
  GB: ['UK', 'Britain', 'British', 'بريطانيا', 'البريطانية', 'Anh Quốc'],
  CN: ['Chinese', 'الصينية', 'الصيني', 'Trung Quốc'],
  JP: ['Japanese', 'اليابانية', 'الياباني'],
  IN: ['Indian', 'الهندية', 'الهندي', 'هنود'],
  EG: ['Egyptian', 'المصرية', 'المصري'],
  KE: ['Kenyan', 'الكينية', 'الكيني'],
};
