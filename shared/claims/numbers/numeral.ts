/** Numbers written with digits, read with the separators of each language. Pure. */
import type { Language } from '../../schemas/claim';

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
    } else if (c === 44 || c === 0x066c || c === 0x060c) {
      commas++;
      lastComma = i;
    } else if (c === 0x066b) arabicDecimal = i;
  }
  // the Arabic decimal sign is unambiguous; any other separator is then a thousands separator
  if (arabicDecimal >= 0) return digitsOnly(raw, arabicDecimal);
  if (lang === 'vi') {
    if (dots > 0 && commas <= 1 && groupsOfThree(raw, 46) && (dots > 1 || isThreeDigitGroupAt(raw, firstDot))) {
      return digitsOnly(raw, commas === 1 ? lastComma : -1);
    }
    if (commas === 1 && dots === 0) return digitsOnly(raw, lastComma);
    if (dots === 1 && commas === 0) return digitsOnly(raw, firstDot);
    if (commas > 1 && dots <= 1 && groupsOfThree(raw, 44)) return digitsOnly(raw, firstDot);
    return null;
  }
  if (commas > 0 && dots <= 1 && groupsOfThree(raw, 44) && (dots === 0 || firstDot > lastComma)) return digitsOnly(raw, firstDot);
  // the Indian grouping of lakhs and crores: 15,62,52,872
  if (commas > 1 && dots === 0 && /^\d{1,2}(,\d{2})+,\d{3}$/.test(raw)) return digitsOnly(raw, -1);
  if (commas === 0 && dots === 1) return digitsOnly(raw, firstDot);
  if (commas === 1 && dots === 0) return digitsOnly(raw, lastComma); // "14,3" in a mixed text
  if (dots > 1 && commas <= 1 && groupsOfThree(raw, 46)) return digitsOnly(raw, commas === 1 ? lastComma : -1);
  return null;
}

/** The digits of `raw` as a number, with a decimal point where `keepDecimalAt` is (-1: none). */
function digitsOnly(raw: string, keepDecimalAt: number): number | null {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) out += raw[i];
    else if (i === keepDecimalAt) out += '.';
  }
  return finite(Number(out));
}

/** Every `sep` (and the Arabic thousands sign for commas) is followed by exactly three digits. */
function groupsOfThree(raw: string, sep: number): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === sep || (sep === 44 && (c === 0x066c || c === 0x060c))) {
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

/** "1.277": one dot followed by exactly three digits (a decimal or a thousands group, by convention). */
export function isDotGroup(raw: string): boolean {
  const k = raw.indexOf('.');
  if (k < 1 || k > 3 || raw.length !== k + 4) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (i !== k && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** The value of "1.277" read as 1277. */
export function dotGroupValue(raw: string): number {
  return Number(raw.replace('.', ''));
}

/** The year a plain four-digit string names, from `from` (1900 unless said) to 2100, or null. */
export function plainYear(raw: string, from = 1900): number | null {
  if (raw.length !== 4 || !isPlainDigits(raw)) return null;
  const y = Number(raw);
  return y >= from && y <= 2100 ? y : null;
}

export function isPlainDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
