/**
 * Word sets looked up for every token, by a hash of its code units before the word is cut out of
 * the text: the words that can start a claim, and the first words of the phrase tables.
 */
import type { Language } from '../schemas/claim';
import { LEXICONS, type PhraseTable } from './lexicon/index';
import type { Token } from './tokenize';

const HASH_BITS = 20;

/** FNV-1a over a range of UTF-16 code units, folded to HASH_BITS bits. */
function hashRange(text: string, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h >>> 0) >>> (32 - HASH_BITS);
}

/**
 * A set of words that answers for a range of the text, by a hash of its code units looked up in
 * a bit set, before the word is cut out (a collision only costs the exact lookup that follows).
 */
export class HashedSet {
  private readonly bits = new Uint32Array(1 << (HASH_BITS - 5));

  constructor(private readonly words: ReadonlySet<string>) {
    for (const w of words) {
      const h = hashRange(w, 0, w.length);
      this.bits[h >>> 5] = this.bits[h >>> 5]! | (1 << (h & 31));
    }
  }

  has(text: string, t: Token): boolean {
    // every set uses the same hash: a token is hashed once for all the lookups made on it
    const h = t.hash >= 0 ? t.hash : (t.hash = hashRange(text, t.s, t.e));
    if ((this.bits[h >>> 5]! & (1 << (h & 31))) === 0) return false;
    return this.words.has(t.v);
  }
}

/** The word sets of one language, built once. */
export interface LanguageSets {
  /** Words that can start a claim; every other word is passed over at once. */
  triggers: ReadonlySet<string>;
  triggerSet: HashedSet;
  /** The first words of every phrase table the extractor may consult for this language. */
  firstWords: HashedSet;
  idiomWords: HashedSet;
}

const cache = new Map<Language, LanguageSets>();

export function languageSets(lang: Language): LanguageSets {
  const cached = cache.get(lang);
  if (cached) return cached;
  const triggers = triggerWords(lang);
  const sets: LanguageSets = {
    triggers,
    triggerSet: new HashedSet(triggers),
    firstWords: new HashedSet(phraseFirstWords(lang)),
    idiomWords: new HashedSet(LEXICONS[lang].idiomWords),
  };
  cache.set(lang, sets);
  return sets;
}

function phraseFirstWords(lang: Language): Set<string> {
  const lex = LEXICONS[lang];
  const tables: PhraseTable<unknown>[] = [lex.qualifiersBefore, lex.qualifiersAfter, lex.currencies, lex.percentWords,
    lex.timeUnits, lex.measures, lex.nouns, lex.stopNouns, lex.idioms, lex.ageBandsBefore, lex.ratioWords, lex.centuries, lex.backReferences, lex.scoreAfter, LEXICONS.en.stopNouns, LEXICONS.en.measures];
  const set = new Set<string>();
  for (const table of tables) for (const w of table.firstWords()) set.add(w);
  for (const w of [...set]) for (const prefix of lex.clitics) set.add(prefix + w);
  return set;
}

function triggerWords(lang: Language): ReadonlySet<string> {
  const lex = LEXICONS[lang];
  const set = new Set<string>([
    ...lex.numbers.keys(), ...lex.hundreds.keys(), ...lex.scales.keys(), ...lex.pluralScales.keys(),
    ...lex.dualScales.keys(), ...lex.fewWords, ...lex.extraTriggers, ...lex.currencyDuals.keys(), ...lex.fractionDuals.keys(), ...lex.decadeNames.keys(), ...lex.zeroWords,
  ]);
  // masculine duals of the counted nouns: مشروعين, مقعدان
  if (lex.nounDualEndings.length > 0) {
    const listed = lex.nouns.words();
    for (const noun of listed) {
      for (const ending of lex.nounDualEndings) if (!listed.has(noun + ending) && noun.length >= 3) set.add(noun + ending);
    }
  }
  // the same words with their clitics: وثلاثة, بنحو, لأكثر, الثلاثة, والخمسة
  for (const w of [...set]) for (const prefix of lex.clitics) set.add(prefix + w);
  return set;
}
