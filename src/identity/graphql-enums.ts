import { registerEnumType } from '@nestjs/graphql';
import { Locale } from './locale.enum';
import { OrganizationKind } from './organization-kind.enum';
import { Role } from './role.enum';

// The GraphQL side of the identity enums. Kept out of the enum files on purpose: entities import
// those, and the migration runner and the integration tier's global setup load every entity. Were
// @nestjs/graphql loaded there, its global type registry would leak into every test file (jest
// copies the outer globals into each test context) and break schema building from the second
// file on. Models and inputs import the enums from here, which guarantees the registration.

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do; client users and provider staff hold disjoint roles.',
  valuesMap: {
    CLIENT_USER: { description: 'Client portal user: registers and follows tickets (L3-04).' },
    CLIENT_APPROVER: { description: 'Client user who may authorize estimates in writing (L3-09).' },
    AGENT: { description: 'Provider L3 engineer.' },
    MANAGER: { description: 'Provider staff who watch the SLAs.' },
    ADMIN: { description: 'Provider administrator: issues organizations and portal users.' },
  },
});

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'The provider runs the support service (one per installation); clients receive it.',
});

registerEnumType(Locale, {
  name: 'Locale',
  description: "Language of a user's emails and screens (ES_MX = es-MX, EN = en).",
});

export { Locale, OrganizationKind, Role };
