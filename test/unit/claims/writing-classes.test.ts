import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/index';
import type { ExtractedClaim, Language } from '../../../shared/schemas/claim';

/**
 * Classes of writing found in journalists' text, each with sentences of our own: a rule or a
 * lexicon entry per class, never per article.
 */
type Row = [string, ExtractedClaim['kind'], number | null, ExtractedClaim['qualifier'], string];

function rows(text: string, language?: Language): Row[] {
  return extractClaims(text, language ? { language } : {}).claims.map((c) => [c.text, c.kind, c.value, c.qualifier, c.unit]);
}

describe('Arabic digits and spellings', () => {
  it('reads the Arabic comma between thousands, and not in a list', () => {
    expect(rows('حذفت الشركة 48،000 ملف، ووزعت 5،6 كتب.')).toEqual([['48،000 ملف', 'count', 48000, 'exact', 'ملف'], ['6 كتب', 'count', 6, 'exact', 'كتب']]);
  });

  it('reads the spelling ترليون', () => {
    expect(rows('بلغ الدين 17 ترليون دولار.')).toEqual([['17 ترليون دولار', 'money', 17e12, 'exact', 'USD']]);
  });

  it('reads a time noun followed by "one"', () => {
    expect(rows('انتظر ثانية واحدة فقط.')).toEqual([['ثانية واحدة', 'duration', 1, 'exact', 'second']]);
  });

  it('reads a number in quotes before its noun, a definite teen after "for the", and each year of "من ... حتى ..."', () => {
    expect(rows('نظمت الهيئة "640" فعالية و«38» فعالية أخرى.').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['"640" فعالية', 640, 'event'],
      ['«38» فعالية', 38, 'event'],
    ]);
    expect(rows('خطة للثلاثة عشر عاماً القادمة.').map((r) => [r[1], r[2], r[4]])).toEqual([['duration', 13, 'year']]);
    expect(rows('وضعت الخطة للفترة من 2016 حتى 2030.').map((r) => [r[1], r[2], r[3]])).toEqual([['date', 2016, 'exact'], ['date', 2030, 'exact']]);
  });

  it('reads no ten of a compound ordinal, no share in a quarter of a fiscal year, and each year after "عامي"', () => {
    expect(rows('تُوّج باللقب للمرة الحادية عشرة.')).toEqual([]);
    expect(rows('بلغت الأرباح 12 مليون دولار في نفس الربع للعام المالي الماضي.').map((r) => r[1])).toEqual(['money']);
    expect(rows('فاز باللقب عامي 2009 (بفوزه على روما) و2011 (على مانشستر).').map((r) => [r[1], r[2]])).toEqual([['date', 2009], ['date', 2011]]);
  });

  it('reads no claim in days named by a list of definite numbers, a day of a month, or a dual that points back', () => {
    expect(rows('شهدت الأيام الـ4 والـ9 والـ21 ضبط 12 متهما، آخرها في اليوم الـ22 من رمضان، وفي اليومين الثاني والـ7 وهذين اليومين.').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['12 متهما', 12, 'suspect'],
    ]);
    expect(rows('خلال الأيام الستة والـ12 لم يُضبط أحد، واستمر البحث يومين.').map((r) => [r[1], r[2]])).toEqual([['duration', 2]]);
  });

  it('reads no span of two minutes where a dual names the minutes of a match, and no score written with a slash', () => {
    expect(rows('سجل اللاعب في الدقيقتين 12 و77 من اللقاء، وفاز الفريق 3 / 1.')).toEqual([]);
    expect(rows('استمر الاجتماع ساعتين.').map((r) => [r[1], r[2]])).toEqual([['duration', 2]]);
  });

  it('reads a number in brackets before its noun, as wire copy writes it, and no counter in brackets', () => {
    expect(rows('خصصت الوزارة ( 120 ) دائرة انتخابية و(9) مجالس بلدية لمدة ( 14 ) يوماً.')).toEqual([
      ['( 120 ) دائرة انتخابية', 'count', 120, 'exact', 'district'],
      ['(9) مجالس بلدية', 'count', 9, 'exact', 'council'],
      ['( 14 ) يوماً', 'duration', 14, 'exact', 'day'],
    ]);
    expect(rows('Comments (3) and likes (12) below.', 'en')).toEqual([]);
  });

  it('reads the Gregorian year of a dual date, and neither the Hijri day nor the Hijri year', () => {
    expect(rows('جدة 3 رمضان 1437 هـ الموافق 8 يونيو 2016 م')).toEqual([['2016 م', 'date', 2016, 'exact', 'year']]);
    expect(rows('يفتح الباب في 5 / 9 / 1437هـ الموافق 10 / 6 / 2016م.')).toEqual([['2016م', 'date', 2016, 'exact', 'year']]);
    expect(rows('تأسس المصنع عام 1998م.')).toEqual([['عام 1998م', 'date', 1998, 'exact', 'year']]);
  });

  it('reads the year named after "last" or "this", and no span of one day before a weekday', () => {
    expect(rows('ارتفعت الأرباح مقارنة بالعام الماضي 2019.')).toEqual([['2019', 'date', 2019, 'exact', 'year']]);
    expect(rows('يبدأ التسجيل ابتداء من يوم الأحد المقبل.')).toEqual([]);
    expect(rows('استمر البحث أكثر من يوم.').map((r) => [r[1], r[2], r[3]])).toEqual([['duration', 1, 'more_than']]);
  });
});

describe('numbers that are names, times and positions', () => {
  it('passes over aircraft and phone model names, in Arabic and English', () => {
    expect(rows('فحصت الهيئة طائرات إيرباص 320 وطائرات 787 ماكس 9 التابعة للشركة.')).toEqual([]);
    expect(rows('The carrier grounded its Boeing 757 jets and ordered ten Aerolite 400 Max units.', 'en')).toEqual([]);
  });

  it('passes over times of day written with a comma', () => {
    expect(rows('أقلعت الطائرة الساعة 7,45 صباحا (04,45 ت غ) من المطار.')).toEqual([]);
  });

  it('passes over match minutes and the goal frame', () => {
    expect(rows('سجل المهاجم في الدقيقة 58 بعدما ارتطمت الكرة بالخشبات الثلاث.')).toEqual([]);
  });

  it('reads a Maghreb month name before a year as a date', () => {
    expect(rows('انطلقت الأشغال في شتنبر 2021 بالمدينة.')).toEqual([['2021', 'date', 2021, 'exact', 'year']]);
  });
});

describe('years and dates', () => {
  it('reads a year used as a modifier after a determiner', () => {
    expect(rows('Critics recalled the 2014 flood and the mayor\'s 1998 budget.', 'en')).toEqual([
      ['2014', 'date', 2014, 'exact', 'year'],
      ['1998', 'date', 1998, 'exact', 'year'],
    ]);
    expect(rows('The Orbit 2077 game sold well.', 'en')).toEqual([]);
  });

  it('reads a year glued to a date word by a hyphen, and no code', () => {
    expect(rows('Deliveries start in mid-2027, after GPT-4 and the F-35.', 'en')).toEqual([['2027', 'date', 2027, 'exact', 'year']]);
  });

  it('reads each year of a span of years as a date of its own (the start and the end are two facts)', () => {
    expect(rows('He led the club between 2011 and 2014, and the firm from 2016 to 2018.', 'en').map((r) => [r[2], r[3]])).toEqual([
      [2011, 'exact'], [2014, 'exact'], [2016, 'exact'], [2018, 'exact'],
    ]);
    expect(extractClaims('درّب المنتخب بين عامي 2011 و2014.').claims.map((c) => c.value)).toEqual([2011, 2014]);
  });

  it('reads every year of a list of years', () => {
    expect(rows('فاز النادي باللقب 1987 و2001 و2016.').map((r) => r[2])).toEqual([1987, 2001, 2016]);
  });

  it('reads the year of a full date and of a month with its year', () => {
    expect(rows('Khánh thành ngày 12/9/2016, khởi công tháng 3-2014.')).toEqual([
      ['12/9/2016', 'date', 2016, 'exact', 'year'],
      ['3-2014', 'date', 2014, 'exact', 'year'],
    ]);
    expect(rows('The vote is on Feb. 9, 2027 in the hall.', 'en')).toEqual([['2027', 'date', 2027, 'exact', 'year']]);
  });

  it('reads a year written alone, where English would write a count with a comma', () => {
    expect(rows('Pundits claimed Lowry lost 2018 mayoral race.', 'en')).toEqual([['2018', 'date', 2018, 'exact', 'year']]);
    expect(rows('2011 appeals court ruling did not say so.', 'en')).toEqual([['2011', 'date', 2011, 'exact', 'year']]);
    expect(rows('The ferry will stop sailing come 2031.', 'en')).toEqual([['2031', 'date', 2031, 'exact', 'year']]);
    expect(rows('Villagers remember the 1783 eruption and the April 2022 Oakvale floods.', 'en')).toEqual([
      ['1783', 'date', 1783, 'exact', 'year'],
      ['2022', 'date', 2022, 'exact', 'year'],
    ]);
    // names with a year, clock times, decades, bare numbers and helplines are no years
    expect(rows('Fans of Tempest 2024 met at 1400 GMT; she scored 1500 on the test.', 'en')).toEqual([]);
    expect(rows('Residents can call the 1077 flood helpline.', 'en')).toEqual([]);
    expect(rows('In the 1980s sales fell.', 'en').map((r) => r[1])).toEqual(['date']);
    // a qualifier makes it an amount
    expect(rows('The strike drew more than 1800 workers and about 1950.', 'en').map((r) => r[1])).toEqual(['count', 'count']);
  });
});

