/**
 * In-memory stand-ins for the ports the review use cases need (shared/pipeline/ports.ts): the
 * same contract as the DynamoDB adapters (versioned writes that throw StaleVersionError, leases
 * that expire, counters moved by each write), kept in maps, so that the use cases are tested
 * fast and alone. test/integration/review.test.ts runs the same use cases on dynalite.
 */
import { NotFoundError, StaleVersionError } from '../../shared/errors';
import type { ArticleStore, ArticleTexts, ClaimFilter, ClaimStore, ReviewCounts, ReviewQueue } from '../../shared/pipeline/ports';
import type { ArticleRecord, ClaimPage, ClaimRecord, ClaimStatus, Corroboration, ReviewEntry, UndoEntry } from '../../shared/schemas/article';
import { type Backlog, EMPTY_BACKLOG } from '../../shared/schemas/review';

const RANK: Record<Corroboration, number> = { conflicting: 0, corroborated: 1, single_source: 2 };
const clone = <T>(value: T): T => structuredClone(value);

export class MemoryArticles implements Pick<ArticleStore, 'getArticle' | 'getText'>, ArticleTexts {
  readonly articles = new Map<string, { record: ArticleRecord; text: string }>();
  /** How many characters of text were read, to show that a slice does not read everything. */
  charactersRead = 0;

  add(record: ArticleRecord, text: string): void {
    this.articles.set(record.id, { record, text });
  }

  async getArticle(id: string): Promise<ArticleRecord | null> {
    const found = this.articles.get(id);
    return found ? clone(found.record) : null;
  }

  async getText(article: ArticleRecord): Promise<string> {
    const text = this.articles.get(article.id)?.text ?? '';
    this.charactersRead += text.length;
    return text;
  }

  async slice(articleId: string, start: number, end: number): Promise<string> {
    const part = (this.articles.get(articleId)?.text ?? '').slice(start, end);
    this.charactersRead += part.length;
    return part;
  }
}

export class MemoryCounts implements ReviewCounts {
  readonly cells = new Map<string, number>();
  readonly perDay = new Map<string, number>();
  readonly bySource = new Map<string, number>();

  move(from: { status: ClaimStatus; corroboration: Corroboration } | null, to: { status: ClaimStatus; corroboration: Corroboration }): void {
    if (from) this.cells.set(`${from.status}/${from.corroboration}`, (this.cells.get(`${from.status}/${from.corroboration}`) ?? 0) - 1);
    this.cells.set(`${to.status}/${to.corroboration}`, (this.cells.get(`${to.status}/${to.corroboration}`) ?? 0) + 1);
  }

  reviewed(reviewer: string, at: string, delta: number): void {
    const key = `${at.slice(0, 10)}\n${reviewer}`;
    this.perDay.set(key, (this.perDay.get(key) ?? 0) + delta);
  }

  async backlog(): Promise<Backlog> {
    const backlog = EMPTY_BACKLOG();
    for (const [cell, n] of this.cells) {
      const [status, corroboration] = cell.split('/') as [ClaimStatus, Corroboration];
      backlog[status][corroboration] = Math.max(0, n);
    }
    return backlog;
  }

  async reviews(days: readonly string[]): Promise<{ day: string; reviewer: string; count: number }[]> {
    return [...this.perDay].map(([key, count]) => {
      const [day, reviewer] = key.split('\n') as [string, string];
      return { day, reviewer, count };
    }).filter((r) => days.includes(r.day));
  }

  async sources(): Promise<{ source: string; claims: number }[]> {
    return [...this.bySource].map(([source, claims]) => ({ source, claims }));
  }
}

export class MemoryClaims implements Pick<ClaimStore, 'claimsOf' | 'getClaim'>, ReviewQueue {
  readonly claims = new Map<string, ClaimRecord>();
  /** Writes attempted, to count requests. */
  writes = 0;

  constructor(readonly counts: MemoryCounts = new MemoryCounts()) {}

  /** Claims as the worker creates them: counted in the backlog and their sources. */
  add(...claims: ClaimRecord[]): void {
    for (const claim of claims) {
      this.claims.set(claim.id, clone(claim));
      this.counts.move(null, claim);
      if (claim.source) this.counts.bySource.set(claim.source, (this.counts.bySource.get(claim.source) ?? 0) + 1);
    }
  }

  async claimsOf(articleId: string): Promise<ClaimRecord[]> {
    return [...this.claims.values()].filter((c) => c.articleId === articleId).sort((a, b) => a.id.localeCompare(b.id)).map(clone);
  }

  async getClaim(claimId: string): Promise<ClaimRecord | null> {
    const claim = this.claims.get(claimId);
    return claim ? clone(claim) : null;
  }

