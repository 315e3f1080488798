import { RemovalPolicy, Validations } from 'aws-cdk-lib';
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
 */
export class PipelineSecrets extends Construct {
  /** Signs webhook deliveries (Standard Webhooks); shared with the newsrooms. */
  readonly webhookSecret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.webhookSecret = generatedSecret(
      this,
      'WebhookSecret',
      'Standard Webhooks signing secret for POST /webhooks/articles (the value after whsec_)',
    );

    Validations.of(this.webhookSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The webhook secret is shared with the newsrooms that sign deliveries; rotating it needs ' +
        'a coordinated change on their side (Standard Webhooks allows two secrets during a ' +
        'switch), so it is rotated by hand, not by a rotation Lambda.',
    });
  }
}
