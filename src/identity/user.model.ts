import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AppUserEntity } from './app-user.entity';
import { Locale, Role } from './graphql-enums';
import { OrganizationModel } from './organization.model';

@ObjectType('User', { description: 'A client portal user or a provider staff member (L3-04).' })
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Lower-cased; unique regardless of case.' })
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => Locale)
  locale!: Locale;

  @Field({ description: 'IANA time zone, e.g. America/Mexico_City.' })
  timeZone!: string;

  @Field({ description: 'An inactive user cannot log in; existing sessions stop working.' })
  active!: boolean;

  @Field()
  createdAt!: Date;

  @Field({
    description:
      'Invited (L3-04) and no password chosen yet: no link the user was sent has been used. resendInvitation sends a new one.',
  })
  invitationPending!: boolean;

  @Field(() => OrganizationModel)
  organization!: OrganizationModel;

  /**
   * @param entity  loaded with its `organization` relation
   * @param invitationPending  `UsersService.pendingInvitations` (false where not asked: `me`)
   */
  static fromEntity(entity: AppUserEntity, invitationPending = false): UserModel {
    return Object.assign(new UserModel(), {
      id: entity.id,
      email: entity.email,
      displayName: entity.displayName,
      roles: entity.roles,
      locale: entity.locale,
      timeZone: entity.timeZone,
      active: entity.active,
      createdAt: entity.createdAt,
      invitationPending,
      organization: OrganizationModel.fromEntity(entity.organization),
    });
  }
}
