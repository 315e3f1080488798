import { EventType, ParsingError } from '@aws-lambda-powertools/batch';
import type { parser as powertoolsParser } from '@aws-lambda-powertools/batch/parser';
import type { SQSRecord } from 'aws-lambda';

/**
 * The batch processor's parser for SQS records, as `new BatchProcessor(EventType.SQS, { parser,
 * innerSchema, transformer: 'json' })` calls it: the body is read as JSON and validated against
 * `innerSchema`, the record handler receives it parsed, and a record that does not fit fails
 * alone with a ParsingError (so it is received again, then dead-lettered).
 *
 * Powertools' own `@aws-lambda-powertools/batch/parser` does the same with classic zod, whose
 * schemas and locale files add about 450 KB to a function's bundle; this one only calls the
 * schema's Standard Schema interface, which the zod/mini contracts implement.
 */
export const parser: typeof powertoolsParser = async (record, eventType, logger, config) => {
  if (eventType !== EventType.SQS || config.transformer !== 'json' || !config.innerSchema) {
    throw new ParsingError('only SQS records with a JSON body and an innerSchema are supported');
  }
  const { messageId, body } = record as SQSRecord;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return refuse(`body: not JSON (${(error as Error).message})`);
  }
  const result = await config.innerSchema['~standard'].validate(json);
  if (result.issues) {
    return refuse(result.issues.map((issue) => `body.${(issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.')}: ${issue.message}`).join('; '));
  }
  return { ...record, body: result.value } as unknown as SQSRecord;

  function refuse(reason: string): never {
    logger.error('queue message refused', { messageId, reason });
    throw new ParsingError(reason);
  }
};