describe('signs around the amount', () => {
  it('reads a currency sign after the amount or between it and its scale', () => {
    expect(rows('دفعت الشركة 85 $ للسهم، و2.4 $ مليار للتوسعة.').map((r) => [r[1], r[2], r[4]])).toEqual([
      ['money', 85, 'USD'],
      ['money', 2.4e9, 'USD'],
    ]);
  });

  it('reads a plus sign before a percent, and no telephone prefix', () => {
    expect(rows('Giá tăng +3,25% so với tháng trước; gọi +84 912 000 111.')).toEqual([['3,25%', 'percent', 3.25, 'exact', '%']]);
  });

  it('reads long plain numbers before an Arabic noun as counts', () => {
    expect(rows('أرسلت الوزارة 24500 رسالة إلى المواطنين.')).toEqual([['24500 رسالة', 'count', 24500, 'exact', 'e-mail']]);
  });
});

describe('Vietnamese measures, shares and levels', () => {
  it('reads two amounts of one unit written with a slash', () => {
    expect(rows('Lưu lượng về hồ đạt 2.150/1.900 m3/s.').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['2.150', 2150, 'm3/s'],
      ['1.900 m3/s', 1900, 'm3/s'],
    ]);
  });

  it('reads a fraction after a word of shares as a percent, and a day/month as no claim', () => {
    expect(rows('Số ca mắc chiếm tới 1/4 cả nước. Ngày 1/4 trường khai giảng.').map((r) => [r[0], r[1], r[2]])).toEqual([['1/4', 'percent', 25]]);
    expect(rows('Almost 3/4 of the members agreed.', 'en')).toEqual([['Almost 3/4', 'percent', 75, 'about', '%']]);
  });

  it('reads a wind level', () => {
    expect(rows('Gió mạnh cấp 11, giật cấp 13. Học sinh lớp 9 nghỉ học.').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['cấp 11', 11, 'beaufort'],
      ['cấp 13', 13, 'beaufort'],
    ]);
    expect(rows('Gió đông bắc cấp 5, giật cấp 6-7.').map((r) => [r[0], r[2], r[3]])).toEqual([['cấp 5', 5, 'exact'], ['cấp 6-7', 6, 'range']]);
  });

  it('reads temperatures with the degree sign typed as a letter o', () => {
    expect(rows('Nhiệt độ thấp nhất 12-15oC, vùng núi có nơi dưới 9oC, trưa 21 - 24oC.').map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['12-15oC', 12, 'range', 'degree_celsius'],
      ['dưới 9oC', 9, 'less_than', 'degree_celsius'],
      ['21 - 24oC', 21, 'range', 'degree_celsius'],
    ]);
  });

  it('reads a span of years and months in twelfths, its months written in words too', () => {
    expect(rows('Thời gian thu phí giảm từ 15 năm một tháng xuống 11 năm 9 tháng.').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['15 năm một tháng', 15 + 1 / 12, 'exact'],
      ['11 năm 9 tháng', 11.75, 'exact'],
    ]);
  });

  it('reads the buying and selling price of one rate as two prices, and a dashed span of amounts as a range', () => {
    expect(rows('Vàng SJC niêm yết 36,20 - 36,90 triệu đồng/lượng (mua vào - bán ra).').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['36,20', 36.2e6, 'exact'],
      ['36,90 triệu đồng', 36.9e6, 'exact'],
    ]);
    expect(rows('Giá xe từ 420 - 510 triệu đồng.').map((r) => [r[2], r[3]])).toEqual([[420e6, 'range']]);
    expect(rows('USD tự do có giá mua vào 23.100 đồng/USD.').map((r) => [r[0], r[2]])).toEqual([['23.100 đồng', 23100]]);
  });

  it('reads no claim in batch labels and lane numbers, and counts entities', () => {
    expect(rows('Công bố đợt 3 danh sách 12 đơn vị nợ thuế tại ngõ 45.').map((r) => [r[0], r[2], r[4]])).toEqual([['12 đơn vị', 12, 'entity']]);
  });

  it('reads no claim in road names, lunar days and days written with a dot, and the year after SN (born in)', () => {
    expect(rows('Đoạn quốc lộ 14 qua tỉnh; trộm vào mùng 3 tết, ngày 29 tháng Chạp và sáng 26.1.')).toEqual([]);
    expect(rows('Nghi phạm Trần Văn B (SN 1985) bị bắt.')).toEqual([['SN 1985', 'date', 1985, 'exact', 'year']]);
  });

  it('reads no span of hours and minutes that is a time of day, and the year after "this year" or a quarter', () => {
    expect(rows('Vụ việc xảy ra khoảng 9 giờ 15 phút sáng 3-2; đến 14 giờ 20 phút ngày 3-2, sau gần 5 giờ tìm kiếm, tàu rời bến lúc 11 giờ 40 phút.').map((r) => [r[0], r[2]])).toEqual([
      ['gần 5 giờ', 5],
    ]);
    expect(rows('Năm nay 2018, dự án khởi công trong quý 2-2018.').map((r) => [r[1], r[2]])).toEqual([['date', 2018], ['date', 2018]]);
    expect(rows('Lỗi xảy ra trên một số xe ở giai đoạn 2.')).toEqual([]);
  });

  it('reads a month and year with a dot, no count of pieces per kilogram, and no five in "năm 2016"', () => {
    expect(rows('Giá tháng 3.2017 cao hơn tháng 11.2016; tôm cỡ 40 con/kg bán 180.000 đồng; vụ 2 nhanh hơn năm 2016.').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['3.2017', 'date', 2017],
      ['11.2016', 'date', 2016],
      ['180.000 đồng', 'money', 180000],
      ['năm 2016', 'date', 2016],
    ]);
  });

  it('reads the rest of the thousands after "and", an Arabic spaced-dash range with its unit, and a scaled value without float noise', () => {
    expect(rows('بيعت 14 ألفا و275 سيارة، وتتوقع الشركة 60 - 65 ألف سيارة.').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['14 ألفا و275 سيارة', 14275, 'exact'],
      ['60 - 65 ألف سيارة', 60000, 'range'],
    ]);
    expect(rows('فاز الفريق 2 - 1.')).toEqual([]);
    expect(rows('Lỗ lũy kế 2,035 tỷ đồng.').map((r) => r[2])).toEqual([2.035e9]);
  });

  it('reads no count of the two teams of a match or the two countries of a bilateral story', () => {
    expect(rows('Trận đấu giữa hai đội rất căng; giải có 16 đội, hơn 2 đội bị loại; quan hệ giữa 2 nước tốt.').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['16 đội', 16, 'exact'],
      ['hơn 2 đội', 2, 'more_than'],
    ]);
  });

  it('reads no count of a few things already named ("2 mệnh giá này", "nói trên")', () => {
    expect(rows('Ngân hàng thu hồi 2 mệnh giá này và 3 dự án nói trên, rồi phát hành 4 mệnh giá mới.').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['4 mệnh giá', 4, 'denomination'],
    ]);
  });

  it('reads half after a qualifier as a share', () => {
    expect(rows('Doanh số giảm quá nửa; hơn một nửa số hộ bị ảnh hưởng; gần nửa triệu người đi bầu.').map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['quá nửa', 'percent', 50, 'more_than'],
      ['hơn một nửa', 'percent', 50, 'more_than'],
      ['gần nửa triệu người', 'count', 500000, 'about'],
    ]);
  });

  it('reads no capitalized month or year that labels the next cell of a table as a unit', () => {
    expect(rows('Lượng (chiếc) Giá trị (USD)  Tháng 3/2016 8.000 150.000.000  Tháng 4/2016 9.500 171.000.000').map((r) => [r[0], r[1]])).toEqual([
      ['3/2016', 'date'], ['8.000', 'count'], ['150.000.000', 'count'], ['4/2016', 'date'], ['9.500', 'count'], ['171.000.000', 'count'],
    ]);
  });

  it('reads a counted noun after a place name, and not a plant named with a number', () => {
    expect(rows('Miền Trung có 12 hồ đang xả lũ; nhà máy Sông Lam 3 vận hành.').map((r) => [r[0], r[2], r[4]])).toEqual([['12 hồ', 12, 'reservoir']]);
  });

  it('passes over a report title with its year', () => {
    expect(rows('Theo Báo cáo thường niên năm 2021, doanh thu tăng. Năm 2022 lãi lớn.').map((r) => r[0])).toEqual(['Năm 2022']);
  });
});

