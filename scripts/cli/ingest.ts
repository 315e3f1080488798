import { basename, extname, join } from 'node:path';
import { htmlTitle } from '../../shared/html/title';
import { ErrorResponse, IngestResponse, MAX_BODY_BYTES, WebhookArticle } from '../../shared/schemas/article';
import { SenderId } from '../../shared/schemas/sender';
import { readCommandLine } from '../lib/args';
import { isWebhookSecret, signDelivery } from '../lib/webhook';
import { describeReadError } from './read-error';

/**
 * Everything the ingest command touches outside itself, so that it can run against the real
 * process (see scripts/ingest.ts) or in memory.
 */
export interface IngestIO {
  /** The environment: WEBHOOK_SENDER, WEBHOOK_SECRET and PORT are read from it. */
  env: Readonly<Record<string, string | undefined>>;
  /** Writes to standard output (the text is written as given; lines end with "\n"). */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Whether standard error is a terminal (the progress bar is then redrawn in place). */
  stderrIsTTY: boolean;
  /** Reads a whole file; rejects with a Node.js system error (`code` ENOENT, EACCES, ...). */
  readFile(path: string): Promise<Uint8Array>;
  /** Whether a path is a directory; rejects as readFile does when it cannot be read. */
  isDirectory(path: string): Promise<boolean>;
  /** The entry names of a directory. */
  readDir(path: string): Promise<string[]>;
  /** The HTTP client (the global fetch, or a stand-in). */
  fetch: typeof fetch;
  /** The clock, for signature timestamps and progress pacing. */
  now(): Date;
  /** A fresh message id (a random UUID) for an article without an id of its own. */
  newId(): string;
  /** How long to wait for each answer, in milliseconds (default 30 000). */
  timeoutMs?: number;
}

export const USAGE = `Usage: npm run --silent ingest -- [--url URL] [--sender ID] [--secret whsec_...] [--concurrency N] [--json] FILE|DIR...

Signs each article (Standard Webhooks) and posts it to URL/webhooks/articles/ID, or to
URL/webhooks/articles (the default sender) without a sender.

  FILE          an article: a .json file in the webhook body format, or an annotated corpus
                file (its id, url, source, title, language, publishedAt and text are sent, the
                other fields are left out); a .txt file (title = its first non-empty line); an
                .html file (sent as html, titled by its <title> or first <h1>)
  DIR           the .json, .txt and .html files directly in it, by name
  --url URL     where the API listens (default http://127.0.0.1:$PORT, PORT defaulting to 3000)
  --sender ID   the sender to post as (default: the WEBHOOK_SENDER environment variable, else
                the default sender); npm run senders -- add registers one
  --secret S    that sender's webhook secret (default: the WEBHOOK_SECRET environment variable)
  --concurrency N   requests in flight at once, 1 to 64 (default 4)
  --json        print the summary as JSON
  --help, -h    print this help and exit
  --            end of options

Each delivery has its own webhook-id: article-<id> for an article with an id (so that a re-run
sends the same message ids and the API can recognise them), a random UUID otherwise. An
article whose articleId was already returned for an earlier file counts as a duplicate.
Progress and the reasons for failures go to standard error, the summary to standard output.

Exit status: 0 when every article was accepted; 1 when some file was not sent (unreadable or
not a valid article), was refused (4xx) or failed (network error, 5xx, timeout); 2 for a usage
error (no FILE, unknown option, bad value, no secret), with nothing sent.
`;

const PROGRAM = 'ingest';
const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;
const DEFAULT_TIMEOUT_MS = 30_000;
const ENDPOINT = '/webhooks/articles';
const INPUT_EXTENSIONS = new Set(['.json', '.txt', '.html', '.htm']);
/** The fields of the webhook body, picked out of annotated corpus files. */
const ARTICLE_FIELDS = ['id', 'url', 'source', 'title', 'language', 'publishedAt', 'text', 'html'] as const;
const MAX_TITLE_LENGTH = 1000;
const LOCAL_ARTICLE_BASE = 'https://local.invalid/articles/';

