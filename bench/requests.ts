/**
 * The DynamoDB and SQS requests a piece of the pipeline makes, counted and recorded by wrapping
 * the SDK clients' `send` (every client of these classes in the process, the handlers' own
 * included: each function of the local runtime runs in a thread of its own, where
 * FUNCTION_RECORDER wraps them too and passes each request on to the recorder), and replayed as
 * raw requests against fresh resources.
 */
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import * as dynamodbCommands from '@aws-sdk/client-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import * as sqsCommands from '@aws-sdk/client-sqs';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as documentCommands from '@aws-sdk/lib-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** For `startLocalPipeline({ functionPreload: [FUNCTION_RECORDER] })`: records in the functions' threads. */
export const FUNCTION_RECORDER = fileURLToPath(new URL('./record-in-function.ts', import.meta.url));
/** The channel on which the functions' threads pass their requests to the recorder. */
const CHANNEL = 'factcheck-bench-requests';

type Service = 'dynamodb' | 'sqs';
type Sendable = { send(command: unknown, ...rest: unknown[]): Promise<unknown> };
type CommandClass = new (input: unknown) => { input: unknown };

export interface RecordedRequest {
  service: Service;
  /** Whether it went through the DocumentClient (plain JavaScript values). */
  document: boolean;
  command: CommandClass;
  /** The command's name without "Command": PutItem, Query, BatchWriteItem, SendMessage... */
  name: string;
  input: unknown;
  /** Items written (PutItem, UpdateItem, DeleteItem: 1; BatchWriteItem and TransactWriteItems: their items) or messages sent. */
  writes: number;
  /** The function that sent it (its folder under functions/); none for the process's own (the local SQS poller's). */
  from?: string;
}

/** The DocumentClient's command names, as the DynamoDB operations they are. */
const DOCUMENT_NAMES: Record<string, string> = {
  Put: 'PutItem', Get: 'GetItem', Update: 'UpdateItem', Delete: 'DeleteItem', BatchWrite: 'BatchWriteItem',
  BatchGet: 'BatchGetItem', TransactWrite: 'TransactWriteItems', TransactGet: 'TransactGetItems',
};

function writesOf(name: string, input: Record<string, unknown>): number {
  if (name === 'PutItem' || name === 'UpdateItem' || name === 'DeleteItem' || name === 'SendMessage') return 1;
  if (name === 'BatchWriteItem') {
    return Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce((sum, list) => sum + list.length, 0);
  }
  if (name === 'TransactWriteItems') return ((input.TransactItems ?? []) as unknown[]).length;
  if (name === 'SendMessageBatch') return ((input.Entries ?? []) as unknown[]).length;
  return 0;
}

export interface Recorder {
  /** Requests recorded since the last `take`, in the order they were sent. */
  take(): RecordedRequest[];
  /** Requests sent by this client are neither counted nor recorded (the benchmark's own reads). */
  ignore(client: object): void;
  /** Puts the clients' `send` back. */
  restore(): void;
}

/** A request as it crosses from a function's thread: its command named, not the class itself. */
type WireRequest = Omit<RecordedRequest, 'command'> & { commandName: string };

const COMMANDS = { dynamodb: dynamodbCommands, document: documentCommands, sqs: sqsCommands } as unknown as Record<'dynamodb' | 'document' | 'sqs', Record<string, CommandClass>>;

/** Wraps `send` of the DynamoDB, DocumentClient and SQS client classes of this thread; returns the undo. */
function wrapSend(record: (request: RecordedRequest) => void, ignored: WeakSet<object>): () => void {
  const classes: Array<[{ prototype: Sendable }, Service, boolean]> = [
    [DynamoDBClient as unknown as { prototype: Sendable }, 'dynamodb', false],
    [DynamoDBDocumentClient as unknown as { prototype: Sendable }, 'dynamodb', true],
    [SQSClient as unknown as { prototype: Sendable }, 'sqs', false],
  ];
  const originals = classes.map(([cls]) => [cls, Object.getOwnPropertyDescriptor(cls.prototype, 'send')] as const);
  for (const [cls, service, document] of classes) {
    const send = cls.prototype.send;
    cls.prototype.send = function (this: object, command: unknown, ...rest: unknown[]) {
      if (!ignored.has(this)) {
        const c = command as { constructor: CommandClass; input: Record<string, unknown> };
        const short = c.constructor.name.replace(/Command$/, '');
        const name = document ? (DOCUMENT_NAMES[short] ?? short) : short;
        record({ service, document, command: c.constructor, name, input: structuredClone(c.input), writes: writesOf(name, c.input) });
      }
      return send.call(this, command, ...rest);
    };
  }
  return () => {
    for (const [cls, descriptor] of originals) {
      if (descriptor) Object.defineProperty(cls.prototype, 'send', descriptor);
      else delete (cls.prototype as Partial<Sendable>).send;
    }
  };
}

