import { Field, ID, ObjectType } from '@nestjs/graphql';
import { OrganizationKind } from './graphql-enums';
import type { OrganizationEntity } from './organization.entity';

@ObjectType('Organization', { description: 'The provider or a client company.' })
export class OrganizationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field({ description: 'URL-safe unique handle, e.g. comercializadora-aurora.' })
  slug!: string;

  @Field()
  createdAt!: Date;

  static fromEntity(entity: OrganizationEntity): OrganizationModel {
    return Object.assign(new OrganizationModel(), {
      id: entity.id,
      name: entity.name,
      kind: entity.kind,
      slug: entity.slug,
      createdAt: entity.createdAt,
    });
  }
}
