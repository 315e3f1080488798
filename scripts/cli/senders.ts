import { parseArgs } from 'node:util';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, secretsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { SecretsManagerVault, TableSecretVault } from '../../shared/adapters/sender-secrets';
import { ENV } from '../../shared/adapters/table';
import { newWebhookSecret } from '../../shared/adapters/webhook-signature';
import { AlreadyExistsError, ConflictError, NotFoundError, StaleVersionError, ValidationError } from '../../shared/errors';
import {
  addSender,
  type IssuedSecret,
  listSenders,
  promoteSender,
  revokeSender,
  rotateSender,
  SENDER_CACHE_MS,
  type SenderAdminDeps,
} from '../../shared/pipeline/senders';
import type { SenderRecord } from '../../shared/schemas/sender';
import { describeReadError } from './read-error';

/** Everything the senders command touches outside itself (see scripts/senders.ts). */
export interface SendersIO {
  /** DYNAMODB_ENDPOINT, TABLE_NAME, PORT, SENDER_SECRET_PREFIX are read from it. */
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  now(): Date;
  /** @default a fresh whsec_ secret of 32 random bytes */
  newSecret?(): string;
  /** The AWS clients for --outputs (tests give clients of local stand-ins). @default the SDK's, for AWS */
  awsClients?(): { db: DynamoDBDocumentClient; secrets: SecretsManagerClient };
}

export const USAGE = `Usage: npm run --silent senders -- COMMAND [options]

Manages the senders allowed to post to the webhook: each has its own URL,
POST <api>/webhooks/articles/<id>, its own secrets and the sources it may post for.

  add ID --name NAME --source S [--source S...] [--aggregator]
                registers a sender and prints its first secret (shown once). S is a host
                (harbour-times.example), every host below a domain (*.harbour-times.example),
                or * (any source; aggregators only). An aggregator relays other outlets:
                its articles are attributed to their URL's host and flagged as relayed.
  rotate ID     issues a next secret (printed once); the current and the next both verify
  promote ID    makes the next secret the current one; the old one stops verifying
  revoke ID     revokes the sender: none of its secrets verifies any more
  revoke ID --next
                drops the next secret only (a rotation abandoned)
  list          every sender, its keys and sources (never secret values)

Changes take effect within ${SENDER_CACHE_MS / 1000} s (the webhook keeps a sender that long).

Where the senders are:
  (default)       the local pipeline of npm start: DYNAMODB_ENDPOINT (npm start prints it) and
                  TABLE_NAME (default factcheck-local); secrets are kept in the table
  --outputs FILE  an AWS deployment, from \`npx cdk deploy --all --outputs-file FILE\`: the table
                  (TableName) and the Secrets Manager prefix of the senders' secrets
                  (SenderSecretPrefix); AWS credentials and region as for the AWS CLI

Options:
  --url URL     the API's base URL, to print webhook addresses (default: the ApiUrl output,
                or http://127.0.0.1:$PORT, PORT defaulting to 3000)
  --json        print JSON instead of text
  --help, -h    print this help and exit

Exit status: 0 done; 1 refused (no such sender, already exists, revoked, changed meanwhile) or
failed; 2 bad usage or an invalid sender, with nothing changed.
`;

const PROGRAM = 'senders';
const COMMANDS = ['add', 'rotate', 'promote', 'revoke', 'list'] as const;
type Command = (typeof COMMANDS)[number];

interface Target {
  deps: SenderAdminDeps;
  /** Where webhooks are posted, without a trailing slash. */
  apiUrl: string;
  where: string;
  close(): void;
}

class UsageError extends Error {}

