import { createHmac } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { MAX_CLAIMS_PER_ARTICLE } from '../../shared/pipeline/claim-records';
import { articleIdOf } from '../../shared/pipeline/ingest';
import { ArticleResponse, ClaimDetail, ClaimPage, ClaimResponse } from '../../shared/schemas/article';
import { MAX_ARTICLE_CLAIMS_PAGE } from '../../shared/schemas/review';
import { article, eventually, getJson, postWebhook } from './helpers';

let pipeline: LocalPipeline;

beforeAll(async () => {
  pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1 });
}, 30_000);

afterAll(async () => {
  await pipeline?.stop();
});

/** Where an article's text is kept: in the article item, or in how many chunk items. */
async function textItems(articleId: string): Promise<{ inItem: boolean; chunks: number }> {
  const db = dynamoDocumentClient(pipeline.dynamodbEndpoint);
  const item = await db.send(new GetCommand({ TableName: pipeline.tableName, Key: { PK: `ARTICLE#${articleId}`, SK: 'META' } }));
  const chunks = await db.send(new QueryCommand({
    TableName: pipeline.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :text)', ExpressionAttributeValues: { ':pk': `ARTICLE#${articleId}`, ':text': 'TEXT#' }, Select: 'COUNT',
  }));
  return { inItem: typeof item.Item?.text === 'string', chunks: chunks.Count ?? 0 };
}

/** Waits on the article item alone (one GetItem a poll, so that polling never slows the worker), then reads it whole. */
async function processed(articleId: string): Promise<ArticleResponse> {
  const { articles } = dynamoStores(dynamoDocumentClient(pipeline.dynamodbEndpoint), pipeline.tableName);
  await eventually(async () => ((await articles.getArticle(articleId))?.status === 'processed' ? true : undefined), 300_000, `article ${articleId} to be processed`);
  const { status, json } = await getJson(pipeline.url, `/api/articles/${articleId}`, pipeline.reviewerToken);
  expect(status).toBe(200);
  return ArticleResponse.parse(json);
}

