/**
 * Prints the claims of each file as one JSON line: `npm run --silent extract -- [--lang ar|en|vi] FILE...`
 * (`-` reads standard input, `--help` for the details). The logic is in ./cli/extract.
 */
import { readFile } from 'node:fs/promises';
import { runExtract } from './cli/extract';

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

// A closed reader (e.g. `| head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runExtract(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
  readFile: (path) => readFile(path),
});
