/**
 * The webhook function's own output in AWS: a log line with the invocation's request id and one
 * CloudWatch EMF document per request. A refused request touches neither DynamoDB nor SQS, so
 * the function runs here as Lambda loads it, with no server behind it.
 */
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../../../scripts/local/lambda-context';
import { ENV } from '../../../shared/adapters/table';
import { METRIC, METRICS_NAMESPACE } from '../../../shared/observability/metrics';
import { captureOutput, emfDocuments } from '../observability/output';

const fixture = readFileSync(new URL('../../fixtures/events/api-gateway/webhook-unsigned.json', import.meta.url), 'utf8');
const event = (): APIGatewayProxyEventV2 => JSON.parse(fixture) as APIGatewayProxyEventV2;
let handler: (event: APIGatewayProxyEventV2, context: ReturnType<typeof lambdaContext>) => Promise<{ statusCode: number }>;

beforeAll(async () => {
  // what the CDK's NodeFunction and the webhook construct set
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'ingest-webhook');
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', METRICS_NAMESPACE);
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
  vi.stubEnv(ENV.tableName, 'factcheck-test');
  vi.stubEnv(ENV.queueUrl, 'https://sqs.eu-west-1.amazonaws.com/123456789012/articles');
  vi.stubEnv(ENV.webhookSecret, `whsec_${Buffer.alloc(32, 7).toString('base64')}`);
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  handler = (await import('../../../functions/ingest-webhook/handler')).handler as typeof handler;
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('the webhook function in AWS', () => {
  it('counts an unsigned delivery as refused with status class 4xx, and logs it with the request id', async () => {
    const output = captureOutput();
    try {
      const result = await handler(event(), lambdaContext({ functionName: 'FactCheckStateless-WebhookIngestHandler' }, 'c6af9ac6-7b61-11e6-9a41-93e812345678'));
      expect(result.statusCode).toBe(401);
    } finally {
      output.restore();
    }
    const lines = output.lines();
    expect(emfDocuments(lines)).toEqual([
      {
        _aws: {
          Timestamp: expect.any(Number),
          CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [['service', 'statusClass']], Metrics: [{ Name: METRIC.articlesRefused, Unit: 'Count' }] }],
        },
        service: 'ingest-webhook',
        statusClass: '4xx',
        [METRIC.articlesRefused]: 1,
      },
    ]);
    const logs = lines.filter((l) => l.message);
    expect(logs).toEqual([
      expect.objectContaining({ level: 'INFO', message: 'request refused', service: 'ingest-webhook', function_request_id: 'c6af9ac6-7b61-11e6-9a41-93e812345678' }),
    ]);
  });
});
