import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** `deleteAttachment` arguments. */
@ArgsType()
export class DeleteAttachmentArgs {
  @Field(() => ID, { description: 'The attachment (TicketAttachment.id).' })
  @IsUUID()
  id!: string;
}
