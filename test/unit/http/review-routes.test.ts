import { beforeEach, describe, expect, it } from 'vitest';
import { errorResponse } from '../../../shared/http/response';
import { type ReviewRequestContext, type ReviewRouteDeps, routeReview } from '../../../shared/http/review-routes';
import { articleRecord, claimRecord, MemoryArticles, MemoryClaims } from '../../fakes/review-stores';

const A = 'art_cccccccccccccccccccccccc';
const TEXT = 'Witnesses said <script>alert(1)</script> that 14 boats sank near the pier.';
const TOKEN = 'desk-token';
let deps: ReviewRouteDeps;
let stores: MemoryClaims;

beforeEach(() => {
  const articles = new MemoryArticles();
  articles.add(articleRecord(A, { title: 'Pier <img src=x onerror=alert(1)>', textLength: TEXT.length }), TEXT);
  stores = new MemoryClaims();
  const at = TEXT.indexOf('14 boats');
  stores.add(claimRecord(A, 0, { text: '14 boats', start: at, end: at + 8, sentence: { start: 0, end: TEXT.length }, unit: 'boat' }));
  deps = {
    articles, claims: stores, queue: stores, texts: articles, counts: stores.counts, now: () => new Date('2026-03-02T09:00:00Z'),
    token: TOKEN, publisher: 'Harbour Fact Desk', publicBaseUrl: 'https://factcheck.example',
  };
});

/** A request as the handler gives it; the answer as the one error mapper makes it. */
async function call(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; query?: Record<string, string> } = {}) {
  const request: ReviewRequestContext = {
    method, path, query: options.query ?? {},
    headers: { authorization: `Bearer ${TOKEN}`, 'x-reviewer': encodeURIComponent('ليلى حداد'), ...options.headers },
    body: options.body === undefined ? '' : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  };
  try {
    return await routeReview(request, deps);
  } catch (error) {
    return errorResponse(error);
  }
}

const claimId = `${A}-c0000`;

describe('the review routes', () => {
  it('answer 400, never 500, to ids of 3,000 characters and to ids that are not ours', async () => {
    const long = 'x'.repeat(3000);
    for (const [method, path] of [
      ['GET', `/api/claims/${long}`], ['POST', `/api/claims/${long}/review`], ['POST', `/api/claims/${long}/undo`], ['POST', `/api/claims/${long}/lease`],
      ['DELETE', `/api/claims/${long}/lease`], ['GET', `/api/claims/${long}/claimreview`], ['GET', `/api/articles/${long}`], ['GET', `/api/articles/${long}/view`],
      ['POST', `/api/articles/${long}/review`], ['GET', `/reviews/${long}`], ['GET', '/api/claims/%E0%A4%A'], ['GET', `/api/articles/${A}-c0000`],
    ] as const) {
      const res = await call(method, path, { body: { verdict: 'confirmed', expectedVersion: 0 } });
      expect([method, path.slice(0, 40), res.statusCode]).toEqual([method, path.slice(0, 40), 400]);
    }
  });

  it('records the reviewer\'s name percent-decoded, and refuses a write without a name', async () => {
    const res = await call('POST', `/api/claims/${claimId}/review`, { body: { verdict: 'confirmed', expectedVersion: 0 } });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body).history[0].reviewer).toBe('ليلى حداد');
    const nameless = await call('POST', `/api/claims/${claimId}/review`, { body: { verdict: 'refuted', expectedVersion: 1 }, headers: { 'x-reviewer': encodeURIComponent('\u202e\u200b') } });
    expect(nameless.statusCode).toBe(400);
    expect((await call('GET', `/api/claims/${claimId}`, { headers: { 'x-reviewer': '' } })).statusCode).toBe(200);
  });

  it('builds the ClaimReview URL on PUBLIC_BASE_URL whatever the request\'s headers say', async () => {
    await call('POST', `/api/claims/${claimId}/review`, { body: { verdict: 'refuted', expectedVersion: 0 } });
    const res = await call('GET', `/api/claims/${claimId}/claimreview`, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'javascript' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(JSON.parse(res.body).url).toBe(`https://factcheck.example/reviews/${claimId}`);
    expect(res.body).not.toMatch(/evil|javascript/);
  });

  it('serves the verdict\'s public page without sign-in, every text escaped, the JSON-LD unable to close its element', async () => {
    await call('POST', `/api/claims/${claimId}/review`, { body: { verdict: 'refuted', note: '</script><script>alert(2)</script>', expectedVersion: 0 } });
    const res = await call('GET', `/reviews/${claimId}`, { headers: { authorization: '' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src|unsafe/);
    expect(res.body).toContain('Witnesses said &#60;script&#62;alert(1)&#60;/script&#62; that 14 boats');
    expect(res.body.match(/<script/g)).toHaveLength(1); // the JSON-LD alone
    expect(res.body).toContain('\\u003cscript\\u003ealert(1)');
    expect(res.body).toContain('ليلى حداد');
    expect((await call('GET', `/reviews/${A}-c0001`)).statusCode).toBe(404);
  });

  it('exports CSV with formulas made inert, and JSON Lines with the whole history', async () => {
    await call('POST', `/api/claims/${claimId}/review`, { body: { verdict: 'confirmed', note: '=HYPERLINK("https://evil.example")', expectedVersion: 0 } });
    const csv = await call('GET', '/api/export', { query: { format: 'csv' } });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain(',"\'=HYPERLINK(""https://evil.example"")",');
    expect(csv.body.split('\r\n')[0]).toBe('id,articleId,verdict,reviewer,reviewedAt,note,sourceUrls,kind,text,value,min,max,qualifier,unit,language,corroboration,sentence,articleTitle,articleUrl,source');
    const jsonl = await call('GET', '/api/export', { query: { format: 'jsonl' } });
    const [row] = jsonl.body.trim().split('\n').map((line) => JSON.parse(line));
    expect(row).toMatchObject({ id: claimId, articleTitle: 'Pier <img src=x onerror=alert(1)>', sentence: TEXT, history: [{ verdict: 'confirmed' }] });
    expect((await call('GET', '/api/export', { query: { format: 'xml' } })).statusCode).toBe(400);
    expect((await call('GET', '/api/export', { query: { cursor: 'bogus' } })).statusCode).toBe(400);
  });

  it('refuses an unknown query parameter and a range of more than 31 days', async () => {
    expect((await call('GET', '/api/claims', { query: { colour: 'red' } })).statusCode).toBe(400);
    expect((await call('GET', '/api/counts', { query: { from: '2026-01-01', to: '2026-03-01' } })).statusCode).toBe(400);
    expect((await call('GET', '/api/counts', { query: { from: '2026-02-30' } })).statusCode).toBe(400);
  });

  it('needs the token for everything under /api', async () => {
    expect((await call('GET', '/api/claims', { headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    expect((await call('GET', '/api/sources', { headers: { authorization: '' } })).statusCode).toBe(401);
  });
});
