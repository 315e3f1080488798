/**
 * What corroboration changes on claims, as plain values for the stores (pure): the fields of the
 * new claims (story, fact, evidence, status, candidates), and for each earlier claim it touches,
 * the evidence to add and the status it rises to. The rule for the status lives here: a claim
 * with a conflicting report is conflicting, one with agreeing reports only is corroborated, one
 * with none is single-source; the status only ever rises.
 */
import type { Corroboration, Evidence, Candidate } from '../schemas/article';
import type { MatchEntry } from './entries';
import type { Corroboration as Outcome, StoredEntry } from './facts';
import { countedRelations } from './independence';
import type { Relation } from './relation';

/** An earlier claim of the story as the store reads it back. */
export interface StoryClaim extends StoredEntry {
  corroboration: Corroboration;
  createdAt: string;
}

export interface OwnClaimFields {
  storyId: string;
  factId?: string;
  evidence: Evidence[];
  corroboration: Corroboration;
  candidates: Candidate[];
}

export interface EarlierClaimUpdate {
  claimId: string;
  createdAt: string;
  /** The status read, and the one to set (equal when it does not rise). */
  seen: Corroboration;
  corroboration: Corroboration;
  /** Set when the earlier claim starts a fact with this article (it stood alone until now). */
  factId?: string;
  /** What the new claims tell it: each entry's `claimId` is the new claim it comes from. */
  evidence: Evidence[];
}

/** The evidence a new claim gives an earlier claim, as the earlier claim shows it. */
export interface GivenEvidence {
  to: string;
  evidence: Evidence;
}

/** Per new claim, the evidence it gives earlier claims (kept with the new claim, read by the earlier ones). */
export function evidenceGiven(updates: readonly EarlierClaimUpdate[]): Map<string, GivenEvidence[]> {
  const given = new Map<string, GivenEvidence[]>();
  for (const u of updates) {
    for (const evidence of u.evidence) given.set(evidence.claimId, [...(given.get(evidence.claimId) ?? []), { to: u.claimId, evidence }]);
  }
  return given;
}

/** Whether the earlier claim itself changes: its status rises, or it starts a fact. */
export const changesEarlierClaim = (u: EarlierClaimUpdate): boolean => u.corroboration !== u.seen || u.factId !== undefined;

/** A claim's evidence: its own, then what later claims gave it (in the order given), each claim once. */
export function withGiven(own: readonly Evidence[], given: readonly Evidence[]): Evidence[] {
  const seen = new Set(own.map((e) => e.claimId));
  const out = [...own];
  for (const e of given) {
    if (seen.has(e.claimId)) continue;
    seen.add(e.claimId);
    out.push(e);
  }
  return out;
}

/** The higher of two statuses (a status only rises). */
export function higher(a: Corroboration, b: Corroboration): Corroboration {
  return RANK[b] > RANK[a] ? b : a;
}

const RANK: Record<Corroboration, number> = { single_source: 0, corroborated: 1, conflicting: 2 };

export function corroborationOf(relations: readonly Relation[], current: Corroboration = 'single_source'): Corroboration {
  const next: Corroboration = relations.includes('conflicts') ? 'conflicting' : relations.length > 0 ? 'corroborated' : 'single_source';
  return RANK[next] > RANK[current] ? next : current;
}

function evidenceOf(self: MatchEntry, other: MatchEntry, relation: Relation, score: number, possibleUpdate: boolean, same: boolean): Evidence {
  return {
    claimId: other.claimId, articleId: other.articleId, source: other.source, url: other.url, text: other.text, relation, score,
    ...(other.senderId === undefined ? {} : { senderId: other.senderId }),
    ...(same ? { sameSender: true } : {}),
    ...(other.publishedAt ? { publishedAt: other.publishedAt } : {}),
    ...(self.publishedAt ? { ownPublishedAt: self.publishedAt } : {}),
    ...(possibleUpdate ? { possibleUpdate: true } : {}),
  };
}

export function corroborationChanges(storyId: string, own: readonly MatchEntry[], earlier: readonly StoryClaim[], outcome: Outcome): {
  own: Map<string, OwnClaimFields>;
  earlier: EarlierClaimUpdate[];
} {
  const byId = new Map(earlier.map((e) => [e.claimId, e]));
  const mine = new Map<string, OwnClaimFields>();
  for (const e of own) {
    mine.set(e.claimId, {
      storyId,
      ...(outcome.facts.has(e.claimId) ? { factId: outcome.facts.get(e.claimId)! } : {}),
      evidence: [],
      corroboration: 'single_source',
      candidates: (outcome.candidates.get(e.claimId) ?? []).map((c) => ({
        claimId: c.entry.claimId, articleId: c.entry.articleId, source: c.entry.source, url: c.entry.url, text: c.entry.text, score: c.score,
      })),
    });
  }
  const touched = new Map<string, EarlierClaimUpdate>();
  for (const link of outcome.links) {
    const fields = mine.get(link.from.claimId)!;
    fields.evidence.push(evidenceOf(link.from, link.to, link.relation, link.score, link.possibleUpdate.from, link.sameSender === true));
    const before = byId.get(link.to.claimId);
    if (!before) continue;
    const update = touched.get(before.claimId) ?? {
      claimId: before.claimId,
      createdAt: before.createdAt,
      seen: before.corroboration,
      corroboration: before.corroboration,
      ...(outcome.facts.has(before.claimId) ? { factId: outcome.facts.get(before.claimId)! } : {}),
      evidence: [],
    };
    update.evidence.push(evidenceOf(link.to, link.from, link.relation, link.score, link.possibleUpdate.to, link.sameSender === true));
    update.corroboration = corroborationOf(countedRelations(update.evidence), before.corroboration);
    touched.set(before.claimId, update);
  }
  for (const fields of mine.values()) fields.corroboration = corroborationOf(countedRelations(fields.evidence));
  return { own: mine, earlier: [...touched.values()] };
}
