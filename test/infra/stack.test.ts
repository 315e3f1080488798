import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CfnElement, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import type { CfnUserPool, CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuildAppProps, type FactCheckApp } from '../../infra/app-builder';
import { REVIEW_API_ROUTES, SENDER_WEBHOOK_ROUTE_KEY, WEBHOOK_ROUTE_KEY } from '../../infra/constructs/http-api';
import { sourceMapsWanted } from '../../infra/constructs/node-function';
import { MAX_RECEIVE_COUNT } from '../../infra/constructs/queue';
import { API_THROTTLE, PUBLISHER, RECONCILER, SERVICE, WEBHOOK_THROTTLE, WORKER } from '../../infra/settings';
import { ENV, TABLE } from '../../shared/adapters/table';
import { REVIEWERS_GROUP } from '../../shared/http/auth';
import { METRICS_NAMESPACE } from '../../shared/observability/metrics';

/** The cdk.json context (feature flags), so that tests synthesize what `cdk synth` does. */
const cdkContext = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../cdk.json', import.meta.url)), 'utf8')) as {
    context: Record<string, unknown>;
  }
).context;

/** Where the apps of this file synthesize (each in a folder of its own), removed at the end. */
const SYNTH_ROOT = mkdtempSync(path.join(tmpdir(), 'factcheck-stack-test-'));
afterAll(() => rmSync(SYNTH_ROOT, { recursive: true, force: true }));
const outdir = () => mkdtempSync(path.join(SYNTH_ROOT, 'app-'));

function buildWithoutBundling(
  context: Record<string, unknown> = {},
  props: Omit<BuildAppProps, 'appProps'> = {},
): FactCheckApp {
  return buildApp({
    ...props,
    appProps: { outdir: outdir(), context: { ...cdkContext, 'aws:cdk:bundling-stacks': [], ...context } },
  });
}

interface PolicyStatement {
  Action: string | string[];
  Effect: string;
  Resource: unknown;
}

interface TemplateJson {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  Outputs: Record<string, { Value: unknown }>;
}

/** The ids of the validation rules acknowledged on a construct itself (not its children). */
function acknowledgedRules(construct: IConstruct): string[] {
  return construct.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.keys(entry.data as Record<string, string>));
}

/** The statements of the policies attached to a role. */
function roleStatements(template: Template, roleId: string): PolicyStatement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) },
  });
  return Object.values(policies).flatMap(
    (policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: PolicyStatement[] } } }).Properties
        .PolicyDocument.Statement,
  );
}

/**
 * The stateful stack's output that a weak cross-stack reference (Fn::GetStackOutput) reads, given
 * the value the output publishes.
 */
