import { describe, expect, it } from 'vitest';
import { joinExtraction, MAX_CLAIMS_PER_ARTICLE } from '../../../shared/pipeline/claim-records';
import { ingestArticle } from '../../../shared/pipeline/ingest';
import { GaveUpError, processArticle, processDelivery } from '../../../shared/pipeline/process';
import { MAX_REQUEUES, reconcile } from '../../../shared/pipeline/reconcile';
import type { ExtractedClaim } from '../../../shared/schemas/claim';
import { defaultSender } from '../../../shared/pipeline/senders';
import { FakeArticleStore, FakeClaimStore, FakeStoryStore, FakeQueue } from '../../fakes/stores';

const DEFAULT_SENDER = defaultSender('whsec_dGhlIHNoYXJlZCBzZWNyZXQ=');

function world(start = Date.parse('2026-05-04T08:00:00Z')) {
  let t = start;
  const articles = new FakeArticleStore();
  const claims = new FakeClaimStore();
  const stories = new FakeStoryStore(claims);
  const queue = new FakeQueue();
  const now = () => new Date(t);
  return {
    articles, claims, stories, queue, now,
    advance: (ms: number) => { t += ms; },
    process: (id: string) => processArticle(id, { articles, claims, stories, now }),
    ingest: (text: string, deliveryId = `msg_${Math.random()}`) => ingestArticle(
      { deliveryId, article: { url: 'https://harbour-gazette.example/a', title: 'Quay', text }, sender: DEFAULT_SENDER },
      { store: articles, queue, now, htmlToText: () => '' },
    ),
  };
}

const TEXT = 'The port hired more than 40 engineers in 2021 and spent $3.5 million on dredging.';

describe('accepting an article', () => {
  it('refuses a delivery id reused for another article without storing the second', async () => {
    const w = world();
    await w.ingest(TEXT, 'msg_1');
    await expect(w.ingest('Another article with 12 boats.', 'msg_1')).rejects.toThrow(/already used/);
    expect(w.articles.articles.size).toBe(1);
    expect(w.queue.messages).toHaveLength(1);
  });

  it('loses nothing when the queue fails after the article is stored: the reconciler sends it later', async () => {
    const w = world();
    w.queue.failing = true;
    const accepted = w.ingest(TEXT, 'msg_2');
    await expect(accepted).rejects.toThrow(/queue unavailable/);
    w.queue.failing = false;
    w.advance(10 * 60_000);
    const report = await reconcile({ olderThanMs: 6 * 60_000 }, { articles: w.articles, queue: w.queue, now: w.now });
    expect(report.requeued).toHaveLength(1);
    expect(w.queue.messages).toEqual([{ articleId: report.requeued[0] }]);
  });
});

