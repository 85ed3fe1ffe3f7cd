import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import type { OrganizationEntity } from '../identity';
import { NotificationsService } from '../notifications/notifications.service';
import { HOUR_CHANGE_AUDIENCES, LOW_BALANCE_AUDIENCES } from '../notifications/recipient-rules';
import type { HourBalanceView } from './balance-view';
import {
  type HourChange,
  HOURS_CHANGED_EMAIL_TYPE,
  hoursChangedEventKey,
  renderHourChangeEmail,
} from './hour-change-email';
import type { HourLedgerEntryEntity } from './hour-ledger-entry.entity';
import { toHours, toHundredths } from './hours';
import {
  LOW_BALANCE_EMAIL_TYPE,
  lowBalanceEventKey,
  renderLowBalanceEmail,
} from './low-balance-email';
import { renderOptionsOf } from '../notifications/render-options';

/**
 * L3-03, L3-11, L3-13: a package bought, a manual adjustment or a reversal is told to the client
 * (its approvers, `HOUR_CHANGE_AUDIENCES`), once per ledger entry: queued through the outbox in
 * the entry's own transaction and keyed by the entry's id, so the email exists if and only if the
 * entry does and a replayed request (same idempotency key, no new entry) queues nothing.
 */
@Injectable()
export class HourChangeNotices {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async queue(
    tx: EntityManager,
    org: OrganizationEntity,
    entry: HourLedgerEntryEntity,
    change: HourChange,
    balance: HourBalanceView,
  ): Promise<void> {
    const recipients = await this.notifications.recipientsFor(tx, org.id, HOUR_CHANGE_AUDIENCES);
    if (recipients.length === 0) return;
    const [actor] = entry.createdBy
      ? await tx.query<{ display_name: string }[]>(
          'SELECT display_name FROM app_user WHERE id = $1',
          [entry.createdBy],
        )
      : [];
    const byName = actor?.display_name ?? '—';
    const hours = toHours(toHundredths(entry.hours));
    const options = renderOptionsOf(this.config);
    await this.notifications.enqueueRendered(
      tx,
      recipients.map((r) => ({
        event: {
          type: HOURS_CHANGED_EMAIL_TYPE,
          eventKey: hoursChangedEventKey(org.id, entry.id),
          occurredAt: entry.createdAt.toISOString(),
          detail: {
            organizationId: org.id,
            ledgerEntryId: entry.id,
            kind: entry.kind,
            hours,
            availableAfter: balance.available,
            recordedBy: entry.createdBy,
          },
        },
        // The mail view names the ticket the entry is about (a reversed consumption); else the
        // organization (`OutboxEmail.organizationName`).
        ticketNumber: entry.ticketNumber,
        recipient: { id: r.id, email: r.email },
        names: entry.createdBy ? { [entry.createdBy]: byName } : {},
        email: renderHourChangeEmail(
          {
            change,
            hours,
            availableAfter: balance.available,
            organizationName: org.name,
            at: entry.createdAt,
            byName,
          },
          r,
          options,
        ),
      })),
    );
  }

  /**
   * L3-12, L3-13: `entry` took the client's available hours under the warning threshold: its
   * approvers and the provider managers are told once, keyed by that entry (a replay queues
   * nothing; the next warning needs a top-up and a new crossing, i.e. another entry).
   */
  async queueLowBalance(
    tx: EntityManager,
    org: OrganizationEntity,
    entry: HourLedgerEntryEntity,
    balance: HourBalanceView,
  ): Promise<void> {
    const recipients = await this.notifications.recipientsFor(tx, org.id, LOW_BALANCE_AUDIENCES);
    const options = renderOptionsOf(this.config);
    const input = {
      organizationName: org.name,
      available: balance.available,
      threshold: balance.lowBalanceThreshold,
      reserved: balance.reserved,
    };
    await this.notifications.enqueueRendered(
      tx,
      recipients.map((r) => ({
        event: {
          type: LOW_BALANCE_EMAIL_TYPE,
          eventKey: lowBalanceEventKey(org.id, entry.id),
          occurredAt: entry.createdAt.toISOString(),
          detail: {
            organizationId: org.id,
            ledgerEntryId: entry.id,
            available: balance.available,
            threshold: balance.lowBalanceThreshold,
          },
        },
        ticketNumber: null,
        recipient: { id: r.id, email: r.email },
        email: renderLowBalanceEmail(input, r, options),
      })),
    );
  }
}
