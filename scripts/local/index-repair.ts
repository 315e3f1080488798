/**
 * dynalite writes an item's index entries first and the item after them, in separate LevelDB
 * writes. DynamoDB never shows a half-done write; dynalite killed between the two (SIGKILL, a
 * crash) leaves an index entry of a write that never happened, or an item whose entry was
 * deleted and not yet written again. An article in that state would never be found by the
 * reconciler, which reads the unfinished articles from an index: accepted, and never processed.
 * So after an unclean stop the local runtime makes every index agree with the table again,
 * before anything reads it.
 */
import { isDeepStrictEqual } from 'node:util';
import { DeleteCommand, type DynamoDBDocumentClient, paginateScan, PutCommand } from '@aws-sdk/lib-dynamodb';

export interface IndexShape {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** The non-key attributes an INCLUDE projection keeps; every attribute when absent (ALL). */
  projected?: readonly string[];
}

export interface RepairReport {
  /** Index entries of writes that never reached their item, removed. */
  entriesRemoved: number;
  /** Items written again because an index lacked their entry or held another version of it. */
  itemsRewritten: number;
}

type Item = Record<string, unknown>;

/**
 * In: the table's keys and index shapes. Out: what was repaired.
 * Steps: read the whole table (consistent Scan); read each index (Scan) and remove every entry
 * whose item is gone or has other index keys; write again every item whose entry is missing or
 * differs from it (a put of the same item writes its entries again).
 */
export async function repairIndexes(
  db: DynamoDBDocumentClient,
  table: { name: string; partitionKey: string; sortKey: string; indexes: readonly IndexShape[] },
): Promise<RepairReport> {
  const keyOf = (item: Item) => JSON.stringify([item[table.partitionKey], item[table.sortKey]]);
  const items = new Map<string, Item>();
  for await (const page of paginateScan({ client: db }, { TableName: table.name, ConsistentRead: true })) {
    for (const item of page.Items ?? []) items.set(keyOf(item), item);
  }
  const report: RepairReport = { entriesRemoved: 0, itemsRewritten: 0 };
  const rewrite = new Set<string>();
  for (const index of table.indexes) {
    const indexed = new Set<string>();
    for await (const page of paginateScan({ client: db }, { TableName: table.name, IndexName: index.name })) {
      for (const entry of page.Items ?? []) {
        const key = keyOf(entry);
        const item = items.get(key);
        if (!item || item[index.partitionKey] !== entry[index.partitionKey] || item[index.sortKey] !== entry[index.sortKey]) {
          await removeEntry(db, table, index, entry, item);
          report.entriesRemoved++;
        } else {
          indexed.add(key);
          if (!isDeepStrictEqual(entry, projection(item, table, index))) rewrite.add(key);
        }
      }
    }
    for (const [key, item] of items) {
      if (item[index.partitionKey] !== undefined && item[index.sortKey] !== undefined && !indexed.has(key)) rewrite.add(key);
    }
  }
  for (const key of rewrite) {
    await db.send(new PutCommand({ TableName: table.name, Item: items.get(key)! }));
    report.itemsRewritten++;
  }
  return report;
}

/** What an index entry of `item` holds. */
function projection(item: Item, table: { partitionKey: string; sortKey: string }, index: IndexShape): Item {
  if (!index.projected) return item;
  const kept = [table.partitionKey, table.sortKey, index.partitionKey, index.sortKey, ...index.projected];
  return Object.fromEntries(kept.filter((a) => item[a] !== undefined).map((a) => [a, item[a]]));
}

/**
 * dynalite removes an item's old entry when the item's index keys change or the item goes: so
 * give the item (or a stand-in, when it is gone) the entry's keys, then put it back as it is
 * (or delete the stand-in).
 */
async function removeEntry(
  db: DynamoDBDocumentClient,
  table: { name: string; partitionKey: string; sortKey: string },
  index: IndexShape,
  entry: Item,
  item: Item | undefined,
): Promise<void> {
  if (item) {
    await db.send(new PutCommand({ TableName: table.name, Item: { ...item, [index.partitionKey]: entry[index.partitionKey], [index.sortKey]: entry[index.sortKey] } }));
    await db.send(new PutCommand({ TableName: table.name, Item: item }));
  } else {
    await db.send(new PutCommand({ TableName: table.name, Item: entry }));
    await db.send(new DeleteCommand({ TableName: table.name, Key: { [table.partitionKey]: entry[table.partitionKey], [table.sortKey]: entry[table.sortKey] } }));
  }
}
