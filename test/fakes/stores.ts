/**
 * In-memory fakes of the pipeline's ports, with the same conditional semantics as the DynamoDB
 * adapters (create-only puts, version checks, leases), for fast use-case tests. The adapters
 * themselves are tested against dynalite in test/integration.
 */
import type { Link, MatchEntry } from '../../shared/corroboration/match';
import { NotFoundError, StaleVersionError } from '../../shared/errors';
import type { ArticleQueue, ArticleStore, ClaimFilter, ClaimStore, MatchIndex } from '../../shared/pipeline/ports';
import type { ArticleMessage, ArticleRecord, ClaimRecord, Corroboration, ReviewEntry } from '../../shared/schemas/article';
import type { Language } from '../../shared/schemas/claim';

const clone = <T>(x: T): T => structuredClone(x);

export class FakeArticleStore implements ArticleStore {
  readonly articles = new Map<string, ArticleRecord & { since?: string }>();
  readonly texts = new Map<string, string>();
  readonly deliveries = new Map<string, string>();
  /** Calls to fail, by method name, for crash tests. */
  failing = new Set<string>();

  private check(method: string): void {
    if (this.failing.has(method)) throw new Error(`${method} failed`);
  }

  async createArticle(article: ArticleRecord, text: string): Promise<'created' | 'exists'> {
    this.check('createArticle');
    this.texts.set(article.id, text);
    if (this.articles.has(article.id)) return 'exists';
    this.articles.set(article.id, { ...clone(article), since: article.receivedAt });
    return 'created';
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const a = this.articles.get(id);
    if (!a) return null;
    const { since: _since, ...record } = a;
    return clone(record);
  }

  async getText(article: ArticleRecord): Promise<string> {
    return this.texts.get(article.id) ?? '';
  }

  async recordDelivery(deliveryId: string, articleId: string, senderId?: string): Promise<string> {
    this.check('recordDelivery');
    // delivery ids are per sender (a space cannot be in either)
    const key = senderId === undefined ? deliveryId : `${senderId} ${deliveryId}`;
    if (!this.deliveries.has(key)) this.deliveries.set(key, articleId);
    return this.deliveries.get(key)!;
  }

  async beginProcessing(article: ArticleRecord, leaseUntil: Date, now: Date): Promise<ArticleRecord | null> {
    const current = this.articles.get(article.id);
    if (!current || current.version !== article.version) return null;
    if (current.status === 'processing' && current.leaseUntil! >= now.toISOString()) return null;
    const next = { ...current, status: 'processing' as const, leaseUntil: leaseUntil.toISOString(), attempts: (current.attempts ?? 0) + 1, version: current.version + 1, since: now.toISOString() };
    this.articles.set(article.id, next);
    return this.getArticle(article.id);
  }

  private versioned(article: ArticleRecord, change: (a: ArticleRecord & { since?: string }) => ArticleRecord & { since?: string }): void {
    const current = this.articles.get(article.id);
    if (!current || current.version !== article.version) throw new StaleVersionError(`article ${article.id} changed meanwhile`);
    this.articles.set(article.id, { ...change(current), version: current.version + 1 });
  }

  async release(article: ArticleRecord, now: Date): Promise<void> {
    const current = this.articles.get(article.id);
    if (!current || current.version !== article.version || current.status !== 'processing') return;
    const { leaseUntil: _l, ...rest } = current;
    this.articles.set(article.id, { ...rest, status: 'queued', version: current.version + 1, since: now.toISOString() });
  }

  async markProcessed(article: ArticleRecord, update: { claimCount: number; language: Language; truncated?: string }): Promise<void> {
    this.check('markProcessed');
    this.versioned(article, ({ leaseUntil: _l, since: _s, reason: _r, truncated: _t, ...a }) => ({
      ...a, status: 'processed', claimCount: update.claimCount, language: update.language,
      ...(update.truncated ? { truncated: true, reason: update.truncated } : {}),
    }));
  }

