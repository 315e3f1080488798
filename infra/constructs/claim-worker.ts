import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { SERVICE, WORKER } from '../settings';
import { functionEntry, NodeFunction } from './node-function';
import type { Storage } from './storage';

export interface ClaimWorkerProps {
  readonly storage: Storage;
  readonly queue: IQueue;
}

/** Consumes the article queue: extracts and corroborates claims and writes them. */
export class ClaimWorker extends Construct {
  readonly function: NodeFunction;

  constructor(scope: Construct, id: string, props: ClaimWorkerProps) {
    super(scope, id);
    this.function = new NodeFunction(this, 'Handler', {
      entry: functionEntry('claim-worker'),
      serviceName: SERVICE.worker,
      description: 'Extracts and corroborates the claims of queued articles',
      timeout: WORKER.timeout,
    })
      // Reads the article and its text, batch-writes claims, updates the article and the
      // earlier claims a new one corroborates, found through the match-key index.
      .useTable(props.storage, {
        actions: [
          'GetItem',
          'BatchGetItem',
          'Query',
          'PutItem',
          'UpdateItem',
          'BatchWriteItem',
          'ConditionCheckItem',
        ],
      });

    this.function.lambda.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: WORKER.batchSize,
        maxBatchingWindow: WORKER.maxBatchingWindow,
        maxConcurrency: WORKER.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }
}
