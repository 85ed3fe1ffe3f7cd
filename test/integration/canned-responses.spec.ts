import { Role } from '../../src/identity/role.enum';
import { databaseFingerprint, waitForQuiet } from '../support/database-fingerprint';
import { gql } from '../support/integration-harness';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Canned responses («Respuestas predefinidas»): texts provider staff insert into the comments and
// notes the client reads (L3-06 requests for information, L3-07 progress updates, L3-11 emails).
// Staff read them by title; managers and admins write them; clients see none. Real API over
// HTTP on a real PostgreSQL; "nothing changes" is the whole database's fingerprint.

const FIELDS = 'id title body bodyEn updatedAt updatedByName';
const LIST = `{ cannedResponses { ${FIELDS} } }`;
const CREATE = `mutation ($input: CreateCannedResponseInput!) {
  createCannedResponse(input: $input) { ${FIELDS} }
}`;
const UPDATE = `mutation ($input: UpdateCannedResponseInput!) {
  updateCannedResponse(input: $input) { ${FIELDS} }
}`;
const DELETE = `mutation ($id: ID!) { deleteCannedResponse(id: $id) { ${FIELDS} } }`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface Canned {
  id: string;
  title: string;
  body: string;
  bodyEn: string | null;
  updatedAt: string;
  updatedByName: string | null;
}
type Vars = Record<string, unknown>;

