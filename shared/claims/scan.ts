/**
 * The token cursor every stage reads through: the normalized text cut into tokens, the lexicon
 * of the language, word and phrase lookups (with Arabic clitics), and the claims found so far.
 * Spans are token indices; `map` takes a normalized offset back to the input.
 */
import type { Language } from '../schemas/claim';
import { LEXICONS, type LanguageLexicon, type PhraseTable } from './lexicon/index';
import { normalize } from './normalize';
import { languageSets, type HashedSet } from './triggers';
import { NUM, SYM, WORD, skipChromeLines, tokenize, type Token } from './tokenize';
import type { Candidate } from './types';

/** Marks that end a sentence, in the three scripts. */
const SENTENCE_ENDS = '.!?؟;';

/** Code units whose lower case differs: capitals, looked up without cutting a string. */
const UPPER_LIMIT = 0x2500;
const upperTable = new Uint8Array(UPPER_LIMIT);
for (let c = 0; c < UPPER_LIMIT; c++) {
  const ch = String.fromCharCode(c);
  upperTable[c] = ch !== ch.toLowerCase() ? 1 : 0;
}

const variantCache = new Map<string, string[]>();
const DECIMAL_OF_ONE_OR_TWO = /^\d+([.,])\d{1,2}$/;
const definiteVariantCache = new Map<string, string[]>();

/** Forms of an Arabic word without its clitics: و ف, then ب ل ك, then (when `definite`) ال لل. */
export function arabicVariants(w: string, definite: boolean): string[] {
  const out = [w];
  if (w[0] === 'و' || w[0] === 'ف') pushNew(out, w.slice(1));
  for (let k = 0, n = out.length; k < n; k++) {
    const v = out[k]!;
    if ((v[0] === 'ب' || v[0] === 'ل' || v[0] === 'ك') && v.length >= 3) pushNew(out, v.slice(1));
  }
  if (definite) {
    for (let k = 0, n = out.length; k < n; k++) {
      const v = out[k]!;
      if ((v.startsWith('ال') || v.startsWith('لل')) && v.length >= 4) pushNew(out, v.slice(2));
    }
  }
  return out;
}

function pushNew(out: string[], x: string): void {
  if (x.length >= 2 && !out.includes(x)) out.push(x);
}

/** For each word set, the last words of its two-word entries ("tổng đài" -> "đài"). */
const pairEnds = new WeakMap<ReadonlySet<string>, Set<string>>();

function pairEndsOf(set: ReadonlySet<string>): Set<string> {
  let ends = pairEnds.get(set);
  if (!ends) {
    ends = new Set();
    for (const p of set) {
      const k = p.indexOf(' ');
      if (k > 0) ends.add(p.slice(k + 1));
    }
    pairEnds.set(set, ends);
  }
  return ends;
}

export interface PhraseMatch<T> {
  value: T;
  /** Token index after the phrase. */
  end: number;
}

export class Scan {
  readonly lex: LanguageLexicon;
  readonly norm: string;
  readonly map: Int32Array;
  readonly toks: Token[];
  readonly triggers: ReadonlySet<string>;
  readonly triggerSet: HashedSet;
  readonly firstWords: HashedSet;
  readonly idiomWords: HashedSet;
  /** Whether words may carry clitics (Arabic). */
  private readonly clitics: boolean;
  readonly candidates: Candidate[] = [];
  /** Claims end before this token: a later claim may not start inside one. */
  consumedUpTo = 0;
  /** Set when a rejected construction spans more than its first number ("từ 11 giờ đến 16 giờ"). */
  skipTo = 0;
  /** Currency families resolved once per text ("?DINAR" -> KWD), made when first needed. */
  resolvedCurrencies: Map<string, string> | undefined;

  constructor(
    readonly input: string,
    readonly lang: Language,
  ) {
    this.lex = LEXICONS[lang];
    const normalized = normalize(input);
    this.norm = normalized.text;
    this.map = normalized.map;
    this.toks = tokenize(this.norm);
    skipChromeLines(this.norm, this.toks);
    if (this.lex.headlineMarkers.size > 0) this.skipRelatedHeadlines();
    const sets = languageSets(lang);
    this.triggers = sets.triggers;
    this.triggerSet = sets.triggerSet;
    this.firstWords = sets.firstWords;
    this.idiomWords = sets.idiomWords;
    this.clitics = this.lex.clitics.length > 0;
  }