export interface IngestOptions {
  url: string;
  /** Posts to /webhooks/articles/<sender>; the default sender when absent. */
  sender?: string;
  secret: string;
  concurrency: number;
  json: boolean;
  inputs: string[];
}

export type ParsedIngestArgs =
  | { kind: 'help' }
  | { kind: 'error'; message: string; noFiles?: boolean }
  | { kind: 'run'; options: IngestOptions };

/** Parses the command line (the arguments after the script name) and fills in the defaults. */
export function parseIngestArgs(argv: readonly string[], env: IngestIO['env']): ParsedIngestArgs {
  const line = readCommandLine(argv, {
    url: { type: 'string' },
    sender: { type: 'string' },
    secret: { type: 'string' },
    concurrency: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (line.kind === 'help') return line;
  if (line.kind === 'error') return line;
  // "-" before "--" would be standard input, which an article cannot come from
  const terminator = argv.indexOf('--');
  if (argv.some((arg, i) => arg === '-' && (terminator < 0 || i < terminator))) {
    return { kind: 'error', message: 'articles cannot be read from standard input: name files or directories' };
  }
  const inputs = line.positionals;
  const json = line.values.json === true;
  let { url, sender, secret } = line.values;
  let concurrency = DEFAULT_CONCURRENCY;
  if (line.values.concurrency !== undefined) {
    const value = line.values.concurrency;
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_CONCURRENCY) {
      return { kind: 'error', message: `invalid --concurrency '${value}': expected a whole number from 1 to ${MAX_CONCURRENCY}` };
    }
    concurrency = Number(value);
  }

  if (inputs.length === 0) return { kind: 'error', message: 'no input file given', noFiles: true };

  url ??= `http://127.0.0.1:${env.PORT || '3000'}`;
  if (!isHttpUrl(url)) return { kind: 'error', message: `invalid URL '${url}': expected http://host[:port][/path]` };

  sender ??= env.WEBHOOK_SENDER || undefined;
  if (sender !== undefined && !SenderId.safeParse(sender).success) {
    return { kind: 'error', message: `invalid sender '${sender}': a sender id is lower-case letters, digits and hyphens` };
  }

  secret ??= env.WEBHOOK_SECRET;
  if (secret === undefined || secret === '') {
    return {
      kind: 'error',
      message: 'no webhook secret: set WEBHOOK_SECRET or pass --secret whsec_... (npm start prints the local one)',
    };
  }
  if (!isWebhookSecret(secret)) return { kind: 'error', message: 'invalid webhook secret: expected whsec_ followed by base64' };

  return { kind: 'run', options: { url: url.replace(/\/+$/, ''), ...(sender === undefined ? {} : { sender }), secret, concurrency, json, inputs } };
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.search === '' && parsed.hash === '';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading articles

/** An article ready to send, or the reason a file cannot be sent. */
export type LoadedArticle = { ok: true; article: WebhookArticle } | { ok: false; message: string };


/** Zod issues as one indented line each: `  - title: Too small: ...`. */
function formatIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues.map((issue) => `\n  - ${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`).join('');
}

function validate(candidate: unknown, note = ''): LoadedArticle {
  const parsed = WebhookArticle.safeParse(candidate);
  if (parsed.success) return { ok: true, article: parsed.data };
  return { ok: false, message: `not a valid article${note}:${formatIssues(parsed.error.issues)}` };
}

/**
 * The webhook body for a JSON value: the value itself when it is one; for an annotated corpus
 * file (a body plus fields such as claims, traps and matches), the body's fields picked out.
 */
export function articleFromJson(value: unknown): LoadedArticle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'not a valid article: expected a JSON object' };
  }
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => !(ARTICLE_FIELDS as readonly string[]).includes(key));
  if (extra.length === 0) return validate(record);
  const picked: Record<string, unknown> = {};
  for (const key of ARTICLE_FIELDS) if (record[key] !== undefined) picked[key] = record[key];
  return validate(picked, ` (fields left out: ${extra.join(', ')})`);
}

