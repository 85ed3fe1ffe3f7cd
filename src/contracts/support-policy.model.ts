import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DEFAULT_CADENCE_MINUTES } from '../../workflows/ticket/ticket-opening';
import { PolicyEventKind, PolicyStatus } from './graphql-enums';
import { registrationRefusal } from './support-policies.service';
import type { SupportPolicyEventEntity } from './support-policy-event.entity';
import type { SupportPolicyEntity } from './support-policy.entity';

@ObjectType('SupportPolicyEvent', { description: 'One change of a support policy (append-only).' })
export class SupportPolicyEventModel {
  @Field(() => ID)
  id!: string;

  @Field(() => PolicyEventKind)
  kind!: PolicyEventKind;

  @Field(() => PolicyStatus, { nullable: true })
  fromStatus!: PolicyStatus | null;

  @Field(() => PolicyStatus, { nullable: true })
  toStatus!: PolicyStatus | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'What changed, as JSON, e.g. {"monthlyFee":{"from":"1.00","to":"2.00"}}.' })
  changes!: string;

  @Field(() => ID, { nullable: true, description: 'The user who made the change.' })
  actorId!: string | null;

  @Field()
  at!: Date;

  static fromEntity(e: SupportPolicyEventEntity): SupportPolicyEventModel {
    return Object.assign(new SupportPolicyEventModel(), {
      id: String(e.id),
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      changes: JSON.stringify(e.data),
      actorId: e.actorId,
      at: e.at,
    });
  }
}

@ObjectType('SupportPolicy', {
  description: "A client's monthly support policy (L3-01, L3-03, L3-16); visible to the client.",
})
export class SupportPolicyModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => Float)
  monthlyFee!: number;

  @Field({ description: 'ISO 4217 code, e.g. MXN.' })
  currency!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  startDate!: string;

  @Field(() => PolicyStatus)
  status!: PolicyStatus;

  @Field()
  statusChangedAt!: Date;

  @Field(() => String, { nullable: true })
  statusReason!: string | null;

  @Field({ description: 'L3-01: true while the client may register tickets.' })
  canRegisterTickets!: boolean;

  @Field(() => String, { nullable: true, description: 'Why tickets are refused, if they are.' })
  registrationBlockedReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'L3-16: the Odoo admin user the client keeps for the provider.',
  })
  odooAdminLogin!: string | null;

  @Field(() => Date, { nullable: true })
  odooAdminConfirmedAt!: Date | null;

  @Field({ description: 'L3-16: no confirmed Odoo admin user is recorded.' })
  odooAdminMissing!: boolean;

  @Field(() => Int, {
    description:
      'L3-07: business minutes between progress updates on a problem ticket (the cadence new tickets take).',
  })
  progressCadenceMinutes!: number;

  @Field({ description: 'L3-07: true while the provider has not set a cadence (the default 480).' })
  progressCadenceIsDefault!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /** `timeZone`: the client's calendar zone, which dates the blocked reason's day (L3-01). */
  static fromEntity(
    e: SupportPolicyEntity,
    organizationName: string,
    timeZone: string,
  ): SupportPolicyModel {
    const refusal = registrationRefusal(organizationName, e, timeZone);
    return Object.assign(new SupportPolicyModel(), {
      id: e.id,
      organizationId: e.organizationId,
      monthlyFee: Number(e.monthlyFee),
      currency: e.currency,
      startDate: e.startDate,
      status: e.status,
      statusChangedAt: e.statusChangedAt,
      statusReason: e.statusReason,
      canRegisterTickets: refusal === null,
      registrationBlockedReason: refusal?.message ?? null,
      odooAdminLogin: e.odooAdminLogin,
      odooAdminConfirmedAt: e.odooAdminConfirmedAt,
      odooAdminMissing: !e.odooAdminLogin || !e.odooAdminConfirmedAt,
      progressCadenceMinutes: e.progressCadenceMinutes ?? DEFAULT_CADENCE_MINUTES,
      progressCadenceIsDefault: e.progressCadenceMinutes === null,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}
