import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** How often a message is received before it moves to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

export interface ArticleQueueProps {
  /** Timeout of the function that consumes the queue. */
  readonly consumerTimeout: Duration;
  /** Batching window of its event source mapping, which also keeps messages invisible. */
  readonly consumerBatchingWindow: Duration;
}

/** The queue of stored articles waiting for claim extraction, with its dead-letter queue. */
export class ArticleQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  /** How long a received message stays invisible: an article unfinished longer has lost it. */
  readonly visibilityTimeout: Duration;

  constructor(scope: Construct, id: string, props: ArticleQueueProps) {
    super(scope, id);
    // AWS's rule for Lambda consumers: at least six times the function timeout, plus the
    // batching window during which polled messages are already invisible.
    this.visibilityTimeout = Duration.seconds(props.consumerTimeout.toSeconds() * 6 + props.consumerBatchingWindow.toSeconds());

    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Longer than the main queue's retention: a message keeps its first enqueue time when it is
      // moved, so a shorter retention here would drop it before anyone looks at it.
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
      visibilityTimeout: this.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

export interface ArticleQueueAlarmsProps {
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
  /** Age of the oldest waiting article that means the worker is stuck or far behind. */
  readonly maxMessageAge?: Duration;
  /** Where the alarms (and their return to OK) are sent. */
  readonly topic: ITopic;
}

/**
 * Alarms on the article queue. Apart from `ArticleQueue` so that they deploy with the stateless
 * stack: they hold no data and may be replaced freely.
 */
export class ArticleQueueAlarms extends Construct {
  readonly deadLetterAlarm: Alarm;
  readonly oldestMessageAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ArticleQueueAlarmsProps) {
    super(scope, id);
    const maxAge = props.maxMessageAge ?? Duration.minutes(15);

    this.deadLetterAlarm = new Alarm(this, 'DeadLetters', {
      alarmDescription: `Articles failed ${MAX_RECEIVE_COUNT} times and are in the dead-letter queue`,
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    this.oldestMessageAlarm = new Alarm(this, 'OldestMessageAge', {
      alarmDescription: `An article has waited more than ${maxAge.toHumanString()} for the claim worker`,
      metric: props.queue.metricApproximateAgeOfOldestMessage({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: maxAge.toSeconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const notify = new SnsAction(props.topic);
    for (const alarm of [this.deadLetterAlarm, this.oldestMessageAlarm]) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }
}
