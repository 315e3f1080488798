import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV, TABLE } from '../../shared/adapters/table';
import { API_FUNCTION_TIMEOUT, SERVICE } from '../settings';
import { functionEntry, NodeFunction } from './node-function';
import type { Storage } from './storage';

export interface ReviewApiProps {
  readonly storage: Storage;
  readonly reviewerToken: ISecret;
}

/** The reviewers' read API (/health, /api/...): GetItem and Query only. */
export class ReviewApi extends Construct {
  readonly function: NodeFunction;

  constructor(scope: Construct, id: string, props: ReviewApiProps) {
    super(scope, id);
    this.function = new NodeFunction(this, 'Handler', {
      entry: functionEntry('review-api'),
      serviceName: SERVICE.review,
      description: 'Serves articles, claims and the review queue to reviewers',
      timeout: API_FUNCTION_TIMEOUT,
    })
      .useTable(props.storage, {
        actions: ['GetItem', 'Query'],
        indexes: [TABLE.reviewIndex.name],
      })
      .useSecret(ENV.reviewerTokenArn, props.reviewerToken);
  }
}