describe('webhook -> queue -> worker -> table -> read API', () => {
  it('stores the claims of a signed article and serves them', async () => {
    const body = article();
    const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(body));
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({ articleId: expect.stringMatching(/^art_[0-9a-f]{24}$/), status: 'queued' });

    const stored = await processed(accepted.json.articleId);
    expect(stored).toMatchObject({ url: body.url, source: 'harbour-gazette.example', title: body.title, language: 'en' });
    expect(stored.claims.map((c) => [c.text, c.kind, c.value, c.qualifier, c.unit])).toEqual([
      ['more than 40 engineers', 'count', 40, 'more_than', 'engineer'],
      ['2021', 'date', 2021, 'exact', 'year'],
      ['$3.5 million', 'money', 3.5e6, 'exact', 'USD'],
      ['About 12%', 'percent', 12, 'about', '%'],
    ]);
    for (const claim of stored.claims) {
      expect(claim).toMatchObject({ articleId: accepted.json.articleId, status: 'needs_review', version: 0 });
      expect(claim.text).toBe((body.text as string).slice(claim.start, claim.end));
    }
  });

  it('answers a repeated delivery and a resent article with the same id, without processing again', async () => {
    const body = JSON.stringify(article());
    const first = await postWebhook(pipeline.url, pipeline.webhookSecret, body, { id: 'msg_repeat_1' });
    const before = await processed(first.json.articleId);
    const again = await postWebhook(pipeline.url, pipeline.webhookSecret, body, { id: 'msg_repeat_1' });
    const resent = await postWebhook(pipeline.url, pipeline.webhookSecret, body, { id: 'msg_repeat_2' });
    expect([again.status, resent.status]).toEqual([202, 202]);
    expect([again.json.articleId, resent.json.articleId]).toEqual([first.json.articleId, first.json.articleId]);
    await new Promise((r) => setTimeout(r, 1500));
    const after = await processed(first.json.articleId);
    expect(after.claims.map((c) => c.id)).toEqual(before.claims.map((c) => c.id));
  });

  it('stores a long article in chunks and reads it back whole', async () => {
    const paragraph = `The harbour board approved new cranes costing $12 million in total. ${'The quay works go on through the winter and the spring. '.repeat(10)}\n`;
    const text = paragraph.repeat(Math.ceil(250_000 / paragraph.length));
    const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text })));
    expect(accepted.status).toBe(202);
    const stored = await processed(accepted.json.articleId);
    expect(stored.claims).toHaveLength(Math.ceil(250_000 / paragraph.length));
    const last = stored.claims.at(-1)!;
    expect(text.slice(last.start, last.end)).toBe('$12 million');
    expect(await textItems(accepted.json.articleId)).toEqual({ inItem: false, chunks: 3 });
    // a claim's sentence is read from the one chunk that holds it
    const one = ClaimDetail.parse((await getJson(pipeline.url, `/api/claims/${last.id}`, pipeline.reviewerToken)).json);
    expect(one.sentenceText).toContain('$12 million');
  });

  it('keeps the text of an article that fits in the article item, not in chunks, and reads sentences from it', async () => {
    const text = `${'اجتمع مجلس الميناء صباح الاثنين لمناقشة خطة التوسعة. '.repeat(1200)}وقال إن المشروع سيكلف 12 مليون دولار.`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(100_000); // Arabic: two bytes a letter
    const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text })));
    const stored = await processed(accepted.json.articleId);
    expect(await textItems(accepted.json.articleId)).toEqual({ inItem: true, chunks: 0 });
    const claim = stored.claims.find((c) => c.text.includes('12 مليون'))!;
    const one = ClaimDetail.parse((await getJson(pipeline.url, `/api/claims/${claim.id}`, pipeline.reviewerToken)).json);
    expect(one.sentenceText).toBe('وقال إن المشروع سيكلف 12 مليون دولار.');
  });

  it('keeps the first claims of a claim-dense article and says it was truncated', async () => {
    const text = '$1 '.repeat(100_000);
    const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text })));
    expect(accepted.status).toBe(202);
    const stored = await processed(accepted.json.articleId);
    expect(stored).toMatchObject({ truncated: true, reason: `100000 claims found; only the first ${MAX_CLAIMS_PER_ARTICLE} are kept` });
    // its claims come a page at a time, in the order of the text, so that no answer nears Lambda's 6 MB
    expect(stored.claims).toHaveLength(MAX_ARTICLE_CLAIMS_PAGE);
    const ids = stored.claims.map((c) => c.id);
    let cursor = stored.nextCursor;
    let pages = 1;
    while (cursor) {
      const { status, json } = await getJson(pipeline.url, `/api/articles/${accepted.json.articleId}?cursor=${encodeURIComponent(cursor)}`, pipeline.reviewerToken);
      expect(status).toBe(200);
      expect(JSON.stringify(json).length).toBeLessThan(6_000_000);
      const page = ArticleResponse.parse(json);
      ids.push(...page.claims.map((c) => c.id));
      cursor = page.nextCursor;
      pages++;
    }
    expect(pages).toBe(MAX_CLAIMS_PER_ARTICLE / MAX_ARTICLE_CLAIMS_PAGE);
    expect(new Set(ids).size).toBe(MAX_CLAIMS_PER_ARTICLE);
    expect(ids).toEqual([...ids].sort());
    const small = ArticleResponse.parse((await getJson(pipeline.url, `/api/articles/${accepted.json.articleId}?limit=3`, pipeline.reviewerToken)).json);
    expect(small.claims.map((c) => c.id)).toEqual(ids.slice(0, 3));
    expect(small.nextCursor).toBe(ids[2]);
    // a cursor that is no claim of this article, or a limit out of bounds, is a clear 400
    for (const query of ['?cursor=art_000000000000000000000000-c0001', '?cursor=x', '?limit=0', `?limit=${MAX_ARTICLE_CLAIMS_PAGE + 1}`]) {
      expect((await getJson(pipeline.url, `/api/articles/${accepted.json.articleId}${query}`, pipeline.reviewerToken)).status).toBe(400);
    }
  });

  it('reduces an HTML article to its text', async () => {
    const html = '<html><body><nav>Home | 24 stories</nav><article><h1>Quay</h1><p>Dredging cost $2.1 million.</p></article></body></html>';
    const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text: undefined, html })));
    expect(accepted.status).toBe(202);
    const stored = await processed(accepted.json.articleId);
    expect(stored.claims.map((c) => c.text)).toEqual(['$2.1 million']);
  });

  it('refuses a webhook-id reused for another article with 409, storing nothing of the second', async () => {
    const first = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article()), { id: 'msg_reused' });
    expect(first.status).toBe(202);
    const other = article();
    const second = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(other), { id: 'msg_reused' });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatch(/msg_reused/);
    const orphan = articleIdOf(other.url as string, other.text as string);
    expect((await getJson(pipeline.url, `/api/articles/${orphan}`, pipeline.reviewerToken)).status).toBe(404);
  });

  it('accepts one of 20 different articles posted at once under one webhook-id, and stores only that one', async () => {
    const bodies = Array.from({ length: 20 }, () => article());
    const results = await Promise.all(bodies.map((b) => postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(b), { id: 'msg_race' })));
    expect(results.map((r) => r.status).sort()).toEqual([202, ...Array<number>(19).fill(409)]);
    const stored = await Promise.all(bodies.map((b) => getJson(pipeline.url, `/api/articles/${articleIdOf(b.url as string, b.text as string)}`, pipeline.reviewerToken)));
    expect(stored.filter((r) => r.status === 200)).toHaveLength(1);
    expect(stored.filter((r) => r.status === 404)).toHaveLength(19);
  });
});

