import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/**
 * A generated secret string of 48 letters and digits. 48 characters of the base64 alphabet with
 * no padding decode to 36 bytes, so the same value serves as the body of a Standard Webhooks
 * secret (`whsec_<value>`) and as a bearer token.
 */
function generatedSecret(scope: Construct, id: string, description: string): Secret {
  return new Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    // Given out to newsrooms and reviewers: deleting the stack must not invalidate them.
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/** The secrets the pipeline generates and hands out. */
export class PipelineSecrets extends Construct {
  /** Signs webhook deliveries (Standard Webhooks); shared with the newsrooms. */
  readonly webhookSecret: Secret;
  /** Bearer token of the review API until reviewers sign in with Cognito. */
  readonly reviewerToken: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.webhookSecret = generatedSecret(
      this,
      'WebhookSecret',
      'Standard Webhooks signing secret for POST /webhooks/articles (the value after whsec_)',
    );
    this.reviewerToken = generatedSecret(
      this,
      'ReviewerToken',
      'Bearer token for the review API (/api/...)',
    );

    Validations.of(this.webhookSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The webhook secret is shared with the newsrooms that sign deliveries; rotating it needs ' +
        'a coordinated change on their side (Standard Webhooks allows two secrets during a ' +
        'switch), so it is rotated by hand, not by a rotation Lambda.',
    });
    Validations.of(this.reviewerToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Interim shared bearer token for reviewers until the Cognito JWT authorizer replaces it; ' +
        'it is rotated by hand (put-secret-value) together with telling the reviewers.',
    });
  }
}
