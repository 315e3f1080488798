import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/index';
import { ExtractedClaim, type ExtractionResult, type Language } from '../../../shared/schemas/claim';

/**
 * Robustness of the extractor on hostile input: it never throws, every claim it returns honours
 * the contract of shared/schemas/claim.ts, and its running time grows about linearly with the
 * input on inputs built to trigger regex backtracking.
 */

const LANGUAGE_OPTION = fc.constantFrom<Language | undefined>(undefined, 'ar', 'en', 'vi');

function run(text: string, language: Language | undefined): ExtractionResult {
  return language === undefined ? extractClaims(text) : extractClaims(text, { language });
}

/** Throws (with the claim in the message) unless every claim of `result` honours the contract for `text`. */
function checkClaims(text: string, result: ExtractionResult): void {
  for (const claim of result.claims) {
    const where = `claim ${JSON.stringify(claim)}`;
    const parsed = ExtractedClaim.safeParse(claim);
    if (!parsed.success) throw new Error(`${where} breaks the schema: ${parsed.error.message}`);
    const { start, end, sentence, value, min, max } = claim;
    expect(Number.isSafeInteger(start) && Number.isSafeInteger(end), where).toBe(true);
    expect(0 <= start && start < end && end <= text.length, `${where}: span outside 0..${text.length}`).toBe(true);
    expect(claim.text, `${where}: text is not input.slice(start, end)`).toBe(text.slice(start, end));
    expect(
      sentence.start <= start && end <= sentence.end && sentence.end <= text.length,
      `${where}: sentence does not contain the claim inside 0..${text.length}`,
    ).toBe(true);
    for (const n of [value, min, max]) {
      if (n !== null) expect(Number.isFinite(n), `${where}: non-finite number`).toBe(true);
    }
    if (min !== null && max !== null) expect(min <= max, `${where}: min > max`).toBe(true);
  }
}

// One UTF-16 code unit of any value, lone surrogates included (fast-check's 'binary' unit never
// produces half a surrogate pair).
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const TRICKY_PIECES = [
  '\uD800', '\uDC00', '\uDBFF', '\uDFFF', '\uD83D\uDE00',
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u200B', '\u200C', '\u200D', '\uFEFF', '\u00A0', '\u202F', '\u2009', '\u0640',
  '٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩',
  '۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹',
  '٫', '٬', ',', '.', ' ', '  ', '\t', '\n', '\r\n', '\n\n', '-', '–', '/', ':', '(', ')', '+', '~',
  '%', '٪', '$', '£', '€', 'USD', 'đồng', 'đ', 'درهم', 'دولار', 'ريال',
  'مليون', 'ملايين', 'مليار', 'ألف', 'آلاف', 'أكثر من', 'أقل من', 'نحو', 'قرابة', 'بنسبة', 'عام', 'في المئة',
  'triệu', 'nghìn', 'ngàn', 'tỷ', 'tỉ', 'hơn', 'khoảng', 'gần', 'dưới', 'vượt', 'năm', 'phần trăm', 'người',
  'more than', 'less than', 'about', 'nearly', 'up to', 'at least', 'billion', 'million', 'thousand',
  'percent', 'dozens', 'hundreds', 'one', 'twenty', 'in', 'years', 'km', 'engineers', 'between', 'and',
  '0', '1', '7', '12', '40', '2021', '1999', '3.5', '1,200', '1.200', '22,99', '10^9', '1e9', '007',
  '99999999999999999999', '1'.repeat(400), '9'.repeat(40),
];

const trickyText = fc.array(fc.oneof(fc.constantFrom(...TRICKY_PIECES), codeUnit), { maxLength: 60 }).map((parts) => parts.join(''));

const REALISTIC = [
  'The company hired more than 40 engineers in 2021 and raised $14.3 billion, up 12% from a year earlier.',
  'About 1,200 people, roughly 3.5 percent of the town, moved away between 2015 and 2019.',
  'وقالت الشركة إنها وظفت أكثر من 40 مهندسا عام 2021، وإن إيراداتها ارتفعت بنسبة 12% إلى 3.5 مليار دولار.',
  'وبلغ عدد الزوار نحو ١٢٠٠ زائر، أي ما يعادل ٣٫٥ في المئة من السكان، خلال ٣ أشهر.',
  'Công ty đã tuyển hơn 40 kỹ sư trong năm 2021, doanh thu tăng 12% lên 3,5 tỷ USD.',
  'Khoảng 1.200 người, tương đương 22,99 triệu đồng mỗi người, đã đăng ký trong 6 giờ 30 phút.',
].join('\n');

