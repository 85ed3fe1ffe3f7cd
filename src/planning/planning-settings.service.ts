import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { visibleClientOrganization } from '../contracts/client-organization';
import { hasAtMostTwoDecimals } from '../contracts/hours';
import type { AuthenticatedUser } from '../identity';
import {
  DEFAULT_HOURS_PER_BUSINESS_DAY,
  MAX_HOURS_PER_BUSINESS_DAY,
  MIN_HOURS_PER_BUSINESS_DAY,
} from './capacity-model';
import { PlanningSettingsEntity } from './planning-settings.entity';
import { whatsAppGroupUrl } from './quick-channel';

/** The settings a client organization plans with (defaults filled in). */
export interface PlanningSettings {
  readonly organizationId: string;
  /** L3-19 provider hours per business day for this client. */
  readonly hoursPerBusinessDay: number;
  /** True when the client has no capacity of its own (the default applies). */
  readonly defaultCapacity: boolean;
  /** L3-14 quick channel, or `null`. */
  readonly whatsappGroupUrl: string | null;
}

/**
 * Per client organization: the provider's capacity (re-planning, L3-19) and the WhatsApp group
 * link (L3-14). Provider managers and admins set them; the client's users and provider staff read
 * them; another organization is NOT_FOUND.
 */
@Injectable()
export class PlanningSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** No access check (callers check): the settings of `organizationId`, defaults filled in. */
  async settingsOf(organizationId: string, tx: EntityManager = this.db.manager) {
    const row = await tx.getRepository(PlanningSettingsEntity).findOneBy({ organizationId });
    const hours = row?.hoursPerBusinessDay == null ? null : Number(row.hoursPerBusinessDay);
    return {
      organizationId,
      hoursPerBusinessDay: hours ?? DEFAULT_HOURS_PER_BUSINESS_DAY,
      defaultCapacity: hours === null,
      whatsappGroupUrl: row?.whatsappGroupUrl ?? null,
    } satisfies PlanningSettings;
  }

  /** No access check: the capacity of each of `organizationIds` (the default when unset). */
  async capacitiesOf(organizationIds: readonly string[]): Promise<Map<string, number>> {
    const capacities = new Map(organizationIds.map((id) => [id, DEFAULT_HOURS_PER_BUSINESS_DAY]));
    if (organizationIds.length === 0) return capacities;
    const rows = await this.db.query<{ organization_id: string; hours: string }[]>(
      `SELECT organization_id, hours_per_business_day AS hours FROM planning_settings
        WHERE organization_id = ANY ($1::uuid[]) AND hours_per_business_day IS NOT NULL`,
      [organizationIds],
    );
    for (const r of rows) capacities.set(r.organization_id, Number(r.hours));
    return capacities;
  }

  async get(caller: AuthenticatedUser, organizationId: string): Promise<PlanningSettings> {
    await visibleClientOrganization(this.db.manager, organizationId, caller);
    return this.settingsOf(organizationId);
  }

  /**
   * `null` goes back to the default capacity. A capacity change re-plans the client's queue:
   * `replanned` runs in the transaction that stores it (after the write, so it sees the new
   * capacity), e.g. to queue the provider's delivery-at-risk warnings with it (L3-19).
   */
  async setCapacity(
    caller: AuthenticatedUser,
    organizationId: string,
    hoursPerBusinessDay: number | null,
    replanned?: (tx: EntityManager) => Promise<void>,
  ): Promise<PlanningSettings> {
    if (
      hoursPerBusinessDay !== null &&
      !(
        hasAtMostTwoDecimals(hoursPerBusinessDay) &&
        hoursPerBusinessDay >= MIN_HOURS_PER_BUSINESS_DAY &&
        hoursPerBusinessDay <= MAX_HOURS_PER_BUSINESS_DAY
      )
    ) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `hoursPerBusinessDay must be ${MIN_HOURS_PER_BUSINESS_DAY} to ${MAX_HOURS_PER_BUSINESS_DAY} with at most two decimals`,
        { field: 'hoursPerBusinessDay' },
      );
    }
    await visibleClientOrganization(this.db.manager, organizationId, caller);
    await this.db.transaction(async (tx) => {
      await this.upsert(
        tx,
        organizationId,
        caller.id,
        'hours_per_business_day',
        hoursPerBusinessDay,
      );
      await replanned?.(tx);
    });
    return this.settingsOf(organizationId);
  }

  /** L3-14: `null` removes the link. */
  async setWhatsAppGroup(
    caller: AuthenticatedUser,
    organizationId: string,
    url: string | null,
  ): Promise<PlanningSettings> {
    const link = url === null || url.trim() === '' ? null : whatsAppGroupUrl(url);
    await visibleClientOrganization(this.db.manager, organizationId, caller);
    await this.upsert(this.db.manager, organizationId, caller.id, 'whatsapp_group_url', link);
    return this.settingsOf(organizationId);
  }

  private async upsert(
    tx: EntityManager,
    organizationId: string,
    userId: string,
    // One of two fixed column names, never caller text.
    name: 'hours_per_business_day' | 'whatsapp_group_url',
    value: number | string | null,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO planning_settings (organization_id, ${name}, updated_by)
       VALUES ($1, $2, $3)
       ON CONFLICT (organization_id)
       DO UPDATE SET ${name} = EXCLUDED.${name}, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [organizationId, value, userId],
    );
  }
}
