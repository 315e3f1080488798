import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface FunctionSettings {
  functionName: string;
  /** @default 512, the CDK's NodeFunction default */
  memoryMb?: number;
  /** @default 60 */
  timeoutSeconds?: number;
}

/** The context Lambda hands a function with each invocation, with a fresh request id. */
export function lambdaContext(settings: FunctionSettings, awsRequestId: string = randomUUID()): Context {
  const { functionName, memoryMb = 512, timeoutSeconds = 60 } = settings;
  const deadline = Date.now() + timeoutSeconds * 1000;
  const region = process.env.AWS_REGION ?? 'us-east-1';
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
