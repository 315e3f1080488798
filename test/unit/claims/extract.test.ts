import { describe, expect, it } from 'vitest';
import { extractClaims, parseNumeral } from '../../../shared/claims/index';
import type { ExtractedClaim, Language } from '../../../shared/schemas/claim';

type Expected = Partial<Pick<ExtractedClaim, 'kind' | 'value' | 'qualifier' | 'unit' | 'min' | 'max'>> & { text: string };

/** The claims of `input` as comparable rows: its text plus the fields the case names. */
function claimsOf(input: string, language?: Language): ExtractedClaim[] {
  return extractClaims(input, language ? { language } : {}).claims;
}

function expectClaims(input: string, expected: Expected[], language?: Language): void {
  const claims = claimsOf(input, language);
  const rows = claims.map((c) => {
    const e = expected.find((x) => x.text === c.text);
    if (!e) return { text: c.text };
    const row: Record<string, unknown> = { text: c.text };
    for (const key of Object.keys(e)) row[key] = c[key as keyof ExtractedClaim];
    return row;
  });
  expect(rows).toEqual(expected);
}

describe('numerals', () => {
  it.each([
    ['1,000.5', 'en', 1000.5],
    ['14.3', 'en', 14.3],
    ['1.000,5', 'vi', 1000.5],
    ['14,3', 'vi', 14.3],
    ['5.500', 'vi', 5500],
    ['101.112.656', 'vi', 101112656],
    ['1\u066c000\u066b5', 'ar', 1000.5],
    ['52\u066b5', 'ar', 52.5],
    ['2,450,000', 'ar', 2450000],
  ] as const)('reads %s in %s as %d', (raw, lang, value) => {
    expect(parseNumeral(raw, lang)).toBe(value);
  });

  it('reads Arabic-Indic and Extended Arabic-Indic digits', () => {
    const [a] = claimsOf('ارتفع الإنتاج بنسبة ١٢٫٥٪ هذا العام.');
    expect(a).toMatchObject({ kind: 'percent', value: 12.5 });
    const [b] = claimsOf('ارتفع الإنتاج بنسبة ۱۲٫۵٪ هذا العام.');
    expect(b).toMatchObject({ kind: 'percent', value: 12.5 });
  });
});

