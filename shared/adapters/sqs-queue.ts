import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ArticleQueue } from '../pipeline/ports';
import type { ArticleMessage } from '../schemas/article';

/** The SQS adapter of the article queue. */
export class SqsArticleQueue implements ArticleQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async enqueue(message: ArticleMessage): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }));
  }
}
