import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  CfnUserPoolRiskConfigurationAttachment,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { REVIEWERS_GROUP } from '../../shared/http/auth';

/**
 * The reviewers' identities: a Cognito user pool that only administrators add people to, the
 * group the review API requires, and the app client whose tokens the HTTP API's JWT authorizer
 * accepts.
 *
 * - Sign-in by email address; no self sign-up. An administrator creates each reviewer
 *   (`admin-create-user`, which mails a temporary password) and adds them to the group.
 * - MFA is required, by authenticator app (TOTP) only: a reviewer's token publishes verdicts under
 *   the desk's name, the pool holds a handful of people an administrator enrols, and TOTP needs
 *   no SMS role, no phone numbers and no per-message cost. First sign-in asks for a new password
 *   and then for the TOTP enrolment (the MFA_SETUP challenge).
 * - The email address is immutable: the review function records it as the reviewer's name in the
 *   audit history, so a reviewer must not be able to change it with their own access token.
 * - Plus feature plan with full-function threat protection: compromised passwords are refused at
 *   sign-in and password change, high-risk sign-ins are blocked (MFA is asked on every sign-in
 *   anyway). The Plus plan is billed per monthly active user, a few cents for a desk of reviewers.
 *
 * The app client has no secret (it is used from a browser and a terminal), no OAuth and no hosted
 * domain, and allows USER_PASSWORD_AUTH (plus refresh): a reviewer gets a token with
 * `aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH` and `respond-to-auth-challenge`
 * (the TOTP code) and gives the ID token to the admin page, which sends it as
 * `Authorization: Bearer`. USER_PASSWORD_AUTH, unlike SRP, lets threat protection check the
 * password against known leaks; a hosted domain with the authorization-code grant and PKCE would
 * need the admin page's URL as callback, a reference from this stack back to the API's.
 *
 * Everything here is retained when the stack is deleted: the pool holds the reviewers' accounts
 * and MFA enrolments, and the client id is configured where tokens are requested.
 */
export class Reviewers extends Construct {
  readonly userPool: UserPool;
  readonly group: CfnUserPoolGroup;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: false } },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        passwordHistorySize: 5,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.group = new CfnUserPoolGroup(this, 'ReviewersGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: REVIEWERS_GROUP,
      description: 'May read the review queue and record verdicts (the review API checks it)',
    });
    this.group.applyRemovalPolicy(RemovalPolicy.RETAIN);

    this.client = this.userPool.addClient('AdminPageClient', {
      generateSecret: false,
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // Room for a first sign-in: new password, then scanning the TOTP secret and confirming it.
      authSessionValidity: Duration.minutes(10),
    });
    this.client.applyRemovalPolicy(RemovalPolicy.RETAIN);

    // What full-function threat protection does, rather than the service's defaults.
    new CfnUserPoolRiskConfigurationAttachment(this, 'ThreatProtection', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: {
        eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE'],
        actions: { eventAction: 'BLOCK' },
      },
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: { eventAction: 'NO_ACTION', notify: false },
          mediumAction: { eventAction: 'MFA_REQUIRED', notify: false },
          highAction: { eventAction: 'BLOCK', notify: false },
        },
      },
    }).applyRemovalPolicy(RemovalPolicy.RETAIN);
  }

  /** The `iss` of the pool's tokens: https://cognito-idp.<region>.amazonaws.com/<pool id>. */
  get jwtIssuer(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
