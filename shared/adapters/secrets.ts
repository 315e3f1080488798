import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { secretsClient } from './clients';

/**
 * A secret given directly in `process.env[name]` (the local runtime), or through the ARN in
 * `process.env[arnName]` (AWS: read once from Secrets Manager per cold start).
 */
export async function secretFromEnv(name: string, arnName: string): Promise<string> {
  const direct = process.env[name];
  if (direct) return direct;
  const arn = process.env[arnName];
  if (!arn) throw new Error(`set ${name} or ${arnName}`);
  const out = await secretsClient().send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error(`secret ${arn} has no string value`);
  return out.SecretString;
}

/** A required environment variable, failing at cold start with its name. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}