describe('processing an article', () => {
  it('keeps a verdict, its version and history when the article is processed again', async () => {
    const w = world();
    const { articleId } = await w.ingest(TEXT);
    // the first run dies after writing the claims (as a worker that times out would)
    w.stories.failing.add('saveStory');
    await expect(w.process(articleId)).rejects.toThrow(/saveStory/);
    const [first] = await w.claims.claimsOf(articleId);
    await w.claims.review(first!.id, 0, { verdict: 'confirmed', reviewer: 'Lan', at: w.now().toISOString(), sourceUrls: [] });

    w.stories.failing.clear();
    w.advance(5 * 60_000); // the first run's lease has ended
    expect(await w.process(articleId)).toMatchObject({ outcome: 'processed', claimsExtracted: 3 });
    const after = await w.claims.getClaim(first!.id);
    expect(after).toMatchObject({ status: 'confirmed', version: 1, history: [{ verdict: 'confirmed', reviewer: 'Lan', version: 1 }] });
    expect((await w.claims.claimsOf(articleId)).map((c) => c.text)).toEqual(['more than 40 engineers', '2021', '$3.5 million']);
    expect(await w.articles.getArticle(articleId)).toMatchObject({ status: 'processed', claimCount: 3, attempts: 2 });
  });

  it('counts the links it makes to what another source said about the same fact', async () => {
    const w = world();
    const deps = { store: w.articles, queue: w.queue, now: w.now, htmlToText: () => '' };
    const first = await ingestArticle({ deliveryId: 'msg_a', article: { url: 'https://valley-post.example/flood', title: 'Flood in Tarrow', publishedAt: '2026-03-01T08:00:00Z', text: 'Floods in Tarrow on Sunday killed 6 people and cut power to about 9,000 homes, Mayor Ilse Brandt said.' }, sender: DEFAULT_SENDER }, deps);
    const second = await ingestArticle({ deliveryId: 'msg_b', article: { url: 'https://river-daily.example/tarrow', title: 'Tarrow floods', publishedAt: '2026-03-01T11:00:00Z', text: 'The floods that hit Tarrow killed 6 people; about 9,000 homes were left without power, said Mayor Ilse Brandt.' }, sender: DEFAULT_SENDER }, deps);
    expect(await w.process(first.articleId)).toMatchObject({ outcome: 'processed', linksMade: 0 });
    const result = await w.process(second.articleId);
    expect(result).toMatchObject({ outcome: 'processed', claimsExtracted: 2 });
    // each link is evidence on the new article's claim
    const evidence = (await w.claims.claimsOf(second.articleId)).reduce((n, c) => n + c.evidence.length, 0);
    expect(evidence).toBeGreaterThan(0);
    expect(result).toMatchObject({ linksMade: evidence });
  });

  it('shows an earlier claim the evidence of each later source, and writes the claim itself only when its status rises', async () => {
    const w = world();
    const deps = { store: w.articles, queue: w.queue, now: w.now, htmlToText: () => '' };
    const post = (id: string, url: string, publishedAt: string, text: string) => ingestArticle({ deliveryId: id, article: { url, title: 'Tarrow floods', publishedAt, text }, sender: DEFAULT_SENDER }, deps);
    const first = await post('msg_a', 'https://valley-post.example/flood', '2026-03-01T08:00:00Z', 'Floods in Tarrow on Sunday cut power to about 9,000 homes, Mayor Ilse Brandt said.');
    const second = await post('msg_b', 'https://river-daily.example/tarrow', '2026-03-01T11:00:00Z', 'About 9,000 homes in Tarrow were left without power by the floods, said Mayor Ilse Brandt.');
    const third = await post('msg_c', 'https://hill-herald.example/tarrow-power', '2026-03-02T07:00:00Z', 'Power is back in most of the 9,000 homes Tarrow lost it in, Mayor Ilse Brandt said after the floods.');
    await w.process(first.articleId);
    const [homes] = await w.claims.claimsOf(first.articleId);
    await w.process(second.articleId);
    expect(w.stories.updated).toEqual([homes!.id]); // single source -> corroborated, and it starts a fact
    await w.process(third.articleId);
    expect(w.stories.updated).toEqual([homes!.id]); // corroborated already: nothing to write on it
    const after = await w.claims.getClaim(homes!.id);
    expect(after).toMatchObject({ corroboration: 'corroborated' });
    expect(after!.evidence.map((e) => [e.source, e.relation])).toEqual([['river-daily.example', 'corroborates'], ['hill-herald.example', 'corroborates']]);
    expect((await w.claims.claimsOf(first.articleId))[0]!.evidence).toEqual(after!.evidence);
  });

  it('leaves an article to the run that holds it, until its lease ends', async () => {
    const w = world();
    const { articleId } = await w.ingest(TEXT);
    const held = await w.articles.beginProcessing((await w.articles.getArticle(articleId))!, new Date(w.now().getTime() + 120_000), w.now());
    expect(held).not.toBeNull();
    expect(await w.process(articleId)).toEqual({ outcome: 'in_progress' });
    w.advance(121_000);
    expect(await w.process(articleId)).toMatchObject({ outcome: 'processed' });
  });

  it('keeps the first claims of an article with too many, and says it was truncated', async () => {
    const w = world();
    const { articleId } = await w.ingest('$1 '.repeat(MAX_CLAIMS_PER_ARTICLE + 500));
    expect(await w.process(articleId)).toEqual({ outcome: 'processed', claimsExtracted: MAX_CLAIMS_PER_ARTICLE + 500, claimsTruncated: 500, linksMade: 0 });
    expect(w.claims.claims.size).toBe(MAX_CLAIMS_PER_ARTICLE);
    expect(await w.articles.getArticle(articleId)).toMatchObject({
      claimCount: MAX_CLAIMS_PER_ARTICLE, truncated: true, reason: `${MAX_CLAIMS_PER_ARTICLE + 500} claims found; only the first ${MAX_CLAIMS_PER_ARTICLE} are kept`,
    });
  });

  it('marks the article failed with the reason on the last receive before the dead-letter queue', async () => {
    const w = world();
    const { articleId } = await w.ingest(TEXT);
    w.claims.failing.add('putClaims');
    const deps = { articles: w.articles, claims: w.claims, stories: w.stories, now: w.now };
    for (let receive = 1; receive <= 5; receive++) {
      const delivery = processDelivery(articleId, { receiveCount: receive, maxReceiveCount: 5 }, deps);
      await expect(delivery).rejects.toThrow(/putClaims failed/);
      // only the last receive says that it gave up on the article
      expect(await delivery.catch((error: unknown) => error instanceof GaveUpError)).toBe(receive === 5);
      // each failed run gives the article back at once, so the next receive takes it without waiting
      expect((await w.articles.getArticle(articleId))!.status).toBe(receive < 5 ? 'queued' : 'failed');
    }
    expect((await w.articles.getArticle(articleId))!.reason).toBe('gave up after 5 attempts: putClaims failed');
    // a redrive from the dead-letter queue processes it once the fault is gone
    w.claims.failing.clear();
    expect(await w.process(articleId)).toMatchObject({ outcome: 'processed' });
  });
});