describe('negation and ranges', () => {
  it('reads a negated comparison as a bound', () => {
    expect(rows('Giá bán lẻ không cao hơn 21.500 đồng và không thấp hơn 20.000 đồng.').map((r) => r[3])).toEqual(['at_most', 'at_least']);
    expect(rows('Fees will be no higher than 4% and not lower than 2%.', 'en').map((r) => r[3])).toEqual(['at_most', 'at_least']);
  });

  it('keeps a range whose second end has a qualifier', () => {
    expect(rows('Giá tăng từ 600 đồng đến gần 900 đồng.').map((r) => [r[0], r[2], r[3]])).toEqual([['từ 600 đồng đến gần 900 đồng', 600, 'range']]);
  });

  it('makes no range of two amounts of different kinds', () => {
    expect(rows('ارتفع السهم بأكثر من 12% من 40 دولارا إلى 45 دولارا.').map((r) => [r[1], r[3]])).toEqual([
      ['percent', 'more_than'],
      ['money', 'range'],
    ]);
  });

  it('reads a range written with a spaced dash, with its unit after the second end', () => {
    expect(rows('Giá bán từ 320 - 450 triệu đồng, tương đương khoảng 13.000 - 19.000 USD.').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['từ 320 - 450 triệu đồng', 320e6, 'range'],
      ['13.000 - 19.000 USD', 13000, 'range'],
    ]);
    expect(rows('تتراوح الرسوم من 40 - 60 ديناراً.').map((r) => [r[1], r[2], r[3]])).toEqual([['money', 40, 'range']]);
    expect(rows('Đội khách thắng 3 - 1.')).toEqual([]);
  });

  it('reads a hyphenated range before a counted noun of the lexicon', () => {
    expect(rows('Mỗi ngày có 1.200-1.400 bệnh nhân đến khám.').map((r) => [r[0], r[2], r[3], r[4]])).toEqual([['1.200-1.400 bệnh nhân', 1200, 'range', 'patient']]);
  });
});

describe('English headlines, compounds and ages', () => {
  it('reads numbers in a headline written in Title Case', () => {
    expect(rows('Mayor Says 40 Percent Of Harbor Jobs Vanished Within 24 Hours', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['40 Percent', 40, '%'],
      ['24 Hours', 24, 'hour'],
    ]);
  });

  it('reads a capitalized name between the number and its noun', () => {
    expect(rows('About 2,000 Navy sailors and 300 Red Cross volunteers came.', 'en').map((r) => [r[2], r[4]])).toEqual([
      [2000, 'sailor'],
      [300, 'volunteer'],
    ]);
  });

  it('reads counts of times, and no multiplier', () => {
    expect(rows('The pump failed 14 times; output grew 3 times faster.', 'en')).toEqual([['14 times', 'count', 14, 'exact', 'time']]);
  });

  it('reads two alternatives as a range', () => {
    expect(rows('Five or six boats sank, costing 3 or 4 million dollars.', 'en').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Five or six boats', 5, 'range'],
      ['3 or 4 million dollars', 3e6, 'range'],
    ]);
  });

  it('reads the torque and displacement of an engine, and the speeds of a gearbox', () => {
    expect(rows('Khối động cơ 2.0L cho mô-men xoắn 350 Nm, đi kèm hộp số 6 cấp.').map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['2.0L', 'measure', 2, 'litre'],
      ['350 Nm', 'measure', 350, 'newton_metre'],
      ['6 cấp', 'count', 6, 'level'],
    ]);
  });

  it('reads a magnitude written as a compound, and a rate compound after an amount', () => {
    expect(rows('A 5.7-magnitude quake shook the coast. Quake Of 6.1-Magnitude Hits Islands', 'en').map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['5.7-magnitude', 'measure', 5.7, 'magnitude'],
      ['6.1-Magnitude', 'measure', 6.1, 'magnitude'],
    ]);
    expect(rows('Động đất 4,9 độ richter xảy ra.').map((r) => [r[1], r[2], r[4]])).toEqual([['measure', 4.9, 'magnitude']]);
    expect(rows('Unions want a $17-an-hour floor and a €3-a-night levy.', 'en').map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['$17', 'money', 17, 'USD'],
      ['€3', 'money', 3, 'EUR'],
    ]);
  });

  it('reads the noun of a count past a comma between adjectives and in an acronym plural', () => {
    expect(rows('The board named 12 unpaid, unelected trustees and four Scottish MPs.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['12 unpaid, unelected trustees', 12, 'trustee'],
      ['four Scottish MPs', 4, 'mp'],
    ]);
  });

  it('reads degrees with no scale as a measure, and no measure in a figure of speech', () => {
    expect(rows('Crowds baked at 38 degrees; the mast tilted 12 degrees. It was a 180-degree turn.', 'en').map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['38 degrees', 'measure', 38, 'degree'],
      ['12 degrees', 'measure', 12, 'degree'],
    ]);
  });

  it('reads an age group written as a plural after a bound, and a bound after the age', () => {
    expect(rows('Turnout among the over 60s beat the under 30s; voters aged 21 or over.', 'en').map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['over 60s', 'age', 60, 'more_than'],
      ['under 30s', 'age', 30, 'less_than'],
      ['21 or over', 'age', 21, 'at_least'],
    ]);
  });

  it('reads a share with no "of" as polls are reported, and no share in half a billion or half the time', () => {
    expect(rows('Two thirds said yes. Nearly half those polled agreed, almost a quarter (24%) did not.', 'en').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Two thirds', 200 / 3, 'exact'],
      ['Nearly half', 50, 'about'],
      ['almost a quarter', 25, 'about'],
      ['24%', 24, 'exact'],
    ]);
    expect(rows('More than half a billion adults vote; half the time it rains; sales fell for three quarters in a row.', 'en').map((r) => [r[1], r[2]])).toEqual([
      ['count', 5e8],
      ['count', 3],
    ]);
  });

  it('reads a percent range from zero, and "near" as about', () => {
    expect(rows('Forecasts ranged 0-4% at a near 20-year low.', 'en').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['0-4%', 0, 'range'],
      ['near 20-year', 20, 'about'],
    ]);
  });

  it('reads a thousands group after a stray space, a year\'s possessive, and no range from a percent to a level', () => {
    expect(rows('Households earning less than $40, 000 beat 2011\'s total; sales rose 6% to 2.1 million.', 'en').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['less than $40, 000', 40000, 'less_than'],
      ['2011', 2011, 'exact'],
      ['6%', 6, 'exact'],
      ['2.1 million', 2.1e6, 'exact'],
    ]);
  });

  it('reads a qualifier glued by a hyphen between the number and its unit', () => {
    expect(rows('She coached for 30-plus years, led 60-odd players and cut costs 10-some percent.', 'en').map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['30-plus years', 'duration', 30, 'at_least', 'year'],
      ['60-odd players', 'count', 60, 'about', 'player'],
      ['10-some percent', 'percent', 10, 'about', '%'],
    ]);
  });

  it('reads zero before a unit or a noun, and not in a compound or a set phrase', () => {
    expect(rows('The firm posted zero percent growth and won zero contracts.', 'en').map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ['zero percent', 'percent', 0, '%'],
      ['zero contracts', 'count', 0, 'contract'],
    ]);
    expect(rows('It sells zero-emission buses under a zero tolerance rule near ground zero to reach net zero emissions.', 'en')).toEqual([]);
  });

  it('reads a range whose first end waits for the unit of the second ("200- to 300-seat")', () => {
    expect(rows('It flies 150- to 250-seat jets on five- to 8-hour routes.', 'en').map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['150- to 250-seat', 150, 'range', 'seat'],
      ['five- to 8-hour', 5, 'range', 'hour'],
    ]);
  });

  it('reads the counted noun of a hyphenated compound', () => {
    expect(rows('They filed a 412-page appeal for a 30-storey block.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['412-page', 412, 'page'],
      ['30-storey', 30, 'storey'],
    ]);
  });

  it('reads one of a span of time after "exactly"', () => {
    expect(rows('She won in exactly an hour.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([['exactly an hour', 1, 'hour']]);
  });

  it('reads one of a span of time after a word of duration', () => {
    expect(rows('The strike lasted a week and the feud went on for a decade.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['a week', 1, 'week'],
      ['a decade', 10, 'year'],
    ]);
  });

  it('reads an age reached after a verb of turning, and an age before a spaced dash', () => {
    expect(rows('She retires when she turns 67. He turned 40 last month. Poet Dead at 88 – Fans Mourn', 'en').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['67', 'age', 67],
      ['40', 'age', 40],
      ['88', 'age', 88],
    ]);
    expect(rows('The ship turned 30 degrees to port.', 'en').map((r) => r[1])).not.toContain('age');
  });

  it('reads an age after "age is", and after "to" a dozen words past the age noun', () => {
    expect(rows('The minimum age of 25 for a senator would be lowered to 21. The voting age is 16.', 'en').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['25', 'age', 25],
      ['21', 'age', 21],
      ['16', 'age', 16],
    ]);
    expect(rows('Sales fell to 18 after the age of expansion.', 'en')).toEqual([]);
  });

  it('reads ages written without "years"', () => {
    expect(rows("Orla Venn, at 44, won. She's 44. The poet died at 91. Entry from the age of 16.", 'en').map((r) => [r[0], r[1], r[2]])).toEqual([
      ['44', 'age', 44],
      ['44', 'age', 44],
      ['91', 'age', 91],
      ['16', 'age', 16],
    ]);
  });

  it('reads qualifiers after the amount and in a converted amount in brackets', () => {
    expect(rows('Open to those aged 70 and up; gusts of up to 90km/h (56mph).', 'en').map((r) => [r[0], r[3]])).toEqual([
      ['70 and up', 'at_least'],
      ['up to 90km/h', 'up_to'],
      ['56mph', 'up_to'],
    ]);
  });

  it('reads South Asian scales and currencies written before the amount', () => {
    expect(rows('The fund paid Rs 3 crore and KSh4,500 to 20 lakh farmers.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['Rs 3 crore', 3e7, 'INR'],
      ['KSh4,500', 4500, 'KES'],
      ['20 lakh farmers', 2e6, 'farmer'],
    ]);
  });

  it('reads an ISO code in capitals before the amount, and the Gulf dirham abbreviation', () => {
    expect(rows('Tickets cost AED 350 or SAR 1,400, and the hall rents for Dhs 9,000 a night.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['AED 350', 350, 'AED'],
      ['SAR 1,400', 1400, 'SAR'],
      ['Dhs 9,000', 9000, 'AED'],
    ]);
    expect(rows('The port will cost Dh3.1 billion, and each stall Dh75,000.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['Dh3.1 billion', 3.1e9, 'AED'],
      ['Dh75,000', 75000, 'AED'],
    ]);
    expect(rows('Giá thuê là VND 250.000 mỗi ngày.', 'vi').map((r) => [r[0], r[2], r[4]])).toEqual([['VND 250.000', 250000, 'VND']]);
    // a code glued to digits is a product or a grade, not money
    expect(rows('The lab tested the AED500 unit.', 'en')).toEqual([]);
  });

  it('makes no count of a known pair', () => {
    expect(rows('The two finalists met again.', 'en')).toEqual([]);
  });
});

