import { parseArgs } from 'node:util';

/**
 * Command-line parsing for the repository's commands, on `node:util` `parseArgs`, with the
 * messages they all print: `unknown option '--x'`, `--url needs a value`, `--json takes no
 * value`. Options are read in order and the first problem wins; `--help`/`-h` (when declared)
 * wins over whatever follows it. A value may be given as `--name value` or `--name=value`, and
 * `--` ends the options. Checking values (numbers, languages, URLs) is the command's own work.
 */
export type OptionSpec = { type: 'string'; short?: string; multiple?: boolean } | { type: 'boolean'; short?: string };

export type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { multiple: true } ? string[] : string;
};

export type CommandLine<O extends Record<string, OptionSpec>> =
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; values: Values<O>; positionals: string[] };

export function readCommandLine<const O extends Record<string, OptionSpec>>(argv: readonly string[], options: O): CommandLine<O> {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  const values: Record<string, string | string[] | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue; // the terminator
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (spec === undefined) return { kind: 'error', message: `unknown option '${argv[token.index]}'` };
    if (spec.type === 'boolean') {
      if (token.inlineValue) return { kind: 'error', message: `${token.rawName} takes no value` };
      if (token.name === 'help') return { kind: 'help' };
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || token.value === '') return { kind: 'error', message: `${token.rawName} needs a value` };
    if ('multiple' in spec && spec.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    else values[token.name] = token.value;
  }
  return { kind: 'ok', values: values as Values<O>, positionals };
}
