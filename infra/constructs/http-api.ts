import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_THROTTLE, WEBHOOK_THROTTLE } from '../settings';

export interface PipelineHttpApiProps {
  readonly ingestFunction: IFunction;
  readonly reviewFunction: IFunction;
  /** Who issues the reviewers' tokens and for which app client (the Cognito user pool). */
  readonly reviewerTokens: {
    /** https://cognito-idp.<region>.amazonaws.com/<user pool id> */
    readonly issuer: string;
    /** The app client id: the ID token's `aud`, or the access token's `client_id`. */
    readonly audience: string;
  };
}

/** The route key of the newsroom webhook for the default sender (the single shared secret) ... */
export const WEBHOOK_ROUTE_KEY = 'POST /webhooks/articles';
/** ... and for a registered sender, who posts to its own URL. */
export const SENDER_WEBHOOK_ROUTE_KEY = 'POST /webhooks/articles/{senderId}';

/** The review API's routes, all behind the JWT authorizer. */
export const REVIEW_API_ROUTES: readonly { method: HttpMethod; path: string }[] = [
  { method: HttpMethod.GET, path: '/api/articles/{id}' },
  { method: HttpMethod.GET, path: '/api/articles/{id}/view' },
  { method: HttpMethod.POST, path: '/api/articles/{id}/review' },
  { method: HttpMethod.GET, path: '/api/claims' },
  { method: HttpMethod.GET, path: '/api/claims/{id}' },
  { method: HttpMethod.POST, path: '/api/claims/{id}/review' },
  { method: HttpMethod.POST, path: '/api/claims/{id}/undo' },
  { method: HttpMethod.POST, path: '/api/claims/{id}/lease' },
  { method: HttpMethod.DELETE, path: '/api/claims/{id}/lease' },
  { method: HttpMethod.GET, path: '/api/claims/{id}/claimreview' },
  { method: HttpMethod.GET, path: '/api/counts' },
  { method: HttpMethod.GET, path: '/api/sources' },
  { method: HttpMethod.GET, path: '/api/export' },
];

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
  // Why the JWT authorizer refused a token, and whose token it accepted (the opaque Cognito sub).
  authorizerError: '$context.authorizer.error',
  reviewer: '$context.authorizer.claims.sub',
};

/**
 * The public HTTP API.
 * - POST /webhooks/articles/{senderId} (and /webhooks/articles, the default sender): no
 *   authorizer; the ingest function verifies the Standard Webhooks signature with the sender's
 *   secrets.
 * - /api/...: a JWT authorizer verifies the reviewer's Cognito token (signature, issuer, audience,
 *   expiry) before the review function runs; the function then requires the reviewers group.
 *   Each route is listed, so any other path under /api is answered 404 by API Gateway.
 * - GET /admin, GET /admin/{proxy+}: the admin page and its assets, open (no data in them).
 * - GET /reviews/{id}: the public page of a published verdict (the ClaimReview `url`), open.
 * - GET /health: open.
 */
export class PipelineHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly reviewerAuthorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: PipelineHttpApiProps) {
    super(scope, id);

    // The default stage is made here, not by HttpApi, to give it access logs and throttling.
    this.api = new HttpApi(this, 'Api', {
      apiName: `${Stack.of(this).stackName}-http-api`,
      description: 'Fact-check pipeline: newsroom webhooks, the review API and its admin page',
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

    const webhookRoutes = [
      ...this.api.addRoutes({ path: '/webhooks/articles', methods: [HttpMethod.POST], integration: ingest }),
      ...this.api.addRoutes({ path: '/webhooks/articles/{senderId}', methods: [HttpMethod.POST], integration: ingest }),
    ];
    // the public routes get a budget of their own, below the stage's (HttpStage has no route settings)
    const webhookThrottle = { ThrottlingRateLimit: WEBHOOK_THROTTLE.rateLimit, ThrottlingBurstLimit: WEBHOOK_THROTTLE.burstLimit };
    (this.stage.node.defaultChild as CfnStage).routeSettings = {
      // CloudFormation's property names: routeSettings is untyped JSON, passed through as written
      [WEBHOOK_ROUTE_KEY]: webhookThrottle,
      [SENDER_WEBHOOK_ROUTE_KEY]: webhookThrottle,
    };
    for (const route of webhookRoutes) this.stage.node.addDependency(route);

    this.reviewerAuthorizer = new HttpJwtAuthorizer('Reviewers', props.reviewerTokens.issuer, {
      jwtAudience: [props.reviewerTokens.audience],
      identitySource: ['$request.header.Authorization'],
    });
    for (const { method, path } of REVIEW_API_ROUTES) {
      this.api.addRoutes({
        path,
        methods: [method],
        integration: review,
        authorizer: this.reviewerAuthorizer,
      });
    }

    const adminRoutes = [
      ...this.api.addRoutes({ path: '/admin', methods: [HttpMethod.GET], integration: review }),
      ...this.api.addRoutes({
        path: '/admin/{proxy+}',
        methods: [HttpMethod.GET],
        integration: review,
      }),
    ];
    const healthRoutes = this.api.addRoutes({
      path: '/health',
      methods: [HttpMethod.GET],
      integration: review,
    });
    const publicReviewRoutes = this.api.addRoutes({
      path: '/reviews/{id}',
      methods: [HttpMethod.GET],
      integration: review,
    });

    acknowledgeNoAuthorizer(
      webhookRoutes,
      'Newsroom webhooks carry no AWS or Cognito identity: the ingest function verifies the ' +
        'Standard Webhooks signature (HMAC-SHA256 over id, timestamp and body, with a 5-minute ' +
        'tolerance) against the active secrets of the sender the path names (in Secrets ' +
        'Manager) and answers 401 otherwise.',
    );
    acknowledgeNoAuthorizer(
      adminRoutes,
      'The admin page and its static assets must load before a reviewer has a token: they hold ' +
        'no data and no configuration secret. Everything the page shows comes from the /api ' +
        'routes, which the Cognito JWT authorizer protects; the review function answers nothing ' +
        'but the page and its assets here (404 otherwise).',
    );
    acknowledgeNoAuthorizer(
      publicReviewRoutes,
      'The public page of a published verdict, the ClaimReview `url` that search engines and ' +
        'fact-check aggregators fetch: it serves only claims with a verdict of confirmed, ' +
        'refuted or unverifiable (404 otherwise), reads nothing else, runs no script, and is ' +
        'throttled with the rest of the stage.',
    );
    acknowledgeNoAuthorizer(
      healthRoutes,
      'Health probe for monitors: answers {"status":"ok"} without reading the table, so it ' +
        'reveals nothing; it is throttled with the rest of the stage.',
    );
  }

  /** The invoke URL of the default stage. */
  get url(): string {
    return this.stage.url;
  }

  /** Where the public pages live: the API's endpoint (the $default stage's URL without its trailing slash). */
  get publicBaseUrl(): string {
    return this.api.apiEndpoint;
  }

  /** The admin page (the $default stage's URL ends with a slash). */
  get adminUrl(): string {
    return `${this.stage.url}admin`;
  }
}

function acknowledgeNoAuthorizer(routes: readonly HttpRoute[], reason: string): void {
  for (const route of routes) {
    Validations.of(route).acknowledge({ id: 'AwsSolutions-APIG4', reason });
  }
}
