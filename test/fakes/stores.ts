/**
 * In-memory fakes of the pipeline's ports, with the same conditional semantics as the DynamoDB
 * adapters (create-only puts, version checks, leases), for fast use-case tests. The adapters
 * themselves are tested against dynalite in test/integration.
 */
import type { MatchEntry } from '../../shared/corroboration/entries';
import { countedRelations } from '../../shared/corroboration/independence';
import { changesEarlierClaim, corroborationOf, type EarlierClaimUpdate, evidenceGiven, type GivenEvidence, type StoryClaim, withGiven } from '../../shared/corroboration/records';
import type { Story } from '../../shared/corroboration/stories';
import { NotFoundError, StaleVersionError } from '../../shared/errors';
import type { ArticleQueue, ArticleStore, ClaimFilter, ClaimStore, StoryStore } from '../../shared/pipeline/ports';
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

  /** Texts up to this many characters are handed with the article (as the DynamoDB adapter keeps them in the article item). */
  inlineTextChars = 100_000;

  async getArticleWithText(id: string): Promise<{ article: ArticleRecord; text: string | null } | null> {
    const article = await this.getArticle(id);
    if (!article) return null;
    const text = this.texts.get(id) ?? '';
    return { article, text: text.length <= this.inlineTextChars ? text : null };
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
  /** The match entries of the claims filed in a story. */
  readonly matches = new Map<string, MatchEntry>();
  failing = new Set<string>();

  /** The evidence new claims gave earlier claims, in the order given: part of the earlier claims' evidence when read. */
  readonly given: GivenEvidence[] = [];

  async putClaims(claims: readonly ClaimRecord[], matches?: ReadonlyMap<string, MatchEntry>, earlier: readonly EarlierClaimUpdate[] = []): Promise<void> {
    if (this.failing.has('putClaims')) throw new Error('putClaims failed');
    for (const c of claims) {
      // the use case must never hand over a claim that is stored already
      if (this.claims.has(c.id)) throw new Error(`claim ${c.id} would be overwritten`);
      this.claims.set(c.id, clone(c));
      const match = matches?.get(c.id);
      if (c.storyId && match) this.matches.set(c.id, clone(match));
    }
    const written = new Set(claims.map((c) => c.id));
    for (const gives of evidenceGiven(earlier).entries()) if (written.has(gives[0])) this.given.push(...clone(gives[1]));
  }

  private read(c: ClaimRecord): ClaimRecord {
    return clone({ ...c, evidence: withGiven(c.evidence, this.given.filter((g) => g.to === c.id).map((g) => g.evidence)) });
  }

  async claimsOf(articleId: string, options: { evidence?: boolean } = {}): Promise<ClaimRecord[]> {
    return [...this.claims.values()].filter((c) => c.articleId === articleId).sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => (options.evidence === false ? clone(c) : this.read(c)));
  }

  async getClaim(claimId: string): Promise<ClaimRecord | null> {
    const c = this.claims.get(claimId);
    return c ? this.read(c) : null;
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
    return { items: items.slice(0, limit).map((c) => this.read(c)), nextCursor: null };
  }
}

export class FakeStoryStore implements StoryStore {
  readonly stories = new Map<string, Story & { mergedInto?: string }>();
  failing = new Set<string>();

  constructor(private readonly claims: FakeClaimStore) {}

  private check(method: string): void {
    if (this.failing.has(method)) throw new Error(`${method} failed`);
  }

  async candidateStories(_publishedAt: string | undefined): Promise<Story[]> {
    this.check('candidateStories');
    return [...this.stories.values()].filter((s) => !s.mergedInto).map(clone);
  }

  async storyClaims(storyIds: readonly string[]): Promise<StoryClaim[]> {
    this.check('storyClaims');
    const ids = new Set(storyIds);
    return [...this.claims.claims.values()]
      .filter((c) => c.storyId && ids.has(c.storyId) && this.claims.matches.has(c.id))
      .map((c) => ({
        ...clone(this.claims.matches.get(c.id)!),
        ...(c.factId ? { factId: c.factId } : {}),
        corroboration: c.corroboration,
        createdAt: c.createdAt,
      }));
  }

  /** Claims updateEarlier wrote (the ones that changed), in order. */
  readonly updated: string[] = [];

  async updateEarlier(updates: readonly EarlierClaimUpdate[]): Promise<void> {
    this.check('updateEarlier');
    for (const u of updates.filter(changesEarlierClaim)) {
      const c = this.claims.claims.get(u.claimId);
      if (!c) continue;
      this.updated.push(u.claimId);
      this.claims.claims.set(u.claimId, {
        ...c, corroboration: corroborationOf(countedRelations(u.evidence), c.corroboration), ...(u.factId && !c.factId ? { factId: u.factId } : {}),
      });
    }
  }

  async getStory(id: string): Promise<Story | null> {
    const s = this.stories.get(id);
    return s && !s.mergedInto ? clone(s) : null;
  }

  async saveStory(story: Story, merged: readonly Story[]): Promise<void> {
    this.check('saveStory');
    const current = this.stories.get(story.id);
    if ((current?.version ?? -1) !== story.version - 1) throw new StaleVersionError(`story ${story.id} changed meanwhile`);
    this.stories.set(story.id, clone(story));
    for (const m of merged) {
      const s = this.stories.get(m.id);
      if (s) this.stories.set(m.id, { ...s, mergedInto: story.id });
    }
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
