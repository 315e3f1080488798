/**
 * Currencies: a sign before the number ("$", "US$", "£"), an ISO code after it ("USD"), and the
 * currency names shared by several countries ("dinar"), resolved from the countries the text
 * names most.
 */
import { CURRENCY_CONTEXT_WORDS, CURRENCY_SIGNS, DOLLAR_PREFIXES, ISO_CODES } from '../lexicon/index';
import { normalizeKey } from '../normalize';
import type { Scan } from '../scan';
import { NUM, SYM, WORD } from '../tokenize';
import type { NumberRead, UnitRead } from '../types';

interface CurrencyContext {
  /** Every country word of the family, in one pattern: the text is scanned once. */
  pattern: RegExp;
  codes: Map<string, string>;
  fallback: string;
}

const CURRENCY_CONTEXT: Record<string, CurrencyContext> = Object.fromEntries(
  Object.entries(CURRENCY_CONTEXT_WORDS).map(([family, options]) => {
    const codes = new Map<string, string>();
    for (const [words, code] of options) for (const w of words) codes.set(normalizeKey(w), code);
    const alternatives = [...codes.keys()].sort((x, y) => y.length - x.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return [family, { pattern: new RegExp(alternatives.join('|'), 'g'), codes, fallback: options[0]![1] }];
  }),
);

/** The token index where a currency sign before token i starts ("$", "US$", "£"). */
export function currencySignBefore(s: Scan, i: number): { code: string; start: number } | null {
  const toks = s.toks;
  const prev = toks[i - 1];
  if (!prev || toks[i]!.gap > 1) return null;
  // a currency written before the amount: "Rs 500", "Rs. 16 lakh", "KSh6,000", "USD 20"
  const word = prev.v === '.' && prev.gap === 0 && s.word(i - 2) === 'rs' ? i - 2 : i - 1;
  const prefix = s.word(word);
  if (prefix !== null && !toks[i]!.nl && toks[i]!.type === NUM) {
    const letter = currencyLetterBefore(s, i);
    if (letter) return { code: letter, start: i - 1 };
    const code = s.lex.currencyPrefixes.get(prefix);
    if (code && (prefix.length > 3 || s.hasCapital(word))) return { code, start: word };
    // any ISO 4217 code in capitals, apart from the number ("AED 500", "SAR 1,200"; not "AED500")
    const iso = word === i - 1 && toks[i]!.gap > 0 ? isoCodeAt(s, word) : null;
    if (iso) return { code: iso, start: word };
  }
  if (prev.type !== SYM) return null;
  const code = CURRENCY_SIGNS.get(prev.v);
  if (!code) return null;
  const before = toks[i - 2];
  if (code === 'USD' && before && before.type === WORD && prev.gap === 0) {
    const refined = DOLLAR_PREFIXES.get(before.v);
    if (refined) return { code: refined, start: i - 2 };
  }
  return { code, start: i - 1 };
}

/** The currency a single capital letter glued before the amount at token i names ("R60,000", "N2 billion"), or null. */
export function currencyLetterBefore(s: Scan, i: number): string | null {
  const t = s.toks[i]!;
  const prev = s.toks[i - 1];
  if (!prev || prev.type !== WORD || t.gap !== 0 || prev.v.length !== 1 || !s.hasCapital(i - 1) || t.type !== NUM) return null;
  const code = s.lex.currencyLetters.get(s.word(i - 1) ?? '');
  if (!code) return null;
  const scaled = s.lex.scales.has(s.word(i + 1) ?? '') && !s.toks[i + 1]!.nl;
  return /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t.v) || scaled ? code : null;
}

/** A currency sign at token k, possibly with a dollar prefix ("$", "US $"): its code and the token after it. */
export function currencySignAt(s: Scan, k: number): { code: string; end: number } | null {
  const toks = s.toks;
  const sign = CURRENCY_SIGNS.get(toks[k]?.v ?? '');
  if (sign && toks[k]!.type === SYM) return { code: sign, end: k + 1 };
  if (DOLLAR_PREFIXES.has(toks[k]?.v ?? '') && toks[k + 1]?.v === '$') return { code: DOLLAR_PREFIXES.get(toks[k]!.v)!, end: k + 2 };
  return null;
}

/**
 * A currency sign right after an amount ("61 $", "650 مليون $"), or between the number and its
 * scale ("1.7 $ مليار"): its code and the token after the amount; the scale is applied to `num`.
 */
export function currencySignAfter(s: Scan, num: NumberRead): { code: string; end: number } | null {
  const t = s.toks[num.b];
  if (!t || t.type !== SYM || t.nl || t.gap > 1) return null;
  const code = CURRENCY_SIGNS.get(t.v);
  if (!code) return null;
  let end = num.b + 1;
  if (num.scale === 1) {
    const scale = s.lex.scales.get(s.word(end) ?? '');
    if (scale !== undefined && (s.word(end)!.length > 1) && !s.toks[end]!.nl) {
      num.value *= scale;
      num.scale = scale;
      end++;
    }
  }
  return { code, end };
}

/** A currency from the lexicon: "?DINAR" is resolved from the countries the text names, "USD/100" is cents. */
export function moneyUnit(s: Scan, code: string, end: number): UnitRead {
  if (code.endsWith('/100')) return { kind: 'money', unit: code.slice(0, 3), end, factor: 0.01 };
  return { kind: 'money', unit: code.startsWith('?') ? resolveCurrency(s, code) : code, end };
}

function resolveCurrency(s: Scan, family: string): string {
  s.resolvedCurrencies ??= new Map();
  const known = s.resolvedCurrencies.get(family);
  if (known) return known;
  const context = CURRENCY_CONTEXT[family];
  let best = s.lex.currencyDefaults.get(family) ?? context?.fallback ?? family.slice(1);
  if (context) {
    const counts = new Map<string, number>();
    context.pattern.lastIndex = 0;
    for (let m = context.pattern.exec(s.norm); m; m = context.pattern.exec(s.norm)) {
      const code = context.codes.get(m[0])!;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    let bestCount = 0;
    for (const [code, count] of counts) {
      if (count > bestCount) {
        best = code;
        bestCount = count;
      }
    }
  }
  s.resolvedCurrencies.set(family, best);
  return best;
}

/** An ISO 4217 code written in capitals at token j ("USD"). */
export function isoCodeAt(s: Scan, j: number): string | null {
  const t = s.toks[j];
  if (!t || t.type !== WORD || t.v.length !== 3) return null;
  const raw = s.raw(j);
  return ISO_CODES.has(raw) ? raw : null;
}
