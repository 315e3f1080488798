import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alerts } from '../constructs/alerts';
import { ClaimWorker } from '../constructs/claim-worker';
import { PipelineHttpApi } from '../constructs/http-api';
import { ArticleQueueAlarms } from '../constructs/queue';
import { Reconciler } from '../constructs/reconciler';
import { ReviewApi } from '../constructs/review-api';
import { WebhookIngest } from '../constructs/webhook-ingest';
import { PUBLISHER } from '../settings';
import type { StatefulStack } from './stateful-stack';

export interface StatelessStackProps extends StackProps {
  readonly stateful: StatefulStack;
  /** Author of the ClaimReview JSON-LD. @default PUBLISHER.default ("Fact-check desk") */
  readonly publisherName?: string;
  /** Where the public pages of verdicts live (a custom domain). @default the HTTP API's own address */
  readonly publicBaseUrl?: string;
  /** Who receives the alarms by e-mail. @default no subscription (the topic only) */
  readonly alarmEmail?: string;
  /** Accept deliveries signed with the shared webhook secret (the default sender). @default true */
  readonly defaultSender?: boolean;
}

/** Functions, the HTTP API and alarms: all replaceable, deployed as often as the code changes. */
export class StatelessStack extends Stack {
  readonly ingest: WebhookIngest;
  readonly worker: ClaimWorker;
  readonly review: ReviewApi;
  readonly httpApi: PipelineHttpApi;
  readonly queueAlarms: ArticleQueueAlarms;
  readonly reconciler: Reconciler;
  readonly alerts: Alerts;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { storage, articleQueue, secrets, reviewers } = props.stateful;

    this.ingest = new WebhookIngest(this, 'WebhookIngest', {
      storage,
      queue: articleQueue.queue,
      ...(props.defaultSender === false ? {} : { webhookSecret: secrets.webhookSecret }),
      senderSecretPrefix: secrets.senderSecretPrefix,
    });
    this.worker = new ClaimWorker(this, 'ClaimWorker', { storage, queue: articleQueue.queue });
    this.review = new ReviewApi(this, 'ReviewApi', {
      storage,
      publisherName: props.publisherName ?? PUBLISHER.default,
    });
    this.httpApi = new PipelineHttpApi(this, 'HttpApi', {
      ingestFunction: this.ingest.function.lambda,
      reviewFunction: this.review.function.lambda,
      reviewerTokens: { issuer: reviewers.jwtIssuer, audience: reviewers.client.userPoolClientId },
    });
    this.review.publishAt(props.publicBaseUrl ?? this.httpApi.publicBaseUrl);
    this.reconciler = new Reconciler(this, 'Reconciler', {
      storage,
      queue: articleQueue.queue,
      visibilityTimeout: articleQueue.visibilityTimeout,
    });
    this.alerts = new Alerts(this, 'Alerts', { email: props.alarmEmail });
    this.queueAlarms = new ArticleQueueAlarms(this, 'ArticleQueueAlarms', {
      queue: articleQueue.queue,
      deadLetterQueue: articleQueue.deadLetterQueue,
      topic: this.alerts.topic,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url });
    new CfnOutput(this, 'AdminUrl', { value: this.httpApi.adminUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alerts.topic.topicArn });
  }
}
