/**
 * The claim extractor's driver. It walks the tokens of a normalized copy of the text and, at each
 * word that can start a claim, runs the stages:
 *
 *   scan.ts (token cursor) -> numbers/ (digits, number words, vague amounts, duals)
 *   -> build.ts: units/ (currency, percent, time, measure, counted noun), ranges.ts,
 *      qualifiers.ts, classify.ts (age, magnitude, date), filters.ts (labels, names, clocks)
 *
 * then maps every claim back to the input's offsets, with its sentence, and lets a bare scaled
 * number borrow the unit of an earlier claim of its sentence. Each token is looked at a bounded
 * number of times, so the time is linear in the input.
 */
import type { ExtractedClaim, Language } from '../schemas/claim';
import { buildClaim } from './build';
import { idiomEnd, skipNumberRun } from './filters';
import { readArabicDefinite } from './numbers/definite';
import { readNumber } from './numbers/index';
import { Scan } from './scan';
import { SentenceFinder } from './sentences';
import { SYM, WORD } from './tokenize';
import { SKIP } from './types';

export function extract(input: string, language: Language): ExtractedClaim[] {
  const s = new Scan(input, language);
  const toks = s.toks;
  for (let i = 0; i < toks.length; ) {
    const next = tryAt(s, i);
    i = next > i ? next : i + 1;
  }
  return finish(s);
}

/** Tries to read a claim at token i; returns the index to go on from. */
function tryAt(s: Scan, i: number): number {
  const t = s.toks[i]!;
  if (t.skip || t.type === SYM) return i + 1;
  if (t.type === WORD) {
    if (!s.triggerSet.has(s.norm, t) && !isArabicDualForm(s, i)) return i + 1;
    if (s.lex.articles.size > 0 && s.lex.articles.has(t.v)) {
      const next = s.word(i + 1) ?? '';
      if (!s.triggers.has(next) && !s.lex.timeUnits.hasFirst(next) && !s.lex.fractionWords.has(next)) return i + 1;
    }
  }
  const idiom = idiomEnd(s, i);
  if (idiom > i) return idiom;

  if (s.lang === 'ar' && t.type === WORD) {
    const special = readArabicDefinite(s, i);
    if (special !== null) return special;
  }
  const num = readNumber(s, i);
  if (num === SKIP) return skipNumberRun(s, i);
  if (num === null) return i + 1;
  const cand = buildClaim(s, num);
  if (cand === SKIP || cand === null) return Math.max(num.b, i + 1, s.skipTo);
  s.push(cand);
  return cand.b;
}

/** Arabic duals end in تين/تان (the clitic forms of trigger words are in the trigger set). */
function isArabicDualForm(s: Scan, i: number): boolean {
  const t = s.toks[i]!;
  if (s.lang !== 'ar' || t.e - t.s < 5) return false;
  const n = s.norm;
  const middle = n.charCodeAt(t.e - 2);
  return n.charCodeAt(t.e - 3) === 0x062a && n.charCodeAt(t.e - 1) === 0x0646 && (middle === 0x064a || middle === 0x0627);
}

function finish(s: Scan): ExtractedClaim[] {
  const input = s.input;
  const sentences = new SentenceFinder(input);
  const out: ExtractedClaim[] = [];
  const claimsBySentence = new Map<number, ExtractedClaim[]>();
  /** Claims that may borrow a unit named after them. */
  const pending: number[] = [];
  for (const c of s.candidates) {
    const start = s.map[s.toks[c.a]!.s]!;
    const end = s.map[s.toks[c.b - 1]!.e]!;
    if (!(end > start)) continue;
    const sentence = sentences.at(start, end);
    const claim: ExtractedClaim = {
      kind: c.kind,
      text: input.slice(start, end),
      start,
      end,
      value: c.value,
      min: c.min,
      max: c.max,
      qualifier: c.qualifier,
      unit: c.unit,
      sentence,
      language: s.lang,
    };
    const previous = claimsBySentence.get(sentence.start) ?? [];
    if (c.inherit && c.value !== null) {
      const source = unitSource(previous, c.value, c.kind === 'measure' && c.value <= 100);
      if (source) {
        claim.kind = source.kind;
        claim.unit = source.unit;
      }
    }
    previous.push(claim);
    claimsBySentence.set(sentence.start, previous);
    out.push(claim);
    if (c.inherit && c.value !== null && claim.unit === '') pending.push(out.length - 1);
  }
  // a bare amount with no earlier unit takes the currency named after it in its sentence:
  // "cut by three billion more, to 30 billion dollars"
  for (const k of pending) {
    const claim = out[k]!;
    for (let m = k + 1; m < Math.min(out.length, k + 3); m++) {
      const next = out[m]!;
      if (next.sentence.start !== claim.sentence.start) break;
      if (next.kind === 'money' && next.value !== null && next.value / claim.value! <= 100 && claim.value! / next.value <= 100) {
        claim.kind = 'money';
        claim.unit = next.unit;
        break;
      }
    }
  }
  return out;
}

/**
 * The latest claim of the sentence (among the last few, so that a long run stays linear) with a
 * stated unit and a value within a factor 100 (a percent only for a bare decimal).
 */
function unitSource(previous: readonly ExtractedClaim[], value: number, decimal: boolean): ExtractedClaim | undefined {
  for (let k = previous.length - 1; k >= Math.max(0, previous.length - 8); k--) {
    const p = previous[k]!;
    // a bare decimal after a percent of the sentence is one too: "ب 0,4 ٪ وكذلك السياح ب 1,1"
    const kinds = p.kind === 'count' || p.kind === 'money' || p.kind === 'measure' || (decimal && p.kind === 'percent');
    if (kinds && p.unit !== '' && p.value !== null &&
      p.value / value <= 100 && value / p.value <= 100) return p;
  }
  return undefined;
}
