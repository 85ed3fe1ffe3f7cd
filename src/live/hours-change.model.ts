import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A client's prepaid hours changed (L3-13), pushed to `hoursChanged` subscribers. */
@ObjectType('HoursChange', {
  description:
    "A client organization's hours ledger gained an entry (a package, adjustment, reversal, time logged or estimate): re-read its balance and statement.",
})
export class HoursChangeModel {
  @Field(() => ID)
  organizationId!: string;
}
