/**
 * The keys of the table's items (see ../table.ts for the whole layout), the review queue's sort
 * key, and the cursor the API hands out: one place that knows how ids become keys.
 */
import { ValidationError } from '../../errors';
import type { Corroboration } from '../../schemas/article';
import * as z from '../../schemas/zod';

export const articleKey = (id: string) => ({ PK: `ARTICLE#${id}`, SK: 'META' });
export const articlePartition = (id: string) => `ARTICLE#${id}`;
export const textSortKey = (index: number) => `TEXT#${String(index).padStart(4, '0')}`;
export const claimSortKey = (index: number) => `CLAIM#${String(index).padStart(5, '0')}`;
/** The claims that give evidence to earlier claims of a fact, in GSI3. */
export const factPartition = (factId: string) => `FACT#${factId}`;
/**
 * A webhook delivery, per sender: two senders may use the same webhook-id. The default sender's
 * deliveries keep the key they had before senders existed (`DELIVERY#<webhook-id>`).
 */
export const deliveryKey = (deliveryId: string, senderId?: string) =>
  senderId === undefined ? { PK: `DELIVERY#${deliveryId}`, SK: 'META' } : { PK: `SENDER#${senderId}#DELIVERY#${deliveryId}`, SK: 'META' };
/** Every sender in one partition: a Query lists them (there are tens, not millions). */
export const SENDERS_PARTITION = 'SENDERS';
export const senderKey = (id: string) => ({ PK: SENDERS_PARTITION, SK: `SENDER#${id}` });

/** Claim ids are `<articleId>-c<n>`: the item's key follows from the id. */
export function claimKey(claimId: string): { PK: string; SK: string } | null {
  const m = /^(.+)-c(\d+)$/.exec(claimId);
  return m ? { PK: articlePartition(m[1]!), SK: claimSortKey(Number(m[2])) } : null;
}

/**
 * Articles not yet processed nor failed sit in the review index under one partition, sorted by
 * their last change, so that the reconciler finds the stalled ones with one Query (and processed
 * articles leave it: the index stays as small as the backlog).
 */
export const UNFINISHED_ARTICLES = 'ARTICLES#unfinished';
export const unfinishedSortKey = (since: string, articleId: string) => `${since}#${articleId}`;

export const RANK: Record<Corroboration, number> = { conflicting: 0, corroborated: 1, single_source: 2 };
/** The review queue's sort key: conflicting claims first, then oldest first. */
export const reviewSortKey = (c: Corroboration, createdAt: string, claimId: string) => `${RANK[c]}#${createdAt}#${claimId}`;

/** An item read back from the table, checked against its schema. */
export function parseItem<T>(schema: z.ZodMiniType<T>, item: Record<string, unknown>, what: string): T {
  const parsed = schema.safeParse(item);
  if (!parsed.success) throw new Error(`stored ${what} does not match its schema: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const Cursor = z.record(z.string(), z.string());

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): Record<string, string> {
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationError('invalid cursor', [{ path: 'cursor', message: 'is not a cursor this API returned' }]);
  }
}
