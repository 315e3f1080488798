/**
 * Numbers written with digits: the numeral with a glued or following scale ("62m", "14 million"),
 * race times ("2:04:51"), and what is no number at all: identifiers glued to letters or signs
 * ("A321", "#5", "GPT-4"), day/month dates ("29/9") and phone numbers.
 */
import { LEXICONS } from '../lexicon/index';
import type { Scan } from '../scan';
import { NUM, SYM, WORD } from '../tokenize';
import { SKIP, type NumberRead, type Read } from '../types';
import { currencySignBefore } from '../units/currencies';
import { isPlainDigits, parseNumeral } from './numeral';
import { readHalf, readScales } from './scales';

export function readDigits(s: Scan, i: number, secondOfRange = false): Read<NumberRead> {
  const toks = s.toks;
  const t = toks[i]!;
  const prev = toks[i - 1];
  const next = toks[i + 1];

  if (prev && t.gap === 0 && !secondOfRange) {
    if (prev.type === WORD && s.isLatinWord(i - 1)) return SKIP; // A321, X9, S25
    if (prev.type === SYM && (prev.v === '+' || prev.v === '#' || prev.v === '/' || prev.v === ':' || prev.v === '@')) return SKIP;
    // GPT-4, كوفيد-19, and the second half of an identifier such as 737-800
    if (prev.type === SYM && prev.v === '-' && prev.gap === 0 && (toks[i - 2]?.type === WORD || toks[i - 2]?.type === NUM)) return SKIP;
  }
  if (next && next.gap === 0 && next.type === SYM) {
    if (next.v === ':' && toks[i + 2]?.type === NUM && toks[i + 2]!.gap === 0) return readClock(s, i);
    if (next.v === '/' && toks[i + 2]?.type === NUM && toks[i + 2]!.gap === 0) return SKIP; // 29/9, 11/6/2024
  }
  const plain = isPlainDigits(t.v) ? t.v : undefined;
  if (plain !== undefined && isPhoneGroup(s, i)) return SKIP;
  const value = parseNumeral(t.v, s.lang);
  if (value === null) return SKIP;

  let b = i + 1;
  let scale = 1;
  // a glued suffix: scale (62m, 19.7bn, 5k) or unit (450mm, 19C): units are read later
  const glued = toks[b];
  if (glued && glued.gap === 0 && glued.type === WORD) {
    const sc = s.lex.scales.get(glued.v) ?? LEXICONS.en.scales.get(glued.v);
    const currencyBefore = currencySignBefore(s, i) !== null || s.matchPhrase(s.lex.currencies, i + 2, true, true) !== null;
    if (sc !== undefined && (glued.v.length > 1 || currencyBefore) && !(glued.v === 'm' && !currencyBefore)) {
      scale = sc;
      b++;
    }
  }
  const read: NumberRead = { a: i, b, value: value * scale, digits: true, scale, bareScale: false, plain };
  if (scale === 1) readScales(s, read);
  readHalf(s, read);
  return read;
}

/** 2:04:51 is a duration (race time); 14:05 is a time of day and no claim. */
function readClock(s: Scan, i: number): Read<NumberRead> {
  const toks = s.toks;
  const parts = [toks[i]!.v];
  let j = i + 1;
  while (toks[j]?.v === ':' && toks[j]!.gap === 0 && toks[j + 1]?.type === NUM && toks[j + 1]!.gap === 0) {
    parts.push(toks[j + 1]!.v);
    j += 2;
  }
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return SKIP;
  const [h, m, sec] = parts.map(Number) as [number, number, number];
  if (m >= 60 || sec >= 60) return SKIP;
  const seconds = h * 3600 + m * 60 + sec;
  return {
    a: i, b: j, value: seconds, digits: true, scale: 1, bareScale: false,
    unit: { kind: 'duration', unit: 'second', end: j },
  };
}

/** Digit groups split by single spaces or a leading zero: phone numbers and hotlines. */
function isPhoneGroup(s: Scan, i: number): boolean {
  const toks = s.toks;
  const t = toks[i]!;
  if (t.v.length >= 3 && t.v[0] === '0') return true;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  const groupNext = next?.type === NUM && next.gap === 1 && !next.nl && /^\d{2,}$/.test(next.v) && t.v.length >= 2;
  const groupPrev = prev?.type === NUM && t.gap === 1 && !t.nl && /^\d{2,}$/.test(prev.v) && /^\d+$/.test(prev.v);
  return groupNext || (groupPrev && t.v.length >= 2);
}
