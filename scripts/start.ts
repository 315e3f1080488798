/**
 * `npm start`: the whole pipeline on this machine, loopback only, no AWS account and no Docker.
 * Options: --port N (or PORT), --data DIR (keep DynamoDB data between runs), --demo (load the
 * sample articles of scripts/demo/articles at start). WEBHOOK_SECRET and REVIEWER_TOKEN are
 * generated and printed when unset; PUBLIC_BASE_URL defaults to the server's own address.
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadDemo } from './demo/load';
import { onLauncherGone } from './local/launcher';
import { startLocalPipeline } from './local/runtime';

// The AWS SDK announces that its 2027 releases will need Node 22; the versions pinned here run on
// Node 20, so that notice is left out of the console the developer reads.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning')) console.warn(warning);
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, data: { type: 'string' }, demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log('Usage: npm start [-- --port 3000] [-- --data DIR] [-- --demo]\n  --demo  load the sample articles of scripts/demo/articles at start\nEnvironment: PORT, WEBHOOK_SECRET, REVIEWER_TOKEN, PUBLIC_BASE_URL');
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${values.port ?? process.env.PORT}`);
  if (values.data) await mkdir(values.data, { recursive: true });
  const given = { WEBHOOK_SECRET: !!process.env.WEBHOOK_SECRET, REVIEWER_TOKEN: !!process.env.REVIEWER_TOKEN };
  const pipeline = await startLocalPipeline({
    port,
    dataDir: values.data,
    webhookSecret: process.env.WEBHOOK_SECRET || undefined,
    reviewerToken: process.env.REVIEWER_TOKEN || undefined,
    publicBaseUrl: process.env.PUBLIC_BASE_URL || undefined,
    onWorkerError: (error) => console.error('worker:', (error as Error).message),
  });
  const generated = (name: keyof typeof given) => (given[name] ? '' : ' (generated; set it to keep it)');
  console.log(`Fact-check pipeline running on ${pipeline.url} (loopback only)

  webhook        POST ${pipeline.url}/webhooks/articles/{senderId}   (Standard Webhooks signature)
                 POST ${pipeline.url}/webhooks/articles   (the default sender, signed with WEBHOOK_SECRET)
  admin page     ${pipeline.url}/admin   (sign in with the REVIEWER_TOKEN below)
  read API       GET  ${pipeline.url}/api/articles/{id}, ${pipeline.url}/api/claims?status=needs_review
  health         GET  ${pipeline.url}/health
  DynamoDB       dynalite on ${pipeline.dynamodbEndpoint}, table ${pipeline.tableName}${values.data ? `, data in ${values.data}` : ', in memory'}
  SQS            fauxqs on ${pipeline.sqsEndpoint}, queue ${pipeline.queueUrl}

  WEBHOOK_SECRET=${pipeline.webhookSecret}${generated('WEBHOOK_SECRET')}
  REVIEWER_TOKEN=${pipeline.reviewerToken}${generated('REVIEWER_TOKEN')}
  DYNAMODB_ENDPOINT=${pipeline.dynamodbEndpoint}   (for npm run senders)

Send the sample articles (our own, in Arabic, English and Vietnamese), or files of your own, from another terminal:
  WEBHOOK_SECRET='${pipeline.webhookSecret}' PORT=${new URL(pipeline.url).port} npm run ingest -- scripts/demo/articles
${values.demo ? '(--demo is sending the samples now: sending them again changes nothing)' : 'or start with them loaded: npm start -- --demo'}
Register a newsroom with its own secret and sources (then ingest with --sender ID --secret ...):
  DYNAMODB_ENDPOINT=${pipeline.dynamodbEndpoint} PORT=${new URL(pipeline.url).port} npm run senders -- add harbour-times --name 'Harbour Times' --source harbour-times.example
Then review their claims at ${pipeline.url}/admin, or read an article with the articleId ingest prints:
  curl -H 'Authorization: Bearer ${pipeline.reviewerToken}' ${pipeline.url}/api/articles/ARTICLE_ID

Ctrl-C stops everything (so does stopping npm or tsx alone).`);
  if (pipeline.repaired && pipeline.repaired.entriesRemoved + pipeline.repaired.itemsRewritten > 0) {
    const { entriesRemoved, itemsRewritten } = pipeline.repaired;
    console.log(`\nThe last run did not stop cleanly: ${entriesRemoved} index entr${entriesRemoved === 1 ? 'y' : 'ies'} of unfinished writes removed, ${itemsRewritten} item(s) indexed again.`);
  }
  const { requeued, failed } = pipeline.recovered;
  if (requeued.length + failed.length > 0) {
    console.log(`\n${requeued.length} article(s) left unfinished by the last run queued again${failed.length ? `, ${failed.length} marked failed after too many attempts` : ''}.`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await pipeline.stop();
    process.exit(0);
  };
  // a second Ctrl-C while stopping ends the process at once
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void stop());
  // npm or tsx killed alone: nothing of the pipeline stays behind holding its port and data
  onLauncherGone(() => void stop());
  if (values.demo) {
    const loaded = await loadDemo(pipeline);
    console.log(`\nLoaded ${loaded.articles} sample articles: ${loaded.claims} claims in the queue at ${pipeline.url}/admin`);
  }
}

main().catch((error: unknown) => {
  console.error(`npm start: ${(error as Error).message}`);
  process.exit(1);
});
