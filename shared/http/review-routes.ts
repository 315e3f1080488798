import { NotFoundError, ValidationError } from '../errors';
import type { Clock } from '../pipeline/ports';
import {
  authorizeBearer,
  claimReview,
  exportReviewed,
  getArticle,
  getClaim,
  listClaims,
  reviewClaim,
  reviewerFromJwt,
  reviewerName,
  type ReviewDeps,
} from '../pipeline/review';
import { type HttpResult, json } from './response';

export interface ReviewRequestContext {
  method: string;
  path: string;
  query: Readonly<Record<string, string | undefined>>;
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
  /** Claims of a JWT the HTTP API's authorizer verified (AWS); absent locally. */
  jwtClaims?: Readonly<Record<string, unknown>>;
}

export interface ReviewRouteDeps extends ReviewDeps {
  /** The shared bearer token, where no JWT authorizer runs (the local runtime). */
  token?: string;
  now: Clock;
  publisher: string;
  /** The admin page and its assets (GET /admin, /admin/app.js, /admin/app.css); null for an unknown asset. */
  page?: (path: string) => HttpResult | null;
}

/**
 * The review API's routes. Everything under /api needs a reviewer: a JWT of the reviewers group
 * (AWS) or the shared bearer token (locally, with the reviewer's name in X-Reviewer).
 */
export async function routeReview(request: ReviewRequestContext, deps: ReviewRouteDeps): Promise<HttpResult> {
  const { method, path } = request;
  if (method === 'GET' && path === '/health') return json(200, { status: 'ok' });
  if (method === 'GET' && (path === '/admin' || path.startsWith('/admin/')) && deps.page) {
    const page = deps.page(path);
    if (page) return page;
  }
  if (!path.startsWith('/api/')) throw new NotFoundError(`no route ${method} ${path}`);

  let reviewer: string;
  if (request.jwtClaims) reviewer = reviewerFromJwt(request.jwtClaims);
  else {
    if (deps.token === undefined) throw new Error('no reviewer token configured');
    authorizeBearer(request.headers.authorization, deps.token);
    reviewer = reviewerName(request.headers['x-reviewer']);
  }

  const article = /^\/api\/articles\/([^/]+)$/.exec(path);
  if (method === 'GET' && article) return json(200, await getArticle(decodePathSegment(article[1]!), deps));
  if (method === 'GET' && path === '/api/claims') return json(200, await listClaims(request.query, deps));
  if (method === 'GET' && path === '/api/export') {
    const { contentType, body } = await exportReviewed(request.query.format, deps);
    return { statusCode: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store', 'content-disposition': 'attachment' }, body };
  }
  const claim = /^\/api\/claims\/([^/]+)(\/review|\/claimreview)?$/.exec(path);
  if (claim) {
    const id = decodePathSegment(claim[1]!);
    if (method === 'GET' && !claim[2]) return json(200, await getClaim(id, deps));
    if (method === 'POST' && claim[2] === '/review') return json(200, await reviewClaim(id, request.body, reviewer, deps));
    if (method === 'GET' && claim[2] === '/claimreview') {
      const host = request.headers['x-forwarded-host'] ?? request.headers.host ?? 'localhost';
      const proto = request.headers['x-forwarded-proto'] ?? (host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http' : 'https');
      const jsonLd = await claimReview(id, deps, { baseUrl: `${proto}://${host}`, publisher: deps.publisher });
      return json(200, jsonLd, { 'content-type': 'application/ld+json; charset=utf-8' });
    }
  }
  throw new NotFoundError(`no route ${method} ${path}`);
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ValidationError('invalid id', [{ path: 'id', message: 'is not a valid URL path segment' }]);
  }
}
