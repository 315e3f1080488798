/**
 * The single DynamoDB table and its index, shared by the adapters, the local runtime and the
 * CDK stack so that all three create and use the same shape.
 *
 * | item                | PK                          | SK                              | GSI1 (review queue, active stories)              | GSI2 (claims of a story)          |
 * |---------------------|-----------------------------|---------------------------------|--------------------------------------------------|-----------------------------------|
 * | article             | ARTICLE#<articleId>         | META                            | ARTICLES#unfinished / <last change>#<articleId>  |                                   |
 * | article text chunk  | ARTICLE#<articleId>         | TEXT#<nnnn> (a text too long for the article item) |                                                  |                                   |
 * | claim               | ARTICLE#<articleId>         | CLAIM#<nnnnn>                   | STATUS#<status> / <rank>#<createdAt>#<claimId>   | STORY#<storyId> / <publishedAt>#<claimId> | (GSI3, below)
 * | story               | STORY#<storyId>             | META                            | STORIES#active / <latest publishedAt, UTC>#<storyId> (not once merged) |                 |
 * | webhook delivery    | DELIVERY#<webhook-id>       | META                            | (default sender)                                 |                                   |
 * | webhook delivery    | SENDER#<senderId>#DELIVERY#<webhook-id> | META                |                                                  |                                   |
 * | sender              | SENDERS                     | SENDER#<senderId>               |                                                  |                                   |
 * | review counters     | COUNTS, REVIEWS#<day>, SOURCES (see dynamo/counters.ts)         |                                                  |                                   |
 *
 * A claim item holds the evidence found when it was written (its links to earlier claims of
 * other sources), the same links as the earlier claims see them (`gives`: the evidence it gives
 * each of them), and its match features (`match`, JSON). A claim's evidence is its own and what
 * later claims of its fact give it, read from GSI3 (`FACT#<factId>` / `<createdAt>#<claimId>`,
 * only claims that give evidence): a new claim never rewrites the earlier ones for their
 * evidence, and an earlier claim is updated only when its status rises or it starts a fact.
 *
 * Article items that are not yet processed nor failed are also in GSI1, under
 * `ARTICLES#unfinished` / `<last change>#<articleId>`: the reconciler's one Query.
 */
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  reviewIndex: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
  /** Claims by story (sparse: claims filed in a story), for corroboration. */
  storyIndex: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  /**
   * Claims that give evidence to earlier claims of their fact, by fact (sparse), with only that
   * evidence (`gives`) projected: what a claim's evidence is read from, besides its own.
   */
  factIndex: { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projected: ['gives'] },
} as const;

/**
 * An article's text is kept in the article item when it fits (up to TEXT_CHUNK_CHARS characters
 * and INLINE_TEXT_BYTES of UTF-8), else in chunks of TEXT_CHUNK_CHARS, below DynamoDB's 400 KB
 * item limit.
 */
export const TEXT_CHUNK_CHARS = 100_000;
export const INLINE_TEXT_BYTES = 300_000;
/** The attribute of an article item that holds its text, when it fits. */
export const ARTICLE_TEXT_ATTRIBUTE = 'text';

/** Environment variable names, set by the CDK stack in AWS and by the local runtime. */
export const ENV = {
  tableName: 'TABLE_NAME',
  queueUrl: 'QUEUE_URL',
  /** The Standard Webhooks secret (whsec_...), given directly (local) ... */
  webhookSecret: 'WEBHOOK_SECRET',
  /** ... or as the ARN of a Secrets Manager secret (AWS). */
  webhookSecretArn: 'WEBHOOK_SECRET_ARN',
  /** AWS only: the name prefix of the senders' secrets in Secrets Manager (locally they are in the table). */
  senderSecretPrefix: 'SENDER_SECRET_PREFIX',
  /** Seconds the webhook keeps a sender it read (at most 60; 30 unless set). */
  senderCacheSeconds: 'SENDER_CACHE_SECONDS',
  /** The reviewers' bearer token, given directly (local) or as a Secrets Manager ARN (AWS). */
  reviewerToken: 'REVIEWER_TOKEN',
  reviewerTokenArn: 'REVIEWER_TOKEN_ARN',
  /** Where the public pages live (https://..., no trailing slash): the ClaimReview `url` is built on it. */
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /** Receives of a message before it moves to the dead-letter queue (the queue's redrive policy). */
  maxReceiveCount: 'MAX_RECEIVE_COUNT',
  /** How long an article may wait unfinished before the reconciler queues it again, in seconds. */
  reconcileAfterSeconds: 'RECONCILE_AFTER_SECONDS',
  /** Only for the local runtime: the loopback endpoints of dynalite and fauxqs (and of a Secrets Manager stand-in, in tests). */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  sqsEndpoint: 'SQS_ENDPOINT',
  secretsManagerEndpoint: 'SECRETS_MANAGER_ENDPOINT',
} as const;