describe('English', () => {
  it('reads money with signs, scales and qualifiers', () => {
    expectClaims('The fund raised more than $3.5bn and spent up to £40m, against about €12 million last year.', [
      { text: 'more than $3.5bn', kind: 'money', value: 3.5e9, qualifier: 'more_than', unit: 'USD' },
      { text: 'up to £40m', kind: 'money', value: 4e7, qualifier: 'up_to', unit: 'GBP' },
      { text: 'about €12 million', kind: 'money', value: 1.2e7, qualifier: 'about', unit: 'EUR' },
    ]);
  });

  it('reads counts with their nouns as English singulars', () => {
    expectClaims('The bakery hired forty-two new bakers and opened 3 shops; some 1,200 customers came.', [
      { text: 'forty-two new bakers', kind: 'count', value: 42, unit: 'baker' },
      { text: '3 shops', kind: 'count', value: 3, unit: 'shop' },
      { text: 'some 1,200 customers', kind: 'count', value: 1200, qualifier: 'about', unit: 'customer' },
    ]);
  });

  it('reads ranges, ages, durations and dates', () => {
    expectClaims('The 63-year-old judge, who served for nearly two decades, expects between 30 and 45 appeals in 2027.', [
      { text: '63-year-old', kind: 'age', value: 63, unit: 'year' },
      { text: 'nearly two decades', kind: 'duration', value: 20, qualifier: 'about', unit: 'year' },
      { text: 'between 30 and 45 appeals', kind: 'count', value: 30, max: 45, qualifier: 'range', unit: 'appeal' },
      { text: '2027', kind: 'date', value: 2027, unit: 'year' },
    ]);
  });

  it('reads vague amounts with their bounds', () => {
    expectClaims('Dozens of ferries carried hundreds of thousands of travellers.', [
      { text: 'Dozens of ferries', qualifier: 'vague', value: null, min: 24, max: 99, unit: 'ferry' },
      { text: 'hundreds of thousands of travellers', qualifier: 'vague', min: 1e5, max: 1e6, unit: 'traveller' },
    ]);
  });

  it('keeps "over" as "during" before a duration', () => {
    expectClaims('The club may lose £90m over four years and has signed over 20 players.', [
      { text: '£90m', value: 9e7, qualifier: 'exact' },
      { text: 'four years', kind: 'duration', value: 4, qualifier: 'exact' },
      { text: 'over 20 players', qualifier: 'more_than', value: 20 },
    ]);
  });

  it('reports no times of day, phone numbers, model names, ranks, chrome or idioms', () => {
    const text =
      'Posted 09:45 | Comments (14)\nThe Vega X12 and the Model 3 ranked No. 4. Call 0800 123 456 or visit https://example.org/a/2024/55. ' +
      "It's a million miles from the 7pm show; we'd walk a thousand miles, one of us said.";
    expect(claimsOf(text, 'en')).toEqual([]);
  });

  it('reports nothing of a line that links to a story, in each language', () => {
    expect(claimsOf('The clinic treated 84 patients.\nRead more: Clinic treats 84 patients in a week', 'en').map((c) => c.text)).toEqual(['84 patients']);
    expect(claimsOf('عالجت العيادة 84 مريضاً.\nرابط الخبر بصحيفة المدينة: العيادة تعالج 84 مريضاً', 'ar').map((c) => c.text)).toEqual(['84 مريضاً']);
    expect(claimsOf('Bệnh viện tiếp nhận 84 bệnh nhân.\nXem thêm: 84 bệnh nhân nhập viện', 'vi').map((c) => c.text)).toEqual(['84 bệnh nhân']);
  });

  it('reads an appositive age after a name', () => {
    expectClaims('Mayor Lena Ortiz, 47, said the plan would take 18 months.', [
      { text: '47', kind: 'age', value: 47, unit: 'year' },
      { text: '18 months', kind: 'duration', value: 18, unit: 'month' },
    ]);
  });

  it('borrows the counted noun of an earlier number for a bare scaled one', () => {
    expectClaims('The port handled 2.4 million containers, up from 2.1 million.', [
      { text: '2.4 million containers', unit: 'container', value: 2.4e6 },
      { text: '2.1 million', unit: 'container', value: 2.1e6 },
    ]);
  });
});

describe('Arabic', () => {
  it('reads scale words, currencies and qualifiers with clitics', () => {
    expectClaims('خصصت البلدية أكثر من 3 مليارات درهم، وبنحو ٤٥٠ مليون دولار للطرق.', [
      { text: 'أكثر من 3 مليارات درهم', kind: 'money', value: 3e9, qualifier: 'more_than', unit: 'AED' },
      { text: 'وبنحو ٤٥٠ مليون دولار', kind: 'money', value: 4.5e8, qualifier: 'about', unit: 'USD' },
    ]);
  });

  it('reads number words, duals and half', () => {
    expectClaims('افتتحت الوزارة مدرستين وسبعة مختبرات خلال ثلاث سنوات ونصف.', [
      { text: 'مدرستين', kind: 'count', value: 2 },
      { text: 'وسبعة مختبرات', kind: 'count', value: 7 },
      { text: 'ثلاث سنوات ونصف', kind: 'duration', value: 3.5, unit: 'year' },
    ]);
  });

  it('reads dual scales and "at least" after the amount', () => {
    expectClaims('بلغت الخسائر مليوني دينار على الأقل.', [
      { text: 'مليوني دينار على الأقل', kind: 'money', value: 2e6, qualifier: 'at_least', unit: 'KWD' },
    ]);
  });

  it('reads percent words, ranges and dates', () => {
    expectClaims('تراجعت البطالة إلى ٦٫٨ في المائة عام ٢٠٢١، وتتراوح التوقعات بين 5 و7 بالمئة.', [
      { text: '٦٫٨ في المائة', kind: 'percent', value: 6.8, unit: '%' },
      { text: 'عام ٢٠٢١', kind: 'date', value: 2021 },
      { text: 'بين 5 و7 بالمئة', kind: 'percent', value: 5, max: 7, qualifier: 'range' },
    ]);
  });

  it('reads ages and vague amounts', () => {
    expectClaims('قال المهندس البالغ من العمر 52 عامًا إن آلاف الزوار وعشرات الملايين من الجنيهات تنتظر المدينة.', [
      { text: '52 عامًا', kind: 'age', value: 52, unit: 'year' },
      { text: 'آلاف الزوار', qualifier: 'vague', min: 1e3, max: 1e6 },
      { text: 'وعشرات الملايين من الجنيهات', kind: 'money', qualifier: 'vague', min: 1e7, max: 1e8, unit: 'EGP' },
    ]);
  });

  it('reports no weekdays, times, ranks, names with numbers or idioms', () => {
    const text = 'رياضة | 18:20 | تعليقات (9)\nيوم الخميس حلّ الفريق في المرتبة 12، وقال المدرب إنه فكّر ألف مرة قبل رؤية 2040 واختبار كوفيد-19.';
    expect(claimsOf(text)).toEqual([]);
  });
});

