import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type FactCheckApp } from '../../infra/app-builder';
import { MAX_RECEIVE_COUNT } from '../../infra/constructs/queue';
import { WORKER } from '../../infra/settings';
import { ENV, TABLE } from '../../shared/adapters/table';

/** The cdk.json context (feature flags), so that tests synthesize what `cdk synth` does. */
const cdkContext = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../cdk.json', import.meta.url)), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

function buildWithoutBundling(): FactCheckApp {
  return buildApp({
    appProps: { context: { ...cdkContext, 'aws:cdk:bundling-stacks': [] } },
  });
}

interface PolicyStatement {
  Action: string | string[];
  Effect: string;
}

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string }[] }[];
}

let built: FactCheckApp;
let assemblyDir: string;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  built = buildWithoutBundling();
  // Throws when a validation plugin (cdk-nag among them) reports an unacknowledged error.
  assemblyDir = built.app.synth().directory;
  stateful = Template.fromStack(built.stateful);
  stateless = Template.fromStack(built.stateless);
});

describe('cdk-nag (AwsSolutions)', () => {
  it('synthesizes with no unacknowledged finding', () => {
    const report = JSON.parse(
      readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8'),
    ) as ValidationReport;
    const findings = report.pluginReports.flatMap((plugin) =>
      plugin.violations.map((violation) => `${plugin.pluginName}: ${violation.ruleName}`),
    );
    expect(findings).toEqual([]);
  });

  it('leaves no error or warning annotation on either stack', () => {
    for (const stack of [built.stateful, built.stateless]) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
    }
  });

  it('fails synthesis when a finding is not acknowledged', () => {
    const app = buildWithoutBundling();
    // No dead-letter queue, no SSL-only policy: AwsSolutions-SQS3 and -SQS4.
    new Queue(app.stateful, 'UncheckedQueue');
    expect(() => app.app.synth()).toThrow(/AwsSolutions-SQS3/);
  });
});

describe('stateful stack', () => {
  it('creates the single table with the shared keys, on demand, retained', () => {
    stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });

  it('defines the review-queue GSI with its string keys', () => {
    const gsis = [TABLE.reviewIndex].map((index) =>
      Match.objectLike({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
    const attributes = [TABLE, TABLE.reviewIndex].flatMap((keys) => [
      { AttributeName: keys.partitionKey, AttributeType: 'S' },
      { AttributeName: keys.sortKey, AttributeType: 'S' },
    ]);
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith(gsis),
      AttributeDefinitions: Match.arrayWith(attributes),
    });
  });

  it('redrives articles to the dead-letter queue after 5 receives', () => {
    expect(MAX_RECEIVE_COUNT).toBe(5);
    stateful.resourceCountIs('AWS::SQS::Queue', 2);
    stateful.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
    });
  });

  it('keeps messages invisible at least six times the worker timeout', () => {
    const queues = stateful.findResources('AWS::SQS::Queue', {
      Properties: { RedrivePolicy: Match.anyValue() },
    });
    const [queue] = Object.values(queues) as { Properties: { VisibilityTimeout: number } }[];
    expect(queue?.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(
      6 * WORKER.timeout.toSeconds(),
    );
  });

  it('denies non-TLS access to both queues', () => {
    const policies = stateful.findResources('AWS::SQS::QueuePolicy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      },
    });
    expect(Object.keys(policies)).toHaveLength(2);
  });

  it('generates and retains the two secrets', () => {
    stateful.resourceCountIs('AWS::SecretsManager::Secret', 2);
    stateful.allResources('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }),
      }),
    });
  });

  it('outputs the table name, queue URL and secret ARNs', () => {
    for (const name of ['TableName', 'QueueUrl', 'WebhookSecretArn', 'ReviewerTokenArn']) {
      stateful.hasOutput(name, {});
    }
  });
});

describe('stateless stack', () => {
  it('runs every function on Node 22, ARM64, traced, with source maps', () => {
    stateless.resourceCountIs('AWS::Lambda::Function', 3);
    stateless.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: Match.anyValue() },
      Environment: {
        Variables: Match.objectLike({
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: Match.anyValue(),
          [ENV.tableName]: Match.anyValue(),
        }),
      },
    });
  });

  it('keeps every log group a month', () => {
    stateless.resourceCountIs('AWS::Logs::LogGroup', 4);
    stateless.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('gives each function the environment variables it needs', () => {
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          [ENV.queueUrl]: Match.anyValue(),
          [ENV.webhookSecretArn]: Match.anyValue(),
        }),
      },
    });
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [ENV.reviewerTokenArn]: Match.anyValue() }) },
    });
  });

  it('feeds the worker from the queue with partial batch responses', () => {
    stateless.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 2,
      ScalingConfig: { MaximumConcurrency: 5 },
    });
    const worker = stateless.findResources('AWS::Lambda::Function', {
      Properties: { Timeout: WORKER.timeout.toSeconds() },
    });
    expect(Object.keys(worker)).toHaveLength(1);
  });

  it('routes the webhook and the review API', () => {
    const routeKeys = [
      'POST /webhooks/articles',
      'GET /health',
      'GET /api/articles/{id}',
      'GET /api/claims',
      'ANY /api/{proxy+}',
    ];
    stateless.resourceCountIs('AWS::ApiGatewayV2::Route', routeKeys.length);
    for (const routeKey of routeKeys) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
    }
  });

  it('logs access and throttles the default stage', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
      DefaultRouteSettings: {
        ThrottlingRateLimit: Match.anyValue(),
        ThrottlingBurstLimit: Match.anyValue(),
      },
    });
    stateless.hasOutput('ApiUrl', {});
  });

  it('alarms on dead letters and on old messages', () => {
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateAgeOfOldestMessage',
    });
  });

  it('lets the review function read the table but never write it', () => {
    const roleId = built.stateless.getLogicalId(
      built.stateless.review.function.role.node.defaultChild as CfnRole,
    );
    const policies = stateless.findResources('AWS::IAM::Policy', {
      Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
    });
    const actions = Object.values(policies).flatMap((policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: PolicyStatement[] } } }).Properties
        .PolicyDocument.Statement.filter((statement) => statement.Effect === 'Allow')
        .flatMap((statement) => [statement.Action].flat()),
    );
    const dynamodb = actions.filter((action) => action.startsWith('dynamodb:'));
    expect(dynamodb).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    const reads = new Set(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']);
    expect(dynamodb.filter((action) => !reads.has(action))).toEqual([]);
  });

  it('uses no AWS managed policy on the function roles', () => {
    stateless.resourceCountIs('AWS::IAM::Role', 3);
    stateless.allResourcesProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.absent(),
    });
  });
});
