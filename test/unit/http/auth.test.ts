import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../../../shared/errors';
import { authorizeBearer, cleanName, reviewerFromJwt, reviewerName } from '../../../shared/http/auth';

/** A UTF-8 name as a Node server reads raw header bytes: one Latin-1 character per byte. */
const asRawHeader = (name: string) => Buffer.from(name, 'utf8').toString('latin1');

describe('reviewerName', () => {
  it('reads percent-encoded UTF-8 in any script', () => {
    for (const name of ['Trần Thị Mai', 'ليلى حداد', 'Zoë Ødegård', 'Ana 100%']) {
      expect(reviewerName(encodeURIComponent(name))).toBe(name);
    }
  });

  it('reads a name sent as raw UTF-8 bytes as UTF-8, and one-byte Latin-1 as it is', () => {
    expect(reviewerName(asRawHeader('Trần Mai'))).toBe('Trần Mai');
    expect(reviewerName(asRawHeader('ليلى'))).toBe('ليلى');
    expect(reviewerName('Jos\u00e9')).toBe('José');
    expect(reviewerName('Mona')).toBe('Mona');
  });

  it('removes bidi controls, zero-width characters and control characters, so that a name cannot pass for another', () => {
    expect(reviewerName(encodeURIComponent('\u202eanoM'))).toBe('anoM');
    expect(reviewerName(encodeURIComponent('Mo\u200bna\u200d\u2066\u2069\ufeff'))).toBe('Mona');
    expect(reviewerName(encodeURIComponent('ليلى\u200f \u061c حداد'))).toBe('ليلى حداد');
    expect(reviewerName('Mona\u0007\tLisa')).toBe('Mona Lisa');
    expect(reviewerName(encodeURIComponent('\u200b\u202e'))).toBe('');
    expect(reviewerName(undefined)).toBe('');
  });

  it('keeps 100 characters at most, never cutting a character in two', () => {
    expect(Array.from(reviewerName(encodeURIComponent('𝒜'.repeat(150))))).toHaveLength(100);
  });

  it('refuses percent-encoding that is not UTF-8', () => {
    expect(() => reviewerName('Jos%E9')).toThrow(ValidationError);
  });
});

describe('cleanName', () => {
  it('composes characters (NFC) and collapses spaces', () => {
    expect(cleanName('  Tra\u0302\u0300n   Mai ')).toBe('Tr\u1ea7n Mai');
  });
});

describe('reviewerFromJwt', () => {
  it('accepts the reviewers group and names the reviewer by name, else e-mail address', () => {
    expect(reviewerFromJwt({ 'cognito:groups': ['reviewers'], email: 'mona@desk.example' })).toBe('mona@desk.example');
    expect(reviewerFromJwt({ 'cognito:groups': ['reviewers'], email: 'lan@desk.example', name: 'Trần Lan' })).toBe('Trần Lan');
    expect(reviewerFromJwt({ 'cognito:groups': '[reviewers admins]', 'cognito:username': 'lan' })).toBe('lan');
    expect(reviewerFromJwt({ 'cognito:groups': ['reviewers'], name: '\u202e\u200b', email: 'x@desk.example' })).toBe('x@desk.example');
  });

  it('refuses anyone outside the group with 403', () => {
    expect(() => reviewerFromJwt({ 'cognito:groups': ['readers'] })).toThrow(ForbiddenError);
    expect(() => reviewerFromJwt({})).toThrow(/reviewers group/);
  });
});

describe('authorizeBearer', () => {
  it('accepts the token and refuses anything else', () => {
    expect(() => authorizeBearer('Bearer s3cret', 's3cret')).not.toThrow();
    expect(() => authorizeBearer('bearer  s3cret ', 's3cret')).not.toThrow();
    for (const header of [undefined, '', 'Bearer', 'Bearer s3cre', 'Basic s3cret', 'Bearer s3cret extra']) {
      expect(() => authorizeBearer(header, 's3cret')).toThrow(UnauthorizedError);
    }
  });
});
