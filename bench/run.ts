/**
 * Extraction throughput, per language, against a floor and a peer.
 *
 *   npm run bench                 the dev corpus (../shared/corpus/dev beside the repository)
 *   npm run bench -- DIR          the *.json / *.txt files of DIR (relative to the repository root)
 *   npm run bench -- --json       the same figures as one JSON object on stdout
 *
 * If the directory does not exist, the small articles of test/fixtures/articles/ are used instead
 * (and the output says so).
 *
 * Contenders, all timed on the same texts:
 * - extractor: `extractClaims(text)` over every text of the language; whole passes over the texts
 *   are repeated until at least 1 s has been measured (after a warm-up);
 * - floor: one scan of `/\d+/g` counting matches over the same texts, for the same number of
 *   passes (if that would take more than 3 s, as with a trivial extractor, it runs passes for at
 *   least 1 s instead and reports its own pass count);
 * - peer: @microsoft/recognizers-text-suite's recognizeNumber + recognizeCurrency +
 *   recognizePercentage with Culture.English on each sentence of each text (the sentences of
 *   `countSentences`, split once before timing: the recognizers slow down more than linearly
 *   on whole articles, which would flatter the extractor); it is slow, so it runs whole passes
 *   until at least 2 s have been measured, and at least one pass. It has no Arabic or Vietnamese
 *   models: on ar and vi texts only its speed is comparable, not what it finds.
 *
 * Short texts: the same extractor, one short text per call (the QuanTemp claims of
 * ../shared/realtext when present, else the sentences of the texts above), reported as MB/s,
 * calls/s and microseconds per call. Short claims run at fewer MB/s than articles because
 * they hold more numbers per byte, not because of a per-call cost (see the README).
 *
 * MB/s counts UTF-8 bytes (1 MB = 10^6 bytes). Sentences/s uses one count per text for all three
 * contenders, from `countSentences` below. The "all" row sums the per-language runs: bytes (and
 * sentences) processed over time spent.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { extractClaims } from '../shared/claims/index';
import { LANGUAGES, Language } from '../shared/schemas/claim';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_DIR = fileURLToPath(new URL('../../shared/corpus/dev', import.meta.url));
const FALLBACK_DIR = fileURLToPath(new URL('../test/fixtures/articles', import.meta.url));
const SHORT_TEXTS = fileURLToPath(new URL('../../shared/realtext/quantemp_test.csv', import.meta.url));

const EXTRACTOR_MIN_MS = 1000;
const FLOOR_MAX_MS = 3000;
const FLOOR_MIN_MS = 1000;
const PEER_MIN_MS = 2000;
const WARM_UP_MS = 200;

const USAGE = `Usage: npm run bench -- [DIR] [--json]

Measures extractClaims throughput per language (MB/s of UTF-8 and sentences/s) against a plain
/\\d+/g scan (the floor) and @microsoft/recognizers-text-suite with Culture.English (the peer).
DIR defaults to ../shared/corpus/dev beside the repository; a missing DIR falls back to
test/fixtures/articles/. Files: *.json with {"language", "text"} (other fields ignored) and *.txt
(language from an ar/en/vi token in the file name, else detected by the extractor).

  --json   print the figures as one JSON object on stdout (notes go to stderr)
  --help   print this help
`;

// ---------------------------------------------------------------------------------------------
// Input

interface BenchText {
  file: string;
  language: Language;
  text: string;
  bytes: number;
  sentences: number;
}

const TextFile = z.object({ language: Language, text: z.string() });

/**
 * Sentence count used for every contender: a run of . ! ? ؟ 。 ends a sentence when followed by
 * whitespace or the end of the text (so "14.3" or "5.500" does not split), and every line break
 * ends one (headlines and one-line paragraphs count as sentences). Segments without a letter or
 * digit are not counted. Abbreviations such as "Dr." over-count slightly.
 */
export function countSentences(text: string): number {
  let count = 0;
  for (const segment of text.split(/[.!?؟。]+(?=\s|$)|\n+/u)) {
    if (/[\p{L}\p{N}]/u.test(segment)) count++;
  }
  return count;
}

