import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LedgerEntryKind, LedgerReasonCode } from './graphql-enums';
import type { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import { type LedgerReasonParts, storedReasonParts } from './hour-ledger-reason';
import { toHours, toHundredths } from './hours';
import { effectOf, reversalRefusal } from './ledger-rules';

@ObjectType('HourLedgerReason', {
  description:
    "The parts of an entry's `reason`, for clients to word it in their language; `note` is text someone wrote, as written.",
})
export class HourLedgerReasonModel implements LedgerReasonParts {
  @Field(() => LedgerReasonCode)
  code!: LedgerReasonCode;

  @Field(() => Float, {
    nullable: true,
    description: 'Hours the reason names (authorized estimate, work logged).',
  })
  hours!: number | null;

  @Field(() => Int, { nullable: true })
  estimateVersion!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the day the work was done, or the package was bought.',
  })
  date!: string | null;

  @Field(() => String, { nullable: true })
  packageReference!: string | null;

  @Field(() => String, { nullable: true, description: 'Work category of an authorized estimate.' })
  workCategory!: string | null;

  @Field(() => String, { nullable: true, description: 'TICKET_ENDED: the state it ended in.' })
  ticketState!: string | null;

  @Field({ description: 'TIME_LOGGED on a no-charge ticket (L3-18).' })
  noCharge!: boolean;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

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

  @Field({ description: 'As stored (English); `reasonParts` has it in parts.' })
  reason!: string;

  @Field(() => HourLedgerReasonModel)
  reasonParts!: HourLedgerReasonModel;

  @Field(() => Float, {
    description:
      'How the entry changed the available hours: a purchase or release adds, a reservation takes; a consumption draws its own reservation (0).',
  })
  availableEffect!: number;

  @Field(() => ID, { nullable: true, description: 'The entry a REVERSAL cancels.' })
  reversesEntryId!: string | null;

  @Field(() => HourLedgerEntryModel, {
    nullable: true,
    description: 'A REVERSAL: the entry it cancels (its date, ticket and hours), on any page.',
  })
  reverses!: HourLedgerEntryModel | null;

  @Field(() => ID, { nullable: true, description: 'The REVERSAL that cancelled this entry.' })
  reversedByEntryId!: string | null;

  @Field({
    description:
      'Whether reverseHourEntry accepts it: a purchase, adjustment or consumption (also of 0 h, on a no-charge ticket) not yet reversed (a reversal that takes hours may still be refused for the available hours).',
  })
  reversible!: boolean;

  @Field(() => ID, { nullable: true, description: 'The user who caused it (null: the system).' })
  createdBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'hourStatement: the name of the user who caused it (null: the system).',
  })
  createdByName!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Float, { nullable: true, description: 'The balance right after this entry.' })
  balanceAfter!: number | null;

  @Field(() => Float, { nullable: true, description: 'Available hours right after this entry.' })
  availableAfter!: number | null;

  /**
   * `links`: what the rest of the ledger says about it (the reversed entry, the reversal); a
   * new entry has none of the latter, so a mutation's answer is complete without them.
   */
  static fromEntity(
    e: HourLedgerEntryEntity,
    after?: { balanceAfter: number; availableAfter: number },
    links: {
      reverses?: HourLedgerEntryEntity | null;
      reversedByEntryId?: string | null;
      createdByName?: string | null;
    } = {},
  ): HourLedgerEntryModel {
    const reversedBy = links.reversedByEntryId ?? null;
    const fact = { id: String(e.id), kind: e.kind, hundredths: toHundredths(e.hours) };
    return Object.assign(new HourLedgerEntryModel(), {
      id: String(e.id),
      organizationId: e.organizationId,
      kind: e.kind,
      hours: Number(e.hours),
      ticketNumber: e.ticketNumber,
      estimateVersion: e.estimateVersion,
      reason: e.reason,
      reasonParts: Object.assign(new HourLedgerReasonModel(), storedReasonParts(e)),
      availableEffect: availableEffectOf(e),
      reversesEntryId: e.reversesEntryId === null ? null : String(e.reversesEntryId),
      reverses: links.reverses ? HourLedgerEntryModel.fromEntity(links.reverses) : null,
      reversedByEntryId: reversedBy,
      reversible: reversalRefusal(fact, new Set(reversedBy ? [fact.id] : [])) === null,
      createdBy: e.createdBy,
      createdByName: links.createdByName ?? null,
      createdAt: e.createdAt,
      balanceAfter: after?.balanceAfter ?? null,
      availableAfter: after?.availableAfter ?? null,
    });
  }
}

/** Δ available = Δ balance − Δ reserved (see `ledger-rules.ts`). */
function availableEffectOf(e: HourLedgerEntryEntity): number {
  const effect = effectOf({ kind: e.kind, hundredths: toHundredths(e.hours) });
  // `|| 0`: no change reads +0, never −0.
  return toHours(effect.balance - effect.reserved) || 0;
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
