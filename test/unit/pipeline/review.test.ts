import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from '../../../shared/errors';
import { statusOf, verdictInForce } from '../../../shared/pipeline/history';
import {
  bulkReview,
  claimReview,
  counts,
  csvRecord,
  exportReviewed,
  getClaim,
  LEASE_MS,
  leaseClaim,
  listClaims,
  type ReviewDeps,
  reviewClaim,
  UNDO_WINDOW_MS,
  undoReview,
} from '../../../shared/pipeline/review';
import { ClaimQuery } from '../../../shared/schemas/review';
import { articleRecord, claimRecord, MemoryArticles, MemoryClaims, MemoryCounts } from '../../fakes/review-stores';

const A = 'art_aaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'art_bbbbbbbbbbbbbbbbbbbbbbbb';
const TEXT_A = 'The port authority hired 40 engineers in 2021. Repairs cost $3.5 million.';
const TEXT_B = 'Officials said 40 engineers joined the quay project this spring.';

let now: Date;
let articles: MemoryArticles;
let stores: MemoryClaims;
let deps: ReviewDeps;

const sentence = (text: string, part: string) => {
  const at = text.indexOf(part);
  return { start: at, end: at + part.length };
};

beforeEach(() => {
  now = new Date('2026-03-02T09:00:00.000Z');
  articles = new MemoryArticles();
  articles.add(articleRecord(A, { title: 'Quay works', textLength: TEXT_A.length }), TEXT_A);
  articles.add(articleRecord(B, { source: 'coast-post.example', url: 'https://coast-post.example/quay', title: 'Engineers join', publishedAt: '2026-03-02T12:00:00Z' }), TEXT_B);
  stores = new MemoryClaims(new MemoryCounts());
  const engineers = { ...sentence(TEXT_A, '40 engineers'), sentence: sentence(TEXT_A, 'The port authority hired 40 engineers in 2021.') };
  stores.add(
    claimRecord(A, 0, {
      ...engineers,
      corroboration: 'corroborated',
      evidence: [{ claimId: `${B}-c0000`, articleId: B, source: 'coast-post.example', url: 'https://coast-post.example/quay', text: '40 engineers', relation: 'corroborates', score: 1.2 }],
    }),
    claimRecord(A, 1, { kind: 'date', text: '2021', ...sentence(TEXT_A, '2021'), sentence: engineers.sentence, value: 2021, min: 2021, max: 2021, unit: 'year' }),
    claimRecord(A, 2, { kind: 'money', text: '$3.5 million', ...sentence(TEXT_A, '$3.5 million'), sentence: sentence(TEXT_A, 'Repairs cost $3.5 million.'), unit: 'USD' }),
    claimRecord(B, 0, { ...sentence(TEXT_B, '40 engineers'), sentence: { start: 0, end: TEXT_B.length }, source: 'coast-post.example', corroboration: 'corroborated' }),
  );
  deps = { articles, claims: stores, queue: stores, texts: articles, counts: stores.counts, now: () => now };
});

const claimA = (n: number) => `${A}-c000${n}`;

describe('reviewClaim', () => {
  it('records the verdict on the version seen and moves the backlog and the reviewer\'s day', async () => {
    const claim = await reviewClaim(claimA(2), { verdict: 'confirmed', note: 'port ledger', sourceUrls: [], expectedVersion: 0 }, 'Lan', deps);
    expect(claim).toMatchObject({ status: 'confirmed', version: 1, reviewedBy: 'Lan', history: [{ verdict: 'confirmed', reviewer: 'Lan', version: 1, note: 'port ledger' }] });
    const backlog = await stores.counts.backlog();
    expect(backlog.needs_review.single_source).toBe(1);
    expect(backlog.confirmed.single_source).toBe(1);
    expect((await counts({}, deps)).reviews).toEqual([{ day: '2026-03-02', reviewer: 'Lan', count: 1 }]);
  });

  it('refuses a verdict on a version that is no longer there, with the claim as it is, and writes nothing', async () => {
    await reviewClaim(claimA(2), { verdict: 'refuted', sourceUrls: [], expectedVersion: 0 }, 'Lan', deps);
    const late = reviewClaim(claimA(2), { verdict: 'confirmed', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    await expect(late).rejects.toBeInstanceOf(StaleVersionError);
    await late.catch((error: StaleVersionError) => expect(error.current).toMatchObject({ status: 'refuted', version: 1 }));
    expect((await stores.getClaim(claimA(2)))!.history.map((h) => h.reviewer)).toEqual(['Lan']);
  });

  it('lets exactly one of 20 concurrent verdicts on one claim through', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => reviewClaim(claimA(2), { verdict: 'confirmed', sourceUrls: [], expectedVersion: 0 }, `reviewer ${i}`, deps)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof StaleVersionError)).toHaveLength(19);
    expect((await stores.getClaim(claimA(2)))!.history).toHaveLength(1);
  });
});

