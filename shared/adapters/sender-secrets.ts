/**
 * Where senders' secret values are kept. Locally, in the sender's item (the table is in memory
 * or in a directory of the developer's). In AWS, in Secrets Manager, one secret per key, named
 * `<prefix><senderId>/<keyId>`: the table keeps only its ARN, and only the ingest function may
 * read secrets under the prefix.
 */
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { SecretVault } from '../pipeline/senders';
import type { SenderSecret } from '../schemas/sender';

/** Secrets kept in the sender's item: the local runtime's vault. */
export class TableSecretVault implements SecretVault {
  async keep(_senderId: string, keyId: string, value: string, addedAt: string): Promise<SenderSecret> {
    return { keyId, addedAt, value };
  }

  async reveal(secret: SenderSecret): Promise<string> {
    if (secret.value === undefined) throw new Error(`secret ${secret.keyId} is in Secrets Manager, which this runtime does not read`);
    return secret.value;
  }

  async discard(): Promise<void> {
    // the value goes with the item
  }
}

/** Days a discarded secret can still be restored (Secrets Manager allows 7 to 30). */
const RECOVERY_WINDOW_DAYS = 7;

/** Secrets kept in Secrets Manager under a prefix: the AWS vault. */
export class SecretsManagerVault implements SecretVault {
  constructor(
    private readonly client: SecretsManagerClient,
    /** e.g. `FactCheckStateful/senders/` (the stack output SenderSecretPrefix) */
    private readonly prefix: string,
  ) {}

  async keep(senderId: string, keyId: string, value: string, addedAt: string): Promise<SenderSecret> {
    const out = await this.client.send(
      new CreateSecretCommand({
        Name: `${this.prefix}${senderId}/${keyId}`,
        Description: `Standard Webhooks secret ${keyId} of sender ${senderId}`,
        SecretString: value,
        Tags: [{ Key: 'sender', Value: senderId }],
      }),
    );
    if (!out.ARN) throw new Error(`Secrets Manager returned no ARN for ${senderId}/${keyId}`);
    return { keyId, addedAt, secretArn: out.ARN };
  }

  async reveal(secret: SenderSecret): Promise<string> {
    // a value in the table would be readable by every function that reads the table
    if (secret.secretArn === undefined) throw new Error(`secret ${secret.keyId} is kept in the table; here secrets belong in Secrets Manager`);
    const out = await this.client.send(new GetSecretValueCommand({ SecretId: secret.secretArn }));
    if (!out.SecretString) throw new Error(`secret ${secret.secretArn} has no string value`);
    return out.SecretString;
  }

  async discard(secret: SenderSecret): Promise<void> {
    if (secret.secretArn === undefined) return;
    await this.client.send(new DeleteSecretCommand({ SecretId: secret.secretArn, RecoveryWindowInDays: RECOVERY_WINDOW_DAYS }));
  }
}
