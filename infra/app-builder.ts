import { App, type AppProps, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';
import { ALARM_EMAIL_CONTEXT_KEY, DEFAULT_SENDER_CONTEXT_KEY, defaultSenderEnabled, PUBLIC_BASE_URL, PUBLISHER, publicBaseUrl, publisherName } from './settings';

export interface BuildAppProps {
  /** Passed to the App (tests pass `aws:cdk:bundling-stacks: []` and the cdk.json context). */
  readonly appProps?: AppProps;
  /** @default environment-agnostic stacks */
  readonly env?: Environment;
  /**
   * Author of the ClaimReview JSON-LD (the review function's PUBLISHER_NAME).
   * @default the `publisherName` context value, else "Fact-check desk"
   */
  readonly publisherName?: string;
  /**
   * Where the public pages of verdicts live (the review function's PUBLIC_BASE_URL).
   * @default the `publicBaseUrl` context value, else the HTTP API's own address
   */
  readonly publicBaseUrl?: string;
  /** Who receives the alarms by e-mail. @default the `alarmEmail` context value, else none */
  readonly alarmEmail?: string;
  /**
   * Whether deliveries signed with the shared webhook secret (the default sender) are accepted.
   * @default the `defaultSender` context value, else true
   */
  readonly defaultSender?: boolean;
}

export interface FactCheckApp {
  readonly app: App;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Builds the app without synthesizing it.
 *
 * Two stacks rather than one: the table, queues, secrets and the reviewers' user pool are retained
 * and change rarely, while functions, the API and alarms are redeployed with every code change and
 * may be torn down and recreated. The cross-stack references stay simple: the stateless stack only
 * reads names, ARNs and ids (the user pool's issuer URL and app client id among them) from the
 * stateful one, and the stateful stack references nothing back (every grant goes on a function
 * role, none on a resource policy; the app client has no callback URL on the API), so the
 * dependency runs one way. With the recommended `@aws-cdk/core:defaultCrossStackReferences: weak`
 * in cdk.json they are read with Fn::GetStackOutput rather than exports, so changing the stateful
 * stack never gets stuck on an export in use; its resources are retained and the stack is
 * termination-protected, so nothing the stateless stack reads can vanish by accident.
 */
export function buildApp(props: BuildAppProps = {}): FactCheckApp {
  const app = new App(props.appProps);
  Tags.of(app).add('project', 'factcheck-pipeline');

  const stateful = new StatefulStack(app, 'FactCheckStateful', {
    env: props.env,
    description:
      'Fact-check pipeline: table, article queues, secrets and reviewer user pool (retained)',
    terminationProtection: true,
  });
  const stateless = new StatelessStack(app, 'FactCheckStateless', {
    env: props.env,
    description: 'Fact-check pipeline: functions, HTTP API and alarms',
    stateful,
    publisherName: publisherName(
      props.publisherName ?? app.node.tryGetContext(PUBLISHER.contextKey),
    ),
    publicBaseUrl: publicBaseUrl(
      props.publicBaseUrl ?? app.node.tryGetContext(PUBLIC_BASE_URL.contextKey),
    ),
    alarmEmail: props.alarmEmail ?? (app.node.tryGetContext(ALARM_EMAIL_CONTEXT_KEY) as string | undefined),
    defaultSender: defaultSenderEnabled(props.defaultSender ?? app.node.tryGetContext(DEFAULT_SENDER_CONTEXT_KEY)),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stateful, stateless };
}
