/**
 * The interface language. Each language's labels come as /admin/i18n/<lang>.json (built from
 * i18n/en.ts, ar.ts and vi.ts, whose types make every language give every label), loaded once
 * when chosen and checked before use: the page's script carries none of them, which keeps it
 * within its budget. Numbers keep Latin digits in every language, so that figures compare at a
 * glance across outlets.
 */
import type { MessageKey } from './i18n/en';

export const UI_LANGUAGES = ['en', 'ar', 'vi'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language named in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ar: 'العربية', vi: 'Tiếng Việt' };

const LOCALES: Record<UiLanguage, string> = { en: 'en-GB', ar: 'ar-u-nu-latn', vi: 'vi-VN' };

let messages: Readonly<Record<string, string>> = {};
let language: UiLanguage = 'en';

export const isUiLanguage = (value: unknown): value is UiLanguage => typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);

export function currentLanguage(): UiLanguage {
  return language;
}

export function locale(): string {
  return LOCALES[language];
}

/** Switches to a language with its labels (a label missing shows as its key). */
export function useMessages(lang: UiLanguage, loaded: Readonly<Record<string, string>>): void {
  language = lang;
  messages = loaded;
}

/** The message with its {placeholders} filled; `count` also picks the `|one` form where the language has one. */
export function t(key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  let text = messages[key] ?? key;
  if (typeof params.count === 'number' && new Intl.PluralRules(LOCALES[language]).select(params.count) === 'one') text = messages[`${key}|one`] ?? text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(value) : value;
  });
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 6 }).format(n);
}

/** "10 Feb 2026, 08:00 UTC": one time zone for every reviewer, so that notes can refer to it. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString(LOCALES[language], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })} UTC`;
}
