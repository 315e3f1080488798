import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSenders } from '../../scripts/cli/senders';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { TableSecretVault } from '../../shared/adapters/sender-secrets';
import { newWebhookSecret } from '../../shared/adapters/webhook-signature';
import { SENDER_CACHE_MS, SenderDirectory } from '../../shared/pipeline/senders';
import { ArticleResponse } from '../../shared/schemas/article';
import { article, eventually, getJson, postWebhook } from './helpers';

let pipeline: LocalPipeline;

beforeAll(async () => {
  // a one-second cache here, so that changes show without waiting; the 30-second bound itself
  // is checked below with a clock of the test's own
  pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1, senderCacheSeconds: 1 });
}, 30_000);

afterAll(async () => {
  await pipeline?.stop();
});

/** Runs `npm run senders -- ...` against the pipeline's table; answers its JSON output. */
async function senders(...argv: string[]): Promise<any> {
  let out = '';
  let err = '';
  const status = await runSenders([...argv, '--json'], {
    env: { DYNAMODB_ENDPOINT: pipeline.dynamodbEndpoint, TABLE_NAME: pipeline.tableName, PORT: new URL(pipeline.url).port },
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readFile: async () => '',
    now: () => new Date(),
  });
  if (status !== 0) throw new Error(`senders ${argv.join(' ')} exited ${status}: ${err}`);
  return JSON.parse(out);
}

const post = (sender: string, secrets: readonly string[], body: Record<string, unknown>, id?: string) =>
  postWebhook(pipeline.url, '', JSON.stringify(body), { sender, secrets, ...(id ? { id } : {}) });

/** The article as stored (the API shows a part of it). */
async function storedArticle(articleId: string) {
  const db = dynamoDocumentClient(pipeline.dynamodbEndpoint);
  try {
    return await dynamoStores(db, pipeline.tableName).articles.getArticle(articleId);
  } finally {
    db.destroy();
  }
}

async function processed(articleId: string): Promise<ArticleResponse> {
  return eventually(async () => {
    const { status, json } = await getJson(pipeline.url, `/api/articles/${articleId}`, pipeline.reviewerToken);
    return status === 200 && json.status === 'processed' ? ArticleResponse.parse(json) : undefined;
  }, 20_000, `article ${articleId} to be processed`);
}

