import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient } from '../../shared/adapters/clients';
import { dynamoStores } from '../../shared/adapters/dynamo';
import { requiredEnv } from '../../shared/adapters/secrets';
import { ENV } from '../../shared/adapters/table';
import { processDelivery } from '../../shared/pipeline/process';
import { ArticleMessage } from '../../shared/schemas/article';

const logger = new Logger({ serviceName: 'claim-worker' });
const stores = dynamoStores(dynamoDocumentClient(), requiredEnv(ENV.tableName));
const maxReceiveCount = Number(requiredEnv(ENV.maxReceiveCount));
const processor = new BatchProcessor(EventType.SQS);

/** One queued article: a failure fails this record alone; SQS redelivers it, then dead-letters it. */
async function recordHandler(record: SQSRecord): Promise<void> {
  const receiveCount = Number(record.attributes.ApproximateReceiveCount);
  let articleId: string | undefined;
  try {
    articleId = ArticleMessage.parse(JSON.parse(record.body)).articleId;
    const outcome = await processDelivery(articleId, { receiveCount, maxReceiveCount }, { ...stores, now: () => new Date() });
    logger.info('article handled', { articleId, outcome, receiveCount });
  } catch (error) {
    logger.error('article not handled', { articleId, messageId: record.messageId, receiveCount, maxReceiveCount, error: error as Error });
    throw error;
  }
}

export const handler = async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, recordHandler, processor, { context });
