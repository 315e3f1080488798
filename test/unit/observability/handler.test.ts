import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observed } from '../../../shared/observability/handler';
import { lambdaContext } from '../../../scripts/local/lambda-context';
import { captureOutput, emfDocuments } from './output';

let output: ReturnType<typeof captureOutput>;

afterEach(() => {
  output?.restore();
  vi.unstubAllEnvs();
});

function tools() {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  output = captureOutput();
  return {
    logger: new Logger({ serviceName: 'desk-test', logLevel: 'INFO' }),
    metrics: new Metrics({ namespace: 'DeskTest', serviceName: 'desk-test' }),
  };
}

describe('a handler wrapped in observed()', () => {
  it('puts the request id of its invocation on every log line, one invocation after another', async () => {
    const { logger, metrics } = tools();
    const handler = observed({ logger, metrics }, async (event: { n: number }) => {
      logger.info('started', { n: event.n });
      await new Promise((r) => setTimeout(r, 1));
      logger.warn('finished', { n: event.n });
      return event.n;
    });
    expect(await handler({ n: 1 }, lambdaContext({ functionName: 'desk' }, 'req-one'))).toBe(1);
    expect(await handler({ n: 2 }, lambdaContext({ functionName: 'desk' }, 'req-two'))).toBe(2);
    const logs = output.lines().filter((l) => l.message);
    expect(logs.map((l) => [l.message, l.n, l.function_request_id, l.function_name, l.service])).toEqual([
      ['started', 1, 'req-one', 'desk', 'desk-test'],
      ['finished', 1, 'req-one', 'desk', 'desk-test'],
      ['started', 2, 'req-two', 'desk', 'desk-test'],
      ['finished', 2, 'req-two', 'desk', 'desk-test'],
    ]);
  });

  it('publishes what an invocation counted as one EMF document, also when it throws', async () => {
    const { logger, metrics } = tools();
    const handler = observed({ logger, metrics }, async (event: { fail: boolean }) => {
      metrics.addMetric('ThingsDone', MetricUnit.Count, 2);
      metrics.addMetric('ThingsDone', MetricUnit.Count, 3);
      if (event.fail) throw new Error('broken');
      return 'ok';
    });
    await handler({ fail: false }, lambdaContext({ functionName: 'desk' }));
    await expect(handler({ fail: true }, lambdaContext({ functionName: 'desk' }))).rejects.toThrow('broken');
    const docs = emfDocuments(output.lines());
    expect(docs).toHaveLength(2);
    for (const doc of docs) {
      expect(doc._aws.CloudWatchMetrics).toEqual([{ Namespace: 'DeskTest', Dimensions: [['service']], Metrics: [{ Name: 'ThingsDone', Unit: 'Count' }] }]);
      expect(doc).toMatchObject({ service: 'desk-test', ThingsDone: [2, 3] });
    }
  });

  it('prints nothing for an invocation that counted nothing', async () => {
    const { logger, metrics } = tools();
    await observed({ logger, metrics }, async () => 'quiet')({}, lambdaContext({ functionName: 'desk' }));
    expect(output.lines()).toEqual([]);
  });
});
