import { extractClaims } from '../../shared/claims/index';
import { LANGUAGES, Language } from '../../shared/schemas/claim';
import { readCommandLine } from '../lib/args';
import { describeReadError } from './read-error';

/**
 * Everything the extract command touches outside itself, so that it can run against real streams
 * (see scripts/extract.ts) or in memory.
 */
export interface ExtractIO {
  /** Writes to standard output (the text is written as given; lines end with "\n"). */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Reads all of standard input. Called at most once per run. */
  readStdin(): Promise<Uint8Array>;
  /** Reads a whole file; rejects with a Node.js system error (`code` ENOENT, EISDIR, EACCES, ...). */
  readFile(path: string): Promise<Uint8Array>;
}

export const USAGE = `Usage: npm run --silent extract -- [--lang ar|en|vi] FILE...

Extracts the checkable claims of each FILE (UTF-8 text) and prints one JSON line per FILE, in the
order given: {"language": ..., "claims": [...]}, exactly the extractor's result. Claim offsets are
JavaScript string indices into the decoded text (a leading byte order mark is dropped).

  FILE          a path, or - for standard input (read once; a second - gets the same text)
  --lang LANG   force the language (ar, en or vi) instead of detecting it; also --lang=LANG
  --help, -h    print this help and exit
  --            end of options: the arguments after it are files, even if they start with -

Exit status: 0 when every FILE was processed; 1 when some FILE could not be read, was not valid
UTF-8 or failed to extract (a message naming it goes to standard error, and the remaining files
are still processed, their lines in order); 2 for a usage error (no FILE, unknown option, bad
--lang), with nothing printed on standard output.
`;

const PROGRAM = 'extract';

export type ParsedArgs =
  | { kind: 'help' }
  | { kind: 'error'; message: string; noFiles?: boolean }
  | { kind: 'run'; files: string[]; language: Language | undefined };

/** Parses the command line (the arguments after the script name). */
export function parseExtractArgs(argv: readonly string[]): ParsedArgs {
  const line = readCommandLine(argv, { lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (line.kind === 'help') return line;
  if (line.kind === 'error') {
    const message = line.message === '--lang needs a value' ? `--lang needs a value (one of ${LANGUAGES.join(', ')})` : line.message;
    return { kind: 'error', message };
  }
  let language: Language | undefined;
  if (line.values.lang !== undefined) {
    const parsed = Language.safeParse(line.values.lang);
    if (!parsed.success) return { kind: 'error', message: `invalid --lang '${line.values.lang}': expected one of ${LANGUAGES.join(', ')}` };
    language = parsed.data;
  }
  if (line.positionals.length === 0) return { kind: 'error', message: 'no input file given', noFiles: true };
  return { kind: 'run', files: line.positionals, language };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Runs the extract command; resolves to the exit status. Never rejects for bad input. */
export async function runExtract(argv: readonly string[], io: ExtractIO): Promise<number> {
  const args = parseExtractArgs(argv);
  if (args.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args.kind === 'error') {
    // No file at all gets the whole usage; other mistakes get the message and a pointer to it.
    io.stderr(`${PROGRAM}: ${args.message}\n${args.noFiles ? `\n${USAGE}` : `Run with --help for usage.\n`}`);
    return 2;
  }

  let stdin: Promise<Uint8Array> | undefined;
  let status = 0;
  for (const file of args.files) {
    const name = file === '-' ? '(standard input)' : file;
    let bytes: Uint8Array;
    try {
      bytes = await (file === '-' ? (stdin ??= io.readStdin()) : io.readFile(file));
    } catch (error) {
      io.stderr(`${PROGRAM}: ${name}: cannot read: ${describeReadError(error)}\n`);
      status = 1;
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      io.stderr(`${PROGRAM}: ${name}: not valid UTF-8 text\n`);
      status = 1;
      continue;
    }
    let line: string;
    try {
      const result = extractClaims(text, args.language === undefined ? {} : { language: args.language });
      line = JSON.stringify(result);
    } catch (error) {
      io.stderr(`${PROGRAM}: ${name}: extraction failed: ${error instanceof Error ? error.message : String(error)}\n`);
      status = 1;
      continue;
    }
    io.stdout(`${line}\n`);
  }
  return status;
}
