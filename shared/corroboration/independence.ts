/**
 * Corroboration counts outlets, not names (pure). One sender that is not an aggregator speaks
 * with one voice, whatever sources its articles name: two claims it posted are not independent,
 * so their agreement is no corroboration (the evidence is kept, marked `sameSender`, and the
 * console says so). A conflict between them is still a conflict: a sender contradicting itself is
 * worth a reviewer's look. An aggregator's articles are relayed from the outlets their URLs name,
 * and claims of articles stored before senders existed have no sender: for both, the sources
 * alone decide, as before.
 */
import type { Relation } from './match';

/** Where a claim came from, as far as independence goes. */
export interface Provenance {
  senderId?: string;
  /** Posted by an aggregator. */
  relayed?: boolean;
}

/** Whether two claims were posted by one sender that is not an aggregator. */
export function sameSender(a: Provenance, b: Provenance): boolean {
  return a.senderId !== undefined && a.senderId === b.senderId && !a.relayed && !b.relayed;
}

/** The relations of a claim's evidence that count towards its corroboration. */
export function countedRelations(evidence: readonly { relation: Relation; sameSender?: boolean }[]): Relation[] {
  return evidence.filter((e) => !(e.sameSender && e.relation === 'corroborates')).map((e) => e.relation);
}