describe('corroboration across sources', () => {
  it('links a new article to what other outlets said, on both sides, conflicts first in the queue', async () => {
    const first = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify({
      url: 'https://harbour-times.example/orla', title: 'Storm Orla hits Port Varna', publishedAt: '2026-02-10T08:00:00Z',
      text: 'Storm Orla hit Port Varna on Monday, killing 7 people and forcing the evacuation of about 12,000 residents.\nThe city said repairs would cost $48 million.',
    }));
    const english = await processed(first.json.articleId);
    expect(english.claims.every((c) => c.corroboration === 'single_source' && c.evidence.length === 0)).toBe(true);

    const second = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify({
      url: 'https://tin-nhanh.example/bao-orla', title: 'Bão Orla đổ bộ Port Varna', publishedAt: '2026-02-10T10:00:00Z',
      text: 'Bão Orla đổ bộ vào Port Varna, làm 9 người chết và khoảng 12.000 người dân phải sơ tán.\nChi phí sửa chữa ước tính khoảng 1.250 tỷ đồng.',
    }));
    const vietnamese = await processed(second.json.articleId);
    const deaths = vietnamese.claims.find((c) => c.text === '9 người chết')!;
    expect(deaths.corroboration).toBe('conflicting');
    expect(deaths.evidence).toEqual([expect.objectContaining({
      articleId: first.json.articleId, source: 'harbour-times.example', text: '7 people', relation: 'conflicts',
    })]);

    // the earlier article gained its evidence too
    const englishAfter = ArticleResponse.parse((await getJson(pipeline.url, `/api/articles/${first.json.articleId}`, pipeline.reviewerToken)).json);
    const residents = englishAfter.claims.find((c) => c.text === 'about 12,000 residents')!;
    expect(residents).toMatchObject({ corroboration: 'corroborated' });
    expect(residents.evidence.map((e) => [e.text, e.relation])).toEqual([['khoảng 12.000 người dân', 'corroborates']]);

    // a third outlet adds its evidence after the second's, on the claim and in the queue alike
    const third = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify({
      url: 'https://coast-daily.example/orla-evacuation', title: 'Port Varna counts the cost of Storm Orla', publishedAt: '2026-02-11T09:00:00Z',
      text: 'After Storm Orla, about 12,000 residents of Port Varna spent the night in shelters.',
    }));
    await processed(third.json.articleId);
    const residentsNow = ClaimResponse.parse((await getJson(pipeline.url, `/api/claims/${residents.id}`, pipeline.reviewerToken)).json);
    expect(residentsNow.evidence.map((e) => [e.source, e.relation])).toEqual([['tin-nhanh.example', 'corroborates'], ['coast-daily.example', 'corroborates']]);
    const corroborated = ClaimPage.parse((await getJson(pipeline.url, '/api/claims?corroboration=corroborated&limit=100', pipeline.reviewerToken)).json);
    expect(corroborated.items.find((c) => c.id === residents.id)?.evidence.map((e) => e.source)).toEqual(['tin-nhanh.example', 'coast-daily.example']);

    const one = await getJson(pipeline.url, `/api/claims/${deaths.id}`, pipeline.reviewerToken);
    expect(one.status).toBe(200);
    expect(ClaimResponse.parse(one.json)).toMatchObject({ id: deaths.id, article: { id: second.json.articleId, source: 'tin-nhanh.example' } });

    const conflicting = ClaimPage.parse((await getJson(pipeline.url, '/api/claims?corroboration=conflicting&limit=100', pipeline.reviewerToken)).json);
    expect(conflicting.items.length).toBeGreaterThanOrEqual(2);
    expect(conflicting.items.every((c) => c.corroboration === 'conflicting')).toBe(true);
    const queue = ClaimPage.parse((await getJson(pipeline.url, '/api/claims?limit=3', pipeline.reviewerToken)).json);
    expect(queue.items[0]!.corroboration).toBe('conflicting');
    expect((await getJson(pipeline.url, '/api/claims/art_000000000000000000000000-c0001', pipeline.reviewerToken)).status).toBe(404);
    expect((await getJson(pipeline.url, '/api/claims?corroboration=maybe', pipeline.reviewerToken)).status).toBe(400);
  });
});