/**
 * Records every request of this process: wraps `send` here, and takes those the functions'
 * threads pass on (when they load FUNCTION_RECORDER).
 */
export function recordRequests(): Recorder {
  let recorded: RecordedRequest[] = [];
  const ignored = new WeakSet<object>();
  const unwrap = wrapSend((request) => recorded.push(request), ignored);
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    const { commandName, ...request } = (event as MessageEvent<WireRequest>).data;
    const command = COMMANDS[request.service === 'sqs' ? 'sqs' : request.document ? 'document' : 'dynamodb'][commandName]!;
    recorded.push({ ...request, command });
  };
  return {
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
    ignore: (client) => void ignored.add(client),
    restore() {
      unwrap();
      channel.close();
    },
  };
}

/** In a function's thread (FUNCTION_RECORDER): each request is passed on to the process's recorder. */
export function passRequestsOn(): void {
  const entry = (workerData as { entry?: unknown } | null)?.entry;
  const from = typeof entry === 'string' ? /functions\/([^/]+)\//.exec(entry)?.[1] : undefined;
  const channel = new BroadcastChannel(CHANNEL);
  // the thread may end whenever the runtime stops it: the channel must not keep it alive
  (channel as unknown as { unref(): void }).unref();
  wrapSend(({ command, ...request }) => channel.postMessage({ ...request, commandName: command.name, ...(from ? { from } : {}) } satisfies WireRequest), new WeakSet());
}

export interface RequestCounts {
  requests: number;
  writes: number;
  byName: Record<string, number>;
}

export function countRequests(requests: readonly RecordedRequest[]): RequestCounts {
  const byName: Record<string, number> = {};
  for (const r of requests) byName[r.name] = (byName[r.name] ?? 0) + 1;
  return { requests: requests.length, writes: requests.reduce((sum, r) => sum + r.writes, 0), byName };
}

/** `counts` divided by `n` (per article). */
export function perArticle(counts: RequestCounts, n: number): RequestCounts {
  return {
    requests: counts.requests / n,
    writes: counts.writes / n,
    byName: Object.fromEntries(Object.entries(counts.byName).map(([name, count]) => [name, count / n])),
  };
}

/** Every string equal to a key of `renames`, and every object key equal to one, renamed. */
function renamed(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return renames.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, renames));
  if (value instanceof Set || value instanceof Uint8Array || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [renames.get(k) ?? k, renamed(v, renames)]));
}

export interface ReplayClients {
  dynamodb: DynamoDBClient;
  document: DynamoDBDocumentClient;
  sqs: SQSClient;
}

/**
 * Sends the same requests again, `width` at a time in their recorded order, with table names and
 * queue URLs renamed (to fresh resources, so that conditional writes meet the same state) and
 * receives not waiting for messages. A request the server refuses (a receipt handle of the
 * recorded run, a condition) still counts: it cost a round trip all the same.
 */
export async function replay(requests: readonly RecordedRequest[], clients: ReplayClients, renames: ReadonlyMap<string, string>, width: number): Promise<{ seconds: number; failed: number }> {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        const input = renamed(r.input, renames) as Record<string, unknown>;
        if (r.name === 'ReceiveMessage') input.WaitTimeSeconds = 0;
        const client: Sendable = r.service === 'sqs' ? clients.sqs : r.document ? clients.document : clients.dynamodb;
        try {
          await client.send(new r.command(input));
        } catch {
          failed++;
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, failed };
}
