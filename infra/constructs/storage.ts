import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLE } from '../../shared/adapters/table';

export type TableIndexName = typeof TABLE.reviewIndex.name | typeof TABLE.storyIndex.name | typeof TABLE.factIndex.name;

/** DynamoDB actions, without the `dynamodb:` prefix. */
export type TableAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'BatchWriteItem'
  | 'ConditionCheckItem';

export interface TableAccess {
  readonly actions: readonly TableAction[];
  /** Indexes the grantee may query (only `Query` is granted on them). */
  readonly indexes?: readonly TableIndexName[];
}

/** The single table of the pipeline (keys and indexes from shared/adapters/table). */
export class Storage extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const index of [TABLE.reviewIndex, TABLE.storyIndex]) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      });
    }
    const facts = TABLE.factIndex;
    this.table.addGlobalSecondaryIndex({
      indexName: facts.name,
      partitionKey: { name: facts.partitionKey, type: AttributeType.STRING },
      sortKey: { name: facts.sortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.INCLUDE,
      nonKeyAttributes: [...facts.projected],
    });
  }

  /**
   * Grants exactly the listed actions on the table, and `Query` on the named indexes, by ARN.
   * `Table.grant*` would add `<table>/index/*` for every index, which is wider than any of our
   * functions needs.
   */
  grant(grantee: IGrantable, access: TableAccess): Grant {
    const tableArn = this.table.tableArn;
    const indexes = access.indexes ?? [];
    const table = Grant.addToPrincipal({
      grantee,
      actions: access.actions.map((action) => `dynamodb:${action}`),
      resourceArns: [tableArn],
    });
    if (indexes.length === 0) return table;
    const query = Grant.addToPrincipal({
      grantee,
      actions: ['dynamodb:Query'],
      resourceArns: indexes.map((name) => `${tableArn}/index/${name}`),
    });
    return table.combine(query);
  }
}
