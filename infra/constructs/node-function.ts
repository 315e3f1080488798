import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import type { IGrantable, IPrincipal } from 'aws-cdk-lib/aws-iam';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/adapters/table';
import { METRICS_NAMESPACE } from '../../shared/observability/metrics';
import type { Storage, TableAccess } from './storage';

/** Absolute path of `functions/<name>/handler.ts`, from this file's location, not the working directory. */
export function functionEntry(name: string): string {
  return fileURLToPath(new URL(`../../functions/${name}/handler.ts`, import.meta.url));
}

/** Lets esbuild's ESM output load the CommonJS dependencies that still call `require`. */
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export interface NodeFunctionProps {
  /** Absolute path of the handler module (exports `handler`). */
  readonly entry: string;
  /** POWERTOOLS_SERVICE_NAME. */
  readonly serviceName: string;
  readonly description?: string;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
}

/**
 * A Node.js Lambda function with the house defaults: Node 22 on ARM64, an ESM bundle with source
 * maps and the pinned AWS SDK inside, its own log group kept a month, X-Ray tracing, and a role
 * that may only write to that log group until a `use*` helper grants more. Each helper grants
 * access and sets the environment variable that names the resource, so the two cannot drift.
 */
export class NodeFunction extends Construct implements IGrantable {
  readonly lambda: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });

    // Our own role instead of the default one with AWSLambdaBasicExecutionRole, whose log
    // permissions cover every log group in the account.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.serviceName} function`,
    });
    this.logGroup.grantWrite(this.role);

    this.lambda = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        // the logs' `service` key, and the EMF metrics' namespace and `service` dimension
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the AWS SDK v3 version pinned in package.json rather than the runtime's copy.
        externalModules: [],
        forceDockerBundling: false,
      },
    });

    Validations.of(this.lambda).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the pipeline targets: the shared code is written and tested ' +
        'for Node 20 (local runtime, CI) and 22; Node 24 follows once the tests run on it.',
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the statement CDK adds for active tracing: xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords do not support resource-level permissions.',
    });
  }

  get grantPrincipal(): IPrincipal {
    return this.role;
  }

  /** Grants table access and sets ENV.tableName. */
  useTable(storage: Storage, access: TableAccess): this {
    storage.grant(this, access);
    this.lambda.addEnvironment(ENV.tableName, storage.table.tableName);
    return this;
  }

  /** Grants sending to the queue and sets ENV.queueUrl. */
  useQueueForSending(queue: IQueue): this {
    queue.grantSendMessages(this);
    this.lambda.addEnvironment(ENV.queueUrl, queue.queueUrl);
    return this;
  }

  /** Grants reading the secret and sets `envName` to its ARN. */
  useSecret(envName: string, secret: ISecret): this {
    secret.grantRead(this);
    this.lambda.addEnvironment(envName, secret.secretArn);
    return this;
  }
}
