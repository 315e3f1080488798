import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../../../scripts/lib/args';

const OPTIONS = {
  url: { type: 'string' },
  tag: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('readCommandLine', () => {
  it('reads values in both spellings, repeated options, positionals and the end of options', () => {
    expect(readCommandLine(['--url', 'http://a', '--json', 'f1', '--tag=x', '--tag', 'y', '--', '--odd', '-'], OPTIONS)).toEqual({
      kind: 'ok',
      values: { url: 'http://a', json: true, tag: ['x', 'y'] },
      positionals: ['f1', '--odd', '-'],
    });
    expect(readCommandLine(['--url=a', '--url=b'], OPTIONS)).toEqual({ kind: 'ok', values: { url: 'b' }, positionals: [] });
    expect(readCommandLine(['-'], OPTIONS)).toEqual({ kind: 'ok', values: {}, positionals: ['-'] });
  });

  it('says which option is unknown, as written', () => {
    expect(readCommandLine(['f', '--bogus=3'], OPTIONS)).toEqual({ kind: 'error', message: "unknown option '--bogus=3'" });
    expect(readCommandLine(['-x'], OPTIONS)).toEqual({ kind: 'error', message: "unknown option '-x'" });
  });

  it('refuses a missing or empty value and a value given to a flag', () => {
    expect(readCommandLine(['f', '--url'], OPTIONS)).toEqual({ kind: 'error', message: '--url needs a value' });
    expect(readCommandLine(['--url=', 'f'], OPTIONS)).toEqual({ kind: 'error', message: '--url needs a value' });
    expect(readCommandLine(['--json=yes'], OPTIONS)).toEqual({ kind: 'error', message: '--json takes no value' });
  });

  it('answers help as soon as it is asked for, and reports a problem before it first', () => {
    expect(readCommandLine(['-h', '--bogus'], OPTIONS)).toEqual({ kind: 'help' });
    expect(readCommandLine(['f', '--help'], OPTIONS)).toEqual({ kind: 'help' });
    expect(readCommandLine(['--bogus', '--help'], OPTIONS)).toEqual({ kind: 'error', message: "unknown option '--bogus'" });
  });

  it('takes the next argument as the value even when it starts with a dash, as the commands always did', () => {
    expect(readCommandLine(['--url', '--json'], OPTIONS)).toEqual({ kind: 'ok', values: { url: '--json' }, positionals: [] });
  });
});
