import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ArticleQueue } from '../constructs/queue';
import { Reviewers } from '../constructs/reviewers';
import { PipelineSecrets } from '../constructs/secrets';
import { Storage } from '../constructs/storage';
import { WORKER } from '../settings';

/**
 * What holds data or hands-out values: the table, the article queues, the generated secrets and
 * the reviewers' user pool. Everything here is retained when the stack is deleted, and it changes
 * rarely.
 */
export class StatefulStack extends Stack {
  readonly storage: Storage;
  readonly articleQueue: ArticleQueue;
  readonly secrets: PipelineSecrets;
  readonly reviewers: Reviewers;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.storage = new Storage(this, 'Storage');
    this.articleQueue = new ArticleQueue(this, 'ArticleQueue', {
      consumerTimeout: WORKER.timeout,
      consumerBatchingWindow: WORKER.maxBatchingWindow,
    });
    this.secrets = new PipelineSecrets(this, 'Secrets');
    this.reviewers = new Reviewers(this, 'Reviewers');

    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'QueueUrl', { value: this.articleQueue.queue.queueUrl });
    new CfnOutput(this, 'WebhookSecretArn', { value: this.secrets.webhookSecret.secretArn });
    // npm run senders -- --outputs FILE reads TableName and this one
    new CfnOutput(this, 'SenderSecretPrefix', { value: this.secrets.senderSecretPrefix });
    new CfnOutput(this, 'ReviewerUserPoolId', { value: this.reviewers.userPool.userPoolId });
    new CfnOutput(this, 'ReviewerClientId', { value: this.reviewers.client.userPoolClientId });
  }
}
