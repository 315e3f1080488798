import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalFunction, startFunction } from '../../../scripts/local/functions';
import type { ProbeEvent } from '../../fixtures/functions/probe';
import { captureOutput, emfDocuments } from '../observability/output';

const entry = fileURLToPath(new URL('../../fixtures/functions/probe.ts', import.meta.url));
const started: LocalFunction[] = [];

async function probe(options: { concurrency?: number; env?: Record<string, string>; onCrash?(error: Error): void } = {}): Promise<LocalFunction & { call(event: ProbeEvent): Promise<unknown> }> {
  const fn = await startFunction({ name: 'probe', entry, ...options });
  started.push(fn);
  return Object.assign(fn, { call: (event: ProbeEvent) => fn.invoke(event) });
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((fn) => fn.stop()));
});

describe('a local function', () => {
  it('runs off the caller\'s event loop: a handler that holds its own loop does not hold the caller\'s', async () => {
    const fn = await probe();
    const flag = new SharedArrayBuffer(4);
    const spinning = fn.call({ action: 'spin', flag });
    // this timer can only fire if the caller's loop keeps turning while the handler spins;
    // were the handler on this loop, the spin would never end
    setTimeout(() => Atomics.store(new Int32Array(flag), 0, 1), 20);
    expect(await spinning).toBe('released');
  });

  it('keeps the log context and the metrics of invocations running at once apart', async () => {
    const output = captureOutput();
    let ids: unknown[];
    try {
      const fn = await probe({ concurrency: 10, env: { POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_METRICS_DISABLED: 'false', POWERTOOLS_METRICS_NAMESPACE: 'ProbeTest' } });
      // the first starts first and ends last: every other one logs and counts meanwhile
      ids = await Promise.all(['a', 'b', 'c', 'd'].map((tag, i) => fn.call({ action: 'log', tag, delayMs: i === 0 ? 300 : 20 * i })));
      // a thread's output reaches this process on its own channel, after the result may have
      for (let waited = 0; emfDocuments(output.lines()).length < 4 && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    } finally {
      output.restore();
    }
    const lines = output.lines();
    const logs = lines.filter((l) => l.message === 'probe done');
    expect(logs.map((l) => [l.tag, l.function_request_id, l.service]).sort()).toEqual(
      ['a', 'b', 'c', 'd'].map((tag, i) => [tag, ids[i], 'probe']),
    );
    const docs = emfDocuments(lines);
    expect(docs.map((d) => d._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => m.Name)).sort()).toEqual([['Probe_a'], ['Probe_b'], ['Probe_c'], ['Probe_d']]);
  });

  it('fails what a dying thread was running, and starts again cold on the next invocation', async () => {
    const crashes: Error[] = [];
    const fn = await probe({ onCrash: (error) => crashes.push(error) });
    expect(await fn.call({ action: 'count' })).toBe(1);
    expect(await fn.call({ action: 'count' })).toBe(2);
    await expect(fn.call({ action: 'exit' })).rejects.toThrow(/function probe died: its thread exited with code 3/);
    expect(crashes).toHaveLength(1);
    expect(await fn.call({ action: 'count' })).toBe(1); // a fresh module: a cold start
  });

  it('does not start when its handler module fails to load, and says why', async () => {
    await expect(startFunction({ name: 'probe', entry, env: { PROBE_FAIL_AT_LOAD: '1' } })).rejects.toThrow(/function probe failed to start: PROBE_FAIL_AT_LOAD is set/);
  });
});
