/**
 * The stored form of extracted claims, and how a new extraction joins the claims already stored
 * for an article (pure).
 *
 * The pipeline never rewrites a stored claim: a claim's status, version, verdicts and history
 * belong to the reviewers. When an article is extracted again (a worker died after writing its
 * claims and the message came back, or a redeployed extractor reads it again) the stored claims
 * stay exactly as they are, and an extracted claim is added, with the next free id, only where
 * no stored claim overlaps its span. A redeployed extractor that reads the article differently
 * therefore adds what it newly finds and never drops or moves a verdict; a stored claim it no
 * longer finds stays, with its verdict.
 */
import type { ArticleRecord, ClaimRecord } from '../schemas/article';
import type { ExtractedClaim } from '../schemas/claim';

/** The most claims an article keeps; beyond them it is a listing, not a story, and is truncated. */
export const MAX_CLAIMS_PER_ARTICLE = 2000;

export function claimIdOf(articleId: string, index: number): string {
  return `${articleId}-c${String(index).padStart(4, '0')}`;
}

/** The index in a claim id `<articleId>-c<n>`. */
export function claimIndexOf(claimId: string): number {
  const m = /-c(\d+)$/.exec(claimId);
  return m ? Number(m[1]) : -1;
}

/** The stored form of freshly extracted claims: ids from the article and position, awaiting review. */
export function newClaimRecords(
  article: Pick<ArticleRecord, 'id' | 'source' | 'senderId'>,
  claims: readonly ExtractedClaim[],
  createdAt: string,
  firstIndex = 0,
): ClaimRecord[] {
  return claims.map((claim, i) => ({
    ...claim,
    id: claimIdOf(article.id, firstIndex + i),
    articleId: article.id,
    source: article.source,
    ...(article.senderId === undefined ? {} : { senderId: article.senderId }),
    status: 'needs_review',
    version: 0,
    createdAt,
    corroboration: 'single_source',
    evidence: [],
    history: [],
  }));
}

/**
 * The claims of an article after an extraction: the stored ones as they are, then the extracted
 * ones no stored claim overlaps, numbered after the highest stored id. `added` are the new ones.
 */
export function joinExtraction(
  article: Pick<ArticleRecord, 'id' | 'source' | 'senderId'>,
  stored: readonly ClaimRecord[],
  extracted: readonly ExtractedClaim[],
  createdAt: string,
): { all: ClaimRecord[]; added: ClaimRecord[] } {
  if (stored.length === 0) {
    const added = newClaimRecords(article, extracted, createdAt);
    return { all: added, added };
  }
  const spans = stored.map((c) => [c.start, c.end] as const).sort((a, b) => a[0] - b[0]);
  const overlapsStored = (c: ExtractedClaim) => {
    // spans are few per article; a binary search finds the first stored span ending after c.start
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![1] <= c.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = Math.max(0, lo - 1); k < spans.length && spans[k]![0] < c.end; k++) {
      if (spans[k]![0] < c.end && c.start < spans[k]![1]) return true;
    }
    return false;
  };
  const next = Math.max(...stored.map((c) => claimIndexOf(c.id))) + 1;
  const added = newClaimRecords(article, extracted.filter((c) => !overlapsStored(c)), createdAt, next);
  const all = [...stored, ...added].sort((a, b) => a.start - b.start || claimIndexOf(a.id) - claimIndexOf(b.id));
  return { all, added };
}
