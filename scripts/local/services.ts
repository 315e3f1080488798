/**
 * The local stand-ins for DynamoDB and SQS, in this process and on loopback only: dynalite
 * (DynamoDB API) and fauxqs (SQS API). The table and queues are created with the same shapes as
 * the CDK stack (shared/adapters/table.ts).
 */
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import dynalite from 'dynalite';
import { buildApp } from 'fauxqs';
import { TABLE } from '../../shared/adapters/table';

export interface LocalService {
  endpoint: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startDynalite(options: { path?: string } = {}): Promise<LocalService> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${HOST}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startFauxqs(): Promise<LocalService> {
  // startFauxqs() would listen on every interface: build the app and bind it to loopback.
  const app = await buildApp({ logger: false } as Parameters<typeof buildApp>[0]);
  await app.listen({ host: HOST, port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { endpoint: `http://${HOST}:${port}`, close: async () => void (await app.close()) };
}

export async function createTable(endpoint: string, tableName: string): Promise<void> {
  const db = new DynamoDBClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const keys = [TABLE.partitionKey, TABLE.sortKey, TABLE.reviewIndex.partitionKey, TABLE.reviewIndex.sortKey, TABLE.storyIndex.partitionKey, TABLE.storyIndex.sortKey, TABLE.factIndex.partitionKey, TABLE.factIndex.sortKey];
  const index = (i: { name: string; partitionKey: string; sortKey: string }) => ({
    IndexName: i.name,
    KeySchema: [{ AttributeName: i.partitionKey, KeyType: 'HASH' as const }, { AttributeName: i.sortKey, KeyType: 'RANGE' as const }],
    Projection: { ProjectionType: 'ALL' as const },
  });
  try {
    await db.send(new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
      KeySchema: [{ AttributeName: TABLE.partitionKey, KeyType: 'HASH' }, { AttributeName: TABLE.sortKey, KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [
        index(TABLE.reviewIndex),
        index(TABLE.storyIndex),
        { ...index(TABLE.factIndex), Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...TABLE.factIndex.projected] } },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error; // kept from an earlier run (--data)
  }
  await db.send(new DescribeTableCommand({ TableName: tableName }));
  db.destroy();
}

/** The local queue's visibility timeout (the worker's own retries use a shorter delay). */
export const QUEUE_VISIBILITY_SECONDS = 30;

export interface LocalQueues {
  queueUrl: string;
  deadLetterQueueUrl: string;
}

/** The articles queue and its dead-letter queue (after 5 receives, as in the CDK stack). */
export async function createQueues(sqs: SQSClient, name: string, options: { maxReceiveCount?: number; visibilityTimeout?: number } = {}): Promise<LocalQueues> {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl!, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  const queue = await sqs.send(new CreateQueueCommand({
    QueueName: name,
    Attributes: {
      VisibilityTimeout: String(options.visibilityTimeout ?? QUEUE_VISIBILITY_SECONDS),
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: options.maxReceiveCount ?? 5 }),
    },
  }));
  return { queueUrl: queue.QueueUrl!, deadLetterQueueUrl: dlq.QueueUrl! };
}