describe('undoReview', () => {
  it('takes the caller\'s verdict back as a new history entry: the claim needs review again, leased to them', async () => {
    await reviewClaim(claimA(2), { verdict: 'refuted', sourceUrls: [], expectedVersion: 0 }, 'Lan', deps);
    now = new Date(now.getTime() + 60_000);
    const undone = await undoReview(claimA(2), { expectedVersion: 1 }, 'Lan', deps);
    expect(undone).toMatchObject({ status: 'needs_review', version: 2, leasedBy: 'Lan', leasedUntil: new Date(now.getTime() + LEASE_MS).toISOString() });
    expect(undone.history).toEqual([
      expect.objectContaining({ verdict: 'refuted', reviewer: 'Lan', version: 1 }),
      { undoes: 1, status: 'needs_review', reviewer: 'Lan', at: now.toISOString(), version: 2 },
    ]);
    expect(undone.reviewedBy).toBeUndefined();
    expect((await stores.counts.backlog()).refuted.single_source).toBe(0);
    expect((await stores.counts.backlog()).needs_review.single_source).toBe(2);
    expect((await counts({}, deps)).reviews).toEqual([]);
  });

  it('brings back the verdict in force before the one taken back', async () => {
    await reviewClaim(claimA(2), { verdict: 'confirmed', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    await reviewClaim(claimA(2), { verdict: 'refuted', sourceUrls: [], expectedVersion: 1 }, 'Lan', deps);
    const undone = await undoReview(claimA(2), { expectedVersion: 2 }, 'Lan', deps);
    expect(undone).toMatchObject({ status: 'confirmed', version: 3, reviewedBy: 'Omar' });
    expect(statusOf(undone.history)).toBe('confirmed');
    expect(verdictInForce(undone.history)?.reviewer).toBe('Omar');
  });

  it('refuses someone else\'s verdict, a stale version, a second undo and a verdict older than the window', async () => {
    await reviewClaim(claimA(2), { verdict: 'refuted', sourceUrls: [], expectedVersion: 0 }, 'Lan', deps);
    await expect(undoReview(claimA(2), { expectedVersion: 1 }, 'Omar', deps)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(undoReview(claimA(2), { expectedVersion: 3 }, 'Lan', deps)).rejects.toBeInstanceOf(StaleVersionError);
    await undoReview(claimA(2), { expectedVersion: 1 }, 'Lan', deps);
    await expect(undoReview(claimA(2), { expectedVersion: 2 }, 'Lan', deps)).rejects.toBeInstanceOf(ConflictError);

    await reviewClaim(claimA(1), { verdict: 'not_a_claim', sourceUrls: [], expectedVersion: 0 }, 'Lan', deps);
    now = new Date(now.getTime() + UNDO_WINDOW_MS + 1);
    await expect(undoReview(claimA(1), { expectedVersion: 1 }, 'Lan', deps)).rejects.toThrow(/within 5 minutes/);
    await expect(undoReview(`${A}-c0099`, { expectedVersion: 1 }, 'Lan', deps)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('bulkReview', () => {
  it('marks several claims of an article in one call, each on its version, and reports the one that changed meanwhile', async () => {
    await reviewClaim(claimA(2), { verdict: 'confirmed', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    const writes = stores.writes;
    const { results } = await bulkReview(A, { verdict: 'not_a_claim', claims: [{ id: claimA(1), expectedVersion: 0 }, { id: claimA(2), expectedVersion: 0 }, { id: `${A}-c0042`, expectedVersion: 0 }] }, 'Lan', deps);
    expect(results).toEqual([
      { id: claimA(1), outcome: 'recorded', status: 'not_a_claim', version: 1 },
      { id: claimA(2), outcome: 'stale', status: 'confirmed', version: 1 },
      { id: `${A}-c0042`, outcome: 'missing' },
    ]);
    expect(stores.writes - writes).toBe(3);
    expect((await stores.getClaim(claimA(2)))!.history.map((h) => h.reviewer)).toEqual(['Omar']);
  });

  it('refuses claims of another article', async () => {
    await expect(bulkReview(A, { verdict: 'not_a_claim', claims: [{ id: `${B}-c0000`, expectedVersion: 0 }] }, 'Lan', deps)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('leaseClaim', () => {
  it('gives a claim to one reviewer at a time until the lease runs out', async () => {
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    expect(await leaseClaim(claimA(0), 'Lan', deps)).toEqual({ claimId: claimA(0), granted: true, status: 'needs_review', leasedBy: 'Lan', leasedUntil: until });
    expect(await leaseClaim(claimA(0), 'Omar', deps)).toEqual({ claimId: claimA(0), granted: false, status: 'needs_review', leasedBy: 'Lan', leasedUntil: until });
    expect((await leaseClaim(claimA(0), 'Lan', deps)).granted).toBe(true); // renewed
    now = new Date(now.getTime() + LEASE_MS + 1000);
    expect(await leaseClaim(claimA(0), 'Omar', deps)).toMatchObject({ granted: true, leasedBy: 'Omar' });
  });

  it('does not lease a claim that was reviewed, and says so', async () => {
    await reviewClaim(claimA(2), { verdict: 'confirmed', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    expect(await leaseClaim(claimA(2), 'Lan', deps)).toEqual({ claimId: claimA(2), granted: false, status: 'confirmed' });
    await expect(leaseClaim(`${A}-c0099`, 'Lan', deps)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('getClaim', () => {
  it('gives each linked claim in its sentence with its article, reading only those sentences', async () => {
    const detail = await getClaim(claimA(0), deps);
    expect(detail.sentenceText).toBe('The port authority hired 40 engineers in 2021.');
    expect(detail.context[`${B}-c0000`]).toMatchObject({
      sentenceText: TEXT_B,
      claim: { kind: 'count', value: 40, start: TEXT_B.indexOf('40 engineers') },
      article: { id: B, title: 'Engineers join', source: 'coast-post.example', publishedAt: '2026-03-02T12:00:00Z' },
    });
    expect(articles.charactersRead).toBe(detail.sentenceText.length + TEXT_B.length);
  });
});

describe('claimReview', () => {
  const site = { baseUrl: 'https://factcheck.example', publisher: 'Harbour Fact Desk' };

  it('publishes the verdict in force at its public URL, by the organisation and the reviewer, on the verdict\'s date', async () => {
    now = new Date('2026-03-04T15:30:00.000Z');
    await reviewClaim(claimA(2), { verdict: 'refuted', sourceUrls: [], expectedVersion: 0 }, 'Trần Mai', deps);
    expect(await claimReview(claimA(2), deps, site)).toMatchObject({
      '@type': 'ClaimReview',
      url: `https://factcheck.example/reviews/${claimA(2)}`,
      claimReviewed: 'Repairs cost $3.5 million.',
      datePublished: '2026-03-04',
      author: { '@type': 'Organization', name: 'Harbour Fact Desk', member: { '@type': 'Person', name: 'Trần Mai' } },
      reviewRating: { alternateName: 'False', ratingValue: 1 },
      itemReviewed: { appearance: { url: `https://harbour-gazette.example/${A}`, headline: 'Quay works' } },
    });
  });

  it('has none for a claim without a verdict in force, or marked not a claim', async () => {
    await reviewClaim(claimA(2), { verdict: 'refuted', sourceUrls: [], expectedVersion: 0 }, 'Lan', deps);
    await undoReview(claimA(2), { expectedVersion: 1 }, 'Lan', deps);
    await expect(claimReview(claimA(2), deps, site)).rejects.toBeInstanceOf(NotFoundError);
    await reviewClaim(claimA(1), { verdict: 'not_a_claim', sourceUrls: [], expectedVersion: 0 }, 'Lan', deps);
    await expect(claimReview(claimA(1), deps, site)).rejects.toThrow(/not a claim/);
  });
});

describe('exportReviewed', () => {
  it('gives each reviewed claim with its sentence, article and whole history; CSV records take the verdict in force', async () => {
    await reviewClaim(claimA(2), { verdict: 'confirmed', note: '=HYPERLINK("x")', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    await reviewClaim(claimA(2), { verdict: 'refuted', sourceUrls: [], expectedVersion: 1 }, 'Lan', deps);
    await undoReview(claimA(2), { expectedVersion: 2 }, 'Lan', deps);
    const { rows, nextCursor } = await exportReviewed(undefined, deps);
    expect(nextCursor).toBeNull();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: claimA(2), status: 'confirmed', sentence: 'Repairs cost $3.5 million.', articleTitle: 'Quay works', articleUrl: `https://harbour-gazette.example/${A}` });
    expect(rows[0]!.history.map((h) => ('undoes' in h ? `undo ${h.undoes}` : h.verdict))).toEqual(['confirmed', 'refuted', 'undo 2']);
    expect(csvRecord(rows[0]!)).toMatchObject({ verdict: 'confirmed', reviewer: 'Omar', note: '=HYPERLINK("x")' });
  });

  it('refuses a cursor it did not hand out', async () => {
    await expect(exportReviewed('9.x', deps)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('counts and filters', () => {
  it('gives the backlog and the verdicts per reviewer per day of a range of at most 31 days', async () => {
    await reviewClaim(claimA(2), { verdict: 'confirmed', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    now = new Date('2026-03-03T10:00:00.000Z');
    await reviewClaim(claimA(1), { verdict: 'not_a_claim', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    const range = await counts({ from: '2026-03-01', to: '2026-03-03' }, deps);
    expect(range.reviews).toEqual([{ day: '2026-03-02', reviewer: 'Omar', count: 1 }, { day: '2026-03-03', reviewer: 'Omar', count: 1 }]);
    expect(range.backlog.needs_review).toEqual({ conflicting: 0, corroborated: 2, single_source: 0 });
    await expect(counts({ from: '2026-01-01', to: '2026-03-03' }, deps)).rejects.toThrow(/31 days/);
    await expect(counts({ from: '2026-03-03', to: '2026-03-01' }, deps)).rejects.toBeInstanceOf(ValidationError);
  });

  it('narrows the queue by article, reviewer and the days of the verdict', async () => {
    await reviewClaim(claimA(2), { verdict: 'confirmed', sourceUrls: [], expectedVersion: 0 }, 'Omar', deps);
    const query = (q: Record<string, string>) => listClaims(ClaimQuery.parse(q), deps);
    expect((await query({ articleId: B })).items.map((c) => c.id)).toEqual([`${B}-c0000`]);
    expect((await query({ status: 'confirmed', reviewer: 'Omar', from: '2026-03-02', to: '2026-03-02' })).items.map((c) => c.id)).toEqual([claimA(2)]);
    expect((await query({ status: 'confirmed', from: '2026-03-03' })).items).toEqual([]);
    expect((await query({ status: 'confirmed', reviewer: 'Lan' })).items).toEqual([]);
    await expect(query({ from: '2026-03-03', to: '2026-03-02' })).rejects.toBeInstanceOf(ValidationError);
  });
});
