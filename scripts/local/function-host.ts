/**
 * Inside a function's worker thread, what Lambda's runtime does inside an execution environment:
 * loads the handler module once (the init phase: a missing variable fails here, as a cold start
 * would), then runs each invocation the thread is given with a context of its own, and answers
 * with the handler's result or its error.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import { type FunctionSettings, lambdaContext } from './lambda-context';

export interface HostData extends FunctionSettings {
  /** file: URL of the handler module. */
  entry: string;
  /** Takes invocations concurrently (AWS_LAMBDA_MAX_CONCURRENCY is set in its environment). */
  concurrent: boolean;
  /** file: URLs of modules to load before the handler module. */
  preload: string[];
  /** Runs at a lower CPU priority than the functions callers wait on. */
  background: boolean;
}

export type HostRequest = { id: number; requestId: string; event: unknown };
export type HostMessage =
  | { ready: true }
  | { id: number; result: unknown }
  | { id: number; error: { name: string; message: string; stack?: string } };

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const BACKGROUND_NICE = 10;

const data = workerData as HostData;
const port = parentPort!;
// on Linux a nice value belongs to a thread, so this lowers this function's thread alone
if (data.background && process.platform === 'linux') setPriority(0, BACKGROUND_NICE);
// A function taking invocations concurrently keeps each one's log context and metrics apart in
// an async context of its own, as Lambda managed instances do; Powertools finds it there.
const store = data.concurrent ? await InvokeStore.getInstanceAsync() : undefined;
const within = <T>(requestId: string | undefined, run: () => T): T =>
  store ? store.run(requestId === undefined ? {} : { [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: requestId }, run) : run();

for (const module of data.preload) await within(undefined, () => import(module));
const { handler } = await within(undefined, () => import(data.entry) as Promise<{ handler: Handler }>);

port.on('message', (request: HostRequest) => {
  const answer = (message: HostMessage) => port.postMessage(message);
  const fail = (error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    answer({ id: request.id, error: { name: e.name, message: e.message, stack: e.stack } });
  };
  void within(request.requestId, async () => handler(request.event, lambdaContext(data, request.requestId))).then(
    (result) => {
      try {
        answer({ id: request.id, result });
      } catch (error) {
        fail(error); // a result that cannot leave the thread (Lambda would fail to serialize it too)
      }
    },
    fail,
  );
});
port.postMessage({ ready: true } satisfies HostMessage);
