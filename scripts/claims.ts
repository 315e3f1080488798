/**
 * `npm run claims`: extracts the claims of the articles given on the command line (text files, or
 * JSON files with a "text" field), or of the sample articles in test/fixtures/articles, and
 * prints them as a readable table.
 */
import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../shared/claims/index';
import type { ExtractedClaim } from '../shared/schemas/claim';

const SAMPLES = fileURLToPath(new URL('../test/fixtures/articles/', import.meta.url));

async function articleText(path: string): Promise<string> {
  const raw = await readFile(path, 'utf8');
  if (!path.endsWith('.json')) return raw;
  const parsed: unknown = JSON.parse(raw);
  if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { text?: unknown }).text === 'string') {
    return (parsed as { text: string }).text;
  }
  throw new Error('a JSON article needs a "text" field');
}

function describe(c: ExtractedClaim): string {
  const amount =
    c.qualifier === 'vague' ? `${c.min}..${c.max}` : c.qualifier === 'range' ? `${c.value}..${c.max}` : String(c.value);
  return `  ${c.kind.padEnd(8)} ${c.qualifier.padEnd(9)} ${amount.padStart(16)} ${c.unit.padEnd(14)} ${JSON.stringify(c.text)}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const files = args.length > 0 ? args : (await readdir(SAMPLES)).sort().map((name) => join(SAMPLES, name));
  if (args.length === 0) console.log(`No article given: extracting the samples in ${SAMPLES}\n`);
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = await articleText(file);
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    const started = performance.now();
    const { language, claims } = extractClaims(text);
    const ms = (performance.now() - started).toFixed(1);
    console.log(`${basename(file)} (${language}, ${text.length} characters): ${claims.length} claims in ${ms} ms`);
    for (const claim of claims) console.log(describe(claim));
    console.log('');
  }
  console.log('JSON output for tools: npm run --silent extract -- FILE...   Scores: npm run eval -- DIR');
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
