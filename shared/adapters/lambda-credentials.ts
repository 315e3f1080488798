/**
 * The credentials of a function in AWS: Lambda puts its role's credentials in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), the first place the SDK's
 * default chain looks. The function bundles put this module in place of that chain
 * (`@aws-sdk/credential-provider-node`, see infra/constructs/node-function.ts), whose other
 * providers (SSO, STS web identity, profiles, instance metadata) never apply in Lambda and are
 * a fifth of each bundle. The local runtime runs the sources with the real chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
