import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract, type ExtractIO } from '../../../scripts/cli/extract';
import { ExtractionResult, type Language } from '../../../shared/schemas/claim';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const EN = 'The company hired more than 40 engineers in 2021. Its revenue rose 12% to $3.5 million.\n';
const AR = 'افتتحت البلدية 12 حديقة جديدة بتكلفة تجاوزت 3 ملايين درهم عام 2019، أي أكثر من نصف الخطة.\n';
const VI = 'Nhà máy tuyển thêm khoảng 250 công nhân trong năm 2022, tăng 15% so với năm trước.\n';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line as a child process. */
function runCli(args: readonly string[], input?: string | Uint8Array): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/extract.ts', ...args], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

function outputLines(stdout: string): string[] {
  expect(stdout.endsWith('\n') || stdout === '').toBe(true);
  return stdout.split('\n').slice(0, -1);
}

/** Checks one output line against the claim contract for the given input text. */
function expectContract(line: string, input: string, language?: Language): ExtractionResult {
  const result = ExtractionResult.parse(JSON.parse(line));
  if (language) expect(result.language).toBe(language);
  for (const claim of result.claims) {
    expect(claim.start).toBeLessThan(claim.end);
    expect(claim.end).toBeLessThanOrEqual(input.length);
    expect(claim.text).toBe(input.slice(claim.start, claim.end));
    expect(claim.sentence.start).toBeLessThanOrEqual(claim.start);
    expect(claim.end).toBeLessThanOrEqual(claim.sentence.end);
    expect(claim.sentence.end).toBeLessThanOrEqual(input.length);
  }
  return result;
}