/** The sentences `countSentences` counts, as the texts the peer is given one at a time. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?؟。]+)(?=\s)|\n+/u).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const PEER_SENTENCES = new WeakMap<BenchText, string[]>();
const peerSentences = (t: BenchText): string[] => {
  let sentences = PEER_SENTENCES.get(t);
  if (!sentences) PEER_SENTENCES.set(t, (sentences = splitSentences(t.text)));
  return sentences;
};

function languageFromName(name: string): Language | undefined {
  const match = /(?:^|[^a-z])(ar|en|vi)(?=[^a-z]|$)/i.exec(name);
  return match ? (match[1]!.toLowerCase() as Language) : undefined;
}

async function loadTexts(dir: string, warn: (message: string) => void): Promise<BenchText[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') || n.endsWith('.txt')).sort();
  const texts: BenchText[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const raw = await readFile(path, 'utf8');
    let language: Language;
    let text: string;
    if (name.endsWith('.json')) {
      let data: unknown;
      try {
        data = JSON.parse(raw);
      } catch (error) {
        warn(`skipping ${name}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const parsed = TextFile.safeParse(data);
      if (!parsed.success) {
        warn(`skipping ${name}: no valid "language" and "text" fields`);
        continue;
      }
      ({ language, text } = parsed.data);
    } else {
      text = raw;
      language = languageFromName(basename(name, '.txt')) ?? extractClaims(text).language;
    }
    texts.push({ file: name, language, text, bytes: Buffer.byteLength(text, 'utf8'), sentences: countSentences(text) });
  }
  return texts;
}

// ---------------------------------------------------------------------------------------------
// Timing

interface Run {
  /** Whole passes over the texts of the group. */
  passes: number;
  seconds: number;
  /** Sum of what the contender found (claims, matches, entities), so no work is optimized away. */
  found: number;
}

/** Runs whole passes of `pass` until `minMs` have passed (at least `minPasses`, at most `maxPasses`). */
/** Alternating rounds of extractor and floor; each keeps its fastest. */
const ROUNDS = 5;

function timePasses(pass: () => number, minMs: number, minPasses = 1, maxPasses = Number.POSITIVE_INFINITY): Run {
  let passes = 0;
  let found = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (passes < maxPasses && (passes < minPasses || elapsed < minMs)) {
    found += pass();
    passes++;
    elapsed = performance.now() - t0;
  }
  return { passes, seconds: elapsed / 1000, found };
}

function warmUp(pass: () => number): void {
  const t0 = performance.now();
  do pass();
  while (performance.now() - t0 < WARM_UP_MS);
}

// ---------------------------------------------------------------------------------------------
// Contenders

type Recognize = (query: string, culture: string) => unknown[];
interface Peer {
  name: string;
  version: string;
  culture: string;
  recognizers: Recognize[];
}

/** Loaded on demand: the recognizers take a while to load and are only a benchmark reference. */
async function loadPeer(): Promise<Peer> {
  const suite = await import('@microsoft/recognizers-text-suite');
  const pkg = createRequire(import.meta.url)('@microsoft/recognizers-text-suite/package.json') as { version: string };
  const peer: Peer = {
    name: '@microsoft/recognizers-text-suite',
    version: pkg.version,
    culture: suite.Culture.English,
    recognizers: [suite.recognizeNumber, suite.recognizeCurrency, suite.recognizePercentage],
  };
  // First calls build the English models: keep that out of the measurements.
  for (const recognize of peer.recognizers) recognize('More than 40 engineers earned $3.5 million, up 12% in 2021.', peer.culture);
  return peer;
}

function extractorPass(texts: readonly BenchText[]): number {
  let found = 0;
  for (const t of texts) found += extractClaims(t.text).claims.length;
  return found;
}

const DIGITS = /\d+/g;
function floorPass(texts: readonly BenchText[]): number {
  let found = 0;
  for (const t of texts) {
    DIGITS.lastIndex = 0;
    while (DIGITS.exec(t.text) !== null) found++;
  }
  return found;
}

