import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * A generated secret string of 48 letters and digits. 48 characters of the base64 alphabet with
 * no padding decode to 36 bytes, the body of a Standard Webhooks secret (`whsec_<value>`).
 */
function generatedSecret(scope: Construct, id: string, description: string): Secret {
  return new Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    // Given out to newsrooms: deleting the stack must not invalidate them.
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/**
 * The secrets the pipeline generates and hands out. Reviewers have no shared secret: they sign in
 * to the Cognito user pool (see `Reviewers`), and the HTTP API verifies their tokens.
 *
 * Each sender's secrets are not in the template: `npm run senders` creates them in Secrets
 * Manager under `senderSecretPrefix` (one secret per key, `<prefix><senderId>/k<n>`) when a
 * newsroom is onboarded or rotated, and schedules their deletion when retired. The prefix is the
 * stack's name, so that only this deployment's ingest function may read them.
 */
export class PipelineSecrets extends Construct {
  /** Signs the default sender's deliveries (Standard Webhooks): the single secret of before. */
  readonly webhookSecret: Secret;
  /** The name prefix of the senders' secrets in Secrets Manager. */
  readonly senderSecretPrefix: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.senderSecretPrefix = `${Stack.of(this).stackName}/senders/`;
    this.webhookSecret = generatedSecret(
      this,
      'WebhookSecret',
      'Standard Webhooks signing secret of the default sender, POST /webhooks/articles (the value after whsec_)',
    );

    Validations.of(this.webhookSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The default sender\'s secret is shared with the newsrooms that sign with it; rotating it ' +
        'needs a coordinated change on their side, so it is not rotated by a Lambda. Newsrooms ' +
        'move to senders of their own, rotated with npm run senders (two secrets verify during a ' +
        'switch), and the default sender is then turned off (context defaultSender=false).',
    });
  }
}
