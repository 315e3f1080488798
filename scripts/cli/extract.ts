import { extractClaims } from '../../shared/claims/index';
import { LANGUAGES, Language } from '../../shared/schemas/claim';
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
  const files: string[] = [];
  let language: Language | undefined;
  let optionsEnded = false;

  const setLanguage = (raw: string | undefined): string | undefined => {
    if (raw === undefined || raw === '') return `--lang needs a value (one of ${LANGUAGES.join(', ')})`;
    const parsed = Language.safeParse(raw);
    if (!parsed.success) return `invalid --lang '${raw}': expected one of ${LANGUAGES.join(', ')}`;
    language = parsed.data;
    return undefined;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
    } else if (arg === '--') {
      optionsEnded = true;
    } else if (arg === '--help' || arg === '-h') {
      return { kind: 'help' };
    } else if (arg === '--lang') {
      const problem = setLanguage(argv[++i]);
      if (problem) return { kind: 'error', message: problem };
    } else if (arg.startsWith('--lang=')) {
      const problem = setLanguage(arg.slice('--lang='.length));
      if (problem) return { kind: 'error', message: problem };
    } else {
      return { kind: 'error', message: `unknown option '${arg}'` };
    }
  }
  if (files.length === 0) return { kind: 'error', message: 'no input file given', noFiles: true };
  return { kind: 'run', files, language };
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
