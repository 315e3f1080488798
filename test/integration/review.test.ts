import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalPipeline, startLocalPipeline } from '../../scripts/local/runtime';
import { reviewerFromJwt } from '../../shared/pipeline/review';
import { ArticleResponse, ClaimRecord } from '../../shared/schemas/article';
import { article, eventually, getJson, postWebhook } from './helpers';

let pipeline: LocalPipeline;
let claims: ClaimRecord[];

beforeAll(async () => {
  pipeline = await startLocalPipeline({ port: 0, retryDelaySeconds: 1 });
  const accepted = await postWebhook(pipeline.url, pipeline.webhookSecret, JSON.stringify(article()));
  claims = await eventually(async () => {
    const { json } = await getJson(pipeline.url, `/api/articles/${accepted.json.articleId}`, pipeline.reviewerToken);
    return json?.status === 'processed' ? ArticleResponse.parse(json).claims : undefined;
  });
}, 30_000);

afterAll(async () => {
  await pipeline?.stop();
});

async function review(id: string, body: unknown, reviewer = 'Mona'): Promise<{ status: number; json: any }> {
  const res = await fetch(`${pipeline.url}/api/claims/${id}/review`, {
    method: 'POST',
    headers: { authorization: `Bearer ${pipeline.reviewerToken}`, 'x-reviewer': reviewer, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('verdicts', () => {
  it('records a verdict, takes the claim out of the queue and keeps who and when', async () => {
    const claim = claims[0]!;
    const res = await review(claim.id, { verdict: 'confirmed', note: 'Matches the port report', sourceUrls: ['https://port.example/report'], expectedVersion: 0 });
    expect(res.status).toBe(200);
    expect(ClaimRecord.parse(res.json)).toMatchObject({ id: claim.id, status: 'confirmed', version: 1 });
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

  it('refuses bad verdicts clearly', async () => {
    const claim = claims[2]!;
    const bad = await review(claim.id, { verdict: 'maybe', expectedVersion: -1, sourceUrls: ['javascript:alert(1)'], extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.issues.map((i: { path: string }) => i.path).sort()).toEqual(['', 'expectedVersion', 'sourceUrls.0', 'verdict']);
    expect((await review(claim.id, '{"verdict":')).status).toBe(400);
    expect((await review('art_000000000000000000000000-c0000', { verdict: 'confirmed', expectedVersion: 0 })).status).toBe(404);
  });

  it('serves the claim with its sentence, and schema.org ClaimReview once reviewed', async () => {
    const claim = claims[0]!;
    const one = await getJson(pipeline.url, `/api/claims/${claim.id}`, pipeline.reviewerToken);
    expect(one.json.sentenceText.slice(claim.start - claim.sentence.start, claim.end - claim.sentence.start)).toBe(claim.text);
    const ld = await getJson(pipeline.url, `/api/claims/${claim.id}/claimreview`, pipeline.reviewerToken);
    expect(ld.status).toBe(200);
    expect(ld.json).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: one.json.sentenceText,
      reviewRating: { '@type': 'Rating', alternateName: 'True' },
      itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: one.json.article.url } },
    });
    expect(ld.json.url).toContain(encodeURIComponent(claim.id));
    expect((await getJson(pipeline.url, `/api/claims/${claims[3]!.id}/claimreview`, pipeline.reviewerToken)).status).toBe(404);
  });

  it('exports the reviewed claims as JSON Lines and CSV', async () => {
    const jsonl = await fetch(`${pipeline.url}/api/export`, { headers: { authorization: `Bearer ${pipeline.reviewerToken}` } });
    const rows = (await jsonl.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => r.verdict).sort()).toEqual(['confirmed', 'unverifiable']);
    const csv = await (await fetch(`${pipeline.url}/api/export?format=csv`, { headers: { authorization: `Bearer ${pipeline.reviewerToken}` } })).text();
    expect(csv.split('\r\n')[0]).toMatch(/^id,articleId,verdict,reviewer/);
    expect((await getJson(pipeline.url, '/api/export?format=xml', pipeline.reviewerToken)).status).toBe(400);
  });

  it('narrows the queue by language, kind and source', async () => {
    const byKind = await getJson(pipeline.url, '/api/claims?kind=percent&language=en&source=harbour-gazette.example', pipeline.reviewerToken);
    expect(byKind.status).toBe(200);
    expect(byKind.json.items.length).toBeGreaterThan(0);
    expect(byKind.json.items.every((c: ClaimRecord) => c.kind === 'percent')).toBe(true);
    expect((await getJson(pipeline.url, '/api/claims?kind=weight', pipeline.reviewerToken)).status).toBe(400);
  });
});

describe('reviewers behind a JWT authorizer', () => {
  it('accepts the reviewers group and refuses other users with 403', () => {
    expect(reviewerFromJwt({ 'cognito:groups': ['reviewers'], email: 'mona@desk.example' })).toBe('mona@desk.example');
    expect(reviewerFromJwt({ 'cognito:groups': '[reviewers admins]', 'cognito:username': 'lan' })).toBe('lan');
    expect(() => reviewerFromJwt({ 'cognito:groups': ['readers'] })).toThrow(/reviewers group/);
    expect(() => reviewerFromJwt({})).toThrow(/reviewers group/);
  });
});
