import { DataSource } from 'typeorm';
import { runMigrations } from '../../src/database/run-migrations';
import { typeOrmOptions } from '../../src/database/typeorm-options';
import { Role } from '../../src/identity/role.enum';
import { databaseBefore } from '../support/database-before';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-09/L3-11: a ticket's history is an audit trail, so each entry names the role its person
// acted in then, not the role they hold when someone reads it. An agent who later becomes a
// manager, and a client user who later becomes an approver, keep their old entries as they were;
// what they do after the change carries the new role. The role travels with the workflow's event
// (the Update's actor) into ticket_event.actor_role; nothing looks it up at read time. A client
// still never sees an internal note (issue 5).
//
// The history also shows entries that are not ticket events: files attached and deleted (L3-11),
// no-charge decisions (L3-18) and satisfaction ratings (L3-11). Each keeps the session's role in
// its own row (uploaded_by_role, deleted_by_role, set_by_role, rated_by_role), so they too read
// as they were made after a role change. Rows written before the columns existed are filled by
// their migration with the person's role then (the first of their roles, as shown until then).

const TIMELINE = `timeline { type actorRole actorName data }`;
const COMMENT = `mutation ($number: String!, $body: String!, $internal: Boolean) {
  addComment(number: $number, body: $body, internal: $internal) { seq } }`;
const FILES = `query ($number: String!) { ticket(number: $number) {
  attachments { fileName uploadedByName uploadedByRole deletedByName deletedByRole } } }`;
const BILLING = `query ($number: String!) { ticket(number: $number) {
  billing { decisions { noCharge decidedByName decidedByRole } } } }`;
const RATING = `query ($number: String!) { ticket(number: $number) {
  satisfaction { score ratedByName ratedByRole changes { score byName byRole } } } }`;
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const PASSWORD = 'clave-inicial-123';

interface Event {
  type: string;
  actorRole: string | null;
  actorName: string | null;
  data: string;
}

interface Person {
  readonly id: string;
  readonly email: string;
  token: string;
}

