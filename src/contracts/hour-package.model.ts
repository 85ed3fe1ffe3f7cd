import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { HourBalanceModel } from './hour-balance.model';
import type { HourPackageEntity } from './hour-package.entity';

@ObjectType('HourPackage', { description: 'A purchase of prepaid hours (L3-03); never expires.' })
export class HourPackageModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => Float)
  hours!: number;

  @Field({ description: 'YYYY-MM-DD.' })
  purchasedOn!: string;

  @Field()
  reference!: string;

  @Field(() => Float)
  price!: number;

  @Field()
  currency!: string;

  @Field(() => ID)
  ledgerEntryId!: string;

  @Field()
  createdAt!: Date;

  @Field(() => HourBalanceModel, { description: 'The balance after the purchase.' })
  balance!: HourBalanceModel;

  static fromEntity(e: HourPackageEntity, balance: HourBalanceModel): HourPackageModel {
    return Object.assign(new HourPackageModel(), {
      id: e.id,
      organizationId: e.organizationId,
      hours: Number(e.hours),
      purchasedOn: e.purchasedOn,
      reference: e.reference,
      price: Number(e.price),
      currency: e.currency,
      ledgerEntryId: String(e.ledgerEntryId),
      createdAt: e.createdAt,
      balance,
    });
  }
}
