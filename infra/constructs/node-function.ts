import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import type { IGrantable, IPrincipal } from 'aws-cdk-lib/aws-iam';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
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

/** The repository root: where package.json, the lock file and node_modules are. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Lets esbuild's ESM output load the CommonJS dependencies that still call `require`. */
const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * `SOURCE_MAPS=1 npm run synth` ships source maps and turns on `--enable-source-maps`, for
 * readable stack traces. Off by default: the map is several times the size of the code, and
 * Node's source-map support costs tens of megabytes and milliseconds at every cold start.
 */
/** The SDK's default credential chain, and the module bundled in its place (relative to the repository). */
const CREDENTIAL_CHAIN = '@aws-sdk/credential-provider-node';
const LAMBDA_CREDENTIALS = './shared/adapters/lambda-credentials.ts';

export const SOURCE_MAPS_ENV = 'SOURCE_MAPS';

export function sourceMapsWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SOURCE_MAPS_ENV] === '1' || env[SOURCE_MAPS_ENV] === 'true';
}

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
  /**
   * Modules bundled apart and loaded only when the handler imports them, named by their key in
   * package.json `imports` (such as `#article-text`, which the handler imports dynamically). Each
   * is built into the asset as `<name>.mjs` beside index.mjs and the asset's own package.json maps
   * the name to it, so that a large dependency few requests need stays out of the code every cold
   * start loads; locally the repository's package.json maps the same name to the source.
   */
  readonly lazyModules?: readonly string[];
  /** @default on when SOURCE_MAPS=1 is set at synth time (see SOURCE_MAPS_ENV) */
  readonly sourceMaps?: boolean;
}

/**
 * A Node.js Lambda function with the house defaults: Node 22 on ARM64, a minified ESM bundle with
 * the pinned AWS SDK inside (source maps only on request), its own log group kept a month, X-Ray
 * tracing, and a role
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

    const sourceMaps = props.sourceMaps ?? sourceMapsWanted();
    const lazyModules = props.lazyModules ?? [];
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
        ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        // the logs' `service` key, and the EMF metrics' namespace and `service` dimension
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: sourceMaps,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the AWS SDK v3 version pinned in package.json rather than the runtime's copy;
        // only the lazily loaded modules stay out of index.mjs.
        externalModules: [...lazyModules],
        // Lambda gives the role's credentials in the environment: the SDK's default credential
        // chain is replaced by that one provider (shared/adapters/lambda-credentials.ts).
        // The lexicons' Arabic and Vietnamese words as UTF-8, not as \uXXXX escapes (three times the
        // bytes): ~40 KB less code to load, with the same import time. (The construct's `charset`
        // prop does not reach esbuild in this aws-cdk-lib.)
        esbuildArgs: { [`--alias:${CREDENTIAL_CHAIN}`]: LAMBDA_CREDENTIALS, '--charset': 'utf8' },
        forceDockerBundling: false,
        ...(lazyModules.length > 0 ? { commandHooks: lazyModuleHooks(lazyModules, sourceMaps) } : {}),
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

/** The file a lazily loaded module is built into: `#article-text` -> `article-text.mjs`. */
export function lazyModuleFile(specifier: string): string {
  if (!/^#[a-z0-9][a-z0-9-]*$/.test(specifier)) throw new Error(`lazy module ${specifier}: expected #name (lower case, digits, -)`);
  return `${specifier.slice(1)}.mjs`;
}

/** The source of a lazily loaded module, relative to the repository: its package.json `imports` entry. */
function lazyModuleSource(specifier: string): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { imports?: Record<string, unknown> };
  const target = pkg.imports?.[specifier];
  if (typeof target !== 'string') throw new Error(`lazy module ${specifier}: no such entry in package.json "imports"`);
  return target;
}

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/**
 * After CDK's esbuild run: each lazy module bundled by the same esbuild with the same options
 * into the asset, and the asset's package.json `imports` pointing at the bundles. Paths are
 * relative to the bundling input directory (the repository), so the commands run the same in
 * local and in Docker bundling.
 */
function lazyModuleHooks(modules: readonly string[], sourceMaps: boolean): ICommandHooks {
  const sources = modules.map((specifier) => [specifier, lazyModuleSource(specifier)] as const);
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => {
      const esbuild = join(inputDir, 'node_modules', '.bin', 'esbuild');
      const commands = sources.map(([specifier, source]) =>
        [
          quote(esbuild),
          quote(join(inputDir, source)),
          '--bundle', '--platform=node', '--format=esm', '--target=node22', '--minify', '--main-fields=module,main', '--charset=utf8',
          '--log-level=warning',
          quote(`--banner:js=${ESM_REQUIRE_BANNER}`),
          ...(sourceMaps ? ['--sourcemap'] : []),
          quote(`--outfile=${join(outputDir, lazyModuleFile(specifier))}`),
        ].join(' '),
      );
      const imports = Object.fromEntries(modules.map((specifier) => [specifier, `./${lazyModuleFile(specifier)}`]));
      commands.push(`printf '%s' ${quote(JSON.stringify({ imports }))} > ${quote(join(outputDir, 'package.json'))}`);
      return commands;
    },
  };
}