describe('Arabic counts of one, partitives and halves', () => {
  it('reads a counted noun followed by "one"', () => {
    expect(rows('حصل الفريق على نقطة واحدة وخسر مباراتين.').map((r) => [r[0], r[2], r[4]])[0]).toEqual(['نقطة واحدة', 1, 'point']);
  });

  it('reads both numbers of "X of Y seats"', () => {
    expect(rows('يتنافس الحزبان على 12 من أربعين مقعدا.').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['12', 12, 'seat'],
      ['أربعين مقعدا', 40, 'seat'],
    ]);
  });

  it('reads half a span of time in the three languages', () => {
    expect(rows('استمر الحكم نصف قرن.').map((r) => [r[1], r[2], r[4]])).toEqual([['duration', 50, 'year']]);
    expect(rows('The talks took half an hour.', 'en').map((r) => [r[1], r[2], r[4]])).toEqual([['duration', 0.5, 'hour']]);
    expect(rows('Ngôi chùa đã tồn tại nửa thế kỷ.').map((r) => [r[1], r[2], r[4]])).toEqual([['duration', 50, 'year']]);
  });

  it('keeps a money conversion in brackets exact and a measure conversion qualified', () => {
    expect(rows('It made more than $2bn (£1.5bn) with winds of up to 80km/h (50mph).', 'en').map((r) => [r[0], r[3]])).toEqual([
      ['more than $2bn', 'more_than'],
      ['£1.5bn', 'exact'],
      ['up to 80km/h', 'up_to'],
      ['50mph', 'up_to'],
    ]);
  });
});