  async claimsByStatus(status: ClaimStatus, limit: number, cursor?: string, filter: ClaimFilter = {}): Promise<ClaimPage> {
    const when = (c: ClaimRecord) => (status === 'needs_review' ? c.createdAt : c.reviewedAt);
    const all = [...this.claims.values()]
      .filter((c) => c.status === status && (!filter.articleId || c.articleId === filter.articleId))
      .sort((a, b) => (filter.articleId ? a.id.localeCompare(b.id) : `${RANK[a.corroboration]}#${a.createdAt}#${a.id}`.localeCompare(`${RANK[b.corroboration]}#${b.createdAt}#${b.id}`)))
      .filter(
        (c) =>
          (!filter.corroboration || c.corroboration === filter.corroboration) &&
          (!filter.language || c.language === filter.language) &&
          (!filter.source || c.source === filter.source) &&
          (!filter.kind || c.kind === filter.kind) &&
          (!filter.reviewer || c.reviewedBy === filter.reviewer) &&
          (!filter.from || (when(c) ?? '') >= filter.from) &&
          (!filter.to || (when(c) ?? '\uffff') <= filter.to),
      );
    const from = cursor === undefined ? 0 : all.findIndex((c) => c.id === cursor) + 1;
    const items = all.slice(from, from + limit);
    return { items: items.map(clone), nextCursor: from + limit < all.length ? items.at(-1)!.id : null };
  }

  private write(claimId: string, expectedVersion: number, change: (claim: ClaimRecord) => void): ClaimRecord {
    this.writes++;
    const claim = this.claims.get(claimId);
    if (!claim) throw new NotFoundError(`no claim ${claimId}`);
    if (claim.version !== expectedVersion) throw new StaleVersionError(`claim ${claimId} is at version ${claim.version}`, clone(claim));
    const before = { status: claim.status, corroboration: claim.corroboration };
    change(claim);
    claim.version = expectedVersion + 1;
    this.counts.move(before, claim);
    return clone(claim);
  }

  async review(claimId: string, expectedVersion: number, entry: Omit<ReviewEntry, 'version'>): Promise<ClaimRecord> {
    await Promise.resolve(); // as a store would: the write happens later than the call
    const written = this.write(claimId, expectedVersion, (claim) => {
      claim.status = entry.verdict;
      claim.history.push({ ...entry, version: expectedVersion + 1 });
      claim.reviewedBy = entry.reviewer;
      claim.reviewedAt = entry.at;
      delete claim.leasedBy;
      delete claim.leasedUntil;
    });
    this.counts.reviewed(entry.reviewer, entry.at, 1);
    return written;
  }

  async undo(
    claimId: string,
    expectedVersion: number,
    entry: Omit<UndoEntry, 'version'>,
    effect: { undone: ReviewEntry; inForce?: ReviewEntry; lease?: { leasedBy: string; leasedUntil: string } },
  ): Promise<ClaimRecord> {
    await Promise.resolve();
    const written = this.write(claimId, expectedVersion, (claim) => {
      claim.status = entry.status;
      claim.history.push({ ...entry, version: expectedVersion + 1 });
      claim.reviewedBy = effect.inForce?.reviewer;
      claim.reviewedAt = effect.inForce?.at;
      if (!effect.inForce) {
        delete claim.reviewedBy;
        delete claim.reviewedAt;
      }
      if (effect.lease) Object.assign(claim, effect.lease);
    });
    this.counts.reviewed(effect.undone.reviewer, effect.undone.at, -1);
    return written;
  }

  async lease(claimId: string, reviewer: string, now: string, until: string): Promise<ClaimRecord> {
    await Promise.resolve();
    this.writes++;
    const claim = this.claims.get(claimId);
    if (!claim) throw new NotFoundError(`no claim ${claimId}`);
    const held = claim.leasedBy !== undefined && claim.leasedBy !== reviewer && (claim.leasedUntil ?? '') >= now;
    if (claim.status !== 'needs_review' || held) throw new StaleVersionError(`claim ${claimId} is not free`, clone(claim));
    claim.leasedBy = reviewer;
    claim.leasedUntil = until;
    return clone(claim);
  }

  async release(claimId: string, reviewer: string): Promise<void> {
    const claim = this.claims.get(claimId);
    if (claim?.leasedBy === reviewer) {
      delete claim.leasedBy;
      delete claim.leasedUntil;
    }
  }
}

/** An article and its stored form, for the fakes. */
export function articleRecord(id: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id, url: `https://harbour-gazette.example/${id}`, source: 'harbour-gazette.example', title: 'Quay works', language: 'en',
    publishedAt: '2026-03-02T08:00:00Z', receivedAt: '2026-03-02T08:01:00Z', status: 'processed', textLength: 0, version: 1, ...overrides,
  };
}

/** A claim needing review, for the fakes. */
export function claimRecord(articleId: string, n: number, overrides: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    kind: 'count', text: '40 engineers', start: 0, end: 12, value: 40, min: 40, max: 40, qualifier: 'exact', unit: 'engineer',
    sentence: { start: 0, end: 12 }, language: 'en', id: `${articleId}-c${String(n).padStart(4, '0')}`, articleId,
    source: 'harbour-gazette.example', status: 'needs_review', version: 0, createdAt: '2026-03-02T08:02:00.000Z',
    corroboration: 'single_source', evidence: [], history: [], ...overrides,
  };
}