function peerPass(peer: Peer, texts: readonly BenchText[]): number {
  let found = 0;
  for (const t of texts) {
    for (const sentence of peerSentences(t)) for (const recognize of peer.recognizers) found += recognize(sentence, peer.culture).length;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Throughput extends Run {
  mbPerSecond: number;
  sentencesPerSecond: number;
}

interface GroupFigures {
  language: Language | 'all';
  files: number;
  bytes: number;
  sentences: number;
  extractor: Throughput;
  floor: Throughput & { sameRepetitions: boolean };
  peer: Throughput;
  ratios: { extractorOverPeer: number; floorOverExtractor: number };
}

function throughput(run: Run, bytes: number, sentences: number): Throughput {
  return {
    ...run,
    mbPerSecond: (bytes * run.passes) / 1e6 / run.seconds,
    sentencesPerSecond: (sentences * run.passes) / run.seconds,
  };
}

function ratios(extractor: Throughput, floor: Throughput, peer: Throughput): GroupFigures['ratios'] {
  return {
    extractorOverPeer: extractor.mbPerSecond / peer.mbPerSecond,
    floorOverExtractor: floor.mbPerSecond / extractor.mbPerSecond,
  };
}

function measureGroup(language: Language, texts: readonly BenchText[], peer: Peer, progress: (m: string) => void): GroupFigures {
  const bytes = texts.reduce((sum, t) => sum + t.bytes, 0);
  const sentences = texts.reduce((sum, t) => sum + t.sentences, 0);

  // The extractor and the floor run in alternating rounds and each keeps its fastest round, so
  // that a pause of the machine in one round does not skew the ratio between them.
  progress(`${language}: extractor and floor`);
  warmUp(() => extractorPass(texts));
  warmUp(() => floorPass(texts));
  let extractorRun: Run | undefined;
  let floorRun: Run | undefined;
  let sameRepetitions = true;
  for (let round = 0; round < ROUNDS; round++) {
    const e = timePasses(() => extractorPass(texts), EXTRACTOR_MIN_MS / ROUNDS);
    const probe = timePasses(() => floorPass(texts), 0);
    const same = probe.seconds * 1000 * e.passes <= FLOOR_MAX_MS / ROUNDS;
    const f = same
      ? timePasses(() => floorPass(texts), 0, e.passes, e.passes)
      : timePasses(() => floorPass(texts), FLOOR_MIN_MS / ROUNDS);
    sameRepetitions &&= same;
    if (!extractorRun || e.seconds / e.passes < extractorRun.seconds / extractorRun.passes) extractorRun = e;
    if (!floorRun || f.seconds / f.passes < floorRun.seconds / floorRun.passes) floorRun = f;
  }

  progress(`${language}: peer`);
  for (const t of texts) peerSentences(t); // split before the clock starts
  const peerRun = timePasses(() => peerPass(peer, texts), PEER_MIN_MS);

  const extractor = throughput(extractorRun!, bytes, sentences);
  const floor = { ...throughput(floorRun!, bytes, sentences), sameRepetitions };
  const peerFigures = throughput(peerRun, bytes, sentences);
  return {
    language,
    files: texts.length,
    bytes,
    sentences,
    extractor,
    floor,
    peer: peerFigures,
    ratios: ratios(extractor, floor, peerFigures),
  };
}

/** The "all" row: the per-language runs summed (work done over time spent). */
function sumGroups(groups: readonly GroupFigures[]): GroupFigures {
  const total = (pick: (g: GroupFigures) => Throughput, bytesOf: (g: GroupFigures) => number, sentencesOf: (g: GroupFigures) => number): Throughput => {
    const seconds = groups.reduce((s, g) => s + pick(g).seconds, 0);
    const bytes = groups.reduce((s, g) => s + bytesOf(g) * pick(g).passes, 0);
    const sentences = groups.reduce((s, g) => s + sentencesOf(g) * pick(g).passes, 0);
    return {
      passes: Number.NaN, // passes differ per language
      seconds,
      found: groups.reduce((s, g) => s + pick(g).found, 0),
      mbPerSecond: bytes / 1e6 / seconds,
      sentencesPerSecond: sentences / seconds,
    };
  };
  const bytesOf = (g: GroupFigures) => g.bytes;
  const sentencesOf = (g: GroupFigures) => g.sentences;
  const extractor = total((g) => g.extractor, bytesOf, sentencesOf);
  const floor = { ...total((g) => g.floor, bytesOf, sentencesOf), sameRepetitions: groups.every((g) => g.floor.sameRepetitions) };
  const peer = total((g) => g.peer, bytesOf, sentencesOf);
  return {
    language: 'all',
    files: groups.reduce((s, g) => s + g.files, 0),
    bytes: groups.reduce((s, g) => s + g.bytes, 0),
    sentences: groups.reduce((s, g) => s + g.sentences, 0),
    extractor,
    floor,
    peer,
    ratios: ratios(extractor, floor, peer),
  };
}

// ---------------------------------------------------------------------------------------------
// Short texts, one per call

interface ShortFigures {
  source: string;
  texts: number;
  bytes: number;
  claims: number;
  numbersPerKb: number;
  mbPerSecond: number;
  callsPerSecond: number;
  microsecondsPerCall: number;
}

/** The claims of a QuanTemp CSV (first column, quoted), or the sentences of the texts. */
async function loadShortTexts(texts: readonly BenchText[]): Promise<{ source: string; texts: string[] }> {
  if (existsSync(SHORT_TEXTS)) {
    const csv = await readFile(SHORT_TEXTS, 'utf8');
    const claims = csv.split('\n').slice(1).map((line) => line.replace(/,[A-Za-z ]+$/, '').replace(/^"+|"+$/g, '').trim()).filter(Boolean);
    return { source: SHORT_TEXTS, texts: claims };
  }
  const sentences = texts.flatMap((t) => t.text.split(/(?<=[.!?؟])\s+|\n+/u)).map((s) => s.trim()).filter((s) => /\d/.test(s));
  return { source: 'sentences with a number of the texts above', texts: sentences };
}

function measureShort(source: string, texts: readonly string[]): ShortFigures {
  const pass = (): number => {
    let found = 0;
    for (const t of texts) found += extractClaims(t).claims.length;
    return found;
  };
  warmUp(pass);
  let best: Run | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    const r = timePasses(pass, EXTRACTOR_MIN_MS / ROUNDS);
    if (!best || r.seconds / r.passes < best.seconds / best.passes) best = r;
  }
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t, 'utf8'), 0);
  const numbers = texts.reduce((s, t) => s + (t.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0), 0);
  const perPass = best!.seconds / best!.passes;
  return {
    source,
    texts: texts.length,
    bytes,
    claims: best!.found / best!.passes,
    numbersPerKb: (numbers / bytes) * 1000,
    mbPerSecond: bytes / 1e6 / perPass,
    callsPerSecond: texts.length / perPass,
    microsecondsPerCall: (perPass / texts.length) * 1e6,
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (n >= 100) return Math.round(n).toLocaleString('en-US');
  if (n >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

function table(rows: readonly GroupFigures[]): string {
  const header = [
    'lang', 'files', 'KB', 'sentences',
    'extractor MB/s', 'extractor sent/s', 'floor MB/s', 'peer MB/s', 'peer sent/s',
    'extractor/peer', 'floor/extractor',
  ];
  const body = rows.map((r) => [
    r.language, String(r.files), fmt(r.bytes / 1000), String(r.sentences),
    fmt(r.extractor.mbPerSecond), fmt(r.extractor.sentencesPerSecond), fmt(r.floor.mbPerSecond),
    fmt(r.peer.mbPerSecond), fmt(r.peer.sentencesPerSecond),
    `${fmt(r.ratios.extractorOverPeer)}x`, `${fmt(r.ratios.floorOverExtractor)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function passesNote(rows: readonly GroupFigures[]): string {
  return rows
    .filter((r) => r.language !== 'all')
    .map((r) => `${r.language}: extractor ${r.extractor.passes} in ${r.extractor.seconds.toFixed(2)} s, floor ${r.floor.passes}${r.floor.sameRepetitions ? '' : ' (not the same: capped to about 1 s)'}, peer ${r.peer.passes} in ${r.peer.seconds.toFixed(2)} s`)
    .join('\n  ');
}

// ---------------------------------------------------------------------------------------------

async function main(argv: readonly string[]): Promise<number> {
  let json = false;
  let dirArg: string | undefined;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (arg.startsWith('-')) {
      process.stderr.write(`bench: unknown option '${arg}'\n\n${USAGE}`);
      return 2;
    } else if (dirArg === undefined) dirArg = arg;
    else {
      process.stderr.write(`bench: only one directory, got '${dirArg}' and '${arg}'\n\n${USAGE}`);
      return 2;
    }
  }

  const note = (message: string) => process.stderr.write(`bench: ${message}\n`);
  const progress = (message: string) => {
    if (process.stderr.isTTY) process.stderr.write(`bench: measuring ${message}...\n`);
  };

  const wanted = dirArg === undefined ? DEFAULT_DIR : resolve(REPO_ROOT, dirArg);
  const isDir = existsSync(wanted) && statSync(wanted).isDirectory();
  const dir = isDir ? wanted : FALLBACK_DIR;
  const fallbackNote = isDir ? undefined : `${wanted} does not exist; using the fixture articles of ${FALLBACK_DIR}`;
  if (fallbackNote) note(fallbackNote);

  const texts = await loadTexts(dir, note);
  if (texts.length === 0) {
    note(`no *.json or *.txt article in ${dir}`);
    return 1;
  }

  const peer = await loadPeer();
  const groups: GroupFigures[] = [];
  for (const language of LANGUAGES) {
    const ofLanguage = texts.filter((t) => t.language === language);
    if (ofLanguage.length > 0) groups.push(measureGroup(language, ofLanguage, peer, progress));
  }
  const rows = [...groups, sumGroups(groups)];
  progress('short texts');
  const shortTexts = await loadShortTexts(texts);
  const short = measureShort(shortTexts.source, shortTexts.texts);
  const numbersPerKb = (bytes: number, all: readonly BenchText[]) =>
    (all.reduce((s, t) => s + (t.text.match(/\d+(?:[.,]\d+)*/g)?.length ?? 0), 0) / bytes) * 1000;

  const peerNote = `${peer.name} ${peer.version}: recognizeNumber + recognizeCurrency + recognizePercentage on one sentence at a time, Culture.English (${peer.culture}) for every language; it supports neither Arabic nor Vietnamese, so on ar and vi texts only its speed is comparable`;
  const sentenceNote = 'sentences: a run of . ! ? ؟ 。 followed by whitespace or the end of the text, or a line break, ends a sentence; the same count for every contender';
  const date = new Date().toISOString();

  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          date,
          node: process.version,
          platform: `${process.platform}-${process.arch}`,
          source: { dir, fallback: fallbackNote !== undefined, files: texts.length },
          units: { mbPerSecond: 'UTF-8 bytes / 1e6 per second', sentencesPerSecond: 'countSentences per second' },
          sentenceSplitter: sentenceNote,
          floor: '/\\d+/g counting matches, same passes as the extractor unless capped (sameRepetitions)',
          peer: { name: peer.name, version: peer.version, culture: peer.culture, note: peerNote },
          groups: rows,
          short,
        },
        (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
        2,
      )}\n`,
    );
    return 0;
  }

  const out = [
    `extraction throughput, ${date}, Node ${process.version} (${process.platform}-${process.arch})`,
    `texts: ${texts.length} files from ${dir}${fallbackNote ? ' (fallback: the corpus directory was not found)' : ''}`,
    '',
    table(rows),
    '',
    'MB/s: UTF-8 bytes (1 MB = 10^6 bytes) per second. all: the per-language runs summed.',
    `${sentenceNote}.`,
    'floor: one /\\d+/g scan counting matches, over the same passes as the extractor.',
    `peer: ${peerNote}.`,
    `passes: ${passesNote(rows)}`,
    '',
    `short texts, one per call: ${short.texts} texts (${fmt(short.bytes / 1000)} KB) from ${short.source}`,
    `  extractor ${fmt(short.mbPerSecond)} MB/s, ${fmt(short.callsPerSecond)} calls/s, ${short.microsecondsPerCall.toFixed(1)} µs per call, ${fmt(short.claims)} claims`,
    `  numbers per KB: ${short.numbersPerKb.toFixed(1)} here, ${rows.filter((r) => r.language !== 'all').map((r) => `${r.language} ${numbersPerKb(r.bytes, texts.filter((t) => t.language === r.language)).toFixed(1)}`).join(', ')} in the texts above: MB/s falls with the numbers per byte`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