describe('English counts in real claims', () => {
  it('reads the noun of the whole in "X out of Y" and "X of Name\'s"', () => {
    expect(rows('As many as 41 out of 50 ponds dried up; 12 of Lena\'s novels sold.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['As many as 41', 41, 'pond'],
      ['50 ponds', 50, 'pond'],
      ['12 of Lena\'s novels', 12, 'novel'],
    ]);
  });

  it('reads a verb of deaths or injuries after the number, past an auxiliary', () => {
    expect(rows('At least 87 died and 300 were hurt.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([['At least 87 died', 87, 'death'], ['300', 300, 'injured']]);
  });

  it('reads Indian digit grouping, a compound with a word number, and a scaled amount in brackets', () => {
    expect(rows('He won ₹ 12,34,56,789 in a two-storey hall; the staff (2.5 million) stayed.', 'en').map((r) => [r[2], r[4]])).toEqual([
      [123456789, 'INR'],
      [2, 'storey'],
      [2.5e6, 'INR'], // a bare scaled amount borrows the unit of the sentence's earlier claim
    ]);
  });

  it('reads a measure after a label word, and a long count before its noun', () => {
    expect(rows('They paved a highway 640 km long for 18000 settlers.', 'en').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['640 km', 640, 'km'],
      ['18000 settlers', 18000, 'settler'],
    ]);
  });

  it('reads a hyphenated range of grouped numbers before a plural', () => {
    expect(rows('Officials said 20,000-40,000 Canadians moved.', 'en').map((r) => [r[2], r[3]])).toEqual([[20000, 'range']]);
    expect(rows('The 737-800 jets landed.', 'en')).toEqual([]);
  });
});

describe('counts that agree across languages', () => {
  it('reads Arabic thousands written without separators, as English writes them with', () => {
    expect(rows('كان لدي 20000 و 30000 شخص في الخطب.').map((r) => r[2])).toEqual([20000, 30000]);
    expect(rows('I had 20,000 and 30,000 people at the rallies.', 'en').map((r) => r[2])).toEqual([20000, 30000]);
  });

  it('reads an Arabic range joined by "إلى" without an opening word, and no change', () => {
    expect(rows('سنهاجم في غضون أربعة إلى ستة أسابيع.').map((r) => [r[2], r[3], r[4]])).toEqual([[4, 'range', 'week']]);
  });

  it('names the common counted nouns of news in English, whatever the language', () => {
    const units = (text: string, language: Language) => rows(text, language).map((r) => r[4]);
    expect(units('وأخلت السلطات 6 قرى، وانهارت 14 بناية، واحتجزت 3 سفن و25 صحفيا، وأصيب 11 مزارعا.', 'ar'))
      .toEqual(['village', 'building', 'ship', 'journalist', 'farmer']);
    expect(units('Chính quyền sơ tán 6 làng, 14 tòa nhà bị sập, 25 nhà báo bị giữ và 11 nông dân bị thương.', 'vi'))
      .toEqual(['village', 'building', 'journalist', 'farmer']);
    expect(units('Officials evacuated 6 villages; 14 buildings collapsed, 25 journalists were held and 11 farmers were hurt.', 'en'))
      .toEqual(['village', 'building', 'journalist', 'farmer']);
  });

  it('counts the people an amount with no noun of its own says befell something', () => {
    const read = (text: string, language: Language) => rows(text, language).map((r) => [r[0], r[2], r[3], r[4]]);
    expect(read('وخلّف الحريق مقتل 4 وإصابة العشرات، ونزح المئات من بيوتهم.', 'ar')).toEqual([
      ['4', 4, 'exact', 'death'],
      ['العشرات', null, 'vague', 'injured'],
      ['المئات', null, 'vague', ''],
    ]);
    expect(read('Scores were injured in the stampede; 7 killed and 30 were hurt, and two have died since.', 'en').map((r) => r[3]))
      .toEqual(['death', 'injured', 'death']);
    expect(read('The landslide killed nine and injured 14.', 'en')).toEqual([['nine', 9, 'exact', 'death'], ['14', 14, 'exact', 'injured']]);
    // the amount a change reaches counts what its subject counts
    expect(read('The number of patients treated overnight has climbed to more than 80, officials said.', 'en'))
      .toEqual([['more than 80', 80, 'more_than', 'patient']]);
    expect(read('By Friday the toll had risen to 23.', 'en')).toEqual([['23', 23, 'exact', 'death']]);
  });

  it('makes no claim of two alternatives with nothing counted', () => {
    expect(rows('Whether it is 6 or 7, nobody knows.', 'en')).toEqual([]);
  });

  it('makes no count of small spelled numbers of abstract nouns, nor of rhetorical spans', () => {
    expect(rows("We have to do two things. Wait a minute. Senator Vance's two minutes are up.", 'en')).toEqual([]);
  });

  it('reads an age after "will be"', () => {
    expect(rows("In 12 years you'll be 71.", 'en').map((r) => [r[1], r[2]])).toEqual([['duration', 12], ['age', 71]]);
  });
});

describe('units from the context', () => {
  it('reads a vague amount after a verb of money in the currency of the text', () => {
    expect(rows('The firm paid $40m in fines. Its founder earned millions more.', 'en').map((r) => [r[0], r[1], r[4]])).toEqual([
      ['$40m', 'money', 'USD'],
      ['millions', 'money', 'USD'],
    ]);
  });

  it('gives a bare decimal the percent of its sentence', () => {
    expect(rows('تراجعت الصادرات ب 2,3 ٪ والواردات ب 0,8 فقط.').map((r) => [r[2], r[4]])).toEqual([[2.3, '%'], [0.8, '%']]);
  });

  it('reads a definite dual before an order adjective as a count, and not a known pair', () => {
    expect(rows('غاب المنتخب عن البطولتين الأخيرتين، وتنافس الحزبين.').map((r) => [r[0], r[2]])).toEqual([['البطولتين الأخيرتين', 2]]);
  });
});

describe('page furniture and agreement', () => {
  it('passes over the headline of a related story between paragraphs', () => {
    const text = 'The club won 12 titles.\nEight finals in three years - why the academy works\nIt signed 4 players.';
    expect(rows(text, 'en').map((r) => r[0])).toEqual(['12 titles', '4 players']);
  });

  it('reads a rank band after a list word and a count otherwise', () => {
    expect(rows('دخلت الجامعة قائمة أفضل 100 جامعة، وتأهل أفضل 3 فرق.').map((r) => [r[0], r[2]])).toEqual([['3 فرق', 3]]);
  });

  it('takes an unknown dual right after a dual count for its adjective', () => {
    expect(rows('فحصت الهيئة سفينتين من هذا النوع تابعتين للشركة.').map((r) => [r[0], r[2]])).toEqual([['سفينتين', 2]]);
  });

  it('bounds "thousands" in English from two to under ten thousand', () => {
    expect(extractClaims('Thousands of fans came.', { language: 'en' }).claims.map((c) => [c.min, c.max])).toEqual([[2000, 9999]]);
  });
});

describe('Arabic decimals and groups by the writing of the press', () => {
  it('reads a decimal written with the letter ر, the fraction stored first', () => {
    expect(rows('سجلت المجموعة أرباحا بلغت 45ر2 مليار دولار، ونما الإنتاج بنسبة 7ر4 في المائة.')).toEqual([
      ['45ر2 مليار دولار', 'money', 2.45e9, 'exact', 'USD'],
      ['7ر4 في المائة', 'percent', 4.7, 'exact', '%'],
    ]);
  });

  it('reads a dot before three digits as thousands before a counted noun, and in a text of decimal commas', () => {
    expect(rows('استطلعت الهيئة ٢.٤٣٥ شخصا في الربيع.')).toEqual([['٢.٤٣٥ شخصا', 'count', 2435, 'exact', 'person']]);
    expect(rows('بلغ عدد الزوار ٣,٤ مليون، وأنفق الزائر ٢.٥١٨ في المتوسط.').map((r) => r[2])).toEqual([3.4e6, 2518]);
    // with decimals written with a dot, "3.750" stays a decimal
    expect(rows('ارتفع السعر إلى 2.5 دولار ثم إلى 3.750 دولار.').map((r) => r[2])).toEqual([2.5, 3.75]);
  });

  it('reads a noun whose first letter is و, and nights counted', () => {
    expect(rows('وصل الزوار من ٤٢ وجهة وأمضى بعضهم ليلة واحدة.').map((r) => [r[0], r[2], r[4]])).toEqual([
      ['٤٢ وجهة', 42, 'destination'],
      ['ليلة واحدة', 1, 'night'],
    ]);
  });

  it('reads a scaled amount in words with no noun, borrowing the currency named later in the sentence', () => {
    expect(rows('خفضت الشركة إنفاقها خمسة مليارات أخرى في ميزانية 2019 إلى 40 مليار دولار.')).toEqual([
      ['خمسة مليارات', 'money', 5e9, 'exact', 'USD'],
      ['ميزانية 2019', 'date', 2019, 'exact', 'year'],
      ['40 مليار دولار', 'money', 4e10, 'exact', 'USD'],
    ]);
    expect(rows('They trimmed 2 billion more, to 12 billion dollars.', 'en').map((r) => [r[2], r[4]])).toEqual([[2e9, 'USD'], [12e9, 'USD']]);
  });

  it('makes no range of a year and a scaled amount', () => {
    expect(rows('رفع الصندوق مخصصات 2020 إلى 8 مليارات دولار.').map((r) => [r[2], r[3]])).toEqual([[8e9, 'exact']]);
  });
});

describe('fractions, spans of years, points and bands of ages', () => {
  it('reads a fraction in words as a share, and a part of a period or an hour as none', () => {
    expect(rows('A fifth of the farms closed and two-thirds of the growers lost money.', 'en').map((r) => [r[0], r[1], Math.round(r[2]!)])).toEqual([
      ['A fifth', 'percent', 20],
      ['two-thirds', 'percent', 67],
    ]);
    expect(rows('More than half of the members voted; Half of the staff left.', 'en').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['More than half', 50, 'more_than'],
      ['Half', 50, 'exact'],
    ]);
    expect(rows('It took a quarter of an hour, and the first half ended 1-0.', 'en')).toEqual([
      ['a quarter of an hour', 'duration', 0.25, 'exact', 'hour'],
    ]);
    expect(rows('هبطت الأسعار إلى النصف، وغادر نحو ثلث الموظفين.', 'ar').map((r) => [r[0], r[1], Math.round(r[2]!), r[3]])).toEqual([
      ['النصف', 'percent', 50, 'exact'],
      ['نحو ثلث', 'percent', 33, 'about'],
    ]);
    expect(rows('سجل الفريق هدفا في الشوط الأول وتأهل إلى ربع النهائي.', 'ar')).toEqual([]);
  });

  it('reads a fiscal or season year written as two years as one date from the first to the second', () => {
    const claims = extractClaims('Output in the 2015-16 season and the 1985/86 fiscal year rose.', { language: 'en' }).claims;
    expect(claims.map((c) => [c.text, c.kind, c.min, c.max, c.qualifier])).toEqual([
      ['2015-16', 'date', 2015, 2016, 'range'],
      ['1985/86', 'date', 1985, 1986, 'range'],
    ]);
  });

  it('reads mixed numbers and fractions of a point, and a change in percentage points apart from a percent', () => {
    expect(rows('The bond yield rose 7/8 point and the rate 6-1/2 pct, over 2 1/2 years.', 'en')).toEqual([
      ['7/8 point', 'measure', 0.875, 'exact', 'point'],
      ['6-1/2 pct', 'percent', 6.5, 'exact', '%'],
      ['2 1/2 years', 'duration', 2.5, 'exact', 'year'],
    ]);
    expect(rows('The central bank cut rates by 0.5 percentage points.', 'en')).toEqual([
      ['0.5 percentage points', 'measure', 0.5, 'exact', 'percentage_point'],
    ]);
    // a day and month written with a slash has no unit after it
    expect(rows('Sales fell on 7/8 and the 296 H-1B visas were granted.', 'en').map((r) => [r[0], r[2]])).toEqual([['296', 296]]);
  });

  it('reads a capital letter glued before a grouped or scaled amount as its currency, and not before a code', () => {
    expect(rows('Farmers earn R48,500 a year; the levy raised R3 billion and N12,400 went to fees.', 'en')).toEqual([
      ['R48,500', 'money', 48500, 'exact', 'ZAR'],
      ['R3 billion', 'money', 3e9, 'exact', 'ZAR'],
      ['N12,400', 'money', 12400, 'exact', 'NGN'],
    ]);
    expect(rows('Nurses wore N95 masks with P100 filters.', 'en')).toEqual([]);
  });

  it('reads the abbreviations of wire copy as currencies', () => {
    expect(rows('Sales rose 0.5 pct point to 12 mln dlrs, from 30 cts a share; 5 mln stg.', 'en').map((r) => [r[1], r[2], r[4]])).toEqual([
      ['measure', 0.5, 'percentage_point'],
      ['money', 12e6, 'USD'],
      ['money', 0.3, 'USD'],
      ['money', 5e6, 'GBP'],
    ]);
  });

  it('reads a hyphenated pair after an age word as a band of ages, in English and Vietnamese', () => {
    expect(rows('Adults in the age group of 25-34 and children aged 5-11 were surveyed.', 'en').map((r) => [r[0], r[1], r[3]])).toEqual([
      ['25-34', 'age', 'range'],
      ['5-11', 'age', 'range'],
    ]);
    expect(rows('Người lao động trong độ tuổi 25-34 chiếm đa số.', 'vi').map((r) => [r[0], r[1]])).toEqual([['25-34', 'age']]);
  });
});

