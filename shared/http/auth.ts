/**
 * Who is asking: the reviewer behind a review API request. In AWS the HTTP API's JWT authorizer
 * has verified a Cognito token and the function checks the group; locally a shared bearer token
 * stands in for it, with the reviewer's name in X-Reviewer.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../errors';

/** Who may use the review API: the Cognito group in AWS. */
export const REVIEWERS_GROUP = 'reviewers';

/** The longest reviewer name kept (in characters, once cleaned). */
export const MAX_REVIEWER_NAME = 100;

/** Checks "Authorization: Bearer <token>" in constant time. */
export function authorizeBearer(header: string | undefined, token: string): void {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new UnauthorizedError('missing bearer token');
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(match[1]!), digest(token))) throw new UnauthorizedError('invalid bearer token');
}

/**
 * The reviewer behind a request whose JWT the HTTP API's authorizer already verified: must be
 * in the reviewers group (403 otherwise). Answers the name kept in the audit history: the
 * token's `name` when the pool has one, else the e-mail address or the user name.
 */
export function reviewerFromJwt(claims: Readonly<Record<string, unknown>>): string {
  const raw = claims['cognito:groups'];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/) : [];
  if (!groups.includes(REVIEWERS_GROUP)) throw new ForbiddenError(`only members of the ${REVIEWERS_GROUP} group may review`);
  for (const key of ['name', 'email', 'cognito:username', 'username', 'sub']) {
    const value = claims[key];
    if (typeof value === 'string') {
      const name = cleanName(value);
      if (name) return name;
    }
  }
  return 'reviewer';
}

/**
 * Characters that change how the text around them is displayed without being seen: bidi
 * embeddings, overrides, isolates and marks (a name could otherwise show as someone else's),
 * zero-width spaces and joiners, the word joiner, the byte-order mark, the Mongolian vowel
 * separator, and control characters.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** A name as it is kept: visible characters only, spaces collapsed, NFC, at most 100 characters. */
export function cleanName(raw: string): string {
  const name = raw.normalize('NFC').replace(/[\t\n\v\f\r]/g, ' ').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  return Array.from(name).slice(0, MAX_REVIEWER_NAME).join('').trim();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The reviewer's name given with the shared token (local runtime). HTTP headers carry bytes that
 * servers read as Latin-1, so the console sends the name percent-encoded UTF-8
 * ("Tr%E1%BA%A7n%20Mai"); a name sent as raw UTF-8 bytes is recognised and read as UTF-8 too
 * (not as "TrÃ¡ÂºÂ§n"). Empty when no usable name was given.
 */
export function reviewerName(header: string | undefined): string {
  let raw = header ?? '';
  if (/%[0-9a-f]{2}/i.test(raw)) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      throw new ValidationError('invalid reviewer name', [{ path: 'x-reviewer', message: 'is not valid percent-encoded UTF-8' }]);
    }
  } else if (/[\u0080-\u00ff]/.test(raw) && !/[^\u0000-\u00ff]/.test(raw)) {
    try {
      raw = utf8.decode(Buffer.from(raw, 'latin1'));
    } catch {
      // Latin-1 after all ("José" as one byte per letter): keep it as it came
    }
  }
  return cleanName(raw);
}
