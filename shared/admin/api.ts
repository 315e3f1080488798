/**
 * The review API as the admin page calls it: same origin, the reviewer's token and name on
 * every call, every answer checked against its schema before the page uses it.
 */
import * as z from '../schemas/zod';
import { type ClaimDetail, ClaimDetail as ClaimDetailSchema, ClaimRecord, ClaimReviewLd, ErrorResponse, type ClaimPage, ClaimPage as ClaimPageSchema, ReviewConflict, type Verdict } from '../schemas/article';

export interface Credentials {
  token: string;
  reviewer: string;
}

/** The token was refused: the page goes back to the sign-in form. */
export class SignInRequired extends Error {}

/** Someone reviewed the claim after this page loaded it; `current` is the claim as it now is. */
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
  corroboration: string;
  language: string;
  kind: string;
  source: string;
  cursor?: string;
  limit?: number;
}

export interface ReviewInput {
  verdict: Verdict;
  note?: string;
  sourceUrls: string[];
  expectedVersion: number;
}

async function send(creds: Credentials, path: string, init: { method?: string; body?: string; accept?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${creds.token}`,
    'x-reviewer': creds.reviewer,
    accept: init.accept ?? 'application/json',
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, body: init.body, cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new ApiFailure('The review API could not be reached. Check the connection and try again.');
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  const error = ErrorResponse.safeParse(body);
  const message = error.success ? error.data.error : `the API answered ${response.status}`;
  if (response.status === 401) throw new SignInRequired(message);
  if (response.status === 409) {
    const conflict = ReviewConflict.safeParse(body);
    if (conflict.success) throw new ReviewedMeanwhile(conflict.data.error, conflict.data.current);
  }
  if (response.status === 400 && error.success) throw new Refused(message, error.data.issues ?? []);
  throw new ApiFailure(`${response.status === 403 ? 'Not allowed' : 'Request failed'}: ${message}`);
}

async function parsed<T>(response: Response, schema: z.ZodMiniType<T>, what: string): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  const result = schema.safeParse(body);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new ApiFailure(`Unexpected answer for ${what}${first ? ` (${first.path.join('.') || 'body'}: ${first.message})` : ''}.`);
  }
  return result.data;
}

export async function fetchQueue(creds: Credentials, query: QueueQuery): Promise<ClaimPage> {
  const params = new URLSearchParams({ status: query.status, limit: String(query.limit ?? 50) });
  for (const key of ['corroboration', 'language', 'kind', 'source', 'cursor'] as const) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  return parsed(await send(creds, `/api/claims?${params}`), ClaimPageSchema, 'the queue');
}

export async function fetchClaim(creds: Credentials, id: string): Promise<ClaimDetail> {
  return parsed(await send(creds, `/api/claims/${encodeURIComponent(id)}`), ClaimDetailSchema, 'the claim');
}

export async function postReview(creds: Credentials, id: string, input: ReviewInput): Promise<ClaimRecord> {
  const response = await send(creds, `/api/claims/${encodeURIComponent(id)}/review`, { method: 'POST', body: JSON.stringify(input) });
  return parsed(response, ClaimRecord, 'the verdict');
}

export async function fetchClaimReview(creds: Credentials, id: string): Promise<Record<string, unknown>> {
  return parsed(await send(creds, `/api/claims/${encodeURIComponent(id)}/claimreview`, { accept: 'application/ld+json' }), ClaimReviewLd, 'the ClaimReview');
}

export async function fetchExport(creds: Credentials, format: 'jsonl' | 'csv'): Promise<{ body: string; type: string }> {
  const response = await send(creds, `/api/export?format=${format}`, { accept: format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
  return { body: await response.text(), type: response.headers.get('content-type') ?? 'text/plain' };
}