describe('Vietnamese', () => {
  it('reads scale words, currencies and qualifiers', () => {
    expectClaims('Công ty đạt doanh thu hơn 2,5 tỷ USD và lãi khoảng 480 tỷ đồng, thấp hơn dự kiến.', [
      { text: 'hơn 2,5 tỷ USD', kind: 'money', value: 2.5e9, qualifier: 'more_than', unit: 'USD' },
      { text: 'khoảng 480 tỷ đồng', kind: 'money', value: 4.8e11, qualifier: 'about', unit: 'VND' },
    ]);
  });

  it('reads counts, dates, ranges and ages', () => {
    expectClaims('Năm 2022, tỉnh có 3.400 hộ dân và từ 15 đến 20 tàu cá; ông Minh 61 tuổi.', [
      { text: 'Năm 2022', kind: 'date', value: 2022 },
      { text: '3.400 hộ dân', kind: 'count', value: 3400, unit: 'household' },
      { text: 'từ 15 đến 20 tàu cá', kind: 'count', value: 15, max: 20, qualifier: 'range' },
      { text: '61 tuổi', kind: 'age', value: 61, unit: 'year' },
    ]);
  });

  it('reads number words before a unit, and "năm" as a year unit', () => {
    expectClaims('Dự án kéo dài năm năm và cần hai nghìn người.', [
      { text: 'năm năm', kind: 'duration', value: 5, unit: 'year' },
      { text: 'hai nghìn người', kind: 'count', value: 2000, unit: 'person' },
    ]);
  });

  it('reads vague amounts and compound durations', () => {
    expectClaims('Hàng chục nghìn khán giả chờ khoảng 2 giờ 15 phút.', [
      { text: 'Hàng chục nghìn khán giả', qualifier: 'vague', min: 1e4, max: 1e5 },
      { text: 'khoảng 2 giờ 15 phút', kind: 'duration', value: 2.25, qualifier: 'about', unit: 'hour' },
    ]);
  });

  it('reports no day/month dates, clock windows, labels or idioms', () => {
    const text = 'Giao thông | 08:15 | 4 bình luận\nNgày 12/5, đường số 9 và Quận 3 cấm xe từ 7 giờ đến 9 giờ; Thứ Hai dân vẫn ba chân bốn cẳng. Gọi 1900 1234.';
    expect(claimsOf(text)).toEqual([]);
  });
});

describe('language detection', () => {
  it.each([
    ['The council approved the budget on Monday.', 'en'],
    ['Hội đồng đã thông qua ngân sách vào thứ Hai.', 'vi'],
    ['وافق المجلس على الميزانية يوم الاثنين.', 'ar'],
    ['12,5 %', 'en'],
  ] as const)('detects %s as %s', (text, lang) => {
    expect(extractClaims(text).language).toBe(lang);
  });
});

describe('offsets', () => {
  it('indexes the exact input even with diacritics, tatweel, bidi marks and decomposed letters', () => {
    const inputs = [
      '\u200fقال إن أكثـــر من ٤٥ باحثًا انضموا.',
      'Khoa\u0309ng 30 phu\u0301t sau, ho\u031bn 200 ngu\u031bo\u031b\u0300i đến.',
      'Ｏver\u00a0$5\u202fmillion, ninety\u2011nine people.',
    ];
    for (const input of inputs) {
      const { claims } = extractClaims(input);
      expect(claims.length).toBeGreaterThan(0);
      for (const c of claims) {
        expect(c.text).toBe(input.slice(c.start, c.end));
        expect(c.sentence.start).toBeLessThanOrEqual(c.start);
        expect(c.sentence.end).toBeGreaterThanOrEqual(c.end);
      }
    }
  });
});
