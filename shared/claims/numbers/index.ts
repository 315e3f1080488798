/** Reads the number at a token: digits (numbers/digits.ts) or words (numbers/words.ts). */
import type { Scan } from '../scan';
import { NUM } from '../tokenize';
import type { NumberRead, Read } from '../types';
import { readDigits } from './digits';
import { readWords } from './words';

export { parseNumeral } from './numeral';

export function readNumber(s: Scan, i: number): Read<NumberRead> {
  return s.toks[i]!.type === NUM ? readDigits(s, i) : readWords(s, i);
}
