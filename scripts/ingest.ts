/**
 * Signs and posts articles to the webhook: `npm run --silent ingest -- [--url URL] [--secret whsec_...]
 * [--concurrency N] [--json] FILE|DIR...` (`--help` for the details). The logic is in ./cli/ingest.
 */
import { randomUUID } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { runIngest } from './cli/ingest';

// A closed reader (e.g. `| head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runIngest(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readFile: (path) => readFile(path),
  isDirectory: async (path) => (await stat(path)).isDirectory(),
  readDir: (path) => readdir(path),
  fetch: globalThis.fetch,
  now: () => new Date(),
  newId: () => randomUUID(),
});