  /**
   * Headlines of related stories between paragraphs: a line with no final stop whose " - " is
   * followed by a word such as "why" ("Sixteen titles in five years - why Spain dominate").
   */
  private skipRelatedHeadlines(): void {
    const toks = this.toks;
    for (let start = 0; start < toks.length; ) {
      let end = start + 1;
      while (end < toks.length && !toks[end]!.nl) end++;
      const last = toks[end - 1]!;
      const stop = last.type === SYM && '.!?:"”»)'.includes(last.v);
      if (!stop && end - start <= 20) {
        for (let k = start + 1; k < end - 1; k++) {
          if (toks[k]!.v === '-' && toks[k]!.gap > 0 && this.lex.headlineMarkers.has(this.word(k + 1) ?? '')) {
            for (let m = start; m < end; m++) toks[m]!.skip = true;
            break;
          }
        }
      }
      start = end;
    }
  }

  /** Keeps a claim (cut so that it starts after the previous one) unless a number is not finite. */
  push(c: Candidate): void {
    if (c.a < this.consumedUpTo) c.a = this.consumedUpTo;
    if (c.b <= c.a) return;
    if (c.value !== null && !Number.isFinite(c.value)) return;
    if (c.min !== null && !Number.isFinite(c.min)) return;
    if (c.max !== null && !Number.isFinite(c.max)) return;
    this.candidates.push(c);
    this.consumedUpTo = c.b;
  }

  word(i: number): string | null {
    const t = this.toks[i];
    return t && t.type === WORD ? t.v : null;
  }

  sym(i: number): string | null {
    const t = this.toks[i];
    return t && t.type === SYM ? t.v : null;
  }

  isNum(i: number): boolean {
    return this.toks[i]?.type === NUM;
  }

  /** A word of the number lexicon: a number, a hundred, a scale or a dual scale. */
  isNumberWord(w: string): boolean {
    const lex = this.lex;
    return lex.numbers.has(w) || lex.hundreds.has(w) || lex.scales.has(w) || lex.dualScales.has(w);
  }

  /** Forms of a word without Arabic clitics (و ف ب ل ك, and ال when `definite`). */
  variants(w: string, definite = false): string[] {
    if (!this.clitics || w.length < 3) return [w];
    const cache = definite ? definiteVariantCache : variantCache;
    const cached = cache.get(w);
    if (cached) return cached;
    const out = arabicVariants(w, definite);
    if (cache.size > 50_000) cache.clear();
    cache.set(w, out);
    return out;
  }

  /** Whether a sentence or a line ends between tokens a and b (both included). */
  crossesSentence(a: number, b: number): boolean {
    for (let k = a; k <= b && k < this.toks.length; k++) {
      const t = this.toks[k]!;
      if (t.nl || (t.type === SYM && SENTENCE_ENDS.includes(t.v))) return true;
    }
    return false;
  }

  /** Whether the two words ending at token j are a two-word entry of the set ("age of", "độ lớn"). */
  pairAt(set: ReadonlySet<string>, j: number): boolean {
    const w = this.word(j);
    if (w === null || !pairEndsOf(set).has(w)) return false;
    return set.has(`${this.word(j - 1) ?? ''} ${w}`);
  }

  /** Whether any form of the word (without clitics) is in the set. */
  anyForm(w: string, set: ReadonlySet<string>, definite = false): boolean {
    for (const f of this.variants(w, definite)) if (set.has(f)) return true;
    return false;
  }

  /** Matches a phrase of `table` starting at token i; returns its value and the index after it. */
  matchPhrase<T>(table: PhraseTable<T>, i: number, clitics = true, definite = false): PhraseMatch<T> | null {
    const first = this.toks[i];
    if (!first || first.skip || first.type === NUM) return null;
    if (!this.firstWords.has(this.norm, first)) return null;
    const forms = !clitics || !this.clitics ? [first.v] : definite ? (first.definiteForms ??= this.variants(first.v, true)) : (first.forms ??= this.variants(first.v));
    for (const form of forms) {
      const entries = table.candidates(form);
      if (!entries) continue;
      for (const entry of entries) {
        let ok = true;
        for (let k = 1; k < entry.words.length; k++) {
          const t = this.toks[i + k];
          if (!t || t.v !== entry.words[k] || t.nl) {
            ok = false;
            break;
          }
        }
        if (ok) return { value: entry.value, end: i + entry.words.length };
      }
    }
    return null;
  }

