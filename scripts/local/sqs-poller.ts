/**
 * Plays Lambda's SQS event source on fauxqs: receives batches, hands them to the worker as an
 * SQS event, deletes what succeeded, and leaves the reported failures to come back after their
 * visibility timeout (fauxqs moves them to the dead-letter queue after maxReceiveCount).
 */
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { lambdaContext } from './lambda-context';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface PollerOptions {
  sqs: SQSClient;
  queueUrl: string;
  queueArn?: string;
  handler: SqsHandler;
  batchSize?: number;
  waitSeconds?: number;
  /** Seconds before a failed message is received again. */
  retryDelaySeconds?: number;
  onBatch?(report: { received: number; failed: number }): void;
  onError?(error: unknown): void;
}

export interface Poller {
  stop(): Promise<void>;
}

export function startPoller(options: PollerOptions): Poller {
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        await pollOnce(options);
      } catch (error) {
        options.onError?.(error);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** One receive and one invocation; returns how many messages it received. */
export async function pollOnce(options: PollerOptions): Promise<number> {
  const { sqs, queueUrl, handler } = options;
  const out = await sqs.send(new ReceiveMessageCommand({
    QueueUrl: queueUrl,
    MaxNumberOfMessages: options.batchSize ?? 10,
    WaitTimeSeconds: options.waitSeconds ?? 1,
    MessageSystemAttributeNames: ['All'],
    MessageAttributeNames: ['All'],
  }));
  const messages = out.Messages ?? [];
  if (messages.length === 0) return 0;
  const records = messages.map((m) => toRecord(m, options.queueArn ?? 'arn:aws:sqs:us-east-1:000000000000:local'));
  let failed: Set<string>;
  try {
    const response = await handler({ Records: records }, lambdaContext({ functionName: 'claim-worker' }));
    failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
  } catch {
    failed = new Set(records.map((r) => r.messageId)); // the whole invocation failed
  }
  const done = messages.filter((m) => !failed.has(m.MessageId!));
  const retry = messages.filter((m) => failed.has(m.MessageId!));
  if (done.length > 0) {
    await sqs.send(new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
    }));
  }
  if (retry.length > 0 && options.retryDelaySeconds !== undefined) {
    await sqs.send(new ChangeMessageVisibilityBatchCommand({
      QueueUrl: queueUrl,
      Entries: retry.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: options.retryDelaySeconds })),
    }));
  }
  options.onBatch?.({ received: messages.length, failed: retry.length });
  return messages.length;
}

function toRecord(m: Message, arn: string): SQSRecord {
  const attributes = m.Attributes ?? {};
  return {
    messageId: m.MessageId!,
    receiptHandle: m.ReceiptHandle!,
    body: m.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: m.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: arn,
    awsRegion: 'us-east-1',
  };
}