describe('amounts in the middle of a change, shares and totals', () => {
  const read = (text: string, language: Language) => rows(text, language).map((r) => [r[0], r[2], r[3], r[4]]);

  it('reads a decimal with a scale as an amount, not a time of day', () => {
    expect(read('The fund grew to 2.4 trillion won from 1.45 trillion won; the doors open from 9.30.', 'en')).toEqual([
      ['2.4 trillion won', 2.4e12, 'exact', 'KRW'],
      ['1.45 trillion won', 1.45e12, 'exact', 'KRW'],
    ]);
  });

  it('reads "từ" after a change as where it started, not a starting price', () => {
    expect(read('Học phí tăng lên 3,2 triệu đồng từ 2,8 triệu đồng.', 'vi')).toEqual([
      ['3,2 triệu đồng', 3.2e6, 'exact', 'VND'],
      ['2,8 triệu đồng', 2.8e6, 'exact', 'VND'],
    ]);
    expect(read('Giá phòng từ 900.000 đồng.', 'vi')).toEqual([['từ 900.000 đồng', 900000, 'at_least', 'VND']]);
  });

  it('reads a share after a change and a qualifier, a holding written as a fraction, and an Arabic dual fraction', () => {
    expect(read('Turnout dropped to just over half.', 'en')).toEqual([['just over half', 50, 'more_than', '%']]);
    expect(read('She went back to a fifth-grade class.', 'en')).toEqual([]);
    expect(read('Quỹ nắm khoảng 1/4 vốn điều lệ.', 'vi')).toEqual([['khoảng 1/4', 25, 'about', '%']]);
    expect(read('ويملك المستثمرون الأجانب ثلثي الأسهم تقريبا.', 'ar').map((r) => [r[0], Math.round(r[1] as number), r[2], r[3]])).toEqual([['ثلثي الأسهم تقريبا', 67, 'about', '%']]);
  });

  it('reads a total ("tổng số") as an amount, and a number after an Arabic noun', () => {
    expect(read('Đã có 48 xã trên tổng số 52 xã hoàn thành.', 'vi').map((r) => r[1])).toEqual([48, 52]);
    expect(read('وأوقفت الهيئة موظفين اثنين عن العمل.', 'ar')).toEqual([['موظفين اثنين', 2, 'exact', 'employee']]);
  });

  it('reads an age changed to a number, and one after "passed away at"', () => {
    expect(read('The plan would lift the pension age to 67, while the voting age stays at 16.', 'en')).toEqual([
      ['67', 67, 'exact', 'year'],
      ['16', 16, 'exact', 'year'],
    ]);
    expect(read('The singer passed away at 81.', 'en').map((r) => r[1])).toEqual([81]);
    expect(read('Output rose to 67, from 60, in the age of automation.', 'en')).toEqual([]);
  });

  it('reads a share of a whole as a percent, not a count of the whole', () => {
    expect(read('One in four voters is undecided, and nearly 3 in 10 renters are behind.', 'en')).toEqual([
      ['One in four', 25, 'exact', '%'],
      ['nearly 3 in 10', 30, 'about', '%'],
    ]);
    expect(read('She scored 2 in 15 minutes, and sales rose 8 in 2021.', 'en').map((r) => r[3])).toEqual(['minute', 'year']);
  });

  it('reads pounds of weight, and pounds after a number as money', () => {
    expect(read('Customs seized 45 lbs of ivory and a 300-pound safe; the fine was 900 pounds.', 'en')).toEqual([
      ['45 lbs', 45, 'exact', 'lb'],
      ['300-pound', 300, 'exact', 'lb'],
      ['900 pounds', 900, 'exact', 'GBP'],
    ]);
  });

  it('reads energy spelled out, before the power it begins with', () => {
    expect(read('The battery stores 12 megawatt-hours on a 2.5-square-kilometre site.', 'en')).toEqual([
      ['12 megawatt-hours', 12, 'exact', 'MWh'],
      ['2.5-square-kilometre', 2.5, 'exact', 'km2'],
    ]);
    expect(read('تبلغ سعة المحطة 40 ميغاواط ساعة.', 'ar')).toEqual([['40 ميغاواط ساعة', 40, 'exact', 'MWh']]);
  });
});

describe('years before the nouns they date', () => {
  it('reads a year-shaped number before a counted noun as a year, and a qualified or grouped one as a count', () => {
    expect(rows('The clip does not show 2019 rallies in Lyon; organisers counted 1,950 marchers.', 'en')).toEqual([
      ['2019', 'date', 2019, 'exact', 'year'],
      ['1,950 marchers', 'count', 1950, 'exact', 'marcher'],
    ]);
    expect(rows('Almost 2000 volunteers helped after the 2024 floods.', 'en')).toEqual([
      ['Almost 2000 volunteers', 'count', 2000, 'about', 'volunteer'],
      ['2024', 'date', 2024, 'exact', 'year'],
    ]);
  });
});

describe('ages bounded by the words before them', () => {
  it('reads an age after "the age of" or "aged" and its qualifier, whatever verb follows the number', () => {
    expect(rows('Residents over the age of 70 pay no fare, and anyone under the age of 16 travels with an adult.', 'en')).toEqual([
      ['over the age of 70', 'age', 70, 'more_than', 'year'],
      ['under the age of 16', 'age', 16, 'less_than', 'year'],
    ]);
    expect(rows('Volunteers aged over 60 staffed the desk.', 'en')).toEqual([['over 60', 'age', 60, 'more_than', 'year']]);
  });

  it('reads "as young as" and "as old as" as bounds of an age, and an age after a life event followed by more', () => {
    expect(rows('Pupils as young as 11 joined the strike; marchers as old as 93 walked beside them.', 'en')).toEqual([
      ['as young as 11', 'age', 11, 'at_least', 'year'],
      ['as old as 93', 'age', 93, 'up_to', 'year'],
    ]);
    expect(rows('The painter died at 88 in her studio by the harbour.', 'en')).toEqual([['88', 'age', 88, 'exact', 'year']]);
    expect(rows('The ferry left at 6 in the morning with 40 passengers.', 'en')).toEqual([['40 passengers', 'count', 40, 'exact', 'passenger']]);
  });
});

describe('an Arabic word that is a fraction and a number', () => {
  it('reads "خمس" as a fifth when its noun stands in construct with what follows, and as five otherwise', () => {
    expect(rows('وخمس صادرات هذا المصنع تذهب إلى أوروبا.', 'ar')).toEqual([['وخمس صادرات', 'percent', 20, 'exact', '%']]);
    expect(rows('يعيش خمس سكان الجزيرة قرب الميناء.', 'ar')).toEqual([['خمس سكان', 'percent', 20, 'exact', '%']]);
    expect(rows('باع المعرض خمس سيارات الأسبوع الماضي.', 'ar')).toEqual([['خمس سيارات', 'count', 5, 'exact', 'car']]);
    expect(rows('صدّر المصنع خمس شحنات من هذا الطراز.', 'ar').map((r) => r.slice(1, 3))).toEqual([['count', 5]]);
  });
});