let dir: string;
const files = { en: '', ar: '', vi: '', missing: '', badUtf8: '', subdir: '' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'extract-cli-'));
  files.en = join(dir, 'en.txt');
  files.ar = join(dir, 'ar.txt');
  files.vi = join(dir, 'vi.txt');
  files.missing = join(dir, 'does-not-exist.txt');
  files.badUtf8 = join(dir, 'latin1.txt');
  files.subdir = join(dir, 'a-directory');
  await writeFile(files.en, EN, 'utf8');
  await writeFile(files.ar, AR, 'utf8');
  await writeFile(files.vi, VI, 'utf8');
  // "Nhà máy" in Latin-1: 0xE0 starts a three-byte sequence that never completes.
  await writeFile(files.badUtf8, Buffer.from([0x4e, 0x68, 0xe0, 0x20, 0x6d, 0xe1, 0x79, 0x0a]));
  await mkdir(files.subdir);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.concurrent('extract command line', () => {
  it('prints one JSON line per file, in order, each satisfying the contract', async () => {
    const run = await runCli([files.en, files.ar, files.vi, files.en]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = outputLines(run.stdout);
    expect(lines).toHaveLength(4);
    [EN, AR, VI, EN].forEach((input, i) => expectContract(lines[i] as string, input));
    // The same input gives the same line.
    expect(lines[3]).toBe(lines[0]);
  });

  it('reads standard input for -', async () => {
    const run = await runCli([files.en, '-', files.vi], AR);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = outputLines(run.stdout);
    expect(lines).toHaveLength(3);
    expectContract(lines[0] as string, EN);
    expectContract(lines[1] as string, AR);
    expectContract(lines[2] as string, VI);
  });

  it('--lang forces the language of every result', async () => {
    const run = await runCli(['--lang', 'vi', files.en, files.ar]);
    expect(run.code).toBe(0);
    const lines = outputLines(run.stdout);
    expect(lines).toHaveLength(2);
    expectContract(lines[0] as string, EN, 'vi');
    expectContract(lines[1] as string, AR, 'vi');

    const inline = await runCli(['--lang=ar', '-'], EN);
    expect(inline.code).toBe(0);
    const [line] = outputLines(inline.stdout);
    expectContract(line as string, EN, 'ar');
  });

  it('rejects a bad --lang with exit 2 and a message naming the value', async () => {
    const run = await runCli(['--lang', 'fr', files.en]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("invalid --lang 'fr'");
    expect(run.stderr).toContain('ar, en, vi');
  });

  it('prints the usage on stderr and exits 2 without a file', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no input file');
    expect(run.stderr).toContain('Usage:');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage:');
    expect(run.stderr).toBe('');
  });

  it('reports a missing file, a directory and invalid UTF-8, keeps going, and exits 1', async () => {
    const run = await runCli([files.en, files.missing, files.vi, files.subdir, files.badUtf8, files.ar]);
    expect(run.code).toBe(1);
    const lines = outputLines(run.stdout);
    expect(lines).toHaveLength(3);
    expectContract(lines[0] as string, EN);
    expectContract(lines[1] as string, VI);
    expectContract(lines[2] as string, AR);
    const messages = run.stderr.trim().split('\n');
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain(files.missing);
    expect(messages[0]).toMatch(/no such file/);
    expect(messages[1]).toContain(files.subdir);
    expect(messages[1]).toMatch(/is a directory/);
    expect(messages[2]).toContain(files.badUtf8);
    expect(messages[2]).toMatch(/not valid UTF-8/);
  });

  it('reports an unreadable file (permission) when permissions apply', async ({ skip }) => {
    if (process.getuid?.() === 0 || process.platform === 'win32') skip('permissions do not bind this user');
    const locked = join(dir, 'locked.txt');
    await writeFile(locked, EN, 'utf8');
    await chmod(locked, 0o000);
    const run = await runCli([locked]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(locked);
    expect(run.stderr).toMatch(/permission denied/);
  });
});

/** In-memory IO for the cases a child process cannot easily produce. */
function memoryIO(files: Record<string, Uint8Array | NodeJS.ErrnoException>, stdin = ''): ExtractIO & {
  out: string;
  err: string;
  stdinReads: number;
} {
  const io = {
    out: '',
    err: '',
    stdinReads: 0,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readStdin: async () => {
      io.stdinReads++;
      return new TextEncoder().encode(stdin);
    },
    readFile: async (path: string) => {
      const entry = files[path];
      if (entry === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      if (entry instanceof Error) throw entry;
      return entry;
    },
  };
  return io;
}

describe('runExtract', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('names the file and the reason for a permission error, and goes on', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const io = memoryIO({ 'a.txt': utf8(EN), 'secret.txt': denied, 'b.txt': utf8(VI) });
    expect(await runExtract(['a.txt', 'secret.txt', 'b.txt'], io)).toBe(1);
    expect(io.out.split('\n')).toHaveLength(3);
    expect(io.err).toBe('extract: secret.txt: cannot read: permission denied (EACCES)\n');
  });

  it('reads standard input once even when - is given twice', async () => {
    const io = memoryIO({}, VI);
    expect(await runExtract(['-', '--lang', 'en', '-'], io)).toBe(0);
    expect(io.stdinReads).toBe(1);
    const lines = io.out.split('\n').slice(0, -1);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(lines[0]);
    expectContract(lines[0] as string, VI, 'en');
  });

  it('drops a leading byte order mark, so offsets index the text without it', async () => {
    const io = memoryIO({ 'bom.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(EN)]) });
    expect(await runExtract(['bom.txt'], io)).toBe(0);
    expectContract(io.out.trim(), EN);
  });

  it('treats arguments after -- as files and rejects unknown options', async () => {
    const io = memoryIO({ '--lang': utf8(EN) });
    expect(await runExtract(['--', '--lang'], io)).toBe(0);
    expectContract(io.out.trim(), EN);

    const bad = memoryIO({});
    expect(await runExtract(['--verbose', 'x.txt'], bad)).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain("unknown option '--verbose'");
  });

  it('reports an empty --lang value', async () => {
    const io = memoryIO({});
    expect(await runExtract(['x.txt', '--lang'], io)).toBe(2);
    expect(io.err).toContain('--lang needs a value');
  });
});
