import { issuesOf, NotFoundError, ValidationError } from '../errors';
import {
  articleView,
  bulkReview,
  claimReview,
  counts,
  csvRecord,
  EXPORT_COLUMNS,
  exportReviewed,
  getArticle,
  getClaim,
  leaseClaim,
  listClaims,
  releaseClaim,
  reviewClaim,
  type ReviewDeps,
  sources,
  undoReview,
} from '../pipeline/review';
import { ReviewRequest } from '../schemas/article';
import { ArticleId, ArticleQuery, BulkReviewRequest, ClaimId, ClaimQuery, CountsQuery, ExportQuery, UndoRequest } from '../schemas/review';
import * as z from '../schemas/zod';
import { authorizeBearer, reviewerFromJwt, reviewerName } from './auth';
import { toCsv } from './csv';
import { publicReviewPage } from './public-review';
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
  publisher: string;
  /** Where the public pages live (PUBLIC_BASE_URL): the ClaimReview's `url` is built on it, never on request headers. */
  publicBaseUrl: string;
  /** The admin page and its assets (GET /admin, /admin/app.js, ...); null for an unknown asset. */
  page?: (path: string) => HttpResult | null;
}

/** A request part checked against its schema: 400 naming each problem otherwise. */
function parsed<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`invalid ${what}`, issuesOf(result.error));
  return result.data;
}

function jsonBody<T>(schema: z.ZodMiniType<T>, body: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    throw new ValidationError(`malformed JSON: ${(error as Error).message}`);
  }
  return parsed(schema, raw, what);
}

function pathId<T>(schema: z.ZodMiniType<T>, segment: string): T {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw new ValidationError('invalid id', [{ path: 'id', message: 'is not a valid URL path segment' }]);
  }
  return parsed(schema, id, 'id');
}

/** Who asks: a JWT of the reviewers group (AWS), or the shared token with a name in X-Reviewer (locally). */
function reviewerOf(request: ReviewRequestContext, deps: ReviewRouteDeps): string {
  if (request.jwtClaims) return reviewerFromJwt(request.jwtClaims);
  if (deps.token === undefined) throw new Error('no reviewer token configured');
  authorizeBearer(request.headers.authorization, deps.token);
  return reviewerName(request.headers['x-reviewer']);
}

const CLAIM_ROUTE = /^\/api\/claims\/([^/]+)(\/review|\/undo|\/lease|\/claimreview)?$/;
const ARTICLE_ROUTE = /^\/api\/articles\/([^/]+)(\/view|\/review)?$/;

/**
 * The review API's routes. Everything under /api needs a reviewer: a JWT of the reviewers group
 * (AWS) or the shared bearer token (locally, with the reviewer's name in X-Reviewer, which every
 * write needs). /admin is the page, /reviews/{id} a verdict's public page, /health the probe.
 */
export async function routeReview(request: ReviewRequestContext, deps: ReviewRouteDeps): Promise<HttpResult> {
  const { method, path } = request;
  if (method === 'GET' && path === '/health') return json(200, { status: 'ok' });
  if (method === 'GET' && (path === '/admin' || path.startsWith('/admin/')) && deps.page) {
    const page = deps.page(path);
    if (page) return page;
  }
  const published = /^\/reviews\/([^/]+)$/.exec(path);
  if (method === 'GET' && published) {
    const id = pathId(ClaimId, published[1]!);
    const review = await claimReview(id, deps, { baseUrl: deps.publicBaseUrl, publisher: deps.publisher });
    return publicReviewPage(review, (await deps.claims.getClaim(id))?.language);
  }
  if (!path.startsWith('/api/')) throw new NotFoundError(`no route ${method} ${path}`);

  const reviewer = reviewerOf(request, deps);
  const writer = () => {
    if (!reviewer) throw new ValidationError('who is reviewing?', [{ path: 'x-reviewer', message: 'a name is needed to record a verdict' }]);
    return reviewer;
  };

  const article = ARTICLE_ROUTE.exec(path);
  if (article) {
    const id = pathId(ArticleId, article[1]!);
    if (method === 'GET' && !article[2]) return json(200, await getArticle(id, deps, parsed(ArticleQuery, request.query, 'query')));
    if (method === 'GET' && article[2] === '/view') return json(200, await articleView(id, deps));
    if (method === 'POST' && article[2] === '/review') return json(200, await bulkReview(id, jsonBody(BulkReviewRequest, request.body, 'bulk review'), writer(), deps));
  }
  if (method === 'GET' && path === '/api/claims') return json(200, await listClaims(parsed(ClaimQuery, request.query, 'query'), deps));
  if (method === 'GET' && path === '/api/counts') return json(200, await counts(parsed(CountsQuery, request.query, 'query'), deps));
  if (method === 'GET' && path === '/api/sources') return json(200, await sources(deps));
  if (method === 'GET' && path === '/api/export') {
    const query = parsed(ExportQuery, request.query, 'query');
    const { rows, nextCursor } = await exportReviewed(query.cursor, deps);
    const body =
      query.format === 'csv'
        ? toCsv(EXPORT_COLUMNS, rows.map(csvRecord))
        : rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
    return {
      statusCode: 200,
      headers: {
        'content-type': query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'content-disposition': `attachment; filename="reviewed-claims.${query.format}"`,
        ...(nextCursor ? { 'x-next-cursor': nextCursor } : {}),
      },
      body,
    };
  }
  const claim = CLAIM_ROUTE.exec(path);
  if (claim) {
    const id = pathId(ClaimId, claim[1]!);
    const action = claim[2];
    if (method === 'GET' && !action) return json(200, await getClaim(id, deps));
    if (method === 'POST' && action === '/review') return json(200, await reviewClaim(id, jsonBody(ReviewRequest, request.body, 'review'), writer(), deps));
    if (method === 'POST' && action === '/undo') return json(200, await undoReview(id, jsonBody(UndoRequest, request.body, 'undo'), writer(), deps));
    if (method === 'POST' && action === '/lease') return json(200, await leaseClaim(id, writer(), deps));
    if (method === 'DELETE' && action === '/lease') {
      await releaseClaim(id, writer(), deps);
      return json(200, { claimId: id, released: true });
    }
    if (method === 'GET' && action === '/claimreview') {
      const jsonLd = await claimReview(id, deps, { baseUrl: deps.publicBaseUrl, publisher: deps.publisher });
      return json(200, jsonLd, { 'content-type': 'application/ld+json; charset=utf-8' });
    }
  }
  throw new NotFoundError(`no route ${method} ${path}`);
}