describe('counted nouns after hyphenated words, and parts of what was just counted', () => {
  it('reads the noun after a hyphenated modifier as one word', () => {
    expect(rows('The clinic logged 19 flood-related injuries and hired 40 part-time nurses.', 'en')).toEqual([
      ['19 flood-related injuries', 'count', 19, 'exact', 'injury'],
      ['40 part-time nurses', 'count', 40, 'exact', 'nurse'],
    ]);
  });

  it('reads "N of which", "N of them" as a count of what the sentence just counted, and nothing across sentences', () => {
    expect(rows('Inspectors opened 60 containers, eleven of which held ivory.', 'en')).toEqual([
      ['60 containers', 'count', 60, 'exact', 'container'],
      ['eleven of which', 'count', 11, 'exact', 'container'],
    ]);
    expect(rows('Thirty miners were trapped, four of them for two days.', 'en').slice(0, 2)).toEqual([
      ['Thirty miners', 'count', 30, 'exact', 'miner'],
      ['four of them', 'count', 4, 'exact', 'miner'],
    ]);
    expect(rows('The port took 60 containers. Eleven of them held ivory.', 'en')).toEqual([['60 containers', 'count', 60, 'exact', 'container']]);
  });
});

describe('Arabic thousands grouped by spaces', () => {
  it('reads groups in order and as typed right to left, and leaves a telephone number alone', () => {
    expect(rows('دفعت البلدية 250 000 دولار لإصلاح الجسر.', 'ar')).toEqual([['250 000 دولار', 'money', 250000, 'exact', 'USD']]);
    expect(rows('دفعت البلدية 000 250 دولار لإصلاح الجسر.', 'ar')).toEqual([['000 250 دولار', 'money', 250000, 'exact', 'USD']]);
    expect(rows('تبلغ المنحة 500 3 دولار للطالب.', 'ar')).toEqual([['500 3 دولار', 'money', 3500, 'exact', 'USD']]);
    expect(rows('للاستفسار اتصلوا على 800 44 321 مجانا.', 'ar')).toEqual([]);
  });
});

describe('Arabic definite numbers before their noun', () => {
  it('reads a definite number before an indefinite counted noun or unit of time', () => {
    expect(rows('عمل في المرفأ الأربعين عاما الماضية.', 'ar').map((r) => r.slice(0, 3))).toEqual([['الأربعين عاما', 'duration', 40]]);
    expect(rows('عاد الستة لاعبين إلى النادي.', 'ar').map((r) => r.slice(0, 3))).toEqual([['الستة لاعبين', 'count', 6]]);
    expect(rows('اجتمع الستة الكبار في الرباط.', 'ar')).toEqual([]);
  });
});

describe('halves in English', () => {
  it('reads "and a half" after a unit of time, hyphenated or not, and before a scale word', () => {
    expect(rows('The repairs took a year and a half; the inquiry, three-and-a-half years.', 'en')).toEqual([
      ['a year and a half', 'duration', 1.5, 'exact', 'year'],
      ['three-and-a-half years', 'duration', 3.5, 'exact', 'year'],
    ]);
    expect(rows('The council borrowed four and a half million dollars.', 'en')).toEqual([
      ['four and a half million dollars', 'money', 4.5e6, 'exact', 'USD'],
    ]);
  });

  it('gives "about" bounds without float noise', () => {
    const [claim] = extractClaims('About 3,500 people came.', { language: 'en' }).claims;
    expect([claim!.min, claim!.max]).toEqual([3150, 3850]);
  });
});

describe('fractions with no "of"', () => {
  it('reads a hyphenated English fraction as a share, never as a count of its denominator', () => {
    expect(rows('The levy rose by a third; support is now two-thirds, the mayor said.', 'en').map((r) => r.slice(0, 2))).toEqual([
      ['a third', 'percent'],
      ['two-thirds', 'percent'],
    ]);
  });

  it('reads an Arabic definite dual fraction after a change, and no share in a definite period', () => {
    expect(rows('ارتفعت المبيعات بمقدار الثلثين.', 'ar').map((r) => r.slice(0, 2))).toEqual([['الثلثين', 'percent']]);
    expect(rows('تحسن أداء الفريق في الثلثين الأخيرين من المباراة.', 'ar')).toEqual([]);
  });
});

describe('bare numbers after a counting label', () => {
  it('counts what the label names ("số người", "عدد القتلى"), and leaves house and telephone numbers alone', () => {
    expect(rows('Số người chết vì lũ đã tăng lên 14.', 'vi').map((r) => r.slice(0, 3))).toEqual([['14', 'count', 14]]);
    expect(rows('وارتفع عدد القتلى في الزلزال إلى 31.', 'ar').map((r) => r.slice(0, 3))).toEqual([['31', 'count', 31]]);
    expect(rows('Số nhà 15 trên phố Hàng Bạc.', 'vi')).toEqual([]);
    expect(rows('Số điện thoại của trạm là 1900.', 'vi')).toEqual([]);
  });

  it('reads "trong vòng" (within) as a span, not "vòng" (a round) as a label', () => {
    expect(rows('Công trình phải hoàn thành trong vòng 90 ngày.', 'vi').map((r) => r.slice(0, 3))).toEqual([['90 ngày', 'duration', 90]]);
    expect(rows('Cô bị loại ở vòng 3.', 'vi')).toEqual([]);
  });
});

describe('a Vietnamese scale word alone before a currency', () => {
  it('reads it as a vague amount of billions (or of its scale), and a counted one as exact', () => {
    const [vague] = extractClaims('Cổ phiếu ngân hàng bốc hơi tỷ đồng chỉ trong một phiên.', { language: 'vi' }).claims;
    expect(vague).toMatchObject({ kind: 'money', qualifier: 'vague', min: 1e9, max: 1e10, unit: 'VND' });
    expect(rows('Quỹ rót thêm 2 tỷ đồng.', 'vi').map((r) => r.slice(1, 4))).toEqual([['money', 2e9, 'exact']]);
  });
});

describe('a bare number set against a count', () => {
  it('counts the same as the count before it in its sentence ("against", "مقابل", "so với")', () => {
    expect(rows('The hosts won nine corners against three for the visitors.', 'en').map((r) => r.slice(0, 3))).toEqual([
      ['nine corners', 'count', 9],
      ['three', 'count', 3],
    ]);
    expect(rows('سجل الفريق خمسة أهداف مقابل ثلاثة فقط للضيوف.', 'ar').map((r) => r.slice(0, 3))).toEqual([
      ['خمسة أهداف', 'count', 5],
      ['ثلاثة', 'count', 3],
    ]);
    expect(rows('Tỷ lệ đạt 12% so với 9 của năm ngoái.', 'vi').map((r) => r.slice(0, 3))).toEqual([
      ['12%', 'percent', 12],
      ['9', 'percent', 9],
    ]);
    expect(rows('Số ca tăng 200 ca so với năm ngoái.', 'vi').map((r) => r.slice(0, 3))).toEqual([['200 ca', 'count', 200]]);
  });
});

describe('English counts named by a label or after a word of addition', () => {
  it('counts what "the number of" names, and the noun after "more" or "other"', () => {
    expect(rows('The number of passengers stranded at the port has risen to nearly 300; crews found two more boats.', 'en').map((r) => r.slice(0, 5))).toEqual([
      ['nearly 300', 'count', 300, 'about', 'passenger'],
      ['two more boats', 'count', 2, 'exact', 'boat'],
    ]);
    expect(rows('Output rose 20 more than last year.', 'en')).toEqual([]);
  });

  it('reaches a label at the head of a long subject, within its sentence', () => {
    expect(rows('The number of passengers stranded on Monday at the ferry terminal in the old harbour of the city has climbed to 412.', 'en').map((r) => r.slice(0, 5))).toEqual([
      ['412', 'count', 412, 'exact', 'passenger'],
    ]);
    expect(rows('Số người mắc bệnh sốt xuất huyết tại các quận ven sông của thành phố trong tuần qua đã tăng lên 412.', 'vi').map((r) => r.slice(0, 3))).toEqual([['412', 'count', 412]]);
    expect(rows('The number of passengers was not given. By Friday it had climbed to 412.', 'en')).toEqual([]);
  });

  it('counts "others" as more of what the sentence just counted', () => {
    expect(rows('The storm destroyed 30 houses and damaged 120 others.', 'en').map((r) => r.slice(0, 5))).toEqual([
      ['30 houses', 'count', 30, 'exact', 'house'],
      ['120 others', 'count', 120, 'exact', 'house'],
    ]);
    expect(rows('Others said 40 others were waiting.', 'en').map((r) => r[4])).toEqual(['other']);
    expect(rows('دمرت العاصفة 30 منزلا وألحقت أضرارا بـ120 آخرين.', 'ar').map((r) => r[4])).toEqual(['home', 'home']);
  });

  it('reads the residents of a vague Vietnamese amount', () => {
    expect(rows('Chính quyền đã sơ tán hàng nghìn cư dân của hai xã ven biển.', 'vi').map((r) => [r[0], r[4]])).toContainEqual(['hàng nghìn cư dân', 'resident']);
  });
});