describe('The history keeps the role a person acted in (L3-09, L3-11)', () => {
  const world = useWorldWithWorker('acting-role');
  const unique = `${process.pid}-${Date.now()}`;
  let ana: Person;
  let pedro: Person;

  const bearer = (p: Person) => ({ authorization: `Bearer ${p.token}` });

  async function login(email: string): Promise<string> {
    const { body } = await gql<{ login: { token: string } }>(world.api, LOGIN, {
      email,
      password: PASSWORD,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.login.token;
  }

  /** A user an admin issues through the API, logged in. */
  async function person(org: string, displayName: string, roles: Role[]): Promise<Person> {
    const email = `${displayName.split(' ')[0].toLowerCase()}-${unique}@${org}.example`;
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds[org],
          email,
          displayName,
          roles,
          temporaryPassword: PASSWORD,
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    return { id: body.data!.createUser.id, email, token: await login(email) };
  }

  /** An admin replaces the user's roles; the removed role ends their session, so they log in again. */
  async function changeRoles(p: Person, roles: Role[]): Promise<void> {
    const { body } = await gql<{ updateUser: { roles: string[] } }>(
      world.api,
      `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { roles } }`,
      { input: { userId: p.id, roles } },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateUser.roles).toEqual(roles);
    p.token = await login(p.email);
  }

  async function comment(p: Person, number: string, text: string, internal = false) {
    const { body } = await gql(world.api, COMMENT, { number, body: text, internal }, bearer(p));
    expect(body.errors).toBeUndefined();
  }

  /** Who wrote each comment `viewer` sees, in which role, in timeline order. */
  async function comments(viewer: Record<string, string>, number: string) {
    const { body } = await gql<{ ticket: { timeline: Event[] } }>(
      world.api,
      `query ($number: String!) { ticket(number: $number) { ${TIMELINE} } }`,
      { number },
      viewer,
    );
    expect(body.errors).toBeUndefined();
    return body
      .data!.ticket.timeline.filter((e) => e.type === 'comment')
      .map((e) => ({
        name: e.actorName,
        role: e.actorRole,
        body: (JSON.parse(e.data) as { body: string }).body,
      }));
  }

  beforeAll(async () => {
    ana = await person('becken', 'Ana López', [Role.AGENT]);
    pedro = await person('comercializadora-aurora', 'Pedro Ramírez', [Role.CLIENT_USER]);
  });

  it('keeps old entries in the role they were made in; new ones carry the new role', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra la factura',
      description: 'Error al timbrar.',
    });
    await comment(pedro, number, 'Adjunto el error.');
    await comment(ana, number, 'Lo revisamos hoy.');
    await comment(ana, number, 'Cliente sensible.', true);

    const before = [
      { name: 'Pedro Ramírez', role: 'CLIENT_USER', body: 'Adjunto el error.' },
      { name: 'Ana López', role: 'AGENT', body: 'Lo revisamos hoy.' },
      { name: 'Ana López', role: 'AGENT', body: 'Cliente sensible.' },
    ];
    expect(await comments(world.bearer(Role.MANAGER), number)).toEqual(before);

    // The agent becomes a manager; the client user becomes an approver (L3-09 authority).
    await changeRoles(ana, [Role.MANAGER]);
    await changeRoles(pedro, [Role.CLIENT_APPROVER]);
    expect(await comments(world.bearer(Role.MANAGER), number)).toEqual(before);

    await comment(ana, number, 'Ya quedó corregido.');
    await comment(pedro, number, 'Confirmo que funciona.');
    const after = [
      ...before,
      { name: 'Ana López', role: 'MANAGER', body: 'Ya quedó corregido.' },
      { name: 'Pedro Ramírez', role: 'CLIENT_APPROVER', body: 'Confirmo que funciona.' },
    ];
    expect(await comments(world.bearer(Role.MANAGER), number)).toEqual(after);
    // The same people, now in their new roles, read their own old entries as they were made.
    expect(await comments(bearer(ana), number)).toEqual(after);
    // The client sees the same roles, and still not the internal note.
    const publicOnly = after.filter((c) => c.body !== 'Cliente sensible.');
    expect(await comments(bearer(pedro), number)).toEqual(publicOnly);
    expect(await comments(world.bearer(Role.CLIENT_USER), number)).toEqual(publicOnly);

    // The role is the one stored with each event when it was projected.
    const stored = await world.db.query<{ actor_id: string; actor_role: string }[]>(
      `SELECT actor_id, actor_role FROM ticket_event
        WHERE ticket_number = $1 AND type = 'comment' ORDER BY seq`,
      [number],
    );
    expect(stored).toEqual([
      { actor_id: pedro.id, actor_role: 'CLIENT_USER' },
      { actor_id: ana.id, actor_role: 'AGENT' },
      { actor_id: ana.id, actor_role: 'AGENT' },
      { actor_id: ana.id, actor_role: 'MANAGER' },
      { actor_id: pedro.id, actor_role: 'CLIENT_APPROVER' },
    ]);
  });

  it("L3-04/L3-11: a ticket an approver registers opens with an entry in the approver role; a client user's in CLIENT_USER", async () => {
    const alma = await person('comercializadora-aurora', 'Alma Aprobadora', [Role.CLIENT_APPROVER]);
    const REGISTER = `mutation ($input: RegisterTicketInput!) {
      registerTicket(input: $input) { number ${TIMELINE} } }`;
    const registered = async (viewer: Record<string, string>, subject: string) => {
      const { body } = await gql<{ registerTicket: { number: string; timeline: Event[] } }>(
        world.api,
        REGISTER,
        { input: { category: 'DEVELOPMENT', subject, description: `${subject}: detalle.` } },
        viewer,
      );
      expect(body.errors).toBeUndefined();
      return body.data!.registerTicket;
    };
    /** The history's first entry once projected, as provider staff and the client read it. */
    const firstEntry = async (number: string, viewer: Record<string, string>) => {
      const { body } = await gql<{ ticket: { timeline: Event[] } }>(
        world.api,
        `query ($number: String!) { ticket(number: $number) { ${TIMELINE} } }`,
        { number },
        viewer,
      );
      expect(body.errors).toBeUndefined();
      const [first] = body.data!.ticket.timeline;
      return { type: first.type, role: first.actorRole, name: first.actorName };
    };

    const byApprover = await registered(bearer(alma), 'Reporte de cobranza');
    // The answer (computed by the API) and the projected history say the same.
    expect(byApprover.timeline[0]).toMatchObject({
      type: 'registered',
      actorRole: 'CLIENT_APPROVER',
    });
    const stored = await eventually(
      () =>
        world.db.query<{ actor_id: string; actor_role: string }[]>(
          `SELECT actor_id, actor_role FROM ticket_event WHERE ticket_number = $1 AND seq = 1`,
          [byApprover.number],
        ),
      (rows) => rows.length === 1,
    );
    expect(stored).toEqual([{ actor_id: alma.id, actor_role: 'CLIENT_APPROVER' }]);
    const approverEntry = { type: 'registered', role: 'CLIENT_APPROVER', name: 'Alma Aprobadora' };
    expect(await firstEntry(byApprover.number, world.bearer(Role.MANAGER))).toEqual(approverEntry);
    expect(await firstEntry(byApprover.number, bearer(alma))).toEqual(approverEntry);

    const byUser = await registered(world.bearer(Role.CLIENT_USER), 'Alta de almacén');
    expect(byUser.timeline[0]).toMatchObject({ type: 'registered', actorRole: 'CLIENT_USER' });
    await eventually(
      () =>
        world.db.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM ticket_event WHERE ticket_number = $1',
          [byUser.number],
        ),
      ([{ n }]) => n >= byUser.timeline.length,
    );
    expect(await firstEntry(byUser.number, world.bearer(Role.MANAGER))).toMatchObject({
      type: 'registered',
      role: 'CLIENT_USER',
    });
  });

  describe('files, no-charge decisions and ratings (L3-11, L3-18)', () => {
    const AURORA = 'comercializadora-aurora';
    let beto: Person;
    let carla: Person;

    beforeAll(async () => {
      beto = await person('becken', 'Beto Soporte', [Role.AGENT]);
      carla = await person(AURORA, 'Carla Cliente', [Role.CLIENT_USER]);
    });

    /** POSTs a small text file as the multipart field `file`, as the web app does. */
    async function attach(p: Person, number: string, fileName: string): Promise<string> {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(fileName)], { type: 'text/plain' }), fileName);
      const res = await fetch(`${world.api.url}/api/tickets/${number}/attachments`, {
        method: 'POST',
        headers: bearer(p),
        body: form,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    }

    async function remove(p: Person, id: string): Promise<void> {
      const { body } = await gql(
        world.api,
        `mutation ($id: ID!) { deleteAttachment(id: $id) { id } }`,
        { id },
        bearer(p),
      );
      expect(body.errors).toBeUndefined();
    }

    async function decide(p: Person, number: string, noCharge: boolean, reason: string) {
      const { body } = await gql(
        world.api,
        `mutation ($input: SetTicketNoChargeInput!) { setTicketNoCharge(input: $input) { noCharge } }`,
        { input: { organizationId: world.orgIds[AURORA], ticketNumber: number, noCharge, reason } },
        bearer(p),
      );
      expect(body.errors).toBeUndefined();
    }

    async function rate(p: Person, number: string, score: number): Promise<void> {
      const { body } = await gql(
        world.api,
        `mutation ($input: RateTicketInput!) { rateTicket(input: $input) { score } }`,
        { input: { number, score } },
        bearer(p),
      );
      expect(body.errors).toBeUndefined();
    }

    async function read<T>(query: string, number: string, viewer: Record<string, string>) {
      const { body } = await gql<{ ticket: T }>(world.api, query, { number }, viewer);
      expect(body.errors).toBeUndefined();
      return body.data!.ticket;
    }

    /** A problem ticket driven to CLOSED (classified, resolved, confirmed), as satisfaction.spec. */
    async function closedTicket(subject: string): Promise<string> {
      const number = await registerProjectedTicket(world, {
        category: 'INCIDENT',
        subject,
        description: `${subject}: detalle.`,
      });
      const steps: [Role, string, string, Record<string, unknown>][] = [
        [Role.AGENT, 'classifyTicket', 'ClassifyTicketInput', { classification: 'PROBLEM' }],
        [Role.AGENT, 'resolveTicket', 'TicketActionInput', { note: 'Corregido.' }],
        [Role.CLIENT_USER, 'confirmResolution', 'TicketActionInput', {}],
      ];
      for (const [role, mutation, type, input] of steps) {
        const { body } = await gql<Record<string, { ticket: { state: string } }>>(
          world.api,
          `mutation ($input: ${type}!) { ${mutation}(input: $input) { ticket { state } } }`,
          { input: { number, ...input } },
          world.bearer(role),
        );
        expect(body.errors).toBeUndefined();
      }
      return number;
    }

    it('keeps each in the role it was made in; new ones carry the new role', async () => {
      const open = await registerProjectedTicket(world, {
        category: 'INCIDENT',
        subject: 'No descarga el XML',
        description: 'El botón no responde.',
      });
      const captura = await attach(carla, open, 'captura.txt');
      const bitacora = await attach(beto, open, 'bitacora.txt');
      await remove(carla, captura);
      await decide(beto, open, true, 'Duda de primer nivel.');
      const closed = await closedTicket('Factura duplicada');
      await rate(carla, closed, 3);

      const filesBefore = [
        {
          fileName: 'captura.txt',
          uploadedByName: 'Carla Cliente',
          uploadedByRole: 'CLIENT_USER',
          deletedByName: 'Carla Cliente',
          deletedByRole: 'CLIENT_USER',
        },
        {
          fileName: 'bitacora.txt',
          uploadedByName: 'Beto Soporte',
          uploadedByRole: 'AGENT',
          deletedByName: null,
          deletedByRole: null,
        },
      ];
      const decisionsBefore = [
        { noCharge: true, decidedByName: 'Beto Soporte', decidedByRole: 'AGENT' },
      ];
      const ratingBefore = {
        score: 3,
        ratedByName: 'Carla Cliente',
        ratedByRole: 'CLIENT_USER',
        changes: [{ score: 3, byName: 'Carla Cliente', byRole: 'CLIENT_USER' }],
      };
      const manager = world.bearer(Role.MANAGER);
      expect(await read(FILES, open, manager)).toEqual({ attachments: filesBefore });
      expect(await read(BILLING, open, manager)).toEqual({
        billing: { decisions: decisionsBefore },
      });
      expect(await read(RATING, closed, manager)).toEqual({ satisfaction: ratingBefore });

      await changeRoles(beto, [Role.MANAGER]);
      await changeRoles(carla, [Role.CLIENT_APPROVER]);

      // Staff, the people themselves in their new roles, and the client read the old roles.
      for (const viewer of [manager, bearer(beto), bearer(carla)]) {
        expect(await read(FILES, open, viewer)).toEqual({ attachments: filesBefore });
        expect(await read(BILLING, open, viewer)).toEqual({
          billing: { decisions: decisionsBefore },
        });
        expect(await read(RATING, closed, viewer)).toEqual({ satisfaction: ratingBefore });
      }

      // New acts carry the new roles; the old entries stay as they were.
      await attach(carla, open, 'aprobacion.txt');
      await remove(beto, bitacora);
      await decide(beto, open, false, 'Resultó ser un desarrollo.');
      await rate(carla, closed, 5);

      const filesAfter = [
        filesBefore[0],
        { ...filesBefore[1], deletedByName: 'Beto Soporte', deletedByRole: 'MANAGER' },
        {
          fileName: 'aprobacion.txt',
          uploadedByName: 'Carla Cliente',
          uploadedByRole: 'CLIENT_APPROVER',
          deletedByName: null,
          deletedByRole: null,
        },
      ];
      const decisionsAfter = [
        ...decisionsBefore,
        { noCharge: false, decidedByName: 'Beto Soporte', decidedByRole: 'MANAGER' },
      ];
      const ratingAfter = {
        score: 5,
        ratedByName: 'Carla Cliente',
        ratedByRole: 'CLIENT_APPROVER',
        changes: [
          ...ratingBefore.changes,
          { score: 5, byName: 'Carla Cliente', byRole: 'CLIENT_APPROVER' },
        ],
      };
      for (const viewer of [manager, bearer(carla), world.bearer(Role.CLIENT_USER)]) {
        expect(await read(FILES, open, viewer)).toEqual({ attachments: filesAfter });
        expect(await read(BILLING, open, viewer)).toEqual({
          billing: { decisions: decisionsAfter },
        });
        expect(await read(RATING, closed, viewer)).toEqual({ satisfaction: ratingAfter });
      }

      // The roles are the ones stored with each act.
      expect(
        await world.db.query(
          `SELECT uploaded_by_role, deleted_by_role FROM ticket_attachment
            WHERE ticket_number = $1 ORDER BY uploaded_at, id`,
          [open],
        ),
      ).toEqual([
        { uploaded_by_role: 'CLIENT_USER', deleted_by_role: 'CLIENT_USER' },
        { uploaded_by_role: 'AGENT', deleted_by_role: 'MANAGER' },
        { uploaded_by_role: 'CLIENT_APPROVER', deleted_by_role: null },
      ]);
      expect(
        await world.db.query(
          `SELECT set_by_role FROM ticket_billing_event WHERE ticket_number = $1 ORDER BY id`,
          [open],
        ),
      ).toEqual([{ set_by_role: 'AGENT' }, { set_by_role: 'MANAGER' }]);
      expect(
        await world.db.query(
          `SELECT rated_by_role FROM ticket_satisfaction_change
            WHERE ticket_number = $1 ORDER BY at, id`,
          [closed],
        ),
      ).toEqual([{ rated_by_role: 'CLIENT_USER' }, { rated_by_role: 'CLIENT_APPROVER' }]);
    });
  });

  it("the migration fills the roles of rows written before it with each person's current role", async () => {
    const MIGRATION = '1764319450000-history-acting-roles';
    const { url, before, drop } = await databaseBefore('acting_role_migration', MIGRATION);
    const number = 'L3-2026-000001';
    try {
      try {
        const org = async (kind: string, slug: string) =>
          (
            await before.query<{ id: string }[]>(
              `INSERT INTO organization (name, kind, slug) VALUES ($2, $1, $2) RETURNING id`,
              [kind, slug],
            )
          )[0].id;
        const becken = await org('PROVIDER', 'becken');
        const aurora = await org('CLIENT', 'aurora');
        const user = async (orgId: string, kind: string, email: string, roles: Role[]) =>
          (
            await before.query<{ id: string }[]>(
              `INSERT INTO app_user (organization_id, organization_kind, email, display_name, roles,
                 password_hash) VALUES ($1, $2, $3, $3, $4, 'x') RETURNING id`,
              [orgId, kind, email, roles],
            )
          )[0].id;
        // Shown until now as the first of their roles in the order of Role, whatever the array's.
        const ana = await user(becken, 'PROVIDER', 'ana@becken.example', [
          Role.MANAGER,
          Role.AGENT,
        ]);
        const pedro = await user(aurora, 'CLIENT', 'pedro@aurora.example', [Role.CLIENT_APPROVER]);
        const carla = await user(aurora, 'CLIENT', 'carla@aurora.example', [
          Role.CLIENT_APPROVER,
          Role.CLIENT_USER,
        ]);
        await before.query(
          `INSERT INTO ticket (number, year, seq, workflow_id, organization_id, registrant_id,
             calendar_id, category, subject, description, state, registered_at)
           SELECT $1, 2026, 1, 'ticket-' || $1, $2, $3, id, 'INCIDENT', 'Asunto', 'Detalle',
                  'CLOSED', now()
             FROM business_calendar WHERE is_default`,
          [number, aurora, pedro],
        );
        await before.query(
          `INSERT INTO ticket_attachment (ticket_number, file_name, media_type, size_bytes, sha256,
             content, uploaded_by, deleted_at, deleted_by)
           VALUES ($1, 'vivo.txt', 'text/plain', 1, repeat('a', 64), '\\x61', $2, NULL, NULL),
                  ($1, 'borrado.txt', 'text/plain', 1, NULL, NULL, $2, now(), $3)`,
          [number, pedro, ana],
        );
        await before.query(
          `INSERT INTO ticket_billing (ticket_number, organization_id, no_charge, reason, set_by)
           VALUES ($1, $2, true, 'Duda', $3)`,
          [number, aurora, ana],
        );
        await before.query(
          `INSERT INTO ticket_billing_event (ticket_number, organization_id, no_charge, reason, set_by)
           VALUES ($1, $2, true, 'Duda', $3)`,
          [number, aurora, ana],
        );
        await before.query(
          `INSERT INTO ticket_satisfaction (ticket_number, score, rated_by) VALUES ($1, 4, $2)`,
          [number, carla],
        );
        await before.query(
          `INSERT INTO ticket_satisfaction_change (ticket_number, score, rated_by)
           VALUES ($1, 2, $2), ($1, 4, $3)`,
          [number, pedro, carla],
        );
      } finally {
        await before.destroy();
      }

      expect(await runMigrations(url)).toEqual(['HistoryActingRoles1764319450000']);

      const after = await new DataSource(typeOrmOptions(url)).initialize();
      try {
        expect(
          await after.query(
            `SELECT file_name, uploaded_by_role, deleted_by_role FROM ticket_attachment ORDER BY file_name`,
          ),
        ).toEqual([
          {
            file_name: 'borrado.txt',
            uploaded_by_role: 'CLIENT_APPROVER',
            deleted_by_role: 'AGENT',
          },
          { file_name: 'vivo.txt', uploaded_by_role: 'CLIENT_APPROVER', deleted_by_role: null },
        ]);
        expect(await after.query(`SELECT set_by_role FROM ticket_billing_event`)).toEqual([
          { set_by_role: 'AGENT' },
        ]);
        expect(await after.query(`SELECT rated_by_role FROM ticket_satisfaction`)).toEqual([
          { rated_by_role: 'CLIENT_USER' },
        ]);
        expect(
          await after.query(
            `SELECT score, rated_by_role FROM ticket_satisfaction_change ORDER BY id`,
          ),
        ).toEqual([
          { score: 2, rated_by_role: 'CLIENT_APPROVER' },
          { score: 4, rated_by_role: 'CLIENT_USER' },
        ]);
        // The decisions are append-only again once the backfill is done.
        await expect(
          after.query(`UPDATE ticket_billing_event SET set_by_role = 'ADMIN'`),
        ).rejects.toThrow(/append-only/);
      } finally {
        await after.destroy();
      }
    } finally {
      await drop();
    }
  });
});