/** Runs the senders command; resolves to the exit status. */
export async function runSenders(argv: readonly string[], io: SendersIO): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${PROGRAM}: ${(error as Error).message}\nRun with --help for usage.\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  let target: Target;
  try {
    target = await connect(parsed, io);
  } catch (error) {
    io.stderr(`${PROGRAM}: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    io.stdout(await execute(parsed, target));
    return 0;
  } catch (error) {
    io.stderr(`${PROGRAM}: ${describeFailure(error)}\n`);
    return error instanceof ValidationError ? 2 : 1;
  } finally {
    target.close();
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      source: { type: 'string', multiple: true },
      aggregator: { type: 'boolean' },
      next: { type: 'boolean' },
      outputs: { type: 'string' },
      url: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true as const };
  const [command, id, ...extra] = positionals;
  if (command === undefined) throw new UsageError(`no command: expected one of ${COMMANDS.join(', ')}`);
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command '${command}': expected one of ${COMMANDS.join(', ')}`);
  if (command === 'list' ? id !== undefined : id === undefined) {
    throw new UsageError(command === 'list' ? 'list takes no sender id' : `${command} needs a sender id`);
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const misplaced = (option: string, allowed: Command) => {
    if (values[option as keyof typeof values] !== undefined && command !== allowed) throw new UsageError(`--${option} is only for ${allowed}`);
  };
  misplaced('name', 'add');
  misplaced('source', 'add');
  misplaced('aggregator', 'add');
  misplaced('next', 'revoke');
  if (command === 'add' && (values.name === undefined || (values.source ?? []).length === 0)) {
    throw new UsageError('add needs --name and at least one --source');
  }
  return { help: false as const, command: command as Command, id: id ?? '', ...values };
}

type Parsed = Exclude<ReturnType<typeof parse>, { help: true }>;

/** The local table, or the AWS deployment named by a CDK outputs file. */
async function connect(args: Parsed, io: SendersIO): Promise<Target> {
  const newSecret = io.newSecret ?? newWebhookSecret;
  const now = () => io.now();
  if (args.outputs !== undefined) {
    const outputs = await deploymentOutputs(args.outputs, io);
    // '' and not undefined: a DYNAMODB_ENDPOINT exported for the local table must not redirect
    // an AWS deployment's senders there (while their secrets went to Secrets Manager)
    const { db, secrets } = io.awsClients?.() ?? { db: dynamoDocumentClient(''), secrets: secretsClient('') };
    return {
      deps: { store: dynamoStores(db, outputs.tableName).senders, vault: new SecretsManagerVault(secrets, outputs.secretPrefix), now, newSecret },
      apiUrl: trimSlash(args.url ?? outputs.apiUrl ?? 'https://<ApiUrl>'),
      where: `table ${outputs.tableName}, secrets under ${outputs.secretPrefix}`,
      close: () => {
        db.destroy();
        secrets.destroy();
      },
    };
  }
  const endpoint = io.env[ENV.dynamodbEndpoint];
  if (!endpoint) {
    throw new UsageError(
      'no table: set DYNAMODB_ENDPOINT to the local table npm start prints, or pass --outputs FILE for an AWS deployment',
    );
  }
  const tableName = io.env[ENV.tableName] || 'factcheck-local';
  const db = dynamoDocumentClient(endpoint);
  return {
    deps: { store: dynamoStores(db, tableName).senders, vault: new TableSecretVault(), now, newSecret },
    apiUrl: trimSlash(args.url ?? `http://127.0.0.1:${io.env.PORT || '3000'}`),
    where: `table ${tableName} on ${endpoint}`,
    close: () => db.destroy(),
  };
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** TableName and SenderSecretPrefix (and ApiUrl, if there) from `cdk deploy --outputs-file`. */
async function deploymentOutputs(path: string, io: SendersIO): Promise<{ tableName: string; secretPrefix: string; apiUrl?: string }> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${describeReadError(error)}`);
  }
  let stacks: unknown;
  try {
    stacks = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not JSON: expected the file of cdk deploy --outputs-file`);
  }
  const values = typeof stacks === 'object' && stacks !== null ? Object.values(stacks as Record<string, unknown>) : [];
  const all = values.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  const stateful = all.find((o) => typeof o.TableName === 'string' && typeof o.SenderSecretPrefix === 'string');
  if (!stateful) throw new UsageError(`${path} has no stack with the outputs TableName and SenderSecretPrefix`);
  const api = all.find((o) => typeof o.ApiUrl === 'string');
  return { tableName: stateful.TableName as string, secretPrefix: stateful.SenderSecretPrefix as string, apiUrl: api?.ApiUrl as string | undefined };
}

