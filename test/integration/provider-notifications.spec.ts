import { addBusinessDays, defaultMexicoCityCalendar } from '../../src/business-time/engine';
import { Role } from '../../src/identity/role.enum';
import { EmailDispatcher } from '../../src/notifications/email-dispatcher';
import { type CaughtMail, caughtMails, caughtOnceEach, subjectHas } from '../support/caught-mail';
import { eventually } from '../support/eventually';
import { emailsQueued } from '../support/emails-queued';
import { gql } from '../support/integration-harness';
import { triedWithoutSmtp } from '../support/outbox-dispatcher';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// L3-11, provider side, on the real stack (PostgreSQL, Temporal dev server, the real worker and
// its email dispatcher, the SMTP catcher): a new ticket emails the provider's agents and managers;
// a client's comment emails every agent while nobody is assigned, then only the assigned agent.
// Each email exactly once per event and recipient, Spanish first, with the ticket link.

const PROVIDER = 'becken';
const SECOND_AGENT = 'agente2@becken.example';
const WINDOW_MS = 60_000;

interface OutboxRow {
  event_type: string;
  recipient_address: string;
  status: string;
  message_id: string;
}

describe('Provider notifications (L3-11: the helpdesk tells its agents)', () => {
  // A client's files wait a minute for more of them (L3-11), so an assignment meanwhile is seen
  // before they go; so does the new-ticket email, for the files announced with the registration.
  const world = useWorldWithWorker('provider-notifications', {
    MAIL_BATCH_WINDOW_MS: String(WINDOW_MS),
  });
  let secondAgentId: string;

  beforeAll(async () => {
    // A second agent, so "the assigned agent" and "every agent" are told apart.
    const { body } = await gql<{ createUser: { id: string } }>(
      world.api,
      `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          organizationId: world.orgIds[PROVIDER],
          email: SECOND_AGENT,
          displayName: 'Beatriz Agente',
          roles: ['AGENT'],
          temporaryPassword: 'temporal-password-123',
        },
      },
      world.bearer(Role.ADMIN),
    );
    expect(body.errors).toBeUndefined();
    secondAgentId = body.data!.createUser.id;
  });

  /** The ticket's outbox rows of `types`, once all of them are SENT. */
  const sent = (number: string, types: string[], count: number, timeoutMs?: number) =>
    eventually(
      () =>
        world.db.query<OutboxRow[]>(
          `SELECT event_type, recipient_address, status, message_id FROM email_outbox
            WHERE ticket_number = $1 AND event_type = ANY($2) ORDER BY created_at, recipient_address`,
          [number, types],
        ),
      (rows) => rows.length >= count && rows.every((r) => r.status === 'SENT'),
      timeoutMs,
    );

  /** Each row arrived exactly once at the catcher, its subject naming `number`; those emails. */
  async function deliveredOnce(number: string, rows: OutboxRow[]): Promise<CaughtMail[]> {
    const mails = await caughtOnceEach(rows);
    for (const mail of mails) expect(mail.subject).toContain(`[${number}]`);
    return mails;
  }

  /** The new-ticket emails' outbox rows: how long each was set to wait. */
  const newTicketRows = (number: string) =>
    world.db.query<
      {
        status: string;
        batch_key: string | null;
        created_at: Date;
        next_attempt_at: Date;
        sent_at: Date | null;
      }[]
    >(
      `SELECT status, batch_key, created_at, next_attempt_at, sent_at FROM email_outbox
        WHERE ticket_number = $1 AND event_type = 'PROVIDER_NEW_TICKET' ORDER BY recipient_address`,
      [number],
    );

  /** Uploads a small text file `name` to ticket `number` as `role`'s demo user. */
  /** A ticket registered announcing two files, once its new-ticket emails wait for them. */
  async function registeredAnnouncingTwoFiles(subject: string) {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject,
      description: 'Adjunto la bitácora y una captura.',
      attachmentsToFollow: 2,
    });
    // Waiting in the registrant's file batch for the window.
    await emailsQueued(world.db, number);
    return { number, queued: await newTicketRows(number) };
  }

  async function attach(number: string, name: string, role: Role): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([`ERROR ${name}\n`], { type: 'text/plain' }), name);
    const res = await fetch(
      `${world.api.url}/api/tickets/${encodeURIComponent(number)}/attachments`,
      { method: 'POST', headers: world.bearer(role), body: form },
    );
    expect(res.status).toBe(201);
  }

  async function comment(role: Role, number: string, body: string) {
    const r = await gql(
      world.api,
      `mutation ($number: String!, $body: String!) { addComment(number: $number, body: $body) { seq } }`,
      { number, body },
      world.bearer(role),
    );
    expect(r.body.errors).toBeUndefined();
  }

  it('a new ticket emails the provider agents and managers once each, in their language, with the link', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'No timbra la factura',
      description: 'Error al timbrar.',
    });
    const rows = await sent(number, ['TICKET_REGISTERED', 'PROVIDER_NEW_TICKET'], 4);
    // No file announced: the new-ticket email went at once, in no batch, not at the end of the
    // window (QA S20: every ticket's waited it).
    const went = await newTicketRows(number);
    expect(went).toHaveLength(3);
    for (const row of went) {
      expect(row.batch_key).toBeNull();
      expect(row.sent_at!.getTime() - row.created_at.getTime()).toBeLessThan(WINDOW_MS);
    }
    expect(rows.map((r) => `${r.event_type} → ${r.recipient_address}`).sort()).toEqual([
      `PROVIDER_NEW_TICKET → ${SECOND_AGENT}`,
      'PROVIDER_NEW_TICKET → agente@becken.example',
      'PROVIDER_NEW_TICKET → gerente@becken.example',
      'TICKET_REGISTERED → usuario@aurora.example',
    ]);
    const mails = await deliveredOnce(number, rows);
    const to = (address: string) => mails.find((m) => m.to.includes(address))!;
    // Spanish first (the manager), English for a user who chose it (the demo agent).
    expect(to('gerente@becken.example').subject).toBe(
      `[${number}] Nuevo ticket de Comercializadora Aurora: No timbra la factura`,
    );
    expect(to('gerente@becken.example').text).toContain(`/tickets/${number}`);
    expect(to('gerente@becken.example').text).toContain('Categoría: Incidente');
    expect(to('agente@becken.example').subject).toBe(
      `[${number}] New ticket from Comercializadora Aurora: No timbra la factura`,
    );
    // Staff emails end with the staff footer, not the client's «comente en el ticket»; the
    // registrant's email of the same event keeps the client's (L3-11).
    expect(to('gerente@becken.example').text).toContain(
      'Este correo es automático: las respuestas por correo no se leen.',
    );
    expect(to('gerente@becken.example').text).not.toContain('comente en el ticket');
    expect(to('agente@becken.example').text).toContain(
      'This email is automatic: replies by email are not read.',
    );
    expect(to('agente@becken.example').text).not.toContain('comment on the ticket');
    expect(to('usuario@aurora.example').text).toContain(
      'Para responder, entre a la plataforma de soporte y comente en el ticket.',
    );
    // No admin-only user, no other client user is told; the registrant gets their own email.
    expect(mails.flatMap((m) => m.to).sort()).toEqual([
      SECOND_AGENT,
      'agente@becken.example',
      'gerente@becken.example',
      'usuario@aurora.example',
    ]);
  });

  it('files announced with the registration: the new-ticket email waits for them, then goes at once naming them, with no email of their own (L3-11, QA S20)', async () => {
    const { number, queued } = await registeredAnnouncingTwoFiles('Timbrado con bitácora');
    expect(queued).toHaveLength(3);
    for (const row of queued) {
      expect(row.status).toBe('QUEUED');
      expect(row.batch_key).not.toBeNull();
      expect(row.next_attempt_at.getTime()).toBeGreaterThan(row.created_at.getTime());
    }
    await attach(number, 'bitacora.log', Role.CLIENT_USER);
    // One of two: it still waits.
    expect((await newTicketRows(number)).map((r) => r.next_attempt_at)).toEqual(
      queued.map((r) => r.next_attempt_at),
    );
    await attach(number, 'captura.txt', Role.CLIENT_USER);
    // Both arrived: every copy goes now, before its window ends, naming both files.
    const rows = await sent(number, ['PROVIDER_NEW_TICKET', 'PROVIDER_CLIENT_ACTIVITY'], 3);
    expect(rows.map((r) => `${r.event_type} → ${r.recipient_address}`)).toEqual([
      `PROVIDER_NEW_TICKET → ${SECOND_AGENT}`,
      'PROVIDER_NEW_TICKET → agente@becken.example',
      'PROVIDER_NEW_TICKET → gerente@becken.example',
    ]);
    const went = await newTicketRows(number);
    went.forEach((row, i) =>
      expect(row.sent_at!.getTime()).toBeLessThan(queued[i].next_attempt_at.getTime()),
    );
    const mails = await deliveredOnce(number, rows);
    for (const mail of mails) {
      expect(mail.text).toContain('bitacora.log');
      expect(mail.text).toContain('captura.txt');
    }
  });

  it('a file refused among those announced: the registration emails stop waiting for it and go once the others are in (L3-11, QA S57)', async () => {
    const { number, queued } = await registeredAnnouncingTwoFiles('Timbrado con un archivo malo');
    expect(queued.every((row) => row.status === 'QUEUED' && row.batch_key !== null)).toBe(true);
    await attach(number, 'bitacora.log', Role.CLIENT_USER);
    // A «PNG» that is not one: refused, nothing stored.
    const form = new FormData();
    form.append('file', new Blob(['<html>no</html>'], { type: 'image/png' }), 'captura.png');
    const refused = await fetch(
      `${world.api.url}/api/tickets/${encodeURIComponent(number)}/attachments`,
      { method: 'POST', headers: world.bearer(Role.CLIENT_USER), body: form },
    );
    expect(refused.status).toBe(415);
    // Every copy, the registrant's too, goes now, before its window ends, naming the good file.
    const rows = await sent(number, ['PROVIDER_NEW_TICKET', 'TICKET_REGISTERED'], 4);
    expect(rows.map((r) => r.event_type).sort()).toEqual([
      'PROVIDER_NEW_TICKET',
      'PROVIDER_NEW_TICKET',
      'PROVIDER_NEW_TICKET',
      'TICKET_REGISTERED',
    ]);
    const went = await newTicketRows(number);
    went.forEach((row, i) =>
      expect(row.sent_at!.getTime()).toBeLessThan(queued[i].next_attempt_at.getTime()),
    );
    for (const mail of await deliveredOnce(number, rows)) {
      expect(mail.text).toContain('bitacora.log');
      expect(mail.text).not.toContain('captura.png');
    }
    const [{ files }] = await world.db.query<{ files: number }[]>(
      `SELECT count(*)::int AS files FROM ticket_attachment WHERE ticket_number = $1`,
      [number],
    );
    expect(files).toBe(1);
  });

  it('a client comment emails every agent while unassigned, then only the assigned agent; a provider reply tells no provider', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Póliza descuadrada',
      description: 'La póliza no cuadra.',
    });
    const activity = ['PROVIDER_CLIENT_ACTIVITY'];

    await comment(Role.CLIENT_USER, number, 'Adjunto el XML de la póliza.');
    const unassigned = await sent(number, activity, 2);
    expect(unassigned.map((r) => r.recipient_address).sort()).toEqual([
      SECOND_AGENT,
      'agente@becken.example',
    ]);
    const first = await deliveredOnce(number, unassigned);
    const spanish = first.find((m) => m.to.includes(SECOND_AGENT))!;
    expect(spanish.subject).toBe(`[${number}] Comentario del cliente: Póliza descuadrada`);
    expect(spanish.text).toContain('Úrsula Usuaria comentó en el ticket');
    expect(spanish.text).toContain('Adjunto el XML de la póliza.');
    expect(spanish.text).toContain(`/tickets/${number}`);
    expect(spanish.text).not.toContain('comente en el ticket');
    expect(spanish.text).toContain('Este correo es automático');
    expect(first.find((m) => m.to.includes('agente@becken.example'))!.subject).toBe(
      `[${number}] Client comment: Póliza descuadrada`,
    );

    // Triage assigns the problem to the second agent (L3-07).
    const classified = await gql(
      world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM', agentId: secondAgentId } },
      world.bearer(Role.AGENT),
    );
    expect(classified.body.errors).toBeUndefined();
    await comment(Role.AGENT, number, 'Lo revisamos hoy.');
    await comment(Role.CLIENT_APPROVER, number, 'Gracias, quedo atento.');

    const all = await sent(number, activity, 3);
    expect(all.map((r) => r.recipient_address)).toHaveLength(3);
    const assigned = all.filter((r) => !unassigned.some((u) => u.message_id === r.message_id));
    expect(assigned.map((r) => r.recipient_address)).toEqual([SECOND_AGENT]);
    const [mail] = await deliveredOnce(number, assigned);
    expect(mail.subject).toBe(`[${number}] Comentario del cliente: Póliza descuadrada`);
    expect(mail.text).toContain('Gracias, quedo atento.');

    // The agent's reply went to the registrant only (COMMENT_ADDED), to no provider user; so did
    // the approver's comment on the registrant's ticket (QA S43).
    const replies = await sent(number, ['COMMENT_ADDED'], 2);
    expect(replies.map((r) => r.recipient_address)).toEqual([
      'usuario@aurora.example',
      'usuario@aurora.example',
    ]);
    const providerMails = (await caughtMails())
      .filter(subjectHas(`[${number}]`))
      .filter((m) => m.to.some((a) => a.endsWith('@becken.example')));
    expect(providerMails.filter((m) => m.text.includes('Lo revisamos hoy.'))).toEqual([]);
  });

  async function classifyProblem(number: string, agentId?: string, role = Role.AGENT) {
    const r = await gql(
      world.api,
      `mutation ($input: ClassifyTicketInput!) { classifyTicket(input: $input) { seq } }`,
      { input: { number, classification: 'PROBLEM', ...(agentId ? { agentId } : {}) } },
      world.bearer(role),
    );
    expect(r.body.errors).toBeUndefined();
  }

  it('L3-11, L3-07: a client’s file attached before the assignment goes to the agent assigned meanwhile, once, not «no assigned agent» to all', async () => {
    const [{ id: alex }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'agente@becken.example'`,
    );
    const fileRows = (number: string) =>
      world.db.query<OutboxRow[]>(
        `SELECT event_type, recipient_address, status, message_id FROM email_outbox
          WHERE ticket_number = $1 AND event_key LIKE 'attachment-%' ORDER BY created_at, recipient_address`,
        [number],
      );

    // Spanish: attached while nobody holds the ticket, then assigned to the second agent.
    const toBeatriz = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado con error',
      description: 'Error al timbrar.',
    });
    // Not the registrant: their files announced with the registration go in the new-ticket email.
    await attach(toBeatriz, 'bitacora.log', Role.CLIENT_APPROVER);
    // Queued for every agent while unassigned, waiting for its window.
    expect((await fileRows(toBeatriz)).map((r) => `${r.recipient_address} ${r.status}`)).toEqual([
      `${SECOND_AGENT} QUEUED`,
      'agente@becken.example QUEUED',
    ]);
    await classifyProblem(toBeatriz, secondAgentId);
    const [spanish] = await deliveredOnce(
      toBeatriz,
      await sent(toBeatriz, ['PROVIDER_CLIENT_ACTIVITY'], 1),
    );
    expect((await fileRows(toBeatriz)).map((r) => r.recipient_address)).toEqual([SECOND_AGENT]);
    expect(spanish.to).toEqual([SECOND_AGENT]);
    expect(spanish.subject).toBe(
      `[${toBeatriz}] El cliente adjuntó un archivo: Timbrado con error`,
    );
    expect(spanish.text).toContain('bitacora.log');
    expect(spanish.text).not.toContain('no tiene agente asignado');

    // English: a manager assigns it to the demo agent, who reads English.
    const toAlex = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Reporte de ventas',
      description: 'El reporte no abre.',
    });
    await attach(toAlex, 'captura.txt', Role.CLIENT_APPROVER);
    await classifyProblem(toAlex, alex, Role.MANAGER);
    const [english] = await deliveredOnce(
      toAlex,
      await sent(toAlex, ['PROVIDER_CLIENT_ACTIVITY'], 1),
    );
    expect((await fileRows(toAlex)).map((r) => r.recipient_address)).toEqual([
      'agente@becken.example',
    ]);
    expect(english.subject).toBe(`[${toAlex}] Client attached a file: Reporte de ventas`);
    expect(english.text).toContain('captura.txt');
    expect(english.text).not.toContain('no assigned agent');
  });

  /** Ticket `number`'s emails of the client's activity to the provider, sent or not. */
  const activityRows = (number: string) =>
    world.db.query<
      (OutboxRow & { id: string; attempts: number; due: boolean; last_error: string | null })[]
    >(
      `SELECT id, event_type, recipient_address, status, message_id, attempts, last_error,
              next_attempt_at <= now() AS due
         FROM email_outbox
        WHERE ticket_number = $1 AND event_type = 'PROVIDER_CLIENT_ACTIVITY'
        ORDER BY created_at, recipient_address`,
      [number],
    );

  /**
   * SMTP down, then back (L3-11): the worker's dispatcher stops; the client comments on `number`
   * and its emails are tried against an SMTP port nobody listens on (`settings`) until `tried`
   * accepts them; then `meanwhile` (an assignment) runs and its emails are queued; the worker's
   * dispatcher starts again. What was tried, and the rows as `meanwhile` left them (read before
   * the dispatcher is back).
   */
  async function commentWhileSmtpDown(
    number: string,
    words: string,
    settings: Record<string, string>,
    tried: (rows: Awaited<ReturnType<typeof activityRows>>) => boolean,
    meanwhile: () => Promise<void>,
  ) {
    // The ticket's emails so far have gone: only the comment's meet SMTP down.
    await emailsQueued(world.db, number);
    await eventually(
      () =>
        world.db.query<{ unsent: number }[]>(
          `SELECT count(*)::int AS unsent FROM email_outbox
            WHERE ticket_number = $1 AND status <> 'SENT'`,
          [number],
        ),
      ([row]) => row.unsent === 0,
    );
    const dispatcher = world.worker.context.get(EmailDispatcher);
    await dispatcher.stop();
    try {
      await comment(Role.CLIENT_USER, number, words);
      const failed = await triedWithoutSmtp(world, settings, () => activityRows(number), tried);
      await meanwhile();
      await emailsQueued(world.db, number);
      // Read before the worker's dispatcher starts again: it sends a row due now at once.
      return { failed, afterwards: await activityRows(number) };
    } finally {
      await dispatcher.start();
    }
  }

  /** What reached the catcher about ticket `number` quoting the client's `words`. */
  const caughtQuoting = async (number: string, words: string) =>
    (await caughtMails()).filter(subjectHas(`[${number}]`)).filter((m) => m.text.includes(words));

  /** A problem ticket assigned to the demo agent (Alex), the emails so far queued. */
  async function problemOfAlex(subject: string, description: string): Promise<string> {
    const [{ id: alex }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'agente@becken.example'`,
    );
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject,
      description,
    });
    await classifyProblem(number, alex);
    await emailsQueued(world.db, number);
    return number;
  }

  async function reassign(number: string, agentId: string) {
    const r = await gql(
      world.api,
      `mutation ($input: ReassignTicketInput!) { reassignTicket(input: $input) { seq } }`,
      { input: { number, agentId } },
      world.bearer(Role.MANAGER),
    );
    expect(r.body.errors).toBeUndefined();
  }

  it('L3-11, L3-07: a client’s comment whose first send failed goes, when SMTP is back, to the agent assigned meanwhile only, once, not «no tiene agente asignado» to all', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado caído',
      description: 'No timbra ninguna factura.',
    });
    const words = 'Sigue sin timbrar desde las 9.';
    // Unassigned: one email per agent, each tried once and waiting for its retry (a second).
    const { failed } = await commentWhileSmtpDown(
      number,
      words,
      { MAIL_RETRY_BASE_MS: '1000', MAIL_RETRY_CAP_MS: '1000' },
      (rows) => rows.length === 2 && rows.every((r) => r.status === 'QUEUED' && r.attempts >= 1),
      () => classifyProblem(number, secondAgentId),
    );
    expect(failed.map((r) => r.recipient_address)).toEqual([SECOND_AGENT, 'agente@becken.example']);

    // SMTP back: the retry goes to the assignee only (the old code sent both agents «no tiene
    // agente asignado»), once, with its Message-ID; the other agent's copy was dropped unsent.
    const mails = await deliveredOnce(number, await sent(number, ['PROVIDER_CLIENT_ACTIVITY'], 1));
    expect(mails.map((m) => m.to)).toEqual([[SECOND_AGENT]]);
    expect(mails[0].subject).toBe(`[${number}] Comentario del cliente: Timbrado caído`);
    expect(mails[0].text).not.toContain('no tiene agente asignado');
    expect((await caughtQuoting(number, words)).map((m) => m.to)).toEqual([[SECOND_AGENT]]);
    expect((await activityRows(number)).map((r) => r.recipient_address)).toEqual([SECOND_AGENT]);
  });

  it('L3-11, L3-07: reassigned while the client’s comment waits an hour for its retry: the new agent’s copy goes at once, once; the former agent gets none', async () => {
    const number = await problemOfAlex('Nómina sin timbrar', 'La nómina no timbra.');
    const words = 'Ya van tres intentos.';
    const { afterwards } = await commentWhileSmtpDown(
      number,
      words,
      { MAIL_RETRY_BASE_MS: '3600000', MAIL_RETRY_CAP_MS: '3600000' },
      (rows) => rows.length === 1 && rows[0].status === 'QUEUED' && rows[0].attempts === 1,
      () => reassign(number, secondAgentId),
    );
    // Never tried for the new agent: no attempt counted, due now (not at the former's retry).
    // (Read as the reassignment left it: read later, the restarted dispatcher may have sent it.)
    const [copy] = afterwards;
    expect(copy).toMatchObject({
      recipient_address: SECOND_AGENT,
      status: 'QUEUED',
      attempts: 0,
      due: true,
    });
    expect(copy.last_error).toBeNull();

    const [row] = await sent(number, ['PROVIDER_CLIENT_ACTIVITY'], 1);
    await deliveredOnce(number, [row]);
    expect((await caughtQuoting(number, words)).map((m) => m.to)).toEqual([[SECOND_AGENT]]);
  });

  it('L3-11, L3-07: a client’s comment that failed for good is re-addressed too: a manager’s retry reaches the new agent only, once', async () => {
    const number = await problemOfAlex('Complemento de pago', 'El complemento no se genera.');
    const words = 'Adjunto el folio del complemento.';
    await commentWhileSmtpDown(
      number,
      words,
      { MAIL_MAX_ATTEMPTS: '1' },
      (rows) => rows.length === 1 && rows[0].status === 'FAILED',
      () => reassign(number, secondAgentId),
    );
    // Still on the managers' list of failures, now for the new agent, never tried for them.
    const [copy] = await activityRows(number);
    expect(copy).toMatchObject({ recipient_address: SECOND_AGENT, status: 'FAILED', attempts: 0 });

    const retried = await gql(
      world.api,
      `mutation ($id: ID!) { retryEmail(id: $id) { id status } }`,
      { id: copy.id },
      world.bearer(Role.MANAGER),
    );
    expect(retried.body.errors).toBeUndefined();
    const [row] = await sent(number, ['PROVIDER_CLIENT_ACTIVITY'], 1);
    await deliveredOnce(number, [row]);
    expect((await caughtQuoting(number, words)).map((m) => m.to)).toEqual([[SECOND_AGENT]]);
  });

  it("S64 (L3-06, L3-11): the client's confirmation of a manager's session, unsent when the ticket is reassigned, still reaches the manager once, beside the new agent", async () => {
    const MANAGER = 'gerente@becken.example';
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado intermitente',
      description: 'A veces timbra y a veces no.',
    });
    const year = new Date().getUTCFullYear();
    const at = new Date(
      addBusinessDays(defaultMexicoCityCalendar(year, year + 1), new Date(), 2).getTime() -
        3 * 3_600_000,
    ).toISOString();
    const act = async (role: Role, mutation: string, type: string, input: object) => {
      const r = await gql(
        world.api,
        `mutation ($input: ${type}!) { ${mutation}(input: $input) { seq } }`,
        { input: { number, ...input } },
        world.bearer(role),
      );
      expect(r.body.errors).toBeUndefined();
    };
    await act(Role.MANAGER, 'proposeRemoteSession', 'ProposeRemoteSessionInput', { at });
    await sent(number, ['TICKET_REGISTERED', 'PROVIDER_NEW_TICKET', 'REMOTE_SESSION_PROPOSED'], 5);
    // The dispatcher is stopped: the confirmation's emails wait (every agent and the manager who
    // proposed it, nobody being assigned) while a manager gives the ticket to Beatriz.
    const dispatcher = world.worker.context.get(EmailDispatcher);
    await dispatcher.stop();
    try {
      await act(Role.CLIENT_USER, 'acceptRemoteSession', 'AcceptRemoteSessionInput', {
        proposal: 1,
      });
      const queued = await eventually(
        () => activityRows(number),
        (rows) => rows.length === 3,
      );
      expect(queued.map((r) => r.recipient_address).sort()).toEqual(
        ['agente@becken.example', SECOND_AGENT, MANAGER].sort(),
      );
      await reassign(number, secondAgentId);
      await emailsQueued(world.db, number);
      // Re-addressed to the new assignee; the manager's copy stays (the other agent's is dropped).
      expect((await activityRows(number)).map((r) => r.recipient_address).sort()).toEqual(
        [SECOND_AGENT, MANAGER].sort(),
      );
    } finally {
      await dispatcher.start();
    }
    const mails = await deliveredOnce(number, await sent(number, ['PROVIDER_CLIENT_ACTIVITY'], 2));
    const toManager = mails.find((m) => m.to[0] === MANAGER)!;
    expect(toManager.subject).toContain('El cliente confirmó la sesión remota');
    expect(toManager.text).toContain('Le avisamos porque usted propuso esta sesión.');
    expect(toManager.text).not.toContain('no tiene agente asignado');
  });

  it('L3-07: a problem assigned automatically on classification emails that agent once; the client keeps its own emails', async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Cancelación rechazada',
      description: 'El SAT rechaza la cancelación.',
    });
    // A manager classifies, so whichever agent is picked did not pick themselves.
    await classifyProblem(number, undefined, Role.MANAGER);
    const [{ assignee }] = await world.db.query<{ assignee: string }[]>(
      `SELECT u.email AS assignee FROM ticket t JOIN app_user u ON u.id = t.assignee_id
        WHERE t.number = $1`,
      [number],
    );
    const rows = await sent(number, ['CLASSIFIED', 'ASSIGNED', 'PROVIDER_ASSIGNED'], 2);
    // The client's one email names the agent (QA: «clasificado» and «asignado» came together).
    expect(rows.map((r) => `${r.event_type} → ${r.recipient_address}`).sort()).toEqual([
      'CLASSIFIED → usuario@aurora.example',
      `PROVIDER_ASSIGNED → ${assignee}`,
    ]);
    const told = rows.filter((r) => r.event_type === 'PROVIDER_ASSIGNED');
    const [mail] = await deliveredOnce(number, told);
    expect(mail.to).toEqual([assignee]);
    expect(mail.text).toContain(`/tickets/${number}`);
    if (assignee === SECOND_AGENT) {
      expect(mail.subject).toBe(
        `[${number}] Ticket asignado a Beatriz Agente: Cancelación rechazada`,
      );
      expect(mail.text).toContain(
        `El ticket ${number} se asignó automáticamente a Beatriz Agente (el agente con menos carga).`,
      );
    } else {
      expect(mail.text).toContain(`Ticket ${number} was assigned to Alex Agent automatically`);
    }
  });

  it('L3-07: an agent who assigns the problem to themselves is not emailed; naming another agent emails them once', async () => {
    const [{ id: self }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'agente@becken.example'`,
    );
    const mine = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Reporte lento',
      description: 'El reporte tarda minutos.',
    });
    await classifyProblem(mine, self);
    // The client's emails are queued in the same transaction as any provider email would be.
    const rows = await sent(mine, ['CLASSIFIED', 'ASSIGNED', 'PROVIDER_ASSIGNED'], 1);
    expect(rows.map((r) => r.event_type).sort()).toEqual(['CLASSIFIED']);

    const theirs = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Timbrado intermitente',
      description: 'A veces timbra, a veces no.',
    });
    await classifyProblem(theirs, secondAgentId);
    const named = await sent(theirs, ['PROVIDER_ASSIGNED'], 1);
    expect(named.map((r) => r.recipient_address)).toEqual([SECOND_AGENT]);
    const [mail] = await deliveredOnce(theirs, named);
    expect(mail.text).toContain(`Alex Agent asignó el ticket ${theirs} a Beatriz Agente.`);
  });

  it('L3-07: an agent who classifies with «Automático» and is picked is not emailed about it', async () => {
    const [{ id: self }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = 'agente@becken.example'`,
    );
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'Póliza duplicada',
      description: 'Se duplicó la póliza de ingresos.',
    });
    // The classifying agent is the only active agent, so the least-loaded pick is them.
    await world.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [secondAgentId]);
    try {
      await classifyProblem(number);
    } finally {
      await world.db.query(`UPDATE app_user SET active = true WHERE id = $1`, [secondAgentId]);
    }
    // The client's email is queued in the same transaction a provider email would be.
    const rows = await sent(number, ['CLASSIFIED', 'ASSIGNED', 'PROVIDER_ASSIGNED'], 1);
    expect(rows.map((r) => `${r.event_type} → ${r.recipient_address}`)).toEqual([
      'CLASSIFIED → usuario@aurora.example',
    ]);
    const [{ assignee }] = await world.db.query<{ assignee: string }[]>(
      `SELECT assignee_id AS assignee FROM ticket WHERE number = $1`,
      [number],
    );
    expect(assignee).toBe(self);
  });
});
