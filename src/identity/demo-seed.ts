import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { Locale, DEFAULT_TIME_ZONE } from './locale.enum';
import { OrganizationKind } from './organization-kind.enum';
import { OrganizationEntity } from './organization.entity';
import { PasswordHasher } from './password-hasher';
import { Role } from './role.enum';
import { assertRolesFitOrganization } from './role-rules';

/** A demo login, printed by `npm start`. */
export interface DemoCredential {
  readonly organization: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly password: string;
}

export interface DemoSeedResult {
  /** False when organizations already existed: nothing was written. */
  readonly created: boolean;
  readonly credentials: readonly DemoCredential[];
}

export interface DemoOrganization {
  readonly name: string;
  readonly slug: string;
  readonly kind: OrganizationKind;
  readonly users: readonly {
    email: string;
    displayName: string;
    roles: Role[];
    locale?: Locale;
  }[];
}

/**
 * The provider, two clients, and one user per role (L3-04: all issued by the provider). Exported
 * so that tests name the seeded organizations from here (test/support/demo-contract.ts).
 */
export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    name: 'Becken',
    slug: 'becken',
    kind: OrganizationKind.PROVIDER,
    users: [
      { email: 'admin@becken.example', displayName: 'Adriana Admin', roles: [Role.ADMIN] },
      { email: 'gerente@becken.example', displayName: 'Gerardo Gerente', roles: [Role.MANAGER] },
      {
        email: 'agente@becken.example',
        displayName: 'Alex Agent',
        roles: [Role.AGENT],
        locale: Locale.EN,
      },
    ],
  },
  {
    name: 'Comercializadora Aurora',
    slug: 'comercializadora-aurora',
    kind: OrganizationKind.CLIENT,
    users: [
      { email: 'usuario@aurora.example', displayName: 'Úrsula Usuaria', roles: [Role.CLIENT_USER] },
      {
        email: 'aprobador@aurora.example',
        displayName: 'Arturo Aprobador',
        roles: [Role.CLIENT_APPROVER],
      },
    ],
  },
  {
    name: 'Grupo Industrial Tulum',
    slug: 'grupo-industrial-tulum',
    kind: OrganizationKind.CLIENT,
    users: [
      { email: 'usuario@tulum.example', displayName: 'Tomás Usuario', roles: [Role.CLIENT_USER] },
      {
        email: 'aprobador@tulum.example',
        displayName: 'Teresa Aprobadora',
        roles: [Role.CLIENT_APPROVER],
      },
    ],
  },
];

/** 16 characters of base64url (96 random bits). */
export function randomDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * Creates the demo organizations and users, only when no organization exists yet (a second call
 * writes nothing). Returns the random passwords so the caller can show them: they are stored
 * nowhere else but as argon2 hashes.
 */
export async function seedDemoData(
  dataSource: DataSource,
  hasher = new PasswordHasher(),
): Promise<DemoSeedResult> {
  return dataSource.transaction(async (tx) => {
    // Two `npm start`s at once must not both seed: the second waits here, then sees the rows.
    await tx.query('LOCK TABLE organization IN SHARE ROW EXCLUSIVE MODE');
    if ((await tx.count(OrganizationEntity)) > 0) return { created: false, credentials: [] };

    const credentials: DemoCredential[] = [];
    for (const demo of DEMO_ORGANIZATIONS) {
      const org = await tx.save(
        tx.create(OrganizationEntity, { name: demo.name, slug: demo.slug, kind: demo.kind }),
      );
      for (const user of demo.users) {
        const password = randomDemoPassword();
        await tx.save(
          tx.create(AppUserEntity, {
            organizationId: org.id,
            organizationKind: org.kind,
            email: user.email,
            displayName: user.displayName,
            roles: assertRolesFitOrganization(org.kind, user.roles),
            locale: user.locale ?? Locale.ES_MX,
            timeZone: DEFAULT_TIME_ZONE,
            passwordHash: await hasher.hash(password),
            active: true,
          }),
        );
        credentials.push({
          organization: org.name,
          email: user.email,
          roles: user.roles,
          password,
        });
      }
    }
    return { created: true, credentials };
  });
}
