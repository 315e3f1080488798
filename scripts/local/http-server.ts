/**
 * Plays API Gateway (HTTP API, payload format 2.0) on loopback: each request becomes the event
 * AWS would send, is given to the same handler, and the handler's result becomes the response.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

export interface Route {
  method: string;
  /** An exact path, a path with `{name}` segments (given as pathParameters), or a prefix ending in "/" */
  path: string;
  handler: HttpHandler;
}

/** The path parameters of a route that matches the path, or null when it does not match. */
function matchRoute(route: string, path: string): Record<string, string> | null {
  if (route.endsWith('/')) return path.startsWith(route) ? {} : null;
  const want = route.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name === undefined) {
      if (segment !== got[i]) return null;
    } else {
      if (got[i] === '') return null;
      try {
        params[name] = decodeURIComponent(got[i]!);
      } catch {
        return null;
      }
    }
  }
  return params;
}

/** API Gateway refuses payloads over 10 MB before any function runs. */
const GATEWAY_MAX_BYTES = 10 * 1024 * 1024;

export async function startHttpServer(routes: readonly Route[], port: number): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void serve(req, routes).then(
      (result) => {
        res.writeHead(result.statusCode, result.headers);
        res.end(result.body);
      },
      () => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal error' }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

interface PlainResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const json = (statusCode: number, body: unknown): PlainResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

async function serve(req: IncomingMessage, routes: readonly Route[]): Promise<PlainResult> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  let route: Route | undefined;
  let params: Record<string, string> = {};
  for (const candidate of routes) {
    const matched = candidate.method === method ? matchRoute(candidate.path, url.pathname) : null;
    if (matched) {
      [route, params] = [candidate, matched];
      break;
    }
  }
  const body = await readBody(req);
  if (body === null) return json(413, { error: 'request body too large' });
  if (!route) return json(404, { error: `no route ${method} ${url.pathname}` });
  const event = toEvent(req, url, body);
  if (Object.keys(params).length > 0) Object.assign(event, { pathParameters: params, routeKey: `${method} ${route.path}` });
  const result = await route.handler(event);
  if (typeof result === 'string') return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: result };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  const text = result.body ?? '';
  return { statusCode: result.statusCode ?? 200, headers, body: result.isBase64Encoded ? Buffer.from(text, 'base64').toString() : text };
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toEvent(req: IncomingMessage, url: URL, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const now = new Date();
  const text = body.toString('utf8');
  // API Gateway base64-encodes bodies that are not text; valid UTF-8 is passed as it is
  const isText = Buffer.from(text, 'utf8').equals(body);
  return {
    version: '2.0',
    routeKey: `${req.method} ${url.pathname}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${req.method} ${url.pathname}`,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    body: body.length > 0 ? (isText ? text : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}
