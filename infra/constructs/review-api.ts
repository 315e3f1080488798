import { Construct } from 'constructs';
import { TABLE } from '../../shared/adapters/table';
import { API_FUNCTION_TIMEOUT, PUBLISHER, SERVICE } from '../settings';
import { functionEntry, NodeFunction } from './node-function';
import type { Storage } from './storage';

export interface ReviewApiProps {
  readonly storage: Storage;
  /** Author of the ClaimReview JSON-LD (PUBLISHER_NAME). */
  readonly publisherName: string;
}

/**
 * The reviewers' API (/api/...), the admin page (/admin) and /health. Reviewers are authenticated
 * by the HTTP API's JWT authorizer; the function checks their group. It reads the table and
 * records verdicts with conditional UpdateItem calls: no PutItem, DeleteItem or batch writes.
 */
export class ReviewApi extends Construct {
  readonly function: NodeFunction;

  constructor(scope: Construct, id: string, props: ReviewApiProps) {
    super(scope, id);
    this.function = new NodeFunction(this, 'Handler', {
      entry: functionEntry('review-api'),
      serviceName: SERVICE.review,
      description: 'Serves the review queue and admin page to reviewers and records their verdicts',
      timeout: API_FUNCTION_TIMEOUT,
    }).useTable(props.storage, {
      actions: ['GetItem', 'Query', 'UpdateItem'],
      indexes: [TABLE.reviewIndex.name],
    });
    this.function.lambda.addEnvironment(PUBLISHER.env, props.publisherName);
  }
}
