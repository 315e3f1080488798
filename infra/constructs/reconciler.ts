import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV, TABLE } from '../../shared/adapters/table';
import { RECONCILER, SERVICE } from '../settings';
import { functionEntry, NodeFunction } from './node-function';
import type { Storage } from './storage';

export interface ReconcilerProps {
  readonly storage: Storage;
  readonly queue: IQueue;
  /** The queue's visibility timeout: an article unfinished for longer has lost its message. */
  readonly visibilityTimeout: Duration;
}

/**
 * Accepted means processed: on a schedule (EventBridge Scheduler), queues again the articles
 * left unfinished longer than the queue's visibility timeout, found by a Query on the sparse
 * index of unfinished articles (never a Scan).
 */
export class Reconciler extends Construct {
  readonly function: NodeFunction;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ReconcilerProps) {
    super(scope, id);
    this.function = new NodeFunction(this, 'Handler', {
      entry: functionEntry('reconciler'),
      serviceName: SERVICE.reconciler,
      description: 'Queues again the articles left unfinished (lost messages, dead worker runs)',
      timeout: Duration.seconds(30),
    })
      // Reads the unfinished-articles index; marks articles queued again (or failed) conditionally.
      .useTable(props.storage, { actions: ['UpdateItem'], indexes: [TABLE.reviewIndex.name] })
      .useQueueForSending(props.queue);
    this.function.lambda.addEnvironment(ENV.reconcileAfterSeconds, String(props.visibilityTimeout.toSeconds()));

    // a role of its own for the schedule, rather than the stack-wide one the target would make
    const invoker = new Role(this, 'ScheduleRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'Lets EventBridge Scheduler invoke the reconciler',
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: `Runs the reconciler every ${RECONCILER.everyMinutes} minutes`,
      schedule: ScheduleExpression.rate(Duration.minutes(RECONCILER.everyMinutes)),
      target: new LambdaInvoke(this.function.lambda, { retryAttempts: 2, role: invoker }),
    });
    const functionId = Stack.of(this).getLogicalId(this.function.lambda.node.defaultChild as CfnFunction);
    Validations.of(invoker).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionId}.Arn>:*]`,
      reason:
        "The scheduler target grants lambda:InvokeFunction on the reconciler and its versions " +
        '(ARN:*); the schedule invokes the unqualified function only, and the role invokes nothing else.',
    });
  }
}
