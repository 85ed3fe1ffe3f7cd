import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../src/identity';
import { OrganizationKind } from '../../../src/identity/organization-kind.enum';
import { Role } from '../../../src/identity/role.enum';
import { UserNamesLoader } from '../../../src/tickets/user-names.loader';

// L3-07/L3-09 names on tickets: one query per request for every name its fields ask for (never
// one per row), each name read once per request, and a client user never reads the name of a
// user of another client organization.

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const USERS: Record<string, { name: string; kind: string; org: string; roles: Role[] }> = {
  [ID(1)]: { name: 'Alex Agent', kind: 'PROVIDER', org: 'becken', roles: [Role.MANAGER] },
  [ID(2)]: {
    name: 'Úrsula Usuaria',
    kind: 'CLIENT',
    org: 'aurora',
    roles: [Role.CLIENT_USER, Role.CLIENT_APPROVER],
  },
  [ID(3)]: { name: 'Tomás Usuario', kind: 'CLIENT', org: 'tulum', roles: [Role.CLIENT_USER] },
};

/** A DataSource whose `query` answers from USERS as PostgreSQL would, counting the calls. */
function fakeDb() {
  const calls: unknown[][] = [];
  const db = {
    query: (sql: string, params: unknown[]) => {
      calls.push(params);
      const [ids, kind, org] = params as [string[], string?, string?];
      const rows = ids
        .filter((id) => USERS[id])
        .filter(
          (id) =>
            !sql.includes('organization_kind') || USERS[id].kind === kind || USERS[id].org === org,
        )
        .map((id) => ({ id, display_name: USERS[id].name, roles: USERS[id].roles }));
      return Promise.resolve(rows);
    },
  };
  return { db: db as unknown as DataSource, calls };
}

const viewer = (kind: OrganizationKind, organizationId: string): AuthenticatedUser => ({
  id: 'viewer',
  email: 'v@example.com',
  organizationId,
  organizationKind: kind,
  roles: [kind === OrganizationKind.PROVIDER ? Role.AGENT : Role.CLIENT_USER],
  locale: 'es-MX',
  timeZone: 'America/Mexico_City',
});

describe('UserNamesLoader (one batch per request)', () => {
  it('reads every name a request asks for in the same tick with one query, each id once', async () => {
    const { db, calls } = fakeDb();
    const loader = new UserNamesLoader(db);
    const request = {};
    const staff = viewer(OrganizationKind.PROVIDER, 'becken');
    const names = await Promise.all(
      [ID(1), ID(2), ID(1), ID(3), null, 'not-a-uuid', ID(9)].map((id) =>
        loader.load(request, staff, id),
      ),
    );
    expect(names).toEqual([
      'Alex Agent',
      'Úrsula Usuaria',
      'Alex Agent',
      'Tomás Usuario',
      null,
      null,
      null,
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0][0]).toEqual([ID(1), ID(2), ID(3), ID(9)]);
    // Asked again in the same request: answered from the request's cache.
    expect(await loader.load(request, staff, ID(2))).toBe('Úrsula Usuaria');
    expect(calls).toHaveLength(1);
    // Another request reads afresh.
    expect(await loader.load({}, staff, ID(2))).toBe('Úrsula Usuaria');
    expect(calls).toHaveLength(2);
  });

  it("a client user sees provider staff and its own organization's users, nobody else", async () => {
    const { db } = fakeDb();
    const loader = new UserNamesLoader(db);
    const request = {};
    const client = viewer(OrganizationKind.CLIENT, 'aurora');
    const names = await Promise.all(
      [ID(1), ID(2), ID(3)].map((id) => loader.load(request, client, id)),
    );
    expect(names).toEqual(['Alex Agent', 'Úrsula Usuaria', null]);
  });

  // L3-09/L3-11 audit trail: an act shows the role stored with it, not the one held today.
  it('a role is the one recorded with the act; the current one only where none was', async () => {
    const { db } = fakeDb();
    const loader = new UserNamesLoader(db);
    const request = {};
    const client = viewer(OrganizationKind.CLIENT, 'aurora');
    const roles = await Promise.all([
      loader.loadRole(request, client, ID(1), Role.AGENT),
      loader.loadRole(request, client, ID(1), null),
      loader.loadRole(request, client, ID(2), null),
      // Whoever may not see the person reads no role either, recorded or not.
      loader.loadRole(request, client, ID(3), Role.CLIENT_USER),
      loader.loadRole(request, client, null, Role.AGENT),
    ]);
    expect(roles).toEqual([Role.AGENT, Role.MANAGER, Role.CLIENT_USER, null, null]);
  });
});