describe('webhook refusals', () => {
  const body = JSON.stringify(article());

  it.each([
    ['a wrong signature', { signature: 'v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' }, /signature/],
    ['no signature', { signature: null }, /missing webhook-signature/],
    ['another secret', { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, /signature/],
    ['a timestamp 10 minutes old', { timestamp: new Date(Date.now() - 10 * 60_000) }, /timestamp|old/i],
    ['a timestamp 10 minutes ahead', { timestamp: new Date(Date.now() + 10 * 60_000) }, /timestamp|new/i],
  ] as const)('answers 401 to %s', async (_name, options, message) => {
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, body, options);
    expect(res.status).toBe(401);
    expect(res.json.error).toMatch(message);
  });

  it('answers 415 to a body that is not JSON', async () => {
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, 'title=x', { contentType: 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(res.json.error).toMatch(/application\/json/);
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, '{"url": ');
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/malformed JSON/);
  });

  it('answers 400 with the issues of an invalid article', async () => {
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify({ url: 'ftp://x', title: '', text: 'a', html: '<p>a</p>' }));
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid article');
    expect(res.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['text', 'title', 'url']);
  });

  it('answers 400 to a webhook-id too long to be a key, and stores nothing', async () => {
    const body = article();
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(body), { id: `msg_${'x'.repeat(2040)}` });
    expect(res.status).toBe(400);
    expect(res.json.issues[0].path).toBe('headers.webhook-id');
    expect((await getJson(pipeline.url, `/api/articles/${articleIdOf(body.url as string, body.text as string)}`, pipeline.reviewerToken)).status).toBe(404);
  });

  it.each(['9999-12-31T23:59:59Z', '1066-10-14T09:00:00Z'])('answers 400 to a publication date (%s) outside 1900-2100', async (publishedAt) => {
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ publishedAt })));
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([{ path: 'publishedAt', message: 'must be between 1900 and 2100' }]);
  });

  it.each(['1700000000.9', '1700000000abc', '-1'])('answers 400 to the timestamp header %s, signed or not', async (timestamp) => {
    const body = JSON.stringify(article());
    const id = `msg_ts_${timestamp}`;
    const key = Buffer.from(pipeline.webhookSecret.slice('whsec_'.length), 'base64');
    const signature = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
    const res = await fetch(`${pipeline.url}/webhooks/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature },
      body,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0].path).toBe('headers.webhook-timestamp');
  });

  it('answers 400 to a body that is not valid UTF-8', async () => {
    const res = await fetch(`${pipeline.url}/webhooks/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_bytes', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/UTF-8/);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const res = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text: 'x'.repeat(1024 * 1024) })));
    expect(res.status).toBe(413);
  });
});

describe('read API', () => {
  it('needs the bearer token', async () => {
    expect((await getJson(pipeline.url, '/api/claims')).status).toBe(401);
    expect((await getJson(pipeline.url, '/api/claims', 'not-the-token')).status).toBe(401);
    expect((await getJson(pipeline.url, '/health')).status).toBe(200);
  });

  it('pages the review queue with a cursor', async () => {
    const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article()));
    await processed(accepted.json.articleId);
    const first = await getJson(pipeline.url, '/api/claims?status=needs_review&limit=2', pipeline.reviewerToken);
    expect(first.status).toBe(200);
    const page = ClaimPage.parse(first.json);
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const second = ClaimPage.parse((await getJson(pipeline.url, `/api/claims?limit=2&cursor=${page.nextCursor}`, pipeline.reviewerToken)).json);
    expect(second.items.map((c) => c.id)).not.toContain(page.items[0]!.id);
  });

  it('refuses bad queries and unknown articles clearly', async () => {
    const bad = await getJson(pipeline.url, '/api/claims?limit=1000', pipeline.reviewerToken);
    expect(bad.status).toBe(400);
    expect(bad.json.issues[0].path).toBe('limit');
    const cursor = await getJson(pipeline.url, '/api/claims?cursor=garbage', pipeline.reviewerToken);
    expect(cursor.status).toBe(400);
    const missing = await getJson(pipeline.url, '/api/articles/art_000000000000000000000000', pipeline.reviewerToken);
    expect(missing.status).toBe(404);
  });
});