describe('senders on the local runtime', () => {
  it('verifies each sender with its own secret, and attributes its articles to it', async () => {
    const quay = await senders('add', 'quay-post', '--name', 'The Quay Post', '--source', 'quay-post.example', '--source', '*.quay-post.example');
    const tide = await senders('add', 'tide-daily', '--name', 'Tide Daily', '--source', 'tide-daily.example');
    expect(quay.webhookUrl).toBe(`${pipeline.url}/webhooks/articles/quay-post`);

    const accepted = await post('quay-post', [quay.secret], article({ url: 'https://www.quay-post.example/cranes', source: 'quay-post.example' }));
    expect(accepted.status).toBe(202);
    const stored = await processed(accepted.json.articleId);
    expect(stored.source).toBe('quay-post.example');
    const record = await storedArticle(accepted.json.articleId);
    expect(record).toMatchObject({ senderId: 'quay-post' });
    expect(record?.relayed).toBeUndefined();
    expect(stored.claims[0]).toMatchObject({ senderId: 'quay-post', source: 'quay-post.example' });

    // another sender's secret does not sign for this one
    const crossed = await post('quay-post', [tide.secret], article({ url: 'https://quay-post.example/1' }));
    expect(crossed).toEqual({ status: 401, json: { error: 'webhook signature rejected: No matching signature found' } });
  });

  it('refuses with 403, saying why, a source or URL host outside the sender\'s list, storing nothing', async () => {
    const { secret } = await senders('add', 'harbour-lights', '--name', 'Harbour Lights', '--source', 'harbour-lights.example');
    const named = await post('harbour-lights', [secret], article({ url: 'https://harbour-lights.example/a', source: 'quay-post.example' }));
    expect(named).toEqual({
      status: 403,
      json: { error: 'sender harbour-lights may not post for source quay-post.example: it may post for harbour-lights.example' },
    });
    const hosted = await post('harbour-lights', [secret], article({ url: 'https://quay-post.example/b' }));
    expect(hosted.status).toBe(403);
    expect(hosted.json.error).toContain("the url's host quay-post.example");
    // the refused delivery's id was not used up
    const body = article({ url: 'https://harbour-lights.example/c' });
    expect((await post('harbour-lights', [secret], { ...body, source: 'elsewhere.example' }, 'msg_refused_then_fixed')).status).toBe(403);
    expect((await post('harbour-lights', [secret], body, 'msg_refused_then_fixed')).status).toBe(202);
  });

  it('answers 401 for an unknown sender and for an id that cannot be one', async () => {
    expect(await post('no-such-sender', [newWebhookSecret()], article())).toEqual({ status: 401, json: { error: 'unknown sender no-such-sender' } });
    expect((await post('Not_An_Id', [newWebhookSecret()], article())).status).toBe(401);
  });

  it('keeps webhook ids apart per sender: two senders may both send msg_1', async () => {
    const a = await senders('add', 'bay-courier', '--name', 'Bay Courier', '--source', 'bay-courier.example');
    const b = await senders('add', 'cape-times', '--name', 'Cape Times', '--source', 'cape-times.example');
    const first = await post('bay-courier', [a.secret], article({ url: 'https://bay-courier.example/x' }), 'msg_1');
    const second = await post('cape-times', [b.secret], article({ url: 'https://cape-times.example/y' }), 'msg_1');
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.json.articleId).not.toBe(second.json.articleId);
  });

  it('rotates without downtime: either secret passes during the overlap, the old one fails after promote', async () => {
    const { secret: old } = await senders('add', 'pier-news', '--name', 'Pier News', '--source', 'pier-news.example');
    const body = () => article({ url: `https://pier-news.example/${Math.random()}` });
    expect((await post('pier-news', [old], body())).status).toBe(202);

    const { secret: next } = await senders('rotate', 'pier-news');
    // the newsroom switches once the rotation is seen (within the cache time)
    await eventually(async () => ((await post('pier-news', [next], body())).status === 202 ? true : undefined), 120_000, 'the next secret to verify');
    for (const secrets of [[old], [next], [old, next]]) expect((await post('pier-news', secrets, body())).status).toBe(202);

    await senders('promote', 'pier-news');
    const refused = await eventually(async () => {
      const res = await post('pier-news', [old], body());
      return res.status === 401 ? res : undefined;
    }, 20_000, 'the old secret to be refused');
    expect(refused.json.error).toBe('webhook signature rejected: No matching signature found');
    expect((await post('pier-news', [next], body())).status).toBe(202);
    expect((await post('pier-news', [old, next], body())).status).toBe(202);
  });

  it('refuses a revoked sender\'s deliveries with 401 once the cache time has passed', async () => {
    const { secret } = await senders('add', 'dune-gazette', '--name', 'Dune Gazette', '--source', 'dune-gazette.example');
    expect((await post('dune-gazette', [secret], article({ url: 'https://dune-gazette.example/1' }))).status).toBe(202);
    await senders('revoke', 'dune-gazette');
    const refused = await eventually(async () => {
      const res = await post('dune-gazette', [secret], article({ url: `https://dune-gazette.example/${Math.random()}` }));
      return res.status === 401 ? res : undefined;
    }, 20_000, 'the revoked sender to be refused');
    expect(refused.json).toEqual({ error: 'sender dune-gazette is revoked' });
    const listed = await senders('list');
    expect(listed.find((s: any) => s.id === 'dune-gazette')).toMatchObject({ status: 'revoked', keys: [] });
  });

  it('sees a revocation within the production cache time of 30 s, and keeps the cached sender until then', async () => {
    const { secret } = await senders('add', 'salt-flats', '--name', 'Salt Flats', '--source', 'salt-flats.example');
    let now = Date.parse('2026-05-01T12:00:00Z');
    const db = dynamoDocumentClient(pipeline.dynamodbEndpoint);
    const directory = new SenderDirectory({ store: dynamoStores(db, pipeline.tableName).senders, vault: new TableSecretVault(), now: () => new Date(now) });
    try {
      expect((await directory.sender('salt-flats')).secrets).toEqual([{ keyId: 'k1', value: secret }]);
      await senders('revoke', 'salt-flats');
      now += SENDER_CACHE_MS - 1;
      expect((await directory.sender('salt-flats')).secrets).toHaveLength(1);
      now += 1;
      await expect(directory.sender('salt-flats')).rejects.toThrow('sender salt-flats is revoked');
      expect(SENDER_CACHE_MS).toBeLessThanOrEqual(60_000);
    } finally {
      db.destroy();
    }
  });

  it('attributes an aggregator\'s articles to their URL host and flags them as relayed', async () => {
    const { secret } = await senders('add', 'coast-wire', '--name', 'Coast Wire', '--source', '*', '--aggregator');
    const accepted = await post('coast-wire', [secret], article({ url: 'https://news.lagoon-herald.example/a', source: 'lagoon-herald.example' }));
    expect(accepted.status).toBe(202);
    expect((await processed(accepted.json.articleId)).source).toBe('lagoon-herald.example');
    expect(await storedArticle(accepted.json.articleId)).toMatchObject({ source: 'lagoon-herald.example', senderId: 'coast-wire', relayed: true });
    const named = await post('coast-wire', [secret], article({ url: 'https://news.lagoon-herald.example/b', source: 'quay-post.example' }));
    expect(named.status).toBe(403);
  });

  it('keeps the single WEBHOOK_SECRET working as the default sender, on the old URL and on /default', async () => {
    const body = article({ source: 'Any Outlet Name' });
    const old = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(body));
    expect(old.status).toBe(202);
    expect((await processed(old.json.articleId)).source).toBe('Any Outlet Name');
    expect(await storedArticle(old.json.articleId)).toMatchObject({ senderId: 'default', relayed: true });
    const named = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article()), { sender: 'default' });
    expect(named.status).toBe(202);
  });

  it('does not count one sender posting a claim under three outlet names as corroboration', async () => {
    const ridge = await senders('add', 'ridge-group', '--name', 'Ridge Media Group',
      '--source', 'ridge-news.example', '--source', 'ridge-weekly.example', '--source', 'ridge-today.example');
    const text = 'A landslide near Port Selva on Tuesday blocked the coast road and left 23 households without water.';
    const story = { title: 'Landslide blocks Port Selva road', publishedAt: '2026-06-02T07:00:00Z', text };
    const ids: string[] = [];
    for (const outlet of ['ridge-news.example', 'ridge-weekly.example', 'ridge-today.example']) {
      const res = await post('ridge-group', [ridge.secret], { ...story, url: `https://${outlet}/port-selva`, source: outlet });
      expect(res.status).toBe(202);
      ids.push(res.json.articleId);
      await processed(res.json.articleId);
    }
    const claimsOf = async (id: string) => (await processed(id)).claims.find((c) => c.text.includes('23 households'))!;
    for (const id of ids) {
      const claim = await claimsOf(id);
      expect(claim.corroboration).toBe('single_source');
      expect(claim.evidence.length).toBeGreaterThan(0);
      expect(claim.evidence.every((e) => e.sameSender === true && e.senderId === 'ridge-group')).toBe(true);
    }

    // another newsroom stating the same fact does corroborate it, on both sides
    const valley = await senders('add', 'valley-post', '--name', 'Valley Post', '--source', 'valley-post.example');
    const res = await post('valley-post', [valley.secret], { ...story, url: 'https://valley-post.example/selva', source: 'valley-post.example' });
    const own = await claimsOf(res.json.articleId);
    expect(own.corroboration).toBe('corroborated');
    expect(own.evidence.map((e) => [e.senderId, e.sameSender])).toEqual(expect.arrayContaining([['ridge-group', undefined]]));
    const earlier = await eventually(async () => {
      const claim = await claimsOf(ids[0]!);
      return claim.corroboration === 'corroborated' ? claim : undefined;
    }, 20_000, 'the first claim to be corroborated');
    expect(earlier.evidence.find((e) => e.senderId === 'valley-post')).toMatchObject({ relation: 'corroborates' });
  });
});
