/**
 * Reading a claim's audit history, where nothing is ever removed: each verdict stands until an
 * undo takes it back, and then the verdict before it stands again. Pure; the review use cases,
 * the export and the admin page read the history through these.
 */
import { type ClaimStatus, type HistoryEntry, isUndo, type ReviewEntry } from '../schemas/article';

/** The verdicts still standing, oldest first: the last one is the verdict in force. */
export function standingVerdicts(history: readonly HistoryEntry[]): ReviewEntry[] {
  const standing: ReviewEntry[] = [];
  for (const entry of history) {
    if (!isUndo(entry)) standing.push(entry);
    else {
      const at = standing.findIndex((v) => v.version === entry.undoes);
      if (at >= 0) standing.splice(at, 1);
    }
  }
  return standing;
}

/** The verdict in force (the claim's status), or undefined while the claim needs review. */
export function verdictInForce(history: readonly HistoryEntry[]): ReviewEntry | undefined {
  return standingVerdicts(history).at(-1);
}

/** The status the history gives the claim. */
export function statusOf(history: readonly HistoryEntry[]): ClaimStatus {
  return verdictInForce(history)?.verdict ?? 'needs_review';
}

/** Versions of the verdicts that were taken back. */
export function undoneVersions(history: readonly HistoryEntry[]): Set<number> {
  return new Set(history.filter(isUndo).map((e) => e.undoes));
}
