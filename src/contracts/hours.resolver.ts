import { randomUUID } from 'node:crypto';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuthenticatedUser, CurrentUser, Role, Roles } from '../identity';
import { visibleClientOrganization } from './client-organization';
import { HourBalanceModel } from './hour-balance.model';
import { HourLedgerEntryModel, HourStatementModel } from './hour-ledger-entry.model';
import { HourLedgerService } from './hour-ledger.service';
import { HourPackageModel } from './hour-package.model';
import { HourStatementsService } from './hour-statements.service';
import {
  AdjustHoursInput,
  LogTimeInput,
  PurchaseHourPackageInput,
  ReverseHourEntryInput,
  SetTicketNoChargeInput,
} from './hours.input';
import { MonthlyStatementModel } from './monthly-statement.model';
import { HourStatementArgs, MonthlyStatementArgs, OrganizationArgs } from './statement.args';
import { TicketBillingModel } from './ticket-billing.model';
import { TicketBillingService } from './ticket-billing.service';
import { TimeEntryModel } from './time-entry.model';

/** Prepaid hours: clients read their own; staff log time and waive; managers buy and correct. */
@Resolver()
export class HoursResolver {
  constructor(
    private readonly ledger: HourLedgerService,
    private readonly statements: HourStatementsService,
    private readonly billing: TicketBillingService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => HourBalanceModel, { description: 'Another client → NOT_FOUND.' })
  async hourBalance(
    @Args() { organizationId }: OrganizationArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<HourBalanceModel> {
    return HourBalanceModel.fromView(await this.statements.balance(organizationId, caller));
  }

  @Query(() => HourStatementModel, {
    description: 'The ledger, newest first; another client → NOT_FOUND.',
  })
  async hourStatement(
    @Args() { organizationId, first, after }: HourStatementArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<HourStatementModel> {
    const page = await this.statements.statement(organizationId, caller, first, after);
    return {
      edges: page.lines.map((l) => {
        const node = HourLedgerEntryModel.fromEntity(l.entry, l, l);
        return { cursor: Buffer.from(`ledger:${node.id}`).toString('base64url'), node };
      }),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
      totalCount: page.totalCount,
    };
  }

  @Query(() => MonthlyStatementModel)
  async monthlyStatement(
    @Args() { organizationId, month }: MonthlyStatementArgs,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<MonthlyStatementModel> {
    return (await this.statements.monthly(organizationId, caller, month)) as MonthlyStatementModel;
  }

  @Roles(Role.ADMIN, Role.MANAGER)
  @Mutation(() => HourPackageModel, { description: 'L3-03/L3-13: hours that never expire.' })
  async purchaseHourPackage(
    @Args('input') input: PurchaseHourPackageInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<HourPackageModel> {
    const result = await this.ledger.purchasePackage({
      ...input,
      actorId: caller.id,
      actorTimeZone: caller.timeZone,
    });
    return HourPackageModel.fromEntity(
      result.hourPackage,
      HourBalanceModel.fromView(result.balance),
    );
  }

  @Roles(Role.ADMIN, Role.MANAGER)
  @Mutation(() => HourLedgerEntryModel)
  async adjustHours(
    @Args('input') input: AdjustHoursInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<HourLedgerEntryModel> {
    return HourLedgerEntryModel.fromEntity(
      (await this.ledger.adjust({ ...input, actorId: caller.id })).entry,
    );
  }

  @Roles(Role.ADMIN, Role.MANAGER)
  @Mutation(() => HourLedgerEntryModel, { description: 'Corrections are REVERSAL entries.' })
  async reverseHourEntry(
    @Args('input') input: ReverseHourEntryInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<HourLedgerEntryModel> {
    const result = await this.ledger.reverse({ ...input, actorId: caller.id });
    return HourLedgerEntryModel.fromEntity(result.entry, undefined, { reverses: result.target });
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Mutation(() => TimeEntryModel, {
    description: 'L3-12: consumes the ticket’s authorized estimate; beyond it is refused.',
  })
  async logTime(
    @Args('input') input: LogTimeInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<TimeEntryModel> {
    await visibleClientOrganization(this.db.manager, input.organizationId, caller);
    const result = await this.ledger.logTime({
      ...input,
      agentId: caller.id,
      agentTimeZone: caller.timeZone,
      idempotencyKey: input.idempotencyKey ?? `api:${randomUUID()}`,
    });
    return TimeEntryModel.fromEntity(result.timeEntry, HourBalanceModel.fromView(result.balance));
  }

  @Roles(Role.AGENT, Role.MANAGER, Role.ADMIN)
  @Mutation(() => TicketBillingModel, { description: 'L3-18: only provider staff decide.' })
  async setTicketNoCharge(
    @Args('input') input: SetTicketNoChargeInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<TicketBillingModel> {
    const result = await this.billing.setNoCharge(input, caller);
    return TicketBillingModel.fromEntity(
      result.billing,
      result.releasedHours,
      result.reservedHours,
    );
  }
}
