/**
 * A stand-in for the part of Secrets Manager the senders use (CreateSecret, GetSecretValue,
 * DeleteSecret), on loopback, speaking the service's JSON protocol to the real SDK client. There
 * is no local Secrets Manager to run, and these three calls are all the senders need.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredSecret {
  name: string;
  arn: string;
  value: string;
  tags: { Key: string; Value: string }[];
  deletionScheduledInDays?: number;
}

export async function startSecretsManager(): Promise<{ endpoint: string; secrets: Map<string, StoredSecret>; close(): Promise<void> }> {
  const secrets = new Map<string, StoredSecret>(); // by ARN
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(body));
      };
      const fail = (type: string, message: string) => reply(400, { __type: type, message });
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, any>;
      const find = (id: string) => secrets.get(id) ?? [...secrets.values()].find((s) => s.name === id);
      switch (String(req.headers['x-amz-target'])) {
        case 'secretsmanager.CreateSecret': {
          if ([...secrets.values()].some((s) => s.name === input.Name)) return fail('ResourceExistsException', `${input.Name} exists`);
          const arn = `arn:aws:secretsmanager:us-east-1:123456789012:secret:${input.Name}-${randomBytes(3).toString('hex')}`;
          secrets.set(arn, { name: input.Name, arn, value: input.SecretString, tags: input.Tags ?? [] });
          return reply(200, { ARN: arn, Name: input.Name, VersionId: 'v1' });
        }
        case 'secretsmanager.GetSecretValue': {
          const secret = find(input.SecretId);
          if (!secret) return fail('ResourceNotFoundException', `no secret ${input.SecretId}`);
          if (secret.deletionScheduledInDays !== undefined) return fail('InvalidRequestException', 'marked for deletion');
          return reply(200, { ARN: secret.arn, Name: secret.name, SecretString: secret.value, VersionId: 'v1' });
        }
        case 'secretsmanager.DeleteSecret': {
          const secret = find(input.SecretId);
          if (!secret) return fail('ResourceNotFoundException', `no secret ${input.SecretId}`);
          secret.deletionScheduledInDays = input.RecoveryWindowInDays ?? 30;
          return reply(200, { ARN: secret.arn, Name: secret.name, DeletionDate: Date.now() / 1000 });
        }
        default:
          return fail('UnknownOperationException', String(req.headers['x-amz-target']));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    secrets,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