describe('decades', () => {
  it('reads a decade as the range of its years, in digits and in Arabic words', () => {
    expect(rows('Rents doubled in the 1980s.', 'en')).toEqual([['1980s', 'date', 1980, 'range', 'year']]);
    expect(rows("Rents doubled in the 1980's.", 'en')).toEqual([["1980's", 'date', 1980, 'range', 'year']]);
    expect(rows('Giá thuê tăng gấp đôi trong thập niên 1980.', 'vi')).toEqual([['thập niên 1980', 'date', 1980, 'range', 'year']]);
    expect(rows('تضاعفت الإيجارات في ثمانينيات القرن الماضي.', 'ar')).toEqual([['ثمانينيات القرن الماضي', 'date', 1980, 'range', 'year']]);
    expect(rows('لم تتضاعف الإيجارات منذ السبعينات.', 'ar')).toEqual([['السبعينات', 'date', 1970, 'range', 'year']]);
    const [decade] = extractClaims('Rents doubled in the 1980s.', { language: 'en' }).claims;
    expect([decade!.min, decade!.max]).toEqual([1980, 1989]);
  });
});

describe('acceleration benchmarks and a Vietnamese idiom of measurements', () => {
  it('reads the time of an acceleration, not the speeds of its benchmark', () => {
    expect(rows('The van goes from 0 to 100 km/h in 9.5 seconds and tops out at 160 km/h.', 'en').map((r) => r.slice(0, 3))).toEqual([
      ['9.5 seconds', 'duration', 9.5],
      ['160 km/h', 'measure', 160],
    ]);
    expect(rows('Chiếc xe tăng tốc từ 0 đến 100 km/h trong 5,2 giây.', 'vi').map((r) => r.slice(0, 3))).toEqual([['5,2 giây', 'duration', 5.2]]);
  });

  it('takes "số đo ba vòng" (body measurements) for no count', () => {
    expect(rows('Người mẫu có số đo ba vòng ấn tượng.', 'vi')).toEqual([]);
  });
});

describe('a part of a whole', () => {
  it('reads "واحد من بين خمسة" as a share, like "واحد من كل خمسة", and Vietnamese "một trong năm người" as the five', () => {
    expect(rows('واحد من بين خمسة عمال في الميناء مهاجر.', 'ar').map((r) => r.slice(0, 3))).toEqual([['واحد من بين خمسة', 'percent', 20]]);
    expect(rows('واحد من كل أربعة عمال مهاجر.', 'ar').map((r) => r.slice(0, 3))).toEqual([['واحد من كل أربعة', 'percent', 25]]);
    expect(rows('Một trong năm người lao động bị thương.', 'vi').map((r) => r.slice(1, 3))).toEqual([['count', 5]]);
  });
});

describe('timestamp lines, seasons in names, designations and scores in words', () => {
  it('takes a short line of a date and a time of day for page chrome, in each language', () => {
    expect(rows('Thứ Ba, 9/6/2026, 14:05 (GMT+7)\nGiá xăng tăng 3% từ chiều nay.', 'vi').map((r) => r[0])).toEqual(['3%']);
    expect(rows('Posted: June 9, 2026, 2:05 PM\nFuel prices rose 3% on Tuesday.', 'en').map((r) => r[0])).toEqual(['3%']);
    expect(rows('الثلاثاء 9 يونيو 2026 - 02:05 م\nارتفعت أسعار الوقود 3% اليوم.', 'ar').map((r) => r[0])).toEqual(['3%']);
    // a sentence with a time of day is no timestamp line
    expect(rows('Prices rose 3% at 14:05 on June 9, 2026, the ministry said.', 'en').map((r) => r[1])).toContain('date');
  });

  it('reads no date in a season that belongs to a league name, and reads a season on its own', () => {
    expect(rows('Cô ghi 9 bàn tại Women Super League 2024/25.', 'vi').map((r) => r[0])).toEqual(['9 bàn']);
    expect(rows('She scored 9 goals in the 2024/25 season.', 'en').map((r) => r.slice(0, 3))).toEqual([['9 goals', 'count', 9], ['2024/25', 'date', 2024]]);
  });

  it('takes a Vietnamese number word after a designating noun, and a match minute, for no claim', () => {
    expect(rows('Cô được đôn lên đội một năm 2019.', 'vi').map((r) => r[0])).toEqual(['năm 2019']);
    expect(rows('Anh rời sân ở phút 75 vì chấn thương.', 'vi')).toEqual([]);
    expect(rows('Cô chạy 3 phút 20 giây.', 'vi').map((r) => r.slice(0, 3))).toEqual([['3 phút 20 giây', 'duration', 3 + 1 / 3]]);
  });

  it('takes a score written in words for no count of goals', () => {
    expect(rows('فاز الفريق بثلاثة أهداف مقابل هدف على ملعبه.', 'ar')).toEqual([]);
    expect(rows('خرج الفريق خاسراً بهدفين دون رد.', 'ar')).toEqual([]);
    expect(rows('سجل المهاجم هدفين في الشوط الأول.', 'ar').map((r) => r.slice(1, 3))).toEqual([['count', 2]]);
  });
});

describe('parts of a scale, ten thousands, and "not even"', () => {
  it('reads a quarter or a third of a scale word as that part of it', () => {
    expect(rows('وصلت إلى الميناء ربع مليون طن من القمح.', 'ar').map((r) => r[2])).toEqual([250000]);
    expect(rows('The fund lent a quarter of a million pounds.', 'en').map((r) => r.slice(1, 3))).toEqual([['money', 250000]]);
    expect(rows('Prices rose by a quarter last year.', 'en').map((r) => r.slice(1, 3))).toEqual([['percent', 25]]);
  });

  it('reads the Vietnamese "vạn" as ten thousand', () => {
    expect(rows('Khoảng 3 vạn người đã xem trận đấu.', 'vi').map((r) => r.slice(2, 4))).toEqual([[30000, 'about']]);
  });

  it('reads "chưa đầy" (not even) as less than', () => {
    expect(rows('Đám cháy được dập tắt sau chưa đầy 2 tiếng.', 'vi').map((r) => r.slice(1, 4))).toEqual([['duration', 2, 'less_than']]);
  });
});

describe('the people and matches of sport and of an outbreak, ages set off after a name', () => {
  it('maps fans, spectators, followers and matches to English singulars', () => {
    expect(rows('حضر 30 ألف متفرج و200 مشجع، وللنادي مليون متابع، وخاض 40 مباراة.', 'ar').map((r) => r[4])).toEqual(['spectator', 'fan', 'follower', 'match']);
    expect(rows('Đội có 3 triệu người theo dõi và 500 người hâm mộ ra sân bay.', 'vi').map((r) => r[4])).toEqual(['follower', 'fan']);
  });

  it('reads a number of sports seasons as years, and no duration in a compound noun', () => {
    expect(rows('وقع الحارس عقداً يمتد أربعة مواسم.', 'ar').map((r) => r.slice(1, 5))).toEqual([['duration', 4, 'exact', 'year']]);
    expect(rows('Thủ môn ký hợp đồng 4 mùa giải.', 'vi').map((r) => r.slice(1, 5))).toEqual([['duration', 4, 'exact', 'year']]);
    expect(rows('The keeper signed a four-season deal, one season-ticket holder said.', 'en').map((r) => r.slice(1, 3))).toEqual([['duration', 4]]);
  });

  it('reads deaths counted as cases of death, apart from the cases', () => {
    expect(rows('سجلت الوزارة 900 حالة و7 حالات وفاة.', 'ar').map((r) => r[4])).toEqual(['case', 'death']);
    expect(rows('Tỉnh ghi nhận 900 ca mắc và 7 ca tử vong.', 'vi').map((r) => r[4])).toEqual(['case', 'death']);
  });

  it('reads a number of years set off after a name as an age, in Arabic', () => {
    expect(rows('وقالت الممرضة سلمى، 34 عاماً، إن العيادة امتلأت.', 'ar').map((r) => r.slice(1, 3))).toEqual([['age', 34]]);
    expect(rows('وقال المزارع حسن (61 عاماً) إن البئر جفت.', 'ar').map((r) => r.slice(1, 3))).toEqual([['age', 61]]);
    expect(rows('وبعد الحرب، استمر الحصار 12 عاماً، ثم رفع.', 'ar').map((r) => r.slice(1, 3))).toEqual([['duration', 12]]);
  });
});
