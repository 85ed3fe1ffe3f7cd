import { addBusinessDays, defaultMexicoCityCalendar, localDateOf } from '../business-time/engine';
import type { DemoCredential } from '../identity/demo-seed';

// A first `npm start` shows a living demo: a few tickets in typical states, made through the real
// API as the web app makes them (so their workflows, clocks and emails are real, none written to
// the database directly). Each step runs as the demo user whose screen offers it.

const MANAGER = 'gerente@becken.example';
const AGENT = 'agente@becken.example';
const AURORA_USER = 'usuario@aurora.example';
const TULUM_USER = 'usuario@tulum.example';
const TULUM_APPROVER = 'aprobador@tulum.example';

/** One GraphQL call as one demo user; throws on any GraphQL error. */
type Call = <T>(email: string, query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * Registers the demo tickets through the API at `apiUrl` (its `/graphql`), logged in as the demo
 * users of `logins`, only when no ticket exists yet (the guard a rerun, or a second call, meets):
 *  1. Aurora: a problem triaged and assigned (L3-07), its progress clock running, one update.
 *  2. Aurora: a requirement estimated (L3-08), waiting on the approver's written authorization.
 *  3. Tulum: a question just registered, its triage clock running (L3-05).
 *  4. Tulum: a requirement authorized, developed with time logged and accepted: closed, so
 *     «Mis horas» shows hours consumed and given back (L3-09, L3-12/L3-13).
 * With them, the manager writes a few canned responses the agent inserts from a ticket page.
 * Returns how many tickets it registered. Throws on the first step the API refuses.
 */
export async function seedDemoTickets(
  apiUrl: string,
  logins: readonly DemoCredential[],
  say: (line: string) => void,
): Promise<number> {
  const call = graphqlAs(apiUrl, logins);
  const existing = await call<{ tickets: { totalCount: number } }>(
    MANAGER,
    'query { tickets(first: 1) { totalCount } }',
  );
  if (existing.tickets.totalCount > 0) {
    say(`Demo tickets: none added (${existing.tickets.totalCount} tickets exist already)`);
    return 0;
  }
  say('Demo tickets: registering …');
  await closedRequirement(call);
  await problemInAnalysis(call);
  await estimatedRequirement(call);
  await register(call, TULUM_USER, 'question', {
    category: 'QUESTION',
    subject: '¿Cómo cancelo un CFDI ya timbrado?',
    description:
      'Necesitamos cancelar una factura timbrada la semana pasada porque el RFC del cliente ' +
      'estaba mal. ¿Cuál es el procedimiento en Odoo y qué motivo de cancelación del SAT ' +
      'debemos usar? ¿Hay que volver a facturar antes o después de cancelar?',
  });
  say(
    'Demo tickets: 4 created (a problem in analysis, an estimate to authorize, a question, ' +
      'a closed requirement)',
  );
  for (const response of DEMO_CANNED_RESPONSES) {
    await call(
      MANAGER,
      'mutation ($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }',
      { input: response },
    );
  }
  say(`Demo canned responses: ${DEMO_CANNED_RESPONSES.length} created`);
  return 4;
}

/**
 * Texts the team inserts into replies (requests for information, updates), both languages. The
 * email that carries a reply already greets its reader by name, so the texts do not (QA S54: the
 * client read «Hola, Úrsula Usuaria:» twice). What the agent must write in is a placeholder of its
 * own, «{{siguiente paso}}», which the ticket page flags until it is replaced (a «…» was sent as
 * it was).
 */
const DEMO_CANNED_RESPONSES = [
  {
    title: 'Solicitar evidencia del error',
    body:
      'Para revisar el ticket {{ticket}} necesitamos una captura de pantalla del mensaje de ' +
      'error completo y los pasos para reproducirlo (menú, registro y botón).',
    bodyEn:
      'To look into ticket {{ticket}} we need a screenshot of the full error message and the ' +
      'steps to reproduce it (menu, record and button).',
  },
  {
    title: 'Avance: seguimos trabajando',
    body:
      'Seguimos trabajando en «{{asunto}}». Hasta ahora: {{lo hecho hasta ahora}}.\n\n' +
      'Siguiente paso: {{siguiente paso}}.',
    bodyEn:
      'We are still working on “{{subject}}”. So far: {{progress so far}}.\n\n' +
      'Next step: {{next step}}.',
  },
  {
    title: 'Solución aplicada: confirme por favor',
    body:
      'Aplicamos la solución del ticket {{ticket}}. Por favor pruébela y confírmela en el ' +
      'portal, o reabra el ticket si el problema sigue.',
    bodyEn:
      'We applied the fix for ticket {{ticket}}. Please test it and confirm it on the portal, ' +
      'or reopen the ticket if the problem persists.',
  },
] as const;

async function problemInAnalysis(call: Call): Promise<void> {
  const number = await register(call, AURORA_USER, 'problem', {
    category: 'INCIDENT',
    subject: 'Error al validar facturas de proveedor',
    description:
      'Desde ayer, al validar facturas de proveedor en dólares (Contabilidad > Proveedores > ' +
      'Facturas) aparece «El asiento no está balanceado» y no se pueden publicar. Con facturas ' +
      'en pesos no pasa. Tenemos pagos programados para el viernes.',
  });
  await act(call, AGENT, 'classifyTicket', 'ClassifyTicketInput', {
    number,
    classification: 'PROBLEM',
  });
  await act(call, AGENT, 'addProgressUpdate', 'TicketActionInput', {
    number,
    note:
      'Reproducimos el error en una copia de producción: el redondeo del tipo de cambio deja ' +
      'una diferencia de centavos en las facturas en USD. Preparamos la corrección y les ' +
      'avisamos antes de aplicarla.',
  });
}

async function estimatedRequirement(call: Call): Promise<void> {
  await estimatedDevelopment(
    call,
    AURORA_USER,
    'requirement',
    {
      subject: 'Reporte de ventas por vendedor y sucursal',
      description:
        'Necesitamos un reporte mensual de ventas agrupado por vendedor y por sucursal, con ' +
        'importes con y sin IVA, filtrable por fechas y exportable a Excel, para calcular ' +
        'comisiones. Hoy lo armamos a mano con la exportación de pedidos.',
    },
    {
      hours: 6,
      scope:
        'Reporte en Ventas > Reportes: filtros por fecha, vendedor y sucursal; totales con y ' +
        'sin IVA; exportación a Excel. Incluye pruebas con datos de un mes real.',
    },
  );
}

async function closedRequirement(call: Call): Promise<void> {
  const number = await estimatedDevelopment(
    call,
    TULUM_USER,
    'closed-requirement',
    {
      subject: 'Número de orden de compra del cliente en el PDF de la factura',
      description:
        'Varios clientes nos rechazan facturas porque no traen su número de orden de compra. ' +
        'Queremos capturarlo en el pedido de venta y que salga impreso en el PDF de la factura.',
    },
    {
      hours: 3,
      scope: 'Campo «Orden de compra» en el pedido de venta, pasado a la factura y a su PDF.',
    },
  );
  await act(call, TULUM_APPROVER, 'authorizeEstimate', 'AuthorizeEstimateInput', {
    number,
    estimateVersion: 1,
    statement: 'Autorizo 3 horas para este cambio.',
  });
  await act(call, AGENT, 'setReleaseDate', 'SetReleaseDateInput', {
    number,
    releaseDate: releaseDateAhead(),
  });
  await act(call, AGENT, 'startDevelopment', 'TicketActionInput', { number });
  const year = new Date().getUTCFullYear();
  await call(
    AGENT,
    'mutation ($input: LogTicketTimeInput!) { logTicketTime(input: $input) { id } }',
    {
      input: {
        number,
        date: localDateOf(defaultMexicoCityCalendar(year - 1, year + 1), new Date()),
        hours: 2.5,
        description: 'Campo en pedido y factura, plantilla del PDF y pruebas.',
      },
    },
  );
  await act(call, AGENT, 'releaseForTesting', 'TicketActionInput', {
    number,
    note: 'Publicado en producción: el campo está en la pestaña «Otra información» del pedido.',
  });
  await act(call, TULUM_USER, 'acceptDelivery', 'TicketActionInput', {
    number,
    note: 'Probado con dos facturas, sale bien. Gracias.',
  });
}

/**
 * A development request registered by the client user `email`, classified as a requirement by the
 * agent and estimated (L3-08): it waits on the client's approver. Returns its number.
 */
async function estimatedDevelopment(
  call: Call,
  email: string,
  key: string,
  ticket: { subject: string; description: string },
  estimate: { hours: number; scope: string },
): Promise<string> {
  const number = await register(call, email, key, { category: 'DEVELOPMENT', ...ticket });
  await act(call, AGENT, 'classifyTicket', 'ClassifyTicketInput', {
    number,
    classification: 'REQUIREMENT',
    requirementKind: 'DEVELOPMENT',
  });
  await act(call, AGENT, 'submitEstimate', 'SubmitEstimateInput', { number, ...estimate });
  return number;
}

/**
 * Registers a ticket as the client user `email`. The request ID makes a retried call (an
 * interrupted first start) answer with the ticket it registered rather than a second one.
 */
async function register(
  call: Call,
  email: string,
  key: string,
  input: { category: string; subject: string; description: string },
): Promise<string> {
  const { registerTicket } = await call<{ registerTicket: { number: string } }>(
    email,
    'mutation ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }',
    { input: { ...input, requestId: `demo-ticket-${key}` } },
  );
  return registerTicket.number;
}

/** A ticket transition (its mutation answers a `TransitionOutcome`) as `email`. */
async function act(
  call: Call,
  email: string,
  mutation: string,
  inputType: string,
  input: Record<string, unknown>,
): Promise<void> {
  await call(
    email,
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ticket { state } } }`,
    { input },
  );
}

/**
 * The close of the fifth business day ahead on the demo clients' calendar (the default: Mexico
 * City, its legal holidays), a release date the workflow takes (L3-09: business time or a close).
 */
function releaseDateAhead(): string {
  const year = new Date().getUTCFullYear();
  const calendar = defaultMexicoCityCalendar(year - 1, year + 2);
  return addBusinessDays(calendar, new Date(), 5).toISOString();
}

/** GraphQL calls on `apiUrl`, each as a demo user, logged in once on first use. */
function graphqlAs(apiUrl: string, logins: readonly DemoCredential[]): Call {
  const tokens = new Map<string, Promise<string>>();
  const post = async <T>(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<T> => {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await res.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length || !body.data) {
      const [first] = body.errors ?? [];
      const operation = /\{\s*(\w+)/.exec(query)?.[1] ?? 'GraphQL';
      throw new Error(
        `${operation}: ${first?.extensions?.code ?? `HTTP ${res.status}`} ${first?.message ?? ''}`,
      );
    }
    return body.data;
  };
  const tokenOf = (email: string): Promise<string> => {
    let token = tokens.get(email);
    if (!token) {
      const login = logins.find((l) => l.email === email);
      if (!login) return Promise.reject(new Error(`no demo login for ${email}`));
      token = post<{ login: { token: string } }>(
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email, password: login.password },
      ).then((r) => r.login.token);
      tokens.set(email, token);
    }
    return token;
  };
  return async <T>(email: string, query: string, variables: Record<string, unknown> = {}) =>
    post<T>(query, variables, await tokenOf(email));
}
