/**
 * Senders in DynamoDB: one item per sender in the `SENDERS` partition, so that one Query lists
 * them all and the webhook reads one with a GetItem. Writes are conditional (new id, or the
 * version read): two operators rotating at once cannot both win.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, StaleVersionError } from '../../errors';
import type { SenderStore } from '../../pipeline/senders';
import { SenderRecord } from '../../schemas/sender';
import { parseItem, SENDERS_PARTITION, senderKey } from './keys';
import type { TableClient } from './table-client';

export class DynamoSenderStore implements SenderStore {
  constructor(private readonly table: TableClient) {}

  async getSender(id: string): Promise<SenderRecord | null> {
    const out = await this.table.db.send(new GetCommand({ TableName: this.table.name, Key: senderKey(id), ConsistentRead: true }));
    return out.Item ? parseItem(SenderRecord, out.Item, `sender ${id}`) : null;
  }

  async putSender(sender: SenderRecord, expectedVersion?: number): Promise<void> {
    try {
      await this.table.db.send(
        new PutCommand({
          TableName: this.table.name,
          Item: { ...senderKey(sender.id), type: 'sender', ...sender },
          ...(expectedVersion === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (expectedVersion === undefined) throw new AlreadyExistsError(`sender ${sender.id} already exists`);
      throw new StaleVersionError(`sender ${sender.id} changed meanwhile (version ${expectedVersion}): read it again`);
    }
  }

  async listSenders(): Promise<SenderRecord[]> {
    const senders: SenderRecord[] = [];
    for await (const item of this.table.query({
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': SENDERS_PARTITION },
      ConsistentRead: true,
    })) {
      senders.push(parseItem(SenderRecord, item, `sender ${String(item.SK)}`));
    }
    return senders;
  }
}