describe('Canned responses (provider staff)', () => {
  let world: SeededWorld;

  beforeAll(async () => {
    world = await createSeededWorld('canned', {}, false);
  });
  afterAll(async () => {
    await world?.close();
  });

  async function call<T>(role: Role | null, query: string, variables: Vars = {}) {
    const { status, body } = await gql<T>(
      world.api,
      query,
      variables,
      role ? world.bearer(role) : {},
    );
    const error = body.errors?.[0];
    return { status, data: body.data, code: error?.extensions?.code, error };
  }
  async function create(role: Role, title: string, body: string): Promise<Canned> {
    const got = await call<{ createCannedResponse: Canned }>(role, CREATE, {
      input: { title, body },
    });
    expect(got.error).toBeUndefined();
    return got.data!.createCannedResponse;
  }
  async function list(role: Role = Role.AGENT): Promise<Canned[]> {
    const got = await call<{ cannedResponses: Canned[] }>(role, LIST);
    expect(got.error).toBeUndefined();
    return got.data!.cannedResponses;
  }
  /** Runs `body`, then says whether any table of the database changed meanwhile. */
  async function changedBy(body: () => Promise<void>): Promise<string[]> {
    await waitForQuiet(world.db);
    const before = await databaseFingerprint(world.db);
    await body();
    const after = await databaseFingerprint(world.db);
    return Object.keys(after).filter((t) => after[t] !== before[t]);
  }
  async function clear(): Promise<void> {
    await world.db.query('DELETE FROM canned_response');
  }

  it('a manager writes them, every staff role reads them by title, an admin edits and deletes', async () => {
    await clear();
    expect(await list()).toEqual([]);
    const access = await create(
      Role.MANAGER,
      '  Solicitud de acceso  ',
      '\n Hola {{solicitante}}, para avanzar con el ticket {{ticket}} necesitamos acceso. \n',
    );
    // Trimmed, with who wrote it.
    expect(access).toMatchObject({
      title: 'Solicitud de acceso',
      body: 'Hola {{solicitante}}, para avanzar con el ticket {{ticket}} necesitamos acceso.',
      updatedByName: 'Gerardo Gerente',
    });
    for (const title of ['Zona horaria', 'árbol de menús', 'Actualización de avance', 'Bienvenida'])
      await create(Role.ADMIN, title, `Texto de ${title}.`);

    // Spanish order: accents and case do not split the list («árbol» between A and B).
    const expected = [
      'Actualización de avance',
      'árbol de menús',
      'Bienvenida',
      'Solicitud de acceso',
      'Zona horaria',
    ];
    for (const role of [Role.AGENT, Role.MANAGER, Role.ADMIN]) {
      expect((await list(role)).map((c) => c.title)).toEqual(expected);
    }

    // An admin rewrites the manager's response: it is theirs now, and newer.
    const edited = await call<{ updateCannedResponse: Canned }>(Role.ADMIN, UPDATE, {
      input: {
        id: access.id,
        title: 'Solicitud de acceso a Odoo',
        body: 'Hola {{solicitante}}: ¿nos da acceso para el ticket {{ticket}}?',
      },
    });
    expect(edited.error).toBeUndefined();
    expect(edited.data!.updateCannedResponse).toMatchObject({
      id: access.id,
      title: 'Solicitud de acceso a Odoo',
      body: 'Hola {{solicitante}}: ¿nos da acceso para el ticket {{ticket}}?',
      updatedByName: 'Adriana Admin',
    });
    expect(Date.parse(edited.data!.updateCannedResponse.updatedAt)).toBeGreaterThan(
      Date.parse(access.updatedAt),
    );
    // Saved again unchanged (by someone else): nothing is written, it keeps who and when.
    const unchanged = await changedBy(async () => {
      const again = await call<{ updateCannedResponse: Canned }>(Role.MANAGER, UPDATE, {
        input: {
          id: access.id,
          title: 'Solicitud de acceso a Odoo',
          body: 'Hola {{solicitante}}: ¿nos da acceso para el ticket {{ticket}}?',
        },
      });
      expect(again.data!.updateCannedResponse).toEqual(edited.data!.updateCannedResponse);
    });
    expect(unchanged).toEqual([]);
    // Its own title in another case is not a duplicate of itself.
    const recased = await call<{ updateCannedResponse: Canned }>(Role.MANAGER, UPDATE, {
      input: { id: access.id, title: 'SOLICITUD DE ACCESO A ODOO', body: 'Hola.' },
    });
    expect(recased.error).toBeUndefined();
    expect(recased.data!.updateCannedResponse.title).toBe('SOLICITUD DE ACCESO A ODOO');

    const deleted = await call<{ deleteCannedResponse: Canned }>(Role.MANAGER, DELETE, {
      id: access.id,
    });
    expect(deleted.error).toBeUndefined();
    expect(deleted.data!.deleteCannedResponse).toMatchObject({
      id: access.id,
      title: 'SOLICITUD DE ACCESO A ODOO',
    });
    expect((await list()).map((c) => c.title)).toEqual(
      expected.filter((t) => t !== 'Solicitud de acceso'),
    );
    // Gone: deleting or editing it again is NOT_FOUND, naming what was asked for.
    const again = await call(Role.ADMIN, DELETE, { id: access.id });
    expect(again.code).toBe('NOT_FOUND');
    expect(again.error?.extensions).toMatchObject({
      reason: 'NOT_FOUND',
      entity: 'canned_response',
      id: access.id,
    });
  });

  it('refuses a title already used, whatever its case (accented capitals too), and changes nothing', async () => {
    await clear();
    const tree = await create(Role.MANAGER, 'Árbol de menús', 'Uno.');
    const other = await create(Role.MANAGER, 'Bienvenida', 'Dos.');
    const changed = await changedBy(async () => {
      for (const title of ['árbol de menús', 'ÁRBOL DE MENÚS', '  Árbol de menús ']) {
        const got = await call(Role.ADMIN, CREATE, { input: { title, body: 'Otro texto.' } });
        expect(got.code).toBe('CONFLICT');
        expect(got.error?.extensions).toMatchObject({ reason: 'TITLE_TAKEN', field: 'title' });
      }
      const renamed = await call(Role.MANAGER, UPDATE, {
        input: { id: other.id, title: 'árbol DE MENÚS', body: 'Dos.' },
      });
      expect(renamed.code).toBe('CONFLICT');
      expect(renamed.error?.extensions).toMatchObject({ reason: 'TITLE_TAKEN' });
    });
    expect(changed).toEqual([]);
    expect(await list()).toEqual([
      expect.objectContaining({ id: tree.id, title: 'Árbol de menús', body: 'Uno.' }),
      expect.objectContaining({ id: other.id, title: 'Bienvenida', body: 'Dos.' }),
    ]);
  });

  it('gives clients nothing and lets only managers and admins write (FORBIDDEN, nothing changes)', async () => {
    await clear();
    const canned = await create(Role.MANAGER, 'Seguimiento', 'Seguimos con el ticket {{ticket}}.');
    for (const role of [Role.CLIENT_USER, Role.CLIENT_APPROVER]) {
      const got = await call<{ cannedResponses: Canned[] }>(role, LIST);
      expect(got.code).toBe('FORBIDDEN');
      expect(got.data?.cannedResponses).toBeUndefined();
    }
    expect((await call(null, LIST)).code).toBe('UNAUTHENTICATED');

    const writes: [string, Vars][] = [
      [CREATE, { input: { title: 'Nueva', body: 'Texto.' } }],
      [UPDATE, { input: { id: canned.id, title: 'Cambiada', body: 'Texto.' } }],
      [DELETE, { id: canned.id }],
    ];
    const refused: string[] = [];
    const changed = await changedBy(async () => {
      for (const role of [Role.AGENT, Role.CLIENT_USER, Role.CLIENT_APPROVER, null]) {
        for (const [query, variables] of writes) {
          const got = await call(role, query, variables);
          refused.push(`${role ?? 'ANONYMOUS'}: ${String(got.code)}`);
        }
      }
    });
    expect(changed).toEqual([]);
    expect(refused).toEqual([
      ...Array<string>(3).fill('AGENT: FORBIDDEN'),
      ...Array<string>(3).fill('CLIENT_USER: FORBIDDEN'),
      ...Array<string>(3).fill('CLIENT_APPROVER: FORBIDDEN'),
      ...Array<string>(3).fill('ANONYMOUS: UNAUTHENTICATED'),
    ]);
    expect(await list()).toEqual([canned]);
  });

  it('refuses bad input with VALIDATION_FAILED or NOT_FOUND and changes nothing', async () => {
    await clear();
    const canned = await create(Role.MANAGER, 'Seguimiento', 'Seguimos.');
    const ok = { title: 'Otra', body: 'Texto.' };
    const cases: [string, string, Vars, string][] = [
      ['blank title', CREATE, { input: { ...ok, title: ' \n\t ' } }, 'VALIDATION_FAILED'],
      ['empty title', CREATE, { input: { ...ok, title: '' } }, 'VALIDATION_FAILED'],
      [
        '121-character title',
        CREATE,
        { input: { ...ok, title: 't'.repeat(121) } },
        'VALIDATION_FAILED',
      ],
      ['blank body', CREATE, { input: { ...ok, body: '   ' } }, 'VALIDATION_FAILED'],
      [
        '10,001-character body',
        CREATE,
        { input: { ...ok, body: 'b'.repeat(10_001) } },
        'VALIDATION_FAILED',
      ],
      ['missing body', CREATE, { input: { title: 'Otra' } }, 'VALIDATION_FAILED'],
      ['title of wrong type', CREATE, { input: { ...ok, title: 42 } }, 'VALIDATION_FAILED'],
      [
        'update: id not a UUID',
        UPDATE,
        { input: { ...ok, id: 'respuesta-1' } },
        'VALIDATION_FAILED',
      ],
      [
        'update: blank title',
        UPDATE,
        { input: { ...ok, id: canned.id, title: ' ' } },
        'VALIDATION_FAILED',
      ],
      [
        'update: oversized body',
        UPDATE,
        { input: { ...ok, id: canned.id, body: 'b'.repeat(10_001) } },
        'VALIDATION_FAILED',
      ],
      ['update: unknown id', UPDATE, { input: { ...ok, id: UNKNOWN_ID } }, 'NOT_FOUND'],
      ['delete: id not a UUID', DELETE, { id: 'respuesta-1' }, 'VALIDATION_FAILED'],
      ['delete: unknown id', DELETE, { id: UNKNOWN_ID }, 'NOT_FOUND'],
    ];
    const wrong: string[] = [];
    const changed = await changedBy(async () => {
      for (const [label, query, variables, code] of cases) {
        const got = await call(Role.ADMIN, query, variables);
        if (got.code !== code || got.status >= 500) wrong.push(`${label}: ${String(got.code)}`);
      }
    });
    expect(wrong).toEqual([]);
    expect(changed).toEqual([]);
    // The violations name the field and the limit, for the web app to word them.
    const long = await call(Role.ADMIN, CREATE, { input: { ...ok, title: 't'.repeat(121) } });
    expect(long.error?.extensions).toMatchObject({
      reason: 'INPUT_CONSTRAINTS',
      violations: [
        expect.objectContaining({ property: 'title', constraint: 'maxLength', limit: 120 }),
      ],
    });
    expect(await list()).toEqual([canned]);

    // The limits themselves are accepted: a 120-character title, a 10,000-character body.
    const longest = await create(Role.ADMIN, 't'.repeat(120), 'b'.repeat(10_000));
    expect(longest.title).toHaveLength(120);
    expect(longest.body).toHaveLength(10_000);
  });

  it('keeps a Spanish text and an optional English one: written, rewritten, removed; bad English refused with nothing changed', async () => {
    await clear();
    // Spanish only: no English text (blank counts as none).
    const spanish = await create(Role.MANAGER, 'Seguimiento', 'Seguimos con el ticket {{ticket}}.');
    expect(spanish.bodyEn).toBeNull();
    const blank = await call<{ createCannedResponse: Canned }>(Role.MANAGER, CREATE, {
      input: { title: 'Sin inglés', body: 'Hola.', bodyEn: '  \n ' },
    });
    expect(blank.error).toBeUndefined();
    expect(blank.data!.createCannedResponse.bodyEn).toBeNull();

    // Both texts, each trimmed; every staff role reads both.
    const both = await call<{ createCannedResponse: Canned }>(Role.MANAGER, CREATE, {
      input: {
        title: 'Solicitud de acceso',
        body: ' Hola {{solicitante}}, ¿nos da acceso? ',
        bodyEn: '\n Hello {{requester}}, could you give us access? \n',
      },
    });
    expect(both.error).toBeUndefined();
    const access = both.data!.createCannedResponse;
    expect(access).toMatchObject({
      body: 'Hola {{solicitante}}, ¿nos da acceso?',
      bodyEn: 'Hello {{requester}}, could you give us access?',
    });
    for (const role of [Role.AGENT, Role.MANAGER, Role.ADMIN])
      expect((await list(role)).find((c) => c.id === access.id)?.bodyEn).toBe(
        'Hello {{requester}}, could you give us access?',
      );

    // An update that leaves the English text out keeps it; a new one replaces it; null removes it.
    const kept = await call<{ updateCannedResponse: Canned }>(Role.ADMIN, UPDATE, {
      input: { id: access.id, title: 'Solicitud de acceso', body: 'Hola {{solicitante}}.' },
    });
    expect(kept.error).toBeUndefined();
    expect(kept.data!.updateCannedResponse).toMatchObject({
      body: 'Hola {{solicitante}}.',
      bodyEn: 'Hello {{requester}}, could you give us access?',
    });
    const rewritten = await call<{ updateCannedResponse: Canned }>(Role.ADMIN, UPDATE, {
      input: {
        id: access.id,
        title: 'Solicitud de acceso',
        body: 'Hola {{solicitante}}.',
        bodyEn: 'Hello {{requester}}.',
      },
    });
    expect(rewritten.data!.updateCannedResponse.bodyEn).toBe('Hello {{requester}}.');
    // Saved again with the same two texts: nothing is written.
    const unchanged = await changedBy(async () => {
      const again = await call<{ updateCannedResponse: Canned }>(Role.MANAGER, UPDATE, {
        input: {
          id: access.id,
          title: 'Solicitud de acceso',
          body: 'Hola {{solicitante}}.',
          bodyEn: ' Hello {{requester}}. ',
        },
      });
      expect(again.data!.updateCannedResponse).toEqual(rewritten.data!.updateCannedResponse);
    });
    expect(unchanged).toEqual([]);

    // Bad English text: typed refusals, nothing changes.
    const cases: [string, string, Vars][] = [
      [
        'create: 10,001-character English text',
        CREATE,
        { input: { title: 'Otra', body: 'Texto.', bodyEn: 'e'.repeat(10_001) } },
      ],
      [
        'create: English text of wrong type',
        CREATE,
        { input: { title: 'Otra', body: 'Texto.', bodyEn: 7 } },
      ],
      [
        'update: 10,001-character English text',
        UPDATE,
        {
          input: {
            id: access.id,
            title: 'Solicitud de acceso',
            body: 'Hola.',
            bodyEn: 'e'.repeat(10_001),
          },
        },
      ],
      [
        'update: English text but a blank Spanish one',
        UPDATE,
        { input: { id: access.id, title: 'Solicitud de acceso', body: ' ', bodyEn: 'Hello.' } },
      ],
    ];
    const wrong: string[] = [];
    const changed = await changedBy(async () => {
      for (const [label, query, variables] of cases) {
        const got = await call(Role.ADMIN, query, variables);
        if (got.code !== 'VALIDATION_FAILED') wrong.push(`${label}: ${String(got.code)}`);
      }
    });
    expect(wrong).toEqual([]);
    expect(changed).toEqual([]);
    const long = await call(Role.ADMIN, CREATE, {
      input: { title: 'Otra', body: 'Texto.', bodyEn: 'e'.repeat(10_001) },
    });
    expect(long.error?.extensions).toMatchObject({
      reason: 'INPUT_CONSTRAINTS',
      violations: [
        expect.objectContaining({ property: 'bodyEn', constraint: 'maxLength', limit: 10_000 }),
      ],
    });

    const removed = await call<{ updateCannedResponse: Canned }>(Role.ADMIN, UPDATE, {
      input: {
        id: access.id,
        title: 'Solicitud de acceso',
        body: 'Hola {{solicitante}}.',
        bodyEn: null,
      },
    });
    expect(removed.error).toBeUndefined();
    expect(removed.data!.updateCannedResponse.bodyEn).toBeNull();
    expect((await list()).find((c) => c.id === access.id)?.bodyEn).toBeNull();
  });
});