describe('extractClaims on arbitrary input', () => {
  it('never throws and honours the contract on any code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), LANGUAGE_OPTION, (text, language) => {
        checkClaims(text, run(text, language));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and honours the contract on any UTF-16 code units (lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 300 }), LANGUAGE_OPTION, (text, language) => {
        checkClaims(text, run(text, language));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and honours the contract on text built from numbers, units, qualifiers and marks', () => {
    fc.assert(
      fc.property(trickyText, LANGUAGE_OPTION, (text, language) => {
        checkClaims(text, run(text, language));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and honours the contract on realistic text with pieces spliced in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: REALISTIC.length }), trickyText), { maxLength: 6 }),
        LANGUAGE_OPTION,
        (edits, language) => {
          let text = REALISTIC;
          for (const [at, piece] of edits) text = text.slice(0, at) + piece + text.slice(at);
          checkClaims(text, run(text, language));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles about 1 MB of realistic text and 1 MB of random characters', () => {
    const big = REALISTIC.repeat(Math.ceil(1_000_000 / REALISTIC.length) + 1);
    checkClaims(big, run(big, undefined));
    const random = fc.sample(fc.string({ unit: codeUnit, minLength: 1_000_000, maxLength: 1_000_000 }), { numRuns: 1, seed: 42 })[0] as string;
    checkClaims(random, run(random, undefined));
    const mixed = fc.sample(trickyText, { numRuns: 40_000, seed: 7 }).join(' ').slice(0, 1_000_000);
    checkClaims(mixed, run(mixed, undefined));
  });
});

/**
 * Median time of one call on `text`, over `samples` samples; each sample repeats the call until
 * at least `minMs` has passed so that very fast calls are still measured.
 */
function medianCallMs(text: string, samples = 3, minMs = 15): number {
  const times: number[] = [];
  let sink = 0;
  for (let s = 0; s < samples; s++) {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    do {
      sink += extractClaims(text).claims.length;
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < minMs);
    times.push(elapsed / calls);
  }
  if (sink < 0) throw new Error('unreachable');
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Repeats `unit` (or calls `make`) until the text reaches `size` UTF-16 code units. */
function grow(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const NUMBER_WORDS = 'one two three four five six seven eight nine ten eleven twelve thirteen twenty thirty hundred thousand million billion ';

/** Inputs shaped to make a backtracking regex or a quadratic scan blow up. */
const ADVERSARIAL: Record<string, (size: number) => string> = {
  'a run of digits': (n) => '1'.repeat(n),
  'digits and commas': (n) => grow('1,', n),
  'digits and dots': (n) => grow('1.', n),
  'repeated "more than "': (n) => grow('more than ', n),
  'repeated "أكثر من "': (n) => grow('أكثر من ', n),
  'spaces then a digit': (n) => ' '.repeat(n - 1) + '7',
  'number words': (n) => grow(NUMBER_WORDS, n),
  'Arabic separators and digits': (n) => grow('١٫٢٬٣٫٤٬٥', n),
  'repeated "$1 million "': (n) => grow('$1 million ', n),
  'Vietnamese "hơn khoảng 1.000,5 tỷ "': (n) => grow('hơn khoảng 1.000,5 tỷ ', n),
};

const SMALL = 20_000;
const LARGE = SMALL * 8;
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The growth of the running time from `a` to `b`, measured so that load on the machine cannot
 * decide it: the two are timed in alternation, round after round, and the median of the
 * per-round ratios is kept (a slow spell slows both sides of a round alike).
 */
function growth(a: string, b: string): number {
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) ratios.push(medianCallMs(b) / Math.max(medianCallMs(a), 1e-3));
  return median(ratios);
}

describe('extractClaims running time', () => {
  it.each(Object.entries(ADVERSARIAL))('grows about linearly on %s', (_name, make) => {
    const tiny = make(SMALL / 8);
    const small = make(SMALL);
    const large = make(LARGE);
    expect(small.length).toBe(SMALL);
    expect(large.length).toBe(LARGE);
    // Warm-up: compile the regexes and let the JIT settle on this shape of input.
    for (let i = 0; i < 3; i++) extractClaims(small);

    // Linear growth gives a ratio of about 8 for 8x the input; 24 leaves room for noise and GC,
    // quadratic gives 64. The step below is checked first, so that a quadratic extractor fails
    // there instead of spending minutes on the large input.
    const first = growth(tiny, small);
    expect(first, `8x the input (${SMALL / 8} -> ${SMALL}) took ${first.toFixed(1)}x the time`).toBeLessThan(24);
    const second = growth(small, large);
    expect(second, `8x the input (${SMALL} -> ${LARGE}) took ${second.toFixed(1)}x the time`).toBeLessThan(24);
  });
});
