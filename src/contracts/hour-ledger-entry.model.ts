import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LedgerEntryKind } from './graphql-enums';
import type { HourLedgerEntryEntity } from './hour-ledger-entry.entity';

@ObjectType('HourLedgerEntry', { description: 'One append-only fact of the prepaid-hours ledger.' })
export class HourLedgerEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => LedgerEntryKind)
  kind!: LedgerEntryKind;

  @Field(() => Float, { description: 'Signed per kind (see LedgerEntryKind).' })
  hours!: number;

  @Field(() => String, { nullable: true })
  ticketNumber!: string | null;

  @Field(() => Int, { nullable: true })
  estimateVersion!: number | null;

  @Field()
  reason!: string;

  @Field(() => ID, { nullable: true, description: 'The entry a REVERSAL cancels.' })
  reversesEntryId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who caused it (null: the system).' })
  createdBy!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Float, { nullable: true, description: 'The balance right after this entry.' })
  balanceAfter!: number | null;

  @Field(() => Float, { nullable: true, description: 'Available hours right after this entry.' })
  availableAfter!: number | null;

  static fromEntity(
    e: HourLedgerEntryEntity,
    after?: { balanceAfter: number; availableAfter: number },
  ): HourLedgerEntryModel {
    return Object.assign(new HourLedgerEntryModel(), {
      id: String(e.id),
      organizationId: e.organizationId,
      kind: e.kind,
      hours: Number(e.hours),
      ticketNumber: e.ticketNumber,
      estimateVersion: e.estimateVersion,
      reason: e.reason,
      reversesEntryId: e.reversesEntryId === null ? null : String(e.reversesEntryId),
      createdBy: e.createdBy,
      createdAt: e.createdAt,
      balanceAfter: after?.balanceAfter ?? null,
      availableAfter: after?.availableAfter ?? null,
    });
  }
}

@ObjectType('HourStatementEdge')
export class HourStatementEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => HourLedgerEntryModel)
  node!: HourLedgerEntryModel;
}

@ObjectType('HourStatementPageInfo')
export class HourStatementPageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}

@ObjectType('HourStatement', { description: 'Ledger entries, newest first (cursor pagination).' })
export class HourStatementModel {
  @Field(() => [HourStatementEdgeModel])
  edges!: HourStatementEdgeModel[];

  @Field(() => HourStatementPageInfoModel)
  pageInfo!: HourStatementPageInfoModel;

  @Field(() => Int)
  totalCount!: number;
}
