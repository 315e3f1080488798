import { requiredEnv } from './secrets';

/**
 * The public base URL from the environment (PUBLIC_BASE_URL, set by the CDK stack to the API's
 * address, and by the local runtime to its own): an absolute http(s) URL without credentials,
 * query or fragment, answered without a trailing slash. Public URLs are built on it, never on
 * a request's Host or X-Forwarded-* headers. A bad value fails at cold start with its name.
 */
export function publicBaseUrl(name: string, value: string = requiredEnv(name)): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL, not ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new Error(`${name} must be an http(s) URL without credentials, query or fragment, not ${JSON.stringify(value)}`);
  }
  return url.href.replace(/\/+$/, '');
}
