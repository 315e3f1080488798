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