function firstLineTitle(text: string): string | undefined {
  for (const line of text.split(/\r\n?|\n/)) {
    const title = line.replace(/\s+/g, ' ').trim();
    if (title !== '') return clip(title);
  }
  return undefined;
}

/** Cuts a title to the longest the webhook accepts, never inside a surrogate pair. */
function clip(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const cut = title.slice(0, MAX_TITLE_LENGTH);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function localUrl(path: string): string {
  return LOCAL_ARTICLE_BASE + encodeURIComponent(basename(path));
}

/** The article a file holds, judged by its extension: .json, .html/.htm, anything else as text. */
export function articleFromFile(path: string, content: string): LoadedArticle {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    return articleFromJson(value);
  }
  if (content.trim() === '') return { ok: false, message: 'the file is empty' };
  if (extension === '.html' || extension === '.htm') {
    return validate({ url: localUrl(path), title: clip(htmlTitle(content) ?? basename(path)), html: content });
  }
  return validate({ url: localUrl(path), title: firstLineTitle(content), text: content });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// ---------------------------------------------------------------------------------------------
// Delivering

export type Outcome = 'accepted' | 'duplicate' | 'refused' | 'error' | 'invalid';

/** What became of one file. */
export interface FileResult {
  file: string;
  outcome: Outcome;
  /** The webhook-id it was sent with (absent when not sent). */
  webhookId?: string;
  /** The HTTP status, when an answer came. */
  status?: number;
  /** The API's id for the article (accepted and duplicate). */
  articleId?: string;
  /** Why it was refused, failed or not sent; for a duplicate, the file first accepted under that id. */
  message?: string;
}

export interface IngestSummary {
  url: string;
  total: number;
  counts: Record<Outcome, number>;
  files: FileResult[];
}

// Signing lives in scripts/lib, shared with the benchmarks and tests; kept here for the callers of this module.
export { signDelivery };

/** The webhook-id of an article: stable for one with an id, so that a re-run is recognised. */
export function webhookIdFor(article: WebhookArticle, newId: () => string): string {
  return article.id === undefined ? newId() : `article-${article.id}`;
}

/** The API's reason for a refusal, from its error body when it sent one. */
async function describeRefusal(response: Response): Promise<string> {
  const body = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const text = body.replace(/\s+/g, ' ').trim();
    return text === '' ? response.statusText || `HTTP ${response.status}` : text.slice(0, 300);
  }
  const parsed = ErrorResponse.safeParse(json);
  if (!parsed.success) return JSON.stringify(json).slice(0, 300);
  const issues = parsed.data.issues ?? [];
  return issues.length === 0
    ? parsed.data.error
    : `${parsed.data.error} (${issues.map((issue) => `${issue.path || '(body)'}: ${issue.message}`).join('; ')})`;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof Error && cause.message) return `cannot reach the API: ${cause.message}`;
  return `cannot reach the API: ${error instanceof Error ? error.message : String(error)}`;
}

type Delivery = Pick<FileResult, 'outcome' | 'status' | 'articleId' | 'message'>;

async function deliver(endpoint: string, payload: string, headers: Record<string, string>, io: IngestIO): Promise<Delivery> {
  const timeoutMs = io.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await io.fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { outcome: 'error', message: describeFetchError(error, timeoutMs) };
  }
  const status = response.status;
  try {
    if (status >= 200 && status < 300) {
      const parsed = IngestResponse.safeParse(await response.json().catch(() => undefined));
      if (parsed.success) return { outcome: 'accepted', status, articleId: parsed.data.articleId };
      return { outcome: 'error', status, message: 'unexpected answer: not {articleId, status: "queued"}' };
    }
    const message = await describeRefusal(response);
    return { outcome: status >= 400 && status < 500 ? 'refused' : 'error', status, message };
  } catch (error) {
    return { outcome: 'error', status, message: describeFetchError(error, timeoutMs) };
  }
}

// ---------------------------------------------------------------------------------------------
// Progress