async function execute(args: Parsed, target: Target): Promise<string> {
  const { deps } = target;
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  switch (args.command) {
    case 'add': {
      const issued = await addSender({ id: args.id, name: args.name!, sources: args.source ?? [], aggregator: args.aggregator ?? false }, deps);
      if (args.json) return json(issuedJson(issued, target));
      return [
        `Sender ${issued.sender.id} (${issued.sender.name}) added in ${target.where}.`,
        `It may post for ${issued.sender.sources.join(', ')}${issued.sender.aggregator ? ', as an aggregator (articles attributed to their URL\'s host, flagged as relayed)' : ''}.`,
        '',
        ...handOver(issued, target),
      ].join('\n') + '\n';
    }
    case 'rotate': {
      const issued = await rotateSender(args.id, deps);
      if (args.json) return json(issuedJson(issued, target));
      const [current] = issued.sender.secrets;
      return [
        `Sender ${issued.sender.id}: next secret ${issued.keyId} issued. ${current!.keyId} and ${issued.keyId} both verify (within ${SENDER_CACHE_MS / 1000} s)`,
        `until \`promote ${issued.sender.id}\`; the newsroom may sign with both meanwhile.`,
        '',
        ...handOver(issued, target),
      ].join('\n') + '\n';
    }
    case 'promote': {
      const sender = await promoteSender(args.id, deps);
      if (args.json) return json(describeSender(sender));
      return `Sender ${sender.id}: ${sender.secrets[0]!.keyId} is now its only secret; the previous one stops verifying within ${SENDER_CACHE_MS / 1000} s.\n`;
    }
    case 'revoke': {
      const sender = await revokeSender(args.id, { next: args.next ?? false }, deps);
      if (args.json) return json(describeSender(sender));
      return args.next
        ? `Sender ${sender.id}: the next secret is revoked; ${sender.secrets[0]!.keyId} stays its only secret.\n`
        : `Sender ${sender.id} is revoked: its deliveries are refused (401) within ${SENDER_CACHE_MS / 1000} s. Its stored articles keep naming it.\n`;
    }
    case 'list': {
      const senders = await listSenders(deps);
      if (args.json) return json(senders.map(describeSender));
      return senderTable(senders, target);
    }
  }
}

function handOver(issued: IssuedSecret, target: Target): string[] {
  return [
    'Give the newsroom:',
    `  webhook  POST ${target.apiUrl}/webhooks/articles/${issued.sender.id}`,
    `  secret   ${issued.secret}   (${issued.keyId}; shown this once)`,
  ];
}

/** A sender without secret values: ids and dates of its keys only. */
function describeSender(sender: SenderRecord) {
  const { secrets, keyCount: _keys, ...rest } = sender;
  return { ...rest, keys: secrets.map((s, i) => ({ keyId: s.keyId, role: i === 0 ? 'current' : 'next', addedAt: s.addedAt })) };
}

function issuedJson(issued: IssuedSecret, target: Target) {
  return { sender: describeSender(issued.sender), keyId: issued.keyId, secret: issued.secret, webhookUrl: `${target.apiUrl}/webhooks/articles/${issued.sender.id}` };
}

function senderTable(senders: readonly SenderRecord[], target: Target): string {
  if (senders.length === 0) return `No senders in ${target.where} (the default sender of WEBHOOK_SECRET, if set, is not listed).\n`;
  const rows = senders.map((s) => [
    s.id,
    s.name,
    s.status,
    s.aggregator ? 'aggregator' : 'newsroom',
    s.secrets.map((k, i) => (i === 0 ? k.keyId : `${k.keyId} (next)`)).join(', ') || '-',
    s.sources.join(' '),
  ]);
  const header = ['ID', 'NAME', 'STATUS', 'KIND', 'KEYS', 'SOURCES'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

function describeFailure(error: unknown): string {
  if (error instanceof ValidationError) {
    return [error.message, ...error.issues.map((i) => `  ${i.path || '(sender)'}: ${i.message}`)].join('\n');
  }
  if (error instanceof NotFoundError || error instanceof ConflictError || error instanceof AlreadyExistsError || error instanceof StaleVersionError) {
    return error.message;
  }
  return `failed: ${error instanceof Error ? error.message : String(error)}`;
}
