import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/adapters/table';
import { API_FUNCTION_TIMEOUT, SERVICE } from '../settings';
import { functionEntry, NodeFunction } from './node-function';
import type { Storage } from './storage';

export interface WebhookIngestProps {
  readonly storage: Storage;
  readonly queue: IQueue;
  readonly webhookSecret: ISecret;
}

/** POST /webhooks/articles: verifies the signature, stores the article once and enqueues it. */
export class WebhookIngest extends Construct {
  readonly function: NodeFunction;

  constructor(scope: Construct, id: string, props: WebhookIngestProps) {
    super(scope, id);
    this.function = new NodeFunction(this, 'Handler', {
      entry: functionEntry('ingest-webhook'),
      serviceName: SERVICE.ingest,
      description: 'Verifies, stores and enqueues articles posted by newsrooms',
      timeout: API_FUNCTION_TIMEOUT,
    })
      // Delivery dedupe and the article are conditional puts (read back on a repeat); text
      // chunks are batch-written.
      .useTable(props.storage, { actions: ['GetItem', 'PutItem', 'BatchWriteItem'] })
      .useQueueForSending(props.queue)
      .useSecret(ENV.webhookSecretArn, props.webhookSecret);
  }
}
