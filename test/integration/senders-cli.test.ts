import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSenders } from '../../scripts/cli/senders';
import { createTable, type LocalService, startDynalite } from '../../scripts/local/services';
import { dynamoDocumentClient, secretsClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { SecretsManagerVault } from '../../shared/adapters/sender-secrets';
import { SenderDirectory } from '../../shared/pipeline/senders';
import { startSecretsManager } from './secrets-manager';

let dynamo: LocalService;
let secretsManager: Awaited<ReturnType<typeof startSecretsManager>>;
let dir: string;
const TABLE = 'factcheck-cli';
const PREFIX = 'FactCheckStateful/senders/';

beforeAll(async () => {
  dynamo = await startDynalite();
  await createTable(dynamo.endpoint, TABLE);
  secretsManager = await startSecretsManager();
  dir = await mkdtemp(join(tmpdir(), 'senders-cli-'));
  // as `npx cdk deploy --all --outputs-file` writes it
  await writeFile(join(dir, 'outputs.json'), JSON.stringify({
    FactCheckStateful: { TableName: TABLE, SenderSecretPrefix: PREFIX, QueueUrl: 'https://sqs.example/q' },
    FactCheckStateless: { ApiUrl: 'https://api.example.com/', AdminUrl: 'https://api.example.com/admin' },
  }));
}, 30_000);

afterAll(async () => {
  await secretsManager?.close();
  await dynamo?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function run(argv: string[], env: Record<string, string> = {}, aws = false) {
  let stdout = '';
  let stderr = '';
  const status = await runSenders(argv, {
    env: { DYNAMODB_ENDPOINT: dynamo.endpoint, TABLE_NAME: TABLE, PORT: '3999', ...env },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => readFile(path, 'utf8'),
    now: () => new Date('2026-07-01T10:00:00Z'),
    ...(aws ? { awsClients: () => ({ db: dynamoDocumentClient(dynamo.endpoint), secrets: secretsClient(secretsManager.endpoint) }) } : {}),
  });
  return { status, stdout, stderr };
}

describe('npm run senders, on the local table', () => {
  it('adds a sender and prints its webhook address and secret once, then lists it without the secret', async () => {
    const added = await run(['add', 'mill-street', '--name', 'Mill Street Journal', '--source', 'mill-street.example', '--source', '*.mill-street.example']);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('webhook  POST http://127.0.0.1:3999/webhooks/articles/mill-street');
    const secret = /secret {3}(whsec_\S+)/.exec(added.stdout)![1]!;
    const listed = await run(['list']);
    expect(listed.stdout).toBe(
      'ID           NAME                 STATUS  KIND      KEYS  SOURCES\n' +
      'mill-street  Mill Street Journal  active  newsroom  k1    mill-street.example *.mill-street.example\n',
    );
    expect(listed.stdout).not.toContain(secret);
    expect((await run(['list', '--json'])).stdout).not.toContain('whsec_');
  });

  it('exits 2 on bad usage or an invalid sender, 1 when refused, with the reason', async () => {
    expect(await run(['add', 'x', '--source', 'x.example'])).toMatchObject({ status: 2, stderr: expect.stringContaining('add needs --name and at least one --source') });
    expect(await run(['add', 'wide', '--name', 'Wide', '--source', '*'])).toMatchObject({ status: 2, stderr: expect.stringContaining('sources: only an aggregator may post for any source (*)') });
    expect(await run(['rotate', 'nobody'])).toMatchObject({ status: 1, stderr: 'senders: no sender nobody\n' });
    expect(await run(['promote', 'mill-street', '--next'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--next is only for revoke') });
    expect(await run(['list'], { DYNAMODB_ENDPOINT: '' })).toMatchObject({ status: 2, stderr: expect.stringContaining('set DYNAMODB_ENDPOINT') });
    expect((await run(['--help'])).stdout).toContain('add ID --name NAME --source S');
  });
});

describe('npm run senders --outputs, on an AWS deployment', () => {
  it('keeps each secret in Secrets Manager under the stack\'s prefix, the table holding only its ARN', async () => {
    const outputs = ['--outputs', join(dir, 'outputs.json')];
    const added = JSON.parse((await run([...outputs, 'add', 'tern-radio', '--name', 'Tern Radio', '--source', 'tern-radio.example', '--json'], {}, true)).stdout);
    expect(added.webhookUrl).toBe('https://api.example.com/webhooks/articles/tern-radio');
    const kept = [...secretsManager.secrets.values()];
    expect(kept).toEqual([expect.objectContaining({ name: `${PREFIX}tern-radio/k1`, value: added.secret, tags: [{ Key: 'sender', Value: 'tern-radio' }] })]);

    const db = dynamoDocumentClient(dynamo.endpoint);
    const store = dynamoStores(db, TABLE).senders;
    const item = await store.getSender('tern-radio');
    expect(item!.secrets).toEqual([{ keyId: 'k1', addedAt: '2026-07-01T10:00:00.000Z', secretArn: kept[0]!.arn }]);

    const next = JSON.parse((await run([...outputs, 'rotate', 'tern-radio', '--json'], {}, true)).stdout);
    // what the ingest function does in AWS: read the sender, then its secrets from Secrets Manager
    const client = secretsClient(secretsManager.endpoint);
    const directory = new SenderDirectory({ store, vault: new SecretsManagerVault(client, PREFIX), now: () => new Date(), maxAgeMs: 0 });
    expect((await directory.sender('tern-radio')).secrets).toEqual([{ keyId: 'k1', value: added.secret }, { keyId: 'k2', value: next.secret }]);

    expect((await run([...outputs, 'promote', 'tern-radio'], {}, true)).status).toBe(0);
    expect((await directory.sender('tern-radio')).secrets).toEqual([{ keyId: 'k2', value: next.secret }]);
    // the retired secret is scheduled for deletion, restorable for a week
    expect(secretsManager.secrets.get(kept[0]!.arn)!.deletionScheduledInDays).toBe(7);
    client.destroy();
    db.destroy();
  });

  it('refuses an outputs file without the stateful stack\'s outputs', async () => {
    await writeFile(join(dir, 'other.json'), JSON.stringify({ SomeStack: { Url: 'x' } }));
    expect(await run(['--outputs', join(dir, 'other.json'), 'list'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no stack with the outputs TableName and SenderSecretPrefix') });
    expect(await run(['--outputs', join(dir, 'missing.json'), 'list'])).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file or directory') });
  });
});
