import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../../shared/errors';
import { ingestArticle } from '../../../shared/pipeline/ingest';
import { FakeArticleStore, FakeQueue } from '../../fakes/stores';

const quay = { id: 'quay-post', sources: ['quay-post.example'], aggregator: false };
const text = 'The quay reopened after 14 weeks of repairs.';

function deps() {
  const store = new FakeArticleStore();
  const queue = new FakeQueue();
  return { store, queue, now: () => new Date('2026-05-04T08:00:00Z'), htmlToText: () => '' };
}

describe('accepting an article from a sender', () => {
  it('refuses a source outside the sender\'s list before anything is recorded, the delivery id included', async () => {
    const d = deps();
    const refused = ingestArticle({ deliveryId: 'msg_1', sender: quay, article: { url: 'https://quay-post.example/a', source: 'tide.example', title: 'Quay', text } }, d);
    await expect(refused).rejects.toThrow(ForbiddenError);
    expect([d.store.deliveries.size, d.store.articles.size, d.queue.messages.length]).toEqual([0, 0, 0]);
  });

  it('stores the sender on the article, and keeps its delivery ids apart from other senders\'', async () => {
    const d = deps();
    const first = await ingestArticle({ deliveryId: 'msg_1', sender: quay, article: { url: 'https://quay-post.example/a', title: 'Quay', text } }, d);
    const tide = { id: 'tide-daily', sources: ['tide-daily.example'], aggregator: false };
    const second = await ingestArticle({ deliveryId: 'msg_1', sender: tide, article: { url: 'https://tide-daily.example/b', title: 'Quay', text } }, d);
    expect(second.articleId).not.toBe(first.articleId);
    expect(d.store.articles.get(first.articleId)).toMatchObject({ source: 'quay-post.example', senderId: 'quay-post' });
    expect(d.store.articles.get(first.articleId)!.relayed).toBeUndefined();
  });
});
