import { z } from 'zod';
import * as zm from 'zod/mini';
import { describe, expect, it } from 'vitest';
import * as page from '../../../shared/admin/schemas';
import * as shared from '../../../shared/schemas/article';
import * as claim from '../../../shared/schemas/claim';

// the page restates the API's contracts with zod/mini: they must describe the same data
const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
const miniJsonSchema = (schema: zm.ZodMiniType) => zm.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

describe("the admin page's schemas", () => {
  it.each([
    ['ClaimRecord', page.ClaimRecord, shared.ClaimRecord],
    ['ClaimPage', page.ClaimPage, shared.ClaimPage],
    ['ClaimResponse', page.ClaimResponse, shared.ClaimResponse],
    ['ReviewConflict', page.ReviewConflict, shared.ReviewConflict],
    ['ErrorResponse', page.ErrorResponse, shared.ErrorResponse],
    ['Evidence', page.Evidence, shared.Evidence],
    ['ReviewEntry', page.ReviewEntry, shared.ReviewEntry],
    ['ExtractedClaim', page.ExtractedClaim, claim.ExtractedClaim],
  ] as const)('%s is the shared contract', (_name, mini, classic) => {
    expect(miniJsonSchema(mini)).toEqual(jsonSchema(classic as z.ZodType));
  });

  it('lists the same values as the shared enums', () => {
    expect(page.VERDICTS).toEqual(shared.VERDICTS);
    expect(page.LANGUAGES).toEqual(claim.LANGUAGES);
    expect(page.CLAIM_KINDS).toEqual(claim.CLAIM_KINDS);
    expect(page.QUALIFIERS).toEqual(claim.QUALIFIERS);
    expect(page.CLAIM_STATUSES).toEqual(shared.ClaimStatus.options);
    expect(page.CORROBORATIONS).toEqual(shared.Corroboration.options);
  });

  it('is a ClaimResponse plus the sentence for GET /api/claims/{id}', () => {
    const { sentenceText, ...rest } = miniJsonSchema(page.ClaimDetail).properties as Record<string, unknown>;
    expect(sentenceText).toEqual({ type: 'string' });
    expect(rest).toEqual(jsonSchema(shared.ClaimResponse).properties);
  });

  it('refuses an answer that breaks the contract', () => {
    const record = {
      kind: 'count', text: '7 people', start: 10, end: 18, value: 7, min: 7, max: 7, qualifier: 'exact', unit: 'person',
      sentence: { start: 0, end: 40 }, language: 'en', id: 'art_1-c0001', articleId: 'art_1', status: 'needs_review', version: 0, createdAt: '2026-02-10T08:00:00Z',
    };
    expect(page.ClaimRecord.parse(record)).toMatchObject({ corroboration: 'single_source', evidence: [], history: [] });
    expect(page.ClaimRecord.safeParse({ ...record, status: 'maybe' }).success).toBe(false);
    expect(page.ClaimRecord.safeParse({ ...record, version: -1 }).success).toBe(false);
  });
});
