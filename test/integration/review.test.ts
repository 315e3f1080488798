/**
 * The review API on the real local runtime (dynalite, fauxqs, the handlers behind the local API
 * Gateway): verdicts, undo, leases, bulk verdicts, counts, filters, the export and the bounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { newClaimRecords } from '../../shared/pipeline/process';
import { ArticleResponse, ClaimRecord } from '../../shared/schemas/article';
import { Counts } from '../../shared/schemas/review';
import { article, eventually, getJson, postWebhook } from './helpers';

let pipeline: LocalPipeline;
let claims: ClaimRecord[];
let articleId: string;

async function processed(id: string): Promise<ClaimRecord[]> {
  return eventually(async () => {
    const { json } = await getJson(pipeline.url, `/api/articles/${id}`, pipeline.reviewerToken);
    return json?.status === 'processed' ? ArticleResponse.parse(json).claims : undefined;
  });
}

beforeAll(async () => {
  pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1 });
  const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article()));
  articleId = accepted.json.articleId;
  claims = await processed(articleId);
}, 30_000);

afterAll(async () => {
  await pipeline?.stop();
});

const name = (reviewer: string) => encodeURIComponent(reviewer);

async function call(method: string, path: string, body?: unknown, reviewer = 'Mona', headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers; text: string }> {
  const res = await fetch(`${pipeline.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${pipeline.reviewerToken}`, 'x-reviewer': name(reviewer), 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (CSV, JSON Lines, HTML)
  }
  return { status: res.status, json, headers: res.headers, text };
}

const review = (id: string, body: unknown, reviewer = 'Mona') => call('POST', `/api/claims/${id}/review`, body, reviewer);
const countsNow = async () => Counts.parse((await call('GET', '/api/counts')).json);

describe('verdicts', () => {
  it('records a verdict, takes the claim out of the queue and keeps who and when', async () => {
    const claim = claims[0]!;
    const res = await review(claim.id, { verdict: 'confirmed', note: 'Matches the port report', sourceUrls: ['https://port.example/report'], expectedVersion: 0 });
    expect(res.status).toBe(200);
    expect(ClaimRecord.parse(res.json)).toMatchObject({ id: claim.id, status: 'confirmed', version: 1, reviewedBy: 'Mona' });
    expect(res.json.history).toEqual([expect.objectContaining({ verdict: 'confirmed', reviewer: 'Mona', version: 1, note: 'Matches the port report' })]);
    const queue = await getJson(pipeline.url, '/api/claims?limit=100', pipeline.reviewerToken);
    expect(queue.json.items.map((c: ClaimRecord) => c.id)).not.toContain(claim.id);
    const confirmed = await getJson(pipeline.url, '/api/claims?status=confirmed', pipeline.reviewerToken);
    expect(confirmed.json.items.map((c: ClaimRecord) => c.id)).toContain(claim.id);
  });

  it('answers 409 with the current claim when someone reviewed first, and overwrites nothing', async () => {
    const claim = claims[1]!;
    expect((await review(claim.id, { verdict: 'refuted', expectedVersion: 0 }, 'Lan')).status).toBe(200);
    const late = await review(claim.id, { verdict: 'confirmed', expectedVersion: 0 }, 'Omar');
    expect(late.status).toBe(409);
    expect(late.json.error).toMatch(/reviewed meanwhile/);
    expect(late.json.current).toMatchObject({ status: 'refuted', version: 1 });
    const now = await getJson(pipeline.url, `/api/claims/${claim.id}`, pipeline.reviewerToken);
    expect(now.json.history.map((h: { reviewer: string }) => h.reviewer)).toEqual(['Lan']);
    // a second verdict on the current version is kept in the history
    expect((await review(claim.id, { verdict: 'unverifiable', expectedVersion: 1 }, 'Omar')).status).toBe(200);
    const after = await getJson(pipeline.url, `/api/claims/${claim.id}`, pipeline.reviewerToken);
    expect(after.json.history.map((h: { verdict: string }) => h.verdict)).toEqual(['refuted', 'unverifiable']);
  });

  it('lets exactly one of 20 concurrent verdicts on one claim through; the others get 409', async () => {
    const fresh = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text: 'The quay closed for 12 days.' })));
    const [claim] = await processed(fresh.json.articleId);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => review(claim!.id, { verdict: i % 2 ? 'confirmed' : 'refuted', expectedVersion: 0 }, `Reviewer ${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await getJson(pipeline.url, `/api/claims/${claim!.id}`, pipeline.reviewerToken)).json.history).toHaveLength(1);
  });

  it('refuses bad verdicts clearly', async () => {
    const claim = claims[2]!;
    const bad = await review(claim.id, { verdict: 'maybe', expectedVersion: -1, sourceUrls: ['javascript:alert(1)'], extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['', 'expectedVersion', 'sourceUrls.0', 'verdict']);
    expect((await review(claim.id, '{"verdict":')).status).toBe(400);
    expect((await review('art_000000000000000000000000-c0000', { verdict: 'confirmed', expectedVersion: 0 })).status).toBe(404);
  });

  it('keeps a reviewer name written in any script, decoded from percent-encoding or raw UTF-8, without bidi or zero-width characters', async () => {
    const fresh = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text: 'The ferry carried 310 passengers and 42 cars.' })));
    const [first, second] = await processed(fresh.json.articleId);
    expect((await review(first!.id, { verdict: 'confirmed', expectedVersion: 0 }, '\u202eليلى\u200b حداد')).json.history[0].reviewer).toBe('ليلى حداد');
    // raw UTF-8 bytes in the header (what a client that does not encode sends)
    const raw = await call('POST', `/api/claims/${second!.id}/review`, { verdict: 'confirmed', expectedVersion: 0 }, '', { 'x-reviewer': Buffer.from('Trần Mai').toString('latin1') });
    expect(raw.json.history[0].reviewer).toBe('Trần Mai');
  });
});

describe('undo, leases and bulk verdicts', () => {
  it('takes a verdict back within minutes as a new history entry, and only the reviewer who gave it', async () => {
    const claim = claims[3]!;
    await review(claim.id, { verdict: 'refuted', expectedVersion: 0 }, 'Lan');
    expect((await call('POST', `/api/claims/${claim.id}/undo`, { expectedVersion: 1 }, 'Omar')).status).toBe(403);
    expect((await call('POST', `/api/claims/${claim.id}/undo`, { expectedVersion: 2 }, 'Lan')).status).toBe(409);
    expect((await call('POST', `/api/claims/${claim.id}/undo`, { expectedVersion: 0 }, 'Lan')).status).toBe(400);
    const undone = await call('POST', `/api/claims/${claim.id}/undo`, { expectedVersion: 1 }, 'Lan');
    expect(undone.status).toBe(200);
    expect(undone.json).toMatchObject({ status: 'needs_review', version: 2, leasedBy: 'Lan' });
    expect(undone.json.history).toEqual([expect.objectContaining({ verdict: 'refuted', version: 1 }), expect.objectContaining({ undoes: 1, status: 'needs_review', version: 2 })]);
    const queue = await getJson(pipeline.url, '/api/claims?limit=100', pipeline.reviewerToken);
    expect(queue.json.items.map((c: ClaimRecord) => c.id)).toContain(claim.id);
    expect((await call('POST', `/api/claims/${claim.id}/undo`, { expectedVersion: 2 }, 'Lan')).status).toBe(409);
  });

  it('leases a claim to one reviewer: another is told who holds it until when, until it is released', async () => {
    const fresh = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text: 'Crews removed 900 tonnes of silt.' })));
    const [claim] = await processed(fresh.json.articleId);
    const first = await call('POST', `/api/claims/${claim!.id}/lease`, undefined, 'Lan');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ claimId: claim!.id, granted: true, leasedBy: 'Lan' });
    expect(Date.parse(first.json.leasedUntil)).toBeGreaterThan(Date.now());
    const second = await call('POST', `/api/claims/${claim!.id}/lease`, undefined, 'Omar');
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ granted: false, leasedBy: 'Lan', leasedUntil: first.json.leasedUntil });
    const listed = await getJson(pipeline.url, '/api/claims?limit=100', pipeline.reviewerToken);
    expect(listed.json.items.find((c: ClaimRecord) => c.id === claim!.id)).toMatchObject({ leasedBy: 'Lan' });
    expect((await call('DELETE', `/api/claims/${claim!.id}/lease`, undefined, 'Lan')).status).toBe(200);
    expect((await call('POST', `/api/claims/${claim!.id}/lease`, undefined, 'Omar')).json).toMatchObject({ granted: true, leasedBy: 'Omar' });
    // a verdict ends the lease, and a reviewed claim is leased to no one
    expect((await review(claim!.id, { verdict: 'confirmed', expectedVersion: 0 }, 'Omar')).json.leasedBy).toBeUndefined();
    expect((await call('POST', `/api/claims/${claim!.id}/lease`, undefined, 'Lan')).json).toEqual({ claimId: claim!.id, granted: false, status: 'confirmed' });
  });

  it('marks several claims of an article in one request, each on its version', async () => {
    const fresh = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text: 'In 2019, dozens of boats waited for 3 days. The berth is 400 metres long.' })));
    const found = await processed(fresh.json.articleId);
    expect(found.length).toBeGreaterThanOrEqual(3);
    await review(found[0]!.id, { verdict: 'confirmed', expectedVersion: 0 }, 'Omar');
    const res = await call('POST', `/api/articles/${fresh.json.articleId}/review`, { verdict: 'not_a_claim', claims: found.map((c) => ({ id: c.id, expectedVersion: 0 })) }, 'Lan');
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([
      { id: found[0]!.id, outcome: 'stale', status: 'confirmed', version: 1 },
      ...found.slice(1).map((c) => ({ id: c.id, outcome: 'recorded', status: 'not_a_claim', version: 1 })),
    ]);
    const other = await call('POST', `/api/articles/${fresh.json.articleId}/review`, { verdict: 'not_a_claim', claims: [{ id: claims[0]!.id, expectedVersion: 1 }] }, 'Lan');
    expect(other.status).toBe(400);
    const view = await call('GET', `/api/articles/${fresh.json.articleId}/view`);
    expect(view.json.text).toBe('In 2019, dozens of boats waited for 3 days. The berth is 400 metres long.');
    expect(view.json.claims.map((c: ClaimRecord) => c.status)).toEqual(['confirmed', ...found.slice(1).map(() => 'not_a_claim')]);
  });
});

describe('counts, sources and filters', () => {
  it('moves the backlog and the reviewer\'s day with each verdict and undo, from counters (no Scan)', async () => {
    const fresh = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ text: 'The harbour has 27 cranes and 6 tugs.' })));
    const before = await countsNow();
    const found = await processed(fresh.json.articleId);
    const created = await eventually(async () => {
      const now = await countsNow();
      return now.backlog.needs_review.single_source - before.backlog.needs_review.single_source >= found.length ? now : undefined;
    });
    expect(created.backlog.needs_review.single_source - before.backlog.needs_review.single_source).toBe(found.length);
    await review(found[0]!.id, { verdict: 'refuted', expectedVersion: 0 }, 'Ngọc Ánh');
    const after = await countsNow();
    expect(after.backlog.needs_review.single_source).toBe(created.backlog.needs_review.single_source - 1);
    expect(after.backlog.refuted.single_source).toBe(created.backlog.refuted.single_source + 1);
    expect(after.reviews).toContainEqual({ day: new Date().toISOString().slice(0, 10), reviewer: 'Ngọc Ánh', count: 1 });
    await call('POST', `/api/claims/${found[0]!.id}/undo`, { expectedVersion: 1 }, 'Ngọc Ánh');
    const undone = await countsNow();
    expect(undone.backlog).toEqual(created.backlog);
    expect(undone.reviews.find((r) => r.reviewer === 'Ngọc Ánh')).toBeUndefined();
  });

  it('lists the known sources as claims arrive', async () => {
    await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article({ url: 'https://quay-watch.example/a', text: 'Dredgers moved 5,000 tonnes.' }))).then((r) => processed(r.json.articleId));
    const { json } = await eventually(async () => {
      const res = await call('GET', '/api/sources');
      return res.json.sources.some((s: { source: string }) => s.source === 'quay-watch.example') ? res : undefined;
    });
    expect(json.sources.map((s: { source: string }) => s.source)).toEqual(expect.arrayContaining(['harbour-gazette.example', 'quay-watch.example']));
  });

  it('narrows the queue by language, kind, source, article, reviewer and dates', async () => {
    const byKind = await getJson(pipeline.url, '/api/claims?kind=percent&language=en&source=harbour-gazette.example', pipeline.reviewerToken);
    expect(byKind.status).toBe(200);
    expect(byKind.json.items.length).toBeGreaterThan(0);
    expect(byKind.json.items.every((c: ClaimRecord) => c.kind === 'percent')).toBe(true);
    const ofArticle = await getJson(pipeline.url, `/api/claims?articleId=${articleId}&status=confirmed`, pipeline.reviewerToken);
    expect(ofArticle.json.items.map((c: ClaimRecord) => c.id)).toEqual([claims[0]!.id]);
    const today = new Date().toISOString().slice(0, 10);
    const byMona = await getJson(pipeline.url, `/api/claims?status=confirmed&reviewer=Mona&from=${today}&to=${today}`, pipeline.reviewerToken);
    expect(byMona.json.items.map((c: ClaimRecord) => c.id)).toContain(claims[0]!.id);
    expect((await getJson(pipeline.url, '/api/claims?status=confirmed&reviewer=Mona&to=2020-01-01', pipeline.reviewerToken)).json.items).toEqual([]);
    expect((await getJson(pipeline.url, '/api/claims?kind=weight', pipeline.reviewerToken)).status).toBe(400);
  });

  it('finds a claim behind hundreds that do not match the filter, in one request', async () => {
    const stores = dynamoStores(dynamoDocumentClient(pipeline.dynamodbEndpoint), pipeline.tableName);
    const filler = 'art_ffffffffffffffffffffff00';
    const many = newClaimRecords({ id: filler, source: 'filler.example' }, Array.from({ length: 320 }, (_, i) => ({
      kind: 'count' as const, text: `${i} boats`, start: 0, end: 5, value: i, min: i, max: i, qualifier: 'exact' as const, unit: 'boat', sentence: { start: 0, end: 5 }, language: 'en' as const,
    })), '2000-01-01T00:00:00.000Z');
    const rare = newClaimRecords({ id: 'art_ffffffffffffffffffffff01', source: 'rare.example' }, [{ ...many[0]!, language: 'vi' as const }], '2000-01-02T00:00:00.000Z');
    await stores.claims.putClaims([...many, ...rare]);
    const res = await getJson(pipeline.url, '/api/claims?source=rare.example&limit=5', pipeline.reviewerToken);
    expect(res.json.items.map((c: ClaimRecord) => c.id)).toEqual([rare[0]!.id]);
  });
});

describe('bounds', () => {
  it('answers 400, never 500, to crafted cursors', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const otherQueue = { PK: `ARTICLE#${articleId}`, SK: 'CLAIM#00000', GSI1PK: 'STATUS#confirmed', GSI1SK: '2#x' };
    for (const cursor of [b64({ a: 'b' }), b64({}), b64([]), b64('x'), 'not-base64!', b64(otherQueue), b64({ ...otherQueue, GSI1PK: 'STATUS#needs_review', extra: 'x' }), b64({ PK: 'x'.repeat(3000), SK: 'y' })]) {
      const res = await getJson(pipeline.url, `/api/claims?cursor=${encodeURIComponent(cursor)}`, pipeline.reviewerToken);
      expect([cursor.slice(0, 30), res.status]).toEqual([cursor.slice(0, 30), 400]);
    }
    // a cursor the API handed out works
    const first = await getJson(pipeline.url, '/api/claims?limit=1', pipeline.reviewerToken);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    expect((await getJson(pipeline.url, `/api/claims?limit=1&cursor=${first.json.nextCursor}`, pipeline.reviewerToken)).status).toBe(200);
  });

  it('answers 400 to ids of 3,000 characters in any path', async () => {
    const long = 'a'.repeat(3000);
    for (const path of [`/api/claims/${long}`, `/api/articles/${long}`, `/api/claims/${long}/claimreview`, `/reviews/${long}`]) {
      expect((await call('GET', path)).status).toBe(400);
    }
    for (const path of [`/api/claims/${long}/review`, `/api/claims/${long}/undo`, `/api/claims/${long}/lease`, `/api/articles/${long}/review`]) {
      expect((await call('POST', path, { verdict: 'confirmed', expectedVersion: 0 })).status).toBe(400);
    }
  });
});

describe('ClaimReview and export', () => {
  it('serves schema.org ClaimReview at a public URL from PUBLIC_BASE_URL, never from request headers', async () => {
    const claim = claims[0]!;
    const one = await call('GET', `/api/claims/${claim.id}`);
    const ld = await call('GET', `/api/claims/${claim.id}/claimreview`, undefined, 'Mona', { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' });
    expect(ld.status).toBe(200);
    expect(ld.json).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${pipeline.url}/reviews/${claim.id}`,
      claimReviewed: one.json.sentenceText,
      datePublished: one.json.history[0].at.slice(0, 10),
      author: { '@type': 'Organization', member: { '@type': 'Person', name: 'Mona' } },
      reviewRating: { '@type': 'Rating', alternateName: 'True' },
      itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: one.json.article.url } },
    });
    const page = await fetch(ld.json.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('application/ld+json');
    expect((await getJson(pipeline.url, `/api/claims/${claims[3]!.id}/claimreview`, pipeline.reviewerToken)).status).toBe(404); // undone
  });

  it('exports reviewed claims with sentence, article title and URL: the whole history as JSON Lines, the verdict in force as CSV', async () => {
    const claim = claims[2]!;
    await review(claim.id, { verdict: 'unverifiable', note: '=HYPERLINK("https://evil.example","x")', expectedVersion: 0 }, 'Lan');
    const jsonl = await call('GET', '/api/export');
    const rows = jsonl.text.trim().split('\n').map((line) => JSON.parse(line));
    const row = rows.find((r) => r.id === claim.id);
    expect(row).toMatchObject({ articleTitle: 'Port authority expands the northern quay', articleUrl: expect.stringMatching(/^https:\/\/harbour-gazette\.example\//), history: [expect.objectContaining({ verdict: 'unverifiable' })] });
    expect(row.sentence).toContain(claim.text);
    expect(rows.find((r) => r.id === claims[1]!.id).history.map((h: { verdict: string }) => h.verdict)).toEqual(['refuted', 'unverifiable']);
    const csv = await call('GET', '/api/export?format=csv');
    expect(csv.text.split('\r\n')[0]).toMatch(/^id,articleId,verdict,reviewer,reviewedAt,note,.*,sentence,articleTitle,articleUrl,source$/);
    expect(csv.text).toContain('"\'=HYPERLINK(""https://evil.example"",""x"")"');
    expect(csv.text).not.toMatch(/,=HYPERLINK/);
    expect((await call('GET', '/api/export?format=xml')).status).toBe(400);
  });
});