  /** A phrase of `table` that ends right before token `end` (within 5 tokens). */
  matchBefore<T>(table: PhraseTable<T>, end: number): { value: T; start: number } | null {
    if (end > 0 && this.toks[end]?.nl) return null;
    for (let start = Math.max(0, end - 5); start < end; start++) {
      const m = this.matchPhrase(table, start);
      if (m && m.end === end) {
        let crossesLine = false;
        for (let k = start + 1; k < end; k++) if (this.toks[k]!.nl) crossesLine = true;
        if (!crossesLine) return { value: m.value, start };
      }
    }
    return null;
  }

  isUpperAt(normIndex: number): boolean {
    const c = this.input.charCodeAt(this.map[normIndex]!);
    if (c < UPPER_LIMIT) return upperTable[c] === 1;
    const ch = String.fromCharCode(c);
    return ch !== ch.toLowerCase();
  }

  hasCapital(i: number): boolean {
    const t = this.toks[i]!;
    for (let k = t.s; k < t.e; k++) if (this.isUpperAt(k)) return true;
    return false;
  }

  isLatinWord(i: number): boolean {
    const t = this.toks[i];
    if (!t || t.type !== WORD) return false;
    const c = this.norm.charCodeAt(t.s);
    return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
  }

  isArabicWord(w: string | null): boolean {
    return w !== null && /^[\u0600-\u06ff]/.test(w);
  }

  private decimalComma: boolean | undefined;

  /**
   * Whether the text writes its decimals with a comma ("٢,٦ مليون") and never with a dot before
   * one or two digits: its "1.277" then groups thousands.
   */
  writesDecimalComma(): boolean {
    if (this.decimalComma === undefined) {
      let comma = false;
      let dot = false;
      for (const t of this.toks) {
        if (t.type !== NUM) continue;
        const m = DECIMAL_OF_ONE_OR_TWO.exec(t.v);
        if (m && m[1] === ',') comma = true;
        else if (m) dot = true;
      }
      this.decimalComma = comma && !dot;
    }
    return this.decimalComma;
  }

  private titleLineOf: Int32Array | undefined;
  private titleFlags: boolean[] | undefined;

  /**
   * Whether the line of token i is written in Title Case (a headline: "Father Of 23 Kids Wins
   * 40 Percent"), where capitals say nothing of names.
   */
  inTitleCase(i: number): boolean {
    // the flags of every line, computed once, looked up by the line's first token
    if (this.titleLineOf === undefined) {
      const toks = this.toks;
      const lineOf = new Int32Array(toks.length);
      const flags: boolean[] = [];
      for (let start = 0; start < toks.length; ) {
        let words = 0;
        let capitals = 0;
        let k = start;
        for (; k < toks.length && (k === start || !toks[k]!.nl); k++) {
          lineOf[k] = flags.length;
          const t = toks[k]!;
          if (t.type !== WORD || t.e - t.s < 2 || !this.isLatinWord(k)) continue;
          words++;
          if (this.isUpperAt(t.s)) capitals++;
        }
        flags.push(words >= 4 && capitals >= 0.75 * words);
        start = k;
      }
      this.titleLineOf = lineOf;
      this.titleFlags = flags;
    }
    return this.titleFlags![this.titleLineOf[i] ?? 0] ?? false;
  }

  /** The input's text for a span of the normalized text, without Arabic diacritics and tatweel. */
  surface(s: number, e: number): string {
    return this.input.slice(this.map[s]!, this.map[e]!).replace(/[\u064b-\u065f\u0670\u0640]/g, '');
  }

  /** The input's text of one token, as written. */
  raw(i: number): string {
    const t = this.toks[i]!;
    return this.input.slice(this.map[t.s]!, this.map[t.e]!);
  }
}