  async markFailed(article: ArticleRecord, reason: string): Promise<void> {
    this.versioned(article, ({ leaseUntil: _l, since: _s, ...a }) => ({ ...a, status: 'failed', reason }));
  }

  async unfinished(changedBefore: Date, limit: number): Promise<ArticleRecord[]> {
    return [...this.articles.values()]
      .filter((a) => a.since !== undefined && a.since < changedBefore.toISOString())
      .sort((x, y) => x.since!.localeCompare(y.since!))
      .slice(0, limit)
      .map((a) => this.getArticleSync(a.id));
  }

  private getArticleSync(id: string): ArticleRecord {
    const { since: _since, ...record } = this.articles.get(id)!;
    return clone(record);
  }

  async requeue(article: ArticleRecord, now: Date): Promise<boolean> {
    const current = this.articles.get(article.id);
    if (!current || current.version !== article.version || current.since === undefined) return false;
    const { leaseUntil: _l, ...rest } = current;
    this.articles.set(article.id, { ...rest, status: 'queued', requeues: (current.requeues ?? 0) + 1, version: current.version + 1, since: now.toISOString() });
    return true;
  }
}

export class FakeClaimStore implements ClaimStore {
  readonly claims = new Map<string, ClaimRecord>();
  failing = new Set<string>();

  async putClaims(claims: readonly ClaimRecord[]): Promise<void> {
    if (this.failing.has('putClaims')) throw new Error('putClaims failed');
    for (const c of claims) {
      // the use case must never hand over a claim that is stored already
      if (this.claims.has(c.id)) throw new Error(`claim ${c.id} would be overwritten`);
      this.claims.set(c.id, clone(c));
    }
  }

  async claimsOf(articleId: string): Promise<ClaimRecord[]> {
    return [...this.claims.values()].filter((c) => c.articleId === articleId).sort((a, b) => a.id.localeCompare(b.id)).map(clone);
  }

  async getClaim(claimId: string): Promise<ClaimRecord | null> {
    const c = this.claims.get(claimId);
    return c ? clone(c) : null;
  }

  async review(claimId: string, expectedVersion: number, entry: Omit<ReviewEntry, 'version'>): Promise<ClaimRecord> {
    const c = this.claims.get(claimId);
    if (!c) throw new NotFoundError(`no claim ${claimId}`);
    if (c.version !== expectedVersion) throw new StaleVersionError(`claim ${claimId} is at version ${c.version}`, clone(c));
    const version = expectedVersion + 1;
    this.claims.set(claimId, { ...c, status: entry.verdict, version, history: [...c.history, { ...entry, version }] });
    return clone(this.claims.get(claimId)!);
  }

  async claimsByStatus(status: ClaimRecord['status'], limit: number, _cursor?: string, corroboration?: Corroboration, _filter?: ClaimFilter) {
    const items = [...this.claims.values()].filter((c) => c.status === status && (!corroboration || c.corroboration === corroboration));
    return { items: items.slice(0, limit).map(clone), nextCursor: null };
  }
}

export class FakeMatchIndex implements MatchIndex {
  readonly entries = new Map<string, MatchEntry>();
  readonly links: Link[] = [];
  failing = new Set<string>();

  async index(entries: readonly MatchEntry[]): Promise<void> {
    for (const e of entries) this.entries.set(e.claimId, e);
  }

  async candidates(entries: readonly MatchEntry[]): Promise<MatchEntry[]> {
    if (this.failing.has('candidates')) throw new Error('candidates failed');
    const own = new Set(entries.map((e) => e.articleId));
    return [...this.entries.values()].filter((e) => !own.has(e.articleId));
  }

  async saveLinks(links: readonly Link[]): Promise<void> {
    this.links.push(...links);
  }
}

export class FakeQueue implements ArticleQueue {
  readonly messages: ArticleMessage[] = [];
  failing = false;

  async enqueue(message: ArticleMessage): Promise<void> {
    if (this.failing) throw new Error('queue unavailable');
    this.messages.push(message);
  }
}
