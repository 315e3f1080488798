import { readFileSync } from 'node:fs';
import { BatchProcessor, EventType, type ParsedRecord, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parser } from '../../../shared/adapters/batch-parser';
import { ArticleMessage } from '../../../shared/schemas/article';

const fixture = readFileSync(new URL('../../fixtures/events/sqs/article-messages.json', import.meta.url), 'utf8');
/** A valid message, one whose body is not JSON, one whose JSON is not an article message. */
const event = (): SQSEvent => JSON.parse(fixture) as SQSEvent;

describe('the claim worker\'s batch parser', () => {
  it('hands the record handler the parsed message, and fails the records that are not one, each alone', async () => {
    const seen: ParsedRecord<SQSRecord, ArticleMessage>[] = [];
    const processor = new BatchProcessor(EventType.SQS, { parser, innerSchema: ArticleMessage, transformer: 'json', logger: new Logger() });
    const response = await processPartialResponse(event(), async (record: ParsedRecord<SQSRecord, ArticleMessage>) => {
      seen.push(record);
    }, processor);

    expect(seen.map((r) => [r.messageId, r.body, r.attributes.ApproximateReceiveCount])).toEqual([
      ['5d7ae3c1-8b51-4b6a-9f0e-6a1c2f0d0a01', { articleId: 'art_4f1c0d2e9b8a7c6d5e4f3a2b' }, '1'],
    ]);
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: '5d7ae3c1-8b51-4b6a-9f0e-6a1c2f0d0a02' },
      { itemIdentifier: '5d7ae3c1-8b51-4b6a-9f0e-6a1c2f0d0a03' },
    ]);
    expect(processor.errors.map((e) => [e.name, e.message])).toEqual([
      ['ParsingError', expect.stringMatching(/^body: not JSON/)],
      ['ParsingError', expect.stringMatching(/^body\.articleId: /)],
    ]);
  });

  it('refuses a configuration it does not implement rather than pass the body through unread', async () => {
    const processor = new BatchProcessor(EventType.SQS, { parser, innerSchema: ArticleMessage, transformer: 'base64' });
    const response = await processPartialResponse({ Records: event().Records.slice(0, 1) }, async () => undefined, processor, { throwOnFullBatchFailure: false });
    expect(response.batchItemFailures).toHaveLength(1);
    expect(processor.errors[0]?.message).toMatch(/only SQS records with a JSON body/);
  });
});
