/**
 * The review API as the admin page calls it: same origin, the reviewer's token and name on
 * every call (the name percent-encoded UTF-8: a header carries bytes, not a script), every
 * answer checked against its schema before the page uses it.
 */
import * as z from '../schemas/zod';
import {
  ClaimDetail,
  ClaimPage,
  ClaimRecord,
  ClaimReviewLd,
  ErrorResponse,
  ReviewConflict,
  type Verdict,
} from '../schemas/article';
import { ArticleView, BulkReviewResponse, Counts, Lease, Sources } from '../schemas/review';
import { t } from './i18n';

export interface Credentials {
  token: string;
  reviewer: string;
}

/** The token was refused: the page goes back to the sign-in form. */
export class SignInRequired extends Error {}

/** Someone changed the claim after this page loaded it (a verdict, a lease); `current` is the claim as it now is. */
export class ReviewedMeanwhile extends Error {
  constructor(
    message: string,
    readonly current: ClaimRecord,
  ) {
    super(message);
  }
}

/** The API refused the request as invalid (400), naming each problem. */
export class Refused extends Error {
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** Anything else: the API is unreachable, failed, or answered something unexpected. */
export class ApiFailure extends Error {}

export interface QueueQuery {
  status: string;
  corroboration?: string;
  language?: string;
  kind?: string;
  source?: string;
  articleId?: string;
  reviewer?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export interface ReviewInput {
  verdict: Verdict;
  note?: string;
  sourceUrls: string[];
  expectedVersion: number;
}

async function send(creds: Credentials, path: string, init: { method?: string; body?: unknown; accept?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${creds.token}`,
    'x-reviewer': encodeURIComponent(creds.reviewer),
    accept: init.accept ?? 'application/json',
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch {
    throw new ApiFailure(t('error.unreachable'));
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  const error = ErrorResponse.safeParse(body);
  const message = error.success ? error.data.error : `HTTP ${response.status}`;
  if (response.status === 401) throw new SignInRequired(message);
  if (response.status === 409) {
    const conflict = ReviewConflict.safeParse(body);
    if (conflict.success) throw new ReviewedMeanwhile(conflict.data.error, conflict.data.current);
  }
  if (response.status === 400 && error.success) throw new Refused(message, error.data.issues ?? []);
  throw new ApiFailure(t(response.status === 403 ? 'error.forbidden' : 'error.failed', { message }));
}

async function parsed<T>(response: Response, schema: z.ZodMiniType<T>, what: string): Promise<T> {
  const result = schema.safeParse(await response.json().catch(() => undefined));
  if (!result.success) throw new ApiFailure(t('error.unexpected', { what }));
  return result.data;
}

const claimPath = (id: string) => `/api/claims/${encodeURIComponent(id)}`;

export async function fetchQueue(creds: Credentials, query: QueueQuery): Promise<ClaimPage> {
  const params = new URLSearchParams({ status: query.status, limit: String(query.limit ?? 50) });
  for (const key of ['corroboration', 'language', 'kind', 'source', 'articleId', 'reviewer', 'from', 'to', 'cursor'] as const) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  return parsed(await send(creds, `/api/claims?${params}`), ClaimPage, 'the queue');
}

export const fetchClaim = async (creds: Credentials, id: string) => parsed(await send(creds, claimPath(id)), ClaimDetail, 'the claim');

export const postReview = async (creds: Credentials, id: string, input: ReviewInput) =>
  parsed(await send(creds, `${claimPath(id)}/review`, { method: 'POST', body: input }), ClaimRecord, 'the verdict');

export const postUndo = async (creds: Credentials, id: string, expectedVersion: number) =>
  parsed(await send(creds, `${claimPath(id)}/undo`, { method: 'POST', body: { expectedVersion } }), ClaimRecord, 'the undo');

export const postLease = async (creds: Credentials, id: string) => parsed(await send(creds, `${claimPath(id)}/lease`, { method: 'POST' }), Lease, 'the lease');

export async function releaseLease(creds: Credentials, id: string): Promise<void> {
  await send(creds, `${claimPath(id)}/lease`, { method: 'DELETE' });
}

export const fetchClaimReview = async (creds: Credentials, id: string) =>
  parsed(await send(creds, `${claimPath(id)}/claimreview`, { accept: 'application/ld+json' }), ClaimReviewLd, 'the ClaimReview');

export const fetchArticleView = async (creds: Credentials, id: string) =>
  parsed(await send(creds, `/api/articles/${encodeURIComponent(id)}/view`), ArticleView, 'the article');

export const postBulk = async (creds: Credentials, articleId: string, verdict: Verdict, claims: { id: string; expectedVersion: number }[]) =>
  parsed(await send(creds, `/api/articles/${encodeURIComponent(articleId)}/review`, { method: 'POST', body: { verdict, claims } }), BulkReviewResponse, 'the verdicts');

export const fetchCounts = async (creds: Credentials, day: string) => parsed(await send(creds, `/api/counts?from=${day}&to=${day}`), Counts, 'the counts');

export const fetchSources = async (creds: Credentials) => parsed(await send(creds, '/api/sources'), Sources, 'the sources');

/** Every page of the export, joined (a CSV header once). */
export async function fetchExport(creds: Credentials, format: 'jsonl' | 'csv'): Promise<{ body: string; type: string }> {
  let body = '';
  let type = 'text/plain';
  let cursor: string | null = null;
  do {
    const response = await send(creds, `/api/export?format=${format}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { accept: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
    const text = await response.text();
    body += body && format === 'csv' ? text.slice(text.indexOf('\r\n') + 2) : text;
    type = response.headers.get('content-type') ?? type;
    cursor = response.headers.get('x-next-cursor');
  } while (cursor);
  return { body, type };
}

/** Messages for the page in another language, as built into /admin/i18n/<lang>.json. */
export async function fetchMessages(lang: string, version: string): Promise<Record<string, string> | undefined> {
  try {
    const response = await fetch(`/admin/i18n/${lang}.json?v=${encodeURIComponent(version)}`, { credentials: 'omit' });
    const result = z.record(z.string(), z.string()).safeParse(await response.json());
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
