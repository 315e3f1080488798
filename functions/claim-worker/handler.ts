import { BatchProcessor, EventType, type ParsedRecord, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { parser } from '../../shared/adapters/batch-parser';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { workerStores } from '../../shared/adapters/dynamo';
import { requiredEnv } from '../../shared/adapters/secrets';
import { ENV } from '../../shared/adapters/table';
import { observed } from '../../shared/observability/handler';
import { countProcessing } from '../../shared/observability/metrics';
import { GaveUpError, processDelivery } from '../../shared/pipeline/process';
import { ArticleMessage } from '../../shared/schemas/article';

const logger = new Logger();
const metrics = new Metrics();
const stores = workerStores(dynamoDocumentClient(), requiredEnv(ENV.tableName));
const maxReceiveCount = Number(requiredEnv(ENV.maxReceiveCount));
const processor = new BatchProcessor(EventType.SQS, { parser, innerSchema: ArticleMessage, transformer: 'json', logger });

/** One queued article: a failure fails this record alone; SQS redelivers it, then dead-letters it. */
async function recordHandler({ body: { articleId }, attributes, messageId }: ParsedRecord<SQSRecord, ArticleMessage>): Promise<void> {
  const receiveCount = Number(attributes.ApproximateReceiveCount);
  try {
    const result = await processDelivery(articleId, { receiveCount, maxReceiveCount }, { ...stores, now: () => new Date() });
    countProcessing(metrics, result);
    logger.info('article handled', { articleId, outcome: result.outcome, receiveCount });
  } catch (error) {
    if (error instanceof GaveUpError) countProcessing(metrics, { outcome: 'failed' });
    logger.error('article not handled', { articleId, messageId, receiveCount, maxReceiveCount, error: error as Error });
    throw error;
  }
}

// the records of a batch one after another: articles that arrive together often tell one story,
// and each must see the claims the one before it wrote (and not race it for the story item)
export const handler = observed({ logger, metrics }, async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, recordHandler, processor, { context, processInParallel: false }));
