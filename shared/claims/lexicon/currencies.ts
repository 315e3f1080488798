/** Currency signs, codes and the countries that resolve a currency name shared by several. */
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
/**
 * Currency names shared by several countries, resolved from the countries the article names
 * most (normalized spellings, Arabic, English and Vietnamese); the first entry is the default.
 */
export const CURRENCY_CONTEXT_WORDS: Record<string, [string[], string][]> = {
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
