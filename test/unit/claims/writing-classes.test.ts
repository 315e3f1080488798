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
