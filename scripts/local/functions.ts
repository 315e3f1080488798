/**
 * Runs each function apart from the runtime and from the other functions, as Lambda does: in a
 * worker thread of its own, with its own module instances, environment, heap limit and event
 * loop, so that a heavy article in the claim worker never holds up the webhook or the review API.
 * The handler module is loaded once when the function starts (its cold start), then invoked with
 * an event and a fresh context. A function whose thread dies (an uncaught error, out of memory)
 * fails the invocations it was running and starts again, cold, on the next one.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HostData, HostMessage, HostRequest } from './function-host';

export interface FunctionSpec {
  /** The function's name and Powertools service name: a directory under functions/. */
  name: string;
  /** Path of the handler module. @default functions/<name>/handler.ts */
  entry?: string;
  /** Variables of its own, beside those of the runtime's process. */
  env?: Record<string, string>;
  /** Its heap limit, in MB. @default 512, as the CDK stack gives every function */
  memoryMb?: number;
  /** The deadline in its context. @default 60 */
  timeoutSeconds?: number;
  /**
   * Invocations it runs at once. 1 is a Lambda execution environment, one event at a time (more
   * wait their turn); above 1 it runs them together like a Lambda managed instance
   * (AWS_LAMBDA_MAX_CONCURRENCY), each with its own log context and metrics. @default 1
   */
  concurrency?: number;
  /**
   * It serves a queue or a schedule, not a caller waiting on it: its thread runs at a lower CPU
   * priority (Linux), so that on a machine with fewer cores than busy functions the webhook and
   * the review API go first, as in AWS, where each function has CPU of its own.
   */
  background?: boolean;
  /** Modules its thread imports before the handler module, as a Lambda layer's wrapper runs first (paths). */
  preload?: readonly string[];
  /** Told when the function's thread dies. */
  onCrash?(error: Error): void;
}

export interface LocalFunction {
  readonly name: string;
  /** Runs the handler with `event`; rejects with the handler's error, or when the thread dies. */
  invoke(event: unknown): Promise<unknown>;
  /** Ends the thread at once; invocations still running fail. */
  stop(): Promise<void>;
}

const HOST = new URL('./function-host.mjs', import.meta.url);

/** A handler error as it came out of the thread. */
export class FunctionError extends Error {
  constructor(functionName: string, error: { name: string; message: string; stack?: string }) {
    super(error.message);
    this.name = error.name;
    this.stack = `${error.name}: ${error.message} (in ${functionName})\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`;
  }
}

interface Pending {
  request: HostRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Starts a function and resolves once its handler module is loaded (rejects if it fails to load). */
export async function startFunction(spec: FunctionSpec): Promise<LocalFunction> {
  const concurrency = spec.concurrency ?? 1;
  const data: HostData = {
    entry: pathToFileURL(spec.entry ?? fileURLToPath(new URL(`../../functions/${spec.name}/handler.ts`, import.meta.url))).href,
    functionName: spec.name,
    memoryMb: spec.memoryMb ?? 512,
    timeoutSeconds: spec.timeoutSeconds ?? 60,
    concurrent: concurrency > 1,
    preload: (spec.preload ?? []).map((path) => pathToFileURL(path).href),
    background: spec.background ?? false,
  };
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...spec.env,
    POWERTOOLS_SERVICE_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(data.memoryMb),
    AWS_LAMBDA_MAX_CONCURRENCY: concurrency > 1 ? String(concurrency) : undefined,
  };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];

  let nextId = 0;
  let stopped = false;
  const waiting: Pending[] = [];
  const running = new Map<number, Pending>();
  let thread: Promise<Worker> | undefined;

  const boot = (): Promise<Worker> => new Promise((resolve, reject) => {
    const worker = new Worker(HOST, {
      workerData: data,
      env,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: data.memoryMb },
    });
    let ready = false;
    let dead = false;
    worker.on('message', (message: HostMessage) => {
      if ('ready' in message) {
        ready = true;
        resolve(worker);
        return;
      }
      const pending = running.get(message.id);
      if (!pending) return;
      running.delete(message.id);
      if ('error' in message) pending.reject(new FunctionError(spec.name, message.error));
      else pending.resolve(message.result);
      dispatch();
    });
    const died = (error: Error) => {
      if (dead) return;
      dead = true;
      thread = undefined;
      const reason = stopped ? new Error(`function ${spec.name} stopped`) : new Error(`function ${spec.name} died: ${error.message}`, { cause: error });
      for (const pending of running.values()) pending.reject(reason);
      running.clear();
      if (!ready) reject(new Error(`function ${spec.name} failed to start: ${error.message}`, { cause: error }));
      if (stopped) return;
      if (ready) spec.onCrash?.(error);
      dispatch();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`its thread exited with code ${code}`)));
  });

  function dispatch(): void {
    if (stopped || waiting.length === 0 || running.size >= concurrency) return;
    thread ??= boot();
    const current = thread;
    while (waiting.length > 0 && running.size < concurrency) {
      const pending = waiting.shift()!;
      running.set(pending.request.id, pending);
      // a thread that fails to start has rejected what it held already (see died)
      current.then((worker) => worker.postMessage(pending.request), () => undefined);
    }
  }

  thread = boot();
  await thread;
  return {
    name: spec.name,
    invoke(event) {
      if (stopped) return Promise.reject(new Error(`function ${spec.name} is stopped`));
      return new Promise((resolve, reject) => {
        waiting.push({ request: { id: nextId++, requestId: randomUUID(), event }, resolve, reject });
        dispatch();
      });
    },
    async stop() {
      stopped = true;
      for (const pending of waiting.splice(0)) pending.reject(new Error(`function ${spec.name} stopped`));
      const worker = await thread?.catch(() => undefined);
      await worker?.terminate();
    },
  };
}

/** Starts the functions together; if one fails to start, stops the others and throws its error. */
export async function startFunctions(specs: readonly FunctionSpec[]): Promise<LocalFunction[]> {
  const settled = await Promise.allSettled(specs.map(startFunction));
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  const functions = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  if (failure) {
    await Promise.all(functions.map((f) => f.stop()));
    throw failure.reason;
  }
  return functions;
}
