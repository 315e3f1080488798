import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_THROTTLE } from '../settings';

export interface PipelineHttpApiProps {
  readonly ingestFunction: IFunction;
  readonly reviewFunction: IFunction;
}

/** HTTP API variables only ($context.identity.caller and friends exist on REST APIs alone). */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationStatus: '$context.integrationStatus',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  error: '$context.error.message',
};

/**
 * The public HTTP API. Every route reaches a function that authenticates the request itself:
 * the webhook by its Standard Webhooks signature, the review API by the reviewers' bearer token
 * (a Cognito JWT authorizer replaces the token later).
 */
export class PipelineHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: PipelineHttpApiProps) {
    super(scope, id);

    // The default stage is made here, not by HttpApi, to give it access logs and throttling.
    this.api = new HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-http-api`,
      description: 'Fact-check pipeline: newsroom webhooks and the review API',
      createDefaultStage: false,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { ...API_THROTTLE },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    const ingest = new HttpLambdaIntegration('Ingest', props.ingestFunction);
    const review = new HttpLambdaIntegration('Review', props.reviewFunction);

    const webhookRoutes = this.api.addRoutes({
      path: '/webhooks/articles',
      methods: [HttpMethod.POST],
      integration: ingest,
    });
    const reviewRoutes = [
      ...this.api.addRoutes({ path: '/health', methods: [HttpMethod.GET], integration: review }),
      ...this.api.addRoutes({
        path: '/api/articles/{id}',
        methods: [HttpMethod.GET],
        integration: review,
      }),
      ...this.api.addRoutes({ path: '/api/claims', methods: [HttpMethod.GET], integration: review }),
      ...this.api.addRoutes({
        path: '/api/{proxy+}',
        methods: [HttpMethod.ANY],
        integration: review,
      }),
    ];

    acknowledgeNoAuthorizer(
      webhookRoutes,
      'Newsroom webhooks carry no AWS or Cognito identity: the ingest function verifies the ' +
        'Standard Webhooks signature (HMAC-SHA256 over id, timestamp and body, with a 5-minute ' +
        'tolerance) against the secret in Secrets Manager and answers 401 otherwise.',
    );
    acknowledgeNoAuthorizer(
      reviewRoutes,
      'The review function checks the reviewers\' bearer token (in Secrets Manager) on every ' +
        '/api request and answers 401 otherwise; /health reveals nothing. A Cognito JWT ' +
        'authorizer on these routes replaces the token later.',
    );
  }

  /** The invoke URL of the default stage. */
  get url(): string {
    return this.stage.url;
  }
}

function acknowledgeNoAuthorizer(routes: readonly HttpRoute[], reason: string): void {
  for (const route of routes) {
    Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
  }
}