function stackOutputFor(template: Template, value: unknown): Record<string, unknown> {
  const outputs = (template.toJSON() as TemplateJson).Outputs;
  const [name] = Object.entries(outputs)
    .filter(([, output]) => JSON.stringify(output.Value) === JSON.stringify(value))
    .map(([outputName]) => outputName)
    .filter((outputName) => outputName.startsWith('PublishOutput'));
  expect(name).toBeDefined();
  return {
    'Fn::GetStackOutput': {
      StackName: 'FactCheckStateful',
      Region: { Ref: 'AWS::Region' },
      OutputName: name,
    },
  };
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
  // a synth takes ~13 s on a busy 2-core machine: more than vitest's default hook timeout
}, 300_000);

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

  it('acknowledges a missing authorizer only on the webhook, /admin and /health routes', () => {
    const routes = built.stateless.httpApi.api.node
      .findAll()
      .filter((construct): construct is CfnRoute => construct instanceof CfnRoute);
    // Validations.of(route) records the acknowledgement on the HttpRoute, the CfnRoute's parent.
    const acknowledged = Object.fromEntries(
      routes.map((route) => [
        route.routeKey,
        acknowledgedRules(route.node.scope as IConstruct).some((id) =>
          id.includes('AwsSolutions-APIG4'),
        ),
      ]),
    );
    expect(acknowledged).toEqual({
      'POST /webhooks/articles': true,
      'POST /webhooks/articles/{senderId}': true,
      'GET /admin': true,
      'GET /admin/{proxy+}': true,
      'GET /health': true,
      'GET /reviews/{id}': true,
      ...Object.fromEntries(
        REVIEW_API_ROUTES.map(({ method, path }) => [`${method} ${path}`, false]),
      ),
    });
  });

  it('needs no acknowledgement for the reviewers\' user pool (COG1, COG2, COG8 pass)', () => {
    const reviewers = built.stateful.reviewers;
    expect(reviewers.node.findAll().flatMap(acknowledgedRules)).toEqual([]);
  });

  it('fails synthesis when an /api route loses its authorizer', () => {
    const app = buildWithoutBundling();
    const route = app.stateless.httpApi.api.node
      .findAll()
      .find(
        (construct): construct is CfnRoute =>
          construct instanceof CfnRoute && construct.routeKey === 'POST /api/claims/{id}/review',
      );
    expect(route).toBeDefined();
    route!.authorizationType = 'NONE';
    route!.authorizerId = undefined;
    expect(() => app.app.synth()).toThrow(/AwsSolutions-APIG4/);
  });

  it('fails synthesis when the user pool leaves the Plus plan (threat protection)', () => {
    const app = buildWithoutBundling();
    const pool = app.stateful.reviewers.userPool.node.defaultChild as CfnUserPool;
    pool.userPoolTier = 'ESSENTIALS';
    expect(() => app.app.synth()).toThrow(/AwsSolutions-COG8/);
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

  it('defines the review-queue, story and fact GSIs with their string keys, the fact index projecting only the evidence given', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({ IndexName: TABLE.factIndex.name, Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...TABLE.factIndex.projected] } }),
      ]),
    });
    const gsis = [TABLE.reviewIndex, TABLE.storyIndex, TABLE.factIndex].map((index) =>
      Match.objectLike({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
    const attributes = [TABLE, TABLE.reviewIndex, TABLE.storyIndex, TABLE.factIndex].flatMap((keys) => [
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

  it('generates and retains the webhook secret, and no reviewer token secret', () => {
    stateful.resourceCountIs('AWS::SecretsManager::Secret', 1);
    stateful.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Description: Match.stringLikeRegexp('webhooks'),
        GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }),
      }),
    });
    expect(Object.keys(built.stateful.secrets)).not.toContain('reviewerToken');
    expect(JSON.stringify(stateful.toJSON())).not.toMatch(/ReviewerToken/i);
  });

  it('outputs the table name, queue URL, webhook secret ARN, user pool and client ids', () => {
    for (const name of [
      'TableName',
      'QueueUrl',
      'WebhookSecretArn',
      'SenderSecretPrefix',
      'ReviewerUserPoolId',
      'ReviewerClientId',
    ]) {
      stateful.hasOutput(name, {});
    }
    expect(Object.keys((stateful.toJSON() as TemplateJson).Outputs)).not.toContain(
      'ReviewerTokenArn',
    );
  });
});

describe('reviewers (Cognito)', () => {
  it('creates one retained user pool: admin-created users, email sign-in, strong passwords', () => {
    stateful.resourceCountIs('AWS::Cognito::UserPool', 1);
    stateful.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        DeletionProtection: 'ACTIVE',
        Policies: {
          PasswordPolicy: {
            MinimumLength: 14,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            PasswordHistorySize: 5,
            TemporaryPasswordValidityDays: 3,
          },
        },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      }),
    });
  });

  it('requires MFA by authenticator app only', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('keeps the email address, the reviewer\'s name in the audit history, immutable', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([{ Name: 'email', Required: true, Mutable: false }]),
    });
  });

  it('enforces threat protection on the Plus plan, blocking compromised passwords', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    const poolId = built.stateful.getLogicalId(
      built.stateful.reviewers.userPool.node.defaultChild as CfnUserPool,
    );
    stateful.hasResourceProperties('AWS::Cognito::UserPoolRiskConfigurationAttachment', {
      UserPoolId: { Ref: poolId },
      ClientId: 'ALL',
      CompromisedCredentialsRiskConfiguration: {
        Actions: { EventAction: 'BLOCK' },
        EventFilter: Match.arrayWith(['SIGN_IN', 'PASSWORD_CHANGE']),
      },
      AccountTakeoverRiskConfiguration: {
        Actions: Match.objectLike({ HighAction: { EventAction: 'BLOCK', Notify: false } }),
      },
    });
  });

  it('defines the reviewers group the review function requires, retained', () => {
    const poolId = built.stateful.getLogicalId(
      built.stateful.reviewers.userPool.node.defaultChild as CfnUserPool,
    );
    expect(REVIEWERS_GROUP).toBe('reviewers');
    stateful.resourceCountIs('AWS::Cognito::UserPoolGroup', 1);
    stateful.hasResource('AWS::Cognito::UserPoolGroup', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ GroupName: REVIEWERS_GROUP, UserPoolId: { Ref: poolId } }),
    });
  });

  it('has one public app client: no secret, no OAuth, password sign-in and refresh only', () => {
    stateful.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    stateful.hasResource('AWS::Cognito::UserPoolClient', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AllowedOAuthFlowsUserPoolClient: false,
        AllowedOAuthFlows: Match.absent(),
        CallbackURLs: Match.absent(),
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        IdTokenValidity: 60,
        AccessTokenValidity: 60,
      }),
    });
  });
});

