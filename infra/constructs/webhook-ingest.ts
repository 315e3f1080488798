import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import { Grant } from 'aws-cdk-lib/aws-iam';
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
  /** The default sender's secret; without it, only registered senders may post. */
  readonly webhookSecret?: ISecret;
  /** The name prefix of the senders' secrets in Secrets Manager (PipelineSecrets.senderSecretPrefix). */
  readonly senderSecretPrefix: string;
}

/**
 * POST /webhooks/articles/{senderId}: verifies the signature with the sender's secrets, stores
 * the article once and enqueues it. The function reads senders from the table and may read
 * exactly the secrets under the senders' prefix (a wildcard is unavoidable: the secrets are
 * created after deployment, and Secrets Manager appends a random suffix to every ARN).
 */
export class WebhookIngest extends Construct {
  readonly function: NodeFunction;

  constructor(scope: Construct, id: string, props: WebhookIngestProps) {
    super(scope, id);
    this.function = new NodeFunction(this, 'Handler', {
      entry: functionEntry('ingest-webhook'),
      serviceName: SERVICE.ingest,
      description: 'Verifies, stores and enqueues articles posted by newsrooms',
      timeout: API_FUNCTION_TIMEOUT,
      // article text from HTML bodies (Readability and two parsers), loaded by the first of them
      lazyModules: ['#article-text'],
    })
      // Delivery dedupe and the article are conditional puts (read back on a repeat); text
      // chunks are batch-written.
      .useTable(props.storage, { actions: ['GetItem', 'PutItem', 'BatchWriteItem'] })
      .useQueueForSending(props.queue);
    if (props.webhookSecret) this.function.useSecret(ENV.webhookSecretArn, props.webhookSecret);

    const senderSecrets = Stack.of(this).formatArn({
      service: 'secretsmanager',
      resource: 'secret',
      resourceName: `${props.senderSecretPrefix}*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    Grant.addToPrincipal({ grantee: this.function, actions: ['secretsmanager:GetSecretValue'], resourceArns: [senderSecrets] });
    this.function.lambda.addEnvironment(ENV.senderSecretPrefix, props.senderSecretPrefix);
    Validations.of(this.function.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:${props.senderSecretPrefix}*]`,
      reason:
        'GetSecretValue only, on the secrets of this deployment\'s senders: they are created by ' +
        'npm run senders after deployment (one per key, rotated without redeploying), and every ' +
        'Secrets Manager ARN ends in a random suffix, so a name prefix is the narrowest resource.',
    });
  }
}
