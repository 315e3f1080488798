/**
 * The table as the stores use it: the document client and the table's name, with the two
 * patterns every store needs, batched writes that retry what DynamoDB left unprocessed, and
 * queries read through the SDK's paginator.
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mapLimited } from '../../lib/limited';

const BATCH = 25;
/** Batches written at once: enough to hide the round trip, few enough not to throttle one partition. */
const BATCHES_IN_FLIGHT = 4;

export class TableClient {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly name: string,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * BatchWriteItem in chunks of 25, a few chunks in flight at once, each retrying its
   * unprocessed items with a growing pause.
   */
  async batchPut(items: readonly Record<string, unknown>[], concurrency = BATCHES_IN_FLIGHT): Promise<void> {
    const chunks: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += BATCH) chunks.push(items.slice(i, i + BATCH));
    await mapLimited(chunks, concurrency, (chunk) => this.writeChunk(chunk));
  }

  private async writeChunk(items: readonly Record<string, unknown>[]): Promise<void> {
    let requests = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`could not write ${requests.length} items after ${attempt} attempts`);
      if (attempt > 0) await this.sleep(Math.min(50 * 2 ** attempt, 2000));
      const out: BatchWriteCommandOutput = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.name]: requests } }));
      requests = (out.UnprocessedItems?.[this.name] ?? []) as typeof requests;
    }
  }

  /** Every item a query finds, page after page (at most `maxPages` pages when given). */
  async *query(input: Omit<QueryCommandInput, 'TableName'>, options: { maxPages?: number } = {}): AsyncGenerator<Record<string, unknown>> {
    let pages = 0;
    for await (const page of paginateQuery({ client: this.db }, { ...input, TableName: this.name })) {
      yield* page.Items ?? [];
      if (++pages === options.maxPages) return;
    }
  }
}
