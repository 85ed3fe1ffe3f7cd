import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AttachmentPolicy', {
  description:
    'What a ticket accepts as files (ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PER_TICKET, the allow-list), for clients to check a file before sending it.',
})
export class AttachmentPolicyModel {
  @Field(() => Int, { description: 'Largest file accepted, in bytes.' })
  maxBytes!: number;

  @Field(() => Int, {
    description:
      'Most live files one ticket may hold of each kind: the files its client sees, and as many internal ones.',
  })
  maxPerTicket!: number;

  @Field(() => [String], { description: 'Accepted file name extensions, lowercase, no dot.' })
  allowedExtensions!: string[];
}