describe('reconciling', () => {
  it('queues again what is unfinished and old enough, once, and gives up after MAX_REQUEUES', async () => {
    const w = world();
    const { articleId } = await w.ingest(TEXT);
    const deps = { articles: w.articles, queue: w.queue, now: w.now };
    expect((await reconcile({ olderThanMs: 60_000 }, deps)).requeued).toEqual([]); // too recent
    for (let i = 0; i < MAX_REQUEUES; i++) {
      w.advance(61_000);
      expect((await reconcile({ olderThanMs: 60_000 }, deps)).requeued).toEqual([articleId]);
      expect((await reconcile({ olderThanMs: 60_000 }, deps)).requeued).toEqual([]); // not twice
    }
    w.advance(61_000);
    expect((await reconcile({ olderThanMs: 60_000 }, deps)).failed).toEqual([articleId]);
    expect(await w.articles.getArticle(articleId)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/not processed after being queued 6 times/) });
    expect(await w.articles.unfinished(new Date(w.now().getTime() + 1), 10)).toEqual([]);
  });

  it('ends when a whole page of the index shows articles as they no longer are (an index behind its table)', async () => {
    const w = world();
    const { articleId } = await w.ingest(TEXT);
    const stale = (await w.articles.getArticle(articleId))!;
    const page = Array.from({ length: 100 }, (_, i) => ({ ...stale, id: `${stale.id}${i}` }));
    let reads = 0;
    // the same stale page every time (a few times at most: a reconciler that looped on it would read it forever)
    const articles = Object.assign(Object.create(w.articles), { unfinished: async () => (++reads <= 3 ? page : []), requeue: async () => false });
    expect(await reconcile({ olderThanMs: 0 }, { articles, queue: w.queue, now: w.now })).toEqual({ requeued: [], failed: [] });
    expect(reads).toBe(1);
  });

  it('never queues again what is processed', async () => {
    const w = world();
    const { articleId } = await w.ingest(TEXT);
    await w.process(articleId);
    w.advance(3_600_000);
    expect(await reconcile({ olderThanMs: 0 }, { articles: w.articles, queue: w.queue, now: w.now })).toEqual({ requeued: [], failed: [] });
  });
});

describe('joining a new extraction to stored claims', () => {
  const claim = (start: number, end: number, text: string): ExtractedClaim => ({
    kind: 'count', text, start, end, value: 1, min: 1, max: 1, qualifier: 'exact', unit: 'boat', sentence: { start: 0, end: 100 }, language: 'en',
  });
  const article = { id: 'art_000000000000000000000001', source: 'a.example' };

  it('keeps every stored claim and adds only the claims no stored claim overlaps, with the next ids', () => {
    const stored = joinExtraction(article, [], [claim(0, 5, 'five'), claim(10, 15, 'ten b')], 't0').all;
    stored[1] = { ...stored[1]!, status: 'refuted', version: 1 };
    // a different extractor: reads "ten b" longer, drops "five", finds a new claim
    const { all, added } = joinExtraction(article, stored, [claim(8, 15, 'at ten b'), claim(20, 25, 'new c')], 't1');
    expect(added.map((c) => [c.id, c.text])).toEqual([[`${article.id}-c0002`, 'new c']]);
    expect(all.map((c) => [c.id, c.text, c.status])).toEqual([
      [`${article.id}-c0000`, 'five', 'needs_review'],
      [`${article.id}-c0001`, 'ten b', 'refuted'],
      [`${article.id}-c0002`, 'new c', 'needs_review'],
    ]);
  });
});
