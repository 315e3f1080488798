/**
 * AWS SDK clients, built once per process. In AWS they use the function's role and region; the
 * local runtime points them at dynalite and fauxqs on loopback through DYNAMODB_ENDPOINT and
 * SQS_ENDPOINT (with throwaway credentials, which those servers ignore).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from './table';

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = (): string => process.env.AWS_REGION ?? 'us-east-1';

export function dynamoDocumentClient(endpoint = process.env[ENV.dynamodbEndpoint]): DynamoDBDocumentClient {
  const client = new DynamoDBClient(
    endpoint ? { region: region(), endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 5 } : { maxAttempts: 5 },
  );
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

export function sqsClient(endpoint = process.env[ENV.sqsEndpoint]): SQSClient {
  // fauxqs answers with queue URLs on sqs.<region>.localhost, which does not resolve here:
  // send every call to the configured endpoint instead of the queue URL's host.
  return new SQSClient(
    endpoint ? { region: region(), endpoint, credentials: LOCAL_CREDENTIALS, useQueueUrlAsEndpoint: false } : {},
  );
}

export function secretsClient(endpoint = process.env[ENV.secretsManagerEndpoint]): SecretsManagerClient {
  return new SecretsManagerClient(endpoint ? { region: region(), endpoint, credentials: LOCAL_CREDENTIALS } : {});
}
