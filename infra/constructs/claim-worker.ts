import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { ENV, TABLE } from '../../shared/adapters/table';
import { SERVICE, WORKER } from '../settings';
import { MAX_RECEIVE_COUNT } from './queue';
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
      // Reads the article, its text and stored claims, the active stories (GSI1) and a story's
      // claims (GSI2); batch-writes new claims with their match entries and evidence; writes the
      // story (a conditional put); updates the article (taken, processed, failed) and the earlier
      // claims whose status rises.
      .useTable(props.storage, {
        actions: ['GetItem', 'Query', 'UpdateItem', 'BatchWriteItem', 'PutItem'],
        indexes: [TABLE.reviewIndex.name, TABLE.storyIndex.name],
      });
    this.function.lambda.addEnvironment(ENV.maxReceiveCount, String(MAX_RECEIVE_COUNT));

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
