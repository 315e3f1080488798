import { Construct } from 'constructs';
import { ENV, TABLE } from '../../shared/adapters/table';
import { API_FUNCTION_TIMEOUT, PUBLISHER, SERVICE } from '../settings';
import { functionEntry, NodeFunction } from './node-function';
import type { Storage } from './storage';

export interface ReviewApiProps {
  readonly storage: Storage;
  /** Author of the ClaimReview JSON-LD (PUBLISHER_NAME). */
  readonly publisherName: string;
}

/**
 * The reviewers' API (/api/...), the admin page (/admin), the public pages of published verdicts
 * (/reviews/{id}) and /health. Reviewers are authenticated by the HTTP API's JWT authorizer; the
 * function checks their group. It reads the table (GetItem, Query) and writes with conditional
 * UpdateItem calls only (verdicts, undo, leases, and the counters' atomic ADDs): no PutItem,
 * DeleteItem or batch writes.
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
      // the review queue (GSI1) and the evidence later claims give (GSI3)
      indexes: [TABLE.reviewIndex.name, TABLE.factIndex.name],
    });
    this.function.lambda.addEnvironment(PUBLISHER.env, props.publisherName);
  }

  /**
   * Where the public pages are served (PUBLIC_BASE_URL): the ClaimReview `url` of each verdict is
   * built on it, never on a request's headers. The HTTP API's own address, or a custom domain.
   */
  publishAt(baseUrl: string): this {
    this.function.lambda.addEnvironment(ENV.publicBaseUrl, baseUrl);
    return this;
  }
}