describe('stateless stack', () => {
  it('runs every function on Node 22, ARM64, traced, without source maps unless SOURCE_MAPS=1', () => {
    stateless.resourceCountIs('AWS::Lambda::Function', 4);
    stateless.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      TracingConfig: { Mode: 'Active' },
      LoggingConfig: { LogGroup: Match.anyValue() },
      Environment: {
        Variables: Match.objectLike({
          NODE_OPTIONS: sourceMapsWanted() ? '--enable-source-maps' : Match.absent(),
          POWERTOOLS_SERVICE_NAME: Match.anyValue(),
          [ENV.tableName]: Match.anyValue(),
        }),
      },
    });
  });

  it('gives every function one metrics namespace and a service name of its own', () => {
    stateless.allResourcesProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE }) },
    });
    const functions = (stateless.toJSON() as TemplateJson).Resources;
    const services = Object.values(functions)
      .filter((r) => r.Type === 'AWS::Lambda::Function')
      .map((r) => (r.Properties.Environment as { Variables: Record<string, string> }).Variables.POWERTOOLS_SERVICE_NAME)
      .sort();
    expect(services).toEqual(Object.values(SERVICE).sort());
  });

  it('keeps every log group a month', () => {
    stateless.resourceCountIs('AWS::Logs::LogGroup', 5);
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
    const reviewId = built.stateless.getLogicalId(
      built.stateless.review.function.lambda.node.defaultChild as CfnFunction,
    );
    const review = (stateless.toJSON() as TemplateJson).Resources[reviewId];
    expect(review?.Properties.Environment).toEqual({
      Variables: {
        ...(sourceMapsWanted() ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: 'review-api',
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        [ENV.tableName]: expect.anything(),
        [PUBLISHER.env]: 'Fact-check desk',
        [ENV.publicBaseUrl]: expect.anything(),
      },
    });
  });

  it('gives the review function the API\'s own address as PUBLIC_BASE_URL, or the publicBaseUrl context', () => {
    const url = (app: ReturnType<typeof buildWithoutBundling>) => {
      const fn = app.stateless.review.function.lambda.node.defaultChild as CfnFunction;
      return (app.stateless.resolve(fn.environment) as { variables: Record<string, unknown> }).variables[ENV.publicBaseUrl];
    };
    const apiId = built.stateless.getLogicalId(built.stateless.httpApi.api.node.defaultChild as CfnElement);
    expect(JSON.stringify(url(built))).toContain(apiId);
    expect(url(buildWithoutBundling({ publicBaseUrl: 'https://factcheck.example/' }))).toBe('https://factcheck.example');
    expect(() => buildWithoutBundling({ publicBaseUrl: 'http://factcheck.example' })).toThrow(/publicBaseUrl/);
    expect(() => buildWithoutBundling({ publicBaseUrl: 'https://factcheck.example/?a=1' })).toThrow(/publicBaseUrl/);
  });

  it('passes no reviewer token to any function', () => {
    const functions = stateless.findResources('AWS::Lambda::Function');
    for (const fn of Object.values(functions)) {
      const variables = Object.keys(
        (fn as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties
          .Environment.Variables,
      );
      expect(variables).not.toContain(ENV.reviewerToken);
      expect(variables).not.toContain(ENV.reviewerTokenArn);
    }
  });

  it('takes the publisher name from a prop or the publisherName context', () => {
    const fromContext = buildWithoutBundling({ [PUBLISHER.contextKey]: ' Desk of Record ' });
    const fromProp = buildWithoutBundling(
      { [PUBLISHER.contextKey]: 'ignored' },
      { publisherName: 'Prop Desk' },
    );
    for (const [app, expected] of [
      [fromContext, 'Desk of Record'],
      [fromProp, 'Prop Desk'],
    ] as const) {
      const fn = app.stateless.review.function.lambda.node.defaultChild as CfnFunction;
      const environment = app.stateless.resolve(fn.environment) as {
        variables: Record<string, string>;
      };
      expect(environment.variables[PUBLISHER.env]).toBe(expected);
    }
    expect(() => buildWithoutBundling({ [PUBLISHER.contextKey]: '   ' })).toThrow(/publisherName/);
    expect(() => buildWithoutBundling({ [PUBLISHER.contextKey]: 42 })).toThrow(/publisherName/);
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

  const apiRouteKeys = [
    'GET /api/articles/{id}',
    'GET /api/articles/{id}/view',
    'POST /api/articles/{id}/review',
    'GET /api/claims',
    'GET /api/claims/{id}',
    'POST /api/claims/{id}/review',
    'POST /api/claims/{id}/undo',
    'POST /api/claims/{id}/lease',
    'DELETE /api/claims/{id}/lease',
    'GET /api/claims/{id}/claimreview',
    'GET /api/counts',
    'GET /api/sources',
    'GET /api/export',
  ];
  const openRouteKeys = [
    'POST /webhooks/articles',
    'POST /webhooks/articles/{senderId}',
    'GET /admin',
    'GET /admin/{proxy+}',
    'GET /health',
    'GET /reviews/{id}',
  ];

  it('routes the webhook, the review API, the admin page and the health probe', () => {
    expect(REVIEW_API_ROUTES.map(({ method, path }) => `${method} ${path}`)).toEqual(apiRouteKeys);
    const routes = stateless.findResources('AWS::ApiGatewayV2::Route');
    const routeKeys = Object.values(routes).map(
      (route) => (route as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(routeKeys.sort()).toEqual([...apiRouteKeys, ...openRouteKeys].sort());
  });

  it('verifies reviewers\' Cognito tokens with a JWT authorizer (issuer and audience)', () => {
    stateless.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    const reviewers = built.stateful.reviewers;
    const poolId = built.stateful.getLogicalId(reviewers.userPool.node.defaultChild as CfnUserPool);
    const clientId = built.stateful.getLogicalId(
      reviewers.client.node.defaultChild as CfnUserPoolClient,
    );
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: stackOutputFor(stateful, { 'Fn::GetAtt': [poolId, 'ProviderURL'] }),
        Audience: [stackOutputFor(stateful, { Ref: clientId })],
      },
    });
  });

  it('puts the JWT authorizer on every /api route and on no other', () => {
    const [authorizerId] = Object.keys(stateless.findResources('AWS::ApiGatewayV2::Authorizer'));
    for (const routeKey of apiRouteKeys) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    }
    for (const routeKey of openRouteKeys) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey,
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
      });
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
    });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('\\$context\\.authorizer\\.error'),
      },
      DefaultRouteSettings: {
        ThrottlingRateLimit: Match.anyValue(),
        ThrottlingBurstLimit: Match.anyValue(),
      },
    });
    stateless.hasOutput('ApiUrl', {});
  });

  it('outputs the admin page URL', () => {
    stateless.hasOutput('AdminUrl', {
      Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/admin$')])] },
    });
  });

  it('sends both queue alarms, and their return to OK, to the alarm topic', () => {
    const topicId = built.stateless.getLogicalId(built.stateless.alerts.topic.node.defaultChild as CfnTopic);
    const alarms = stateless.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'AWS/SQS' } });
    expect(Object.keys(alarms)).toHaveLength(2);
    for (const alarm of Object.values(alarms)) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
    stateless.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    stateless.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('subscribes the alarmEmail context address to the alarm topic', () => {
    const withEmail = Template.fromStack(buildWithoutBundling({ alarmEmail: 'desk@newsroom.example' }).stateless);
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'desk@newsroom.example' });
    expect(() => buildWithoutBundling({ alarmEmail: 'not an address' })).toThrow(/alarmEmail/);
  });

  it('throttles the public webhook route below the rest of the stage', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
      RouteSettings: {
        [WEBHOOK_ROUTE_KEY]: { ThrottlingRateLimit: WEBHOOK_THROTTLE.rateLimit, ThrottlingBurstLimit: WEBHOOK_THROTTLE.burstLimit },
        [SENDER_WEBHOOK_ROUTE_KEY]: { ThrottlingRateLimit: WEBHOOK_THROTTLE.rateLimit, ThrottlingBurstLimit: WEBHOOK_THROTTLE.burstLimit },
      },
    });
    expect(WEBHOOK_THROTTLE.rateLimit).toBeLessThan(API_THROTTLE.rateLimit);
  });

  it('runs the reconciler on a schedule, with the queue visibility timeout as its staleness', () => {
    const fnId = built.stateless.getLogicalId(built.stateless.reconciler.function.lambda.node.defaultChild as CfnFunction);
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `rate(${RECONCILER.everyMinutes} minutes)`,
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId, 'Arn'] } }),
    });
    const fn = (stateless.toJSON() as TemplateJson).Resources[fnId]!;
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      [ENV.reconcileAfterSeconds]: String(WORKER.timeout.toSeconds() * 6 + WORKER.maxBatchingWindow.toSeconds()),
      [ENV.queueUrl]: expect.anything(),
    });
  });

  it.each([
    ['ingest', () => built.stateless.ingest.function.role, ['GetItem', 'PutItem', 'BatchWriteItem'], []],
    ['worker', () => built.stateless.worker.function.role, ['GetItem', 'Query', 'UpdateItem', 'BatchWriteItem', 'PutItem'], [TABLE.reviewIndex.name, TABLE.storyIndex.name]],
    ['reconciler', () => built.stateless.reconciler.function.role, ['UpdateItem', 'Query'], [TABLE.reviewIndex.name]],
    ['review', () => built.stateless.review.function.role, ['GetItem', 'Query', 'UpdateItem'], [TABLE.reviewIndex.name, TABLE.factIndex.name]],
  ] as const)('grants the %s function exactly the DynamoDB actions its code calls, and Query on the indexes it reads', (_name, role, expected, indexes) => {
    const roleId = built.stateless.getLogicalId(role().node.defaultChild as CfnRole);
    const statements = roleStatements(stateless, roleId).filter((statement) => statement.Effect === 'Allow');
    const dynamodb = statements.flatMap((statement) => [statement.Action].flat()).filter((a) => a.startsWith('dynamodb:'));
    expect(new Set(dynamodb)).toEqual(new Set(expected.map((a) => `dynamodb:${a}`)));
    const queried = [TABLE.reviewIndex.name, TABLE.storyIndex.name, TABLE.factIndex.name].filter((name) =>
      statements.some((statement) => JSON.stringify(statement.Resource).includes(`/index/${name}`)));
    expect(queried).toEqual(indexes);
    for (const statement of statements.filter((s) => JSON.stringify(s.Resource).includes('/index/'))) expect(statement.Action).toBe('dynamodb:Query');
  });

  it('tells the worker after how many receives a message dead-letters', () => {
    const fnId = built.stateless.getLogicalId(built.stateless.worker.function.lambda.node.defaultChild as CfnFunction);
    const fn = (stateless.toJSON() as TemplateJson).Resources[fnId]!;
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({ [ENV.maxReceiveCount]: String(MAX_RECEIVE_COUNT) });
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

  it('lets the review function read the table and update items, nothing more', () => {
    const roleId = built.stateless.getLogicalId(
      built.stateless.review.function.role.node.defaultChild as CfnRole,
    );
    const statements = roleStatements(stateless, roleId).filter(
      (statement) => statement.Effect === 'Allow',
    );
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    const dynamodb = actions.filter((action) => action.startsWith('dynamodb:'));
    expect(new Set(dynamodb)).toEqual(
      new Set(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']),
    );
    for (const write of ['PutItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']) {
      expect(dynamodb).not.toContain(`dynamodb:${write}`);
    }
    // Query alone on the review index; no secret to read any more.
    const onIndex = statements.filter((statement) =>
      JSON.stringify(statement.Resource).includes(`/index/${TABLE.reviewIndex.name}`),
    );
    expect(onIndex.map((statement) => statement.Action)).toEqual(['dynamodb:Query']);
    expect(actions.filter((action) => action.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('uses no AWS managed policy on the function roles', () => {
    // four functions and the reconciler's schedule
    stateless.resourceCountIs('AWS::IAM::Role', 5);
    stateless.allResourcesProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.absent(),
    });
  });
});

describe('senders\' secrets', () => {
  const ingestStatements = (app: FactCheckApp) => {
    const template = Template.fromStack(app.stateless);
    const roleId = app.stateless.getLogicalId(app.stateless.ingest.function.role.node.defaultChild as CfnRole);
    return roleStatements(template, roleId).filter((statement) => statement.Effect === 'Allow');
  };
  const secretsGrants = (statements: PolicyStatement[]) =>
    statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')));

  it('lets only the ingest function read them: GetSecretValue on the stack\'s sender prefix, nothing else', () => {
    const prefix = built.stateful.secrets.senderSecretPrefix;
    expect(prefix).toBe('FactCheckStateful/senders/');
    const onPrefix = secretsGrants(ingestStatements(built)).filter((statement) => JSON.stringify(statement.Resource).includes(prefix));
    expect(onPrefix).toEqual([{
      Action: 'secretsmanager:GetSecretValue',
      Effect: 'Allow',
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:secret:${prefix}*`]] },
    }]);
    for (const role of [built.stateless.worker.function.role, built.stateless.review.function.role, built.stateless.reconciler.function.role]) {
      const roleId = built.stateless.getLogicalId(role.node.defaultChild as CfnRole);
      expect(JSON.stringify(roleStatements(stateless, roleId))).not.toContain('secretsmanager:');
    }
    stateful.hasOutput('SenderSecretPrefix', { Value: prefix });
  });

  it('tells the ingest function the prefix, and acknowledges the prefix wildcard by its exact resource', () => {
    const fnId = built.stateless.getLogicalId(built.stateless.ingest.function.lambda.node.defaultChild as CfnFunction);
    const fn = (stateless.toJSON() as TemplateJson).Resources[fnId]!;
    expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      [ENV.senderSecretPrefix]: 'FactCheckStateful/senders/',
      [ENV.webhookSecretArn]: expect.anything(),
    });
    expect(acknowledgedRules(built.stateless.ingest.function.role)).toContain(
      'Annotation::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:FactCheckStateful/senders/*]',
    );
  });

  it('turns the default sender off with the defaultSender context: no shared secret in the function', () => {
    const without = buildWithoutBundling({ defaultSender: 'false' });
    const fnId = without.stateless.getLogicalId(without.stateless.ingest.function.lambda.node.defaultChild as CfnFunction);
    const fn = (Template.fromStack(without.stateless).toJSON() as TemplateJson).Resources[fnId]!;
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables).not.toHaveProperty(ENV.webhookSecretArn);
    expect(variables).toHaveProperty(ENV.senderSecretPrefix);
    expect(secretsGrants(ingestStatements(without)).map((statement) => statement.Action)).toEqual(['secretsmanager:GetSecretValue']);
    // the shared secret itself stays, retained, in the stateful stack
    Template.fromStack(without.stateful).resourceCountIs('AWS::SecretsManager::Secret', 1);
    expect(() => buildWithoutBundling({ defaultSender: 'no' })).toThrow(/defaultSender/);
  });
});
