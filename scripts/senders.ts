/**
 * Manages the webhook's senders: `npm run --silent senders -- add|rotate|promote|revoke|list ...`
 * (`--help` for the details). The logic is in ./cli/senders.
 */
import { readFile } from 'node:fs/promises';
import { runSenders } from './cli/senders';

// The AWS SDK announces that its 2027 releases will need Node 22; the versions pinned here run on
// Node 20, so that notice is left out of what the operator reads.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning')) console.warn(warning);
});

process.exitCode = await runSenders(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  now: () => new Date(),
});