const BAR_WIDTH = 20;
const TTY_REDRAW_MS = 100;
const PLAIN_EVERY_MS = 5_000;

/** Progress on standard error: a bar redrawn in place on a terminal, occasional lines otherwise. */
class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = -Infinity;
  private lastTenth = 0;
  private drawn = false;

  constructor(
    private readonly io: IngestIO,
    private readonly total: number,
  ) {}

  /** Prints a message above the bar. */
  log(message: string): void {
    if (this.io.stderrIsTTY && this.drawn) this.io.stderr('\r\x1b[K');
    this.io.stderr(message.endsWith('\n') ? message : `${message}\n`);
    if (this.io.stderrIsTTY && this.drawn) this.io.stderr(this.line());
  }

  /** Records a finished file. */
  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    const now = this.io.now().getTime();
    const finished = this.done === this.total;
    if (this.io.stderrIsTTY) {
      if (finished || now - this.lastDraw >= TTY_REDRAW_MS) {
        this.io.stderr(`\r\x1b[K${this.line()}${finished ? '\n' : ''}`);
        this.drawn = !finished;
        this.lastDraw = now;
      }
      return;
    }
    const tenth = Math.floor((this.done * 10) / this.total);
    if (finished || tenth > this.lastTenth || now - this.lastDraw >= PLAIN_EVERY_MS) {
      this.io.stderr(`${PROGRAM}: ${this.counts()}\n`);
      this.lastTenth = tenth;
      this.lastDraw = now;
    }
  }

  private counts(): string {
    return `${this.done}/${this.total} done, ${this.failed} failed`;
  }

  private line(): string {
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((this.done * BAR_WIDTH) / this.total);
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${this.counts()}`;
  }
}

// ---------------------------------------------------------------------------------------------
// The command

/** The files named on the command line, directories expanded (their articles, by name). */
async function expandInputs(inputs: readonly string[], io: IngestIO): Promise<{ files: string[]; unreadable: FileResult[] }> {
  const files: string[] = [];
  const unreadable: FileResult[] = [];
  for (const input of inputs) {
    let directory: boolean;
    try {
      directory = await io.isDirectory(input);
    } catch (error) {
      unreadable.push({ file: input, outcome: 'invalid', message: `cannot read: ${describeReadError(error)}` });
      continue;
    }
    if (!directory) {
      files.push(input);
      continue;
    }
    let names: string[];
    try {
      names = await io.readDir(input);
    } catch (error) {
      unreadable.push({ file: input, outcome: 'invalid', message: `cannot read: ${describeReadError(error)}` });
      continue;
    }
    const articles = names.filter((name) => INPUT_EXTENSIONS.has(extname(name).toLowerCase())).sort();
    if (articles.length === 0) {
      unreadable.push({ file: input, outcome: 'invalid', message: 'no .json, .txt or .html file in this directory' });
    }
    for (const name of articles) files.push(join(input, name));
  }
  return { files, unreadable };
}

async function loadFile(path: string, io: IngestIO): Promise<LoadedArticle> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    return { ok: false, message: `cannot read: ${describeReadError(error)}` };
  }
  let content: string;
  try {
    content = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'not valid UTF-8 text' };
  }
  return articleFromFile(path, content.startsWith('\ufeff') ? content.slice(1) : content);
}

/** Reads, signs and sends one file. */
async function ingestFile(file: string, endpoint: string, secret: string, io: IngestIO): Promise<FileResult> {
  const loaded = await loadFile(file, io);
  if (!loaded.ok) return { file, outcome: 'invalid', message: loaded.message };
  const payload = JSON.stringify(loaded.article);
  const size = Buffer.byteLength(payload);
  if (size > MAX_BODY_BYTES) {
    return { file, outcome: 'invalid', message: `the body is ${size} bytes, over the ${MAX_BODY_BYTES}-byte limit` };
  }
  const webhookId = webhookIdFor(loaded.article, io.newId);
  const delivery = await deliver(endpoint, payload, signDelivery(secret, webhookId, io.now(), payload), io);
  return { file, webhookId, ...delivery };
}

function describeFailure(result: FileResult): string {
  if (result.outcome === 'invalid') return `${result.file}: not sent: ${result.message}`;
  const status = result.status === undefined ? '' : ` ${result.status}`;
  return `${result.file}: ${result.outcome}${status}: ${result.message}`;
}

/** Runs the ingest command; resolves to the exit status. Never rejects for bad input or a bad API. */
export async function runIngest(argv: readonly string[], io: IngestIO): Promise<number> {
  const args = parseIngestArgs(argv, io.env);
  if (args.kind === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (args.kind === 'error') {
    io.stderr(`${PROGRAM}: ${args.message}\n${args.noFiles ? `\n${USAGE}` : 'Run with --help for usage.\n'}`);
    return 2;
  }
  const { url, sender, secret, concurrency, json, inputs } = args.options;
  const endpoint = `${url}${ENDPOINT}${sender === undefined ? '' : `/${sender}`}`;

  const { files, unreadable } = await expandInputs(inputs, io);
  const progress = new Progress(io, files.length);
  for (const result of unreadable) progress.log(`${PROGRAM}: ${describeFailure(result)}`);

  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const result = await ingestFile(files[index] as string, endpoint, secret, io);
      results[index] = result;
      const failed = result.outcome !== 'accepted';
      if (failed) progress.log(`${PROGRAM}: ${describeFailure(result)}`);
      progress.tick(failed);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));

  // Duplicates are told apart in input order, whatever order the answers came in.
  const firstFileOf = new Map<string, string>();
  for (const result of results) {
    if (result.outcome !== 'accepted' || result.articleId === undefined) continue;
    const first = firstFileOf.get(result.articleId);
    if (first === undefined) {
      firstFileOf.set(result.articleId, result.file);
    } else {
      result.outcome = 'duplicate';
      result.message = `same article as ${first}`;
    }
  }

  const all = [...unreadable, ...results];
  const summary: IngestSummary = {
    url: endpoint,
    total: all.length,
    counts: { accepted: 0, duplicate: 0, refused: 0, error: 0, invalid: 0 },
    files: all,
  };
  for (const result of all) summary.counts[result.outcome]++;
  io.stdout(json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  const failed = summary.counts.refused + summary.counts.error + summary.counts.invalid;
  return failed === 0 ? 0 : 1;
}

const SECTIONS: ReadonlyArray<[Outcome, string]> = [
  ['accepted', 'Accepted'],
  ['duplicate', 'Duplicates (accepted, but the same article as an earlier file)'],
  ['refused', 'Refused'],
  ['error', 'Errors'],
  ['invalid', 'Not sent'],
];

/** A reason with its list of issues on one line: "not a valid article: title: ...; url: ...". */
function oneLine(message: string): string {
  const [head, ...issues] = message.split('\n');
  return [head, issues.map((issue) => issue.replace(/^\s*-\s*/, '')).join('; ')].filter(Boolean).join(' ');
}

/** The summary as text: the counts, then one line per file, grouped by outcome. */
export function formatSummary(summary: IngestSummary): string {
  const { counts } = summary;
  const lines = [
    `${summary.total} file${summary.total === 1 ? '' : 's'} for ${summary.url}: ` +
      `${counts.accepted} accepted, ${counts.duplicate} duplicate, ${counts.refused} refused, ` +
      `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.invalid} not sent`,
  ];
  for (const [outcome, heading] of SECTIONS) {
    const group = summary.files.filter((result) => result.outcome === outcome);
    if (group.length === 0) continue;
    lines.push('', `${heading}:`);
    for (const result of group) {
      if (outcome === 'accepted') lines.push(`  ${result.file}  ${result.articleId}`);
      else if (outcome === 'duplicate') lines.push(`  ${result.file}  ${result.articleId}  (${result.message})`);
      else {
        const status = result.status === undefined ? '' : `${result.status} `;
        lines.push(`  ${result.file}  ${status}${oneLine(result.message ?? '')}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
