import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What this server is and when it answered.' })
export class SystemInfo {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'Server time when the query ran.' })
  now!: Date;
}
