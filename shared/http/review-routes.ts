import { NotFoundError, ValidationError } from '../errors';
import { authorizeBearer, getArticle, getClaim, listClaims, type ReviewDeps } from '../pipeline/review';
import { type HttpResult, json } from './response';

export interface ReviewRequest {
  method: string;
  path: string;
  query: Readonly<Record<string, string | undefined>>;
  headers: Readonly<Record<string, string | undefined>>;
}

/** The review API's routes; everything under /api needs the reviewers' bearer token. */
export async function routeReview(request: ReviewRequest, deps: ReviewDeps & { token: string }): Promise<HttpResult> {
  const { method, path } = request;
  if (method === 'GET' && path === '/health') return json(200, { status: 'ok' });
  if (path.startsWith('/api/')) {
    authorizeBearer(request.headers.authorization, deps.token);
    const article = /^\/api\/articles\/([^/]+)$/.exec(path);
    if (method === 'GET' && article) return json(200, await getArticle(decodePathSegment(article[1]!), deps));
    if (method === 'GET' && path === '/api/claims') return json(200, await listClaims(request.query, deps));
    const claim = /^\/api\/claims\/([^/]+)$/.exec(path);
    if (method === 'GET' && claim) return json(200, await getClaim(decodePathSegment(claim[1]!), deps));
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
