import { Duration } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface AlertsProps {
  /** Who receives the alarms by e-mail (the subscription must be confirmed from the mail). */
  readonly email?: string;
}

/**
 * Where the pipeline's alarms go: an encrypted SNS topic that CloudWatch may publish to, and an
 * optional e-mail subscription. Any other subscriber (chat, paging) can be added to the topic.
 */
export class Alerts extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlertsProps = {}) {
    super(scope, id);
    // A key of our own: CloudWatch alarms cannot publish to a topic under the AWS managed SNS key.
    const key = new Key(this, 'Key', {
      description: 'Encrypts the fact-check pipeline alarm topic',
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Fact-check pipeline alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(props.email)) throw new Error(`alarmEmail is not an e-mail address: ${props.email}`);
      new Subscription(this, 'Email', { topic: this.topic, protocol: SubscriptionProtocol.EMAIL, endpoint: props.email });
    }
  }
}
