import { Role } from '../../src/identity/role.enum';
import { formatInstant, formatInstantWithDay } from '../../web/src/i18n/format';
import { TULUM_ORG } from '../support/demo-contract';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { createWeekdayCalendar } from '../support/weekday-calendar';
import { registerProjectedTicket } from '../support/world-with-worker';
import { inSpanish, logIn, newPage } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// QA S59 #8 (BUSINESS-TIME.md, L3-06): a client whose calendar counts in Tokyo had its deadlines
// shown to Becken's staff only in Mexico City time, so the client's 9 a.m. read as 6 p.m. of the
// day before. The ticket's clocks now also give each deadline in the calendar's zone when the
// reader's zone reads it otherwise: «Para el cliente (…)» for staff, «Hora de su empresa (…)» for
// the client; nothing when both zones read the same.

const AGENT = 'agente@becken.example';
const CLIENT = 'usuario@aurora.example';
const TOKYO = 'Asia/Tokyo';

describe('a deadline in the client calendar’s zone when the reader’s differs (QA S59 #8)', () => {
  const e2e = useE2eWorldWithWorker('calendar_zone_deadline');
  let tokyoTicket: string;
  let deadline: string;
  let homeTicket: string;

  const triageDeadline = async (number: string): Promise<string> => {
    const ticket = await eventually(
      async () => {
        const { body } = await gql<{
          ticket: { calendarTimeZone: string; clocks: { kind: string; deadline: string | null }[] };
        }>(
          e2e.world.api,
          `query ($n: String!) { ticket(number: $n) { calendarTimeZone clocks { kind deadline } } }`,
          { n: number },
          e2e.world.bearer(Role.AGENT),
        );
        return body.data?.ticket;
      },
      (t) => !!t?.clocks.find((c) => c.kind === 'triage')?.deadline,
    );
    return ticket!.clocks.find((c) => c.kind === 'triage')!.deadline!;
  };

  beforeAll(async () => {
    // Another client, on the default Mexico City calendar, registers first.
    homeTicket = await registerProjectedTicket(
      e2e.world,
      { category: 'INCIDENT', subject: 'Plazo en la Ciudad de México' },
      TULUM_ORG,
    );
    await createWeekdayCalendar(e2e.world, 'Horario de Tokio', '09:00', '18:00', {
      timeZone: TOKYO,
      organizationId: e2e.world.orgIds['comercializadora-aurora'],
    });
    tokyoTicket = await registerProjectedTicket(e2e.world, {
      category: 'INCIDENT',
      subject: 'Plazo en Tokio',
    });
    deadline = await triageDeadline(tokyoTicket);
  }, 180_000);

  it('the API names each ticket’s calendar zone', async () => {
    const zone = async (number: string, role: Role) => {
      const { body } = await gql<{ ticket: { calendarTimeZone: string } }>(
        e2e.world.api,
        `query ($n: String!) { ticket(number: $n) { calendarTimeZone } }`,
        { n: number },
        e2e.world.bearer(role),
      );
      expect(body.errors).toBeUndefined();
      return body.data!.ticket.calendarTimeZone;
    };
    expect(await zone(tokyoTicket, Role.AGENT)).toBe(TOKYO);
    expect(await zone(tokyoTicket, Role.CLIENT_USER)).toBe(TOKYO);
    expect(await zone(homeTicket, Role.AGENT)).toBe('America/Mexico_City');
  });

  it('staff in Mexico City read the client’s own time under the deadline, in Spanish and English', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.goto(`/tickets/${tokyoTicket}`);
    const line = page.getByTestId('clock-kind-triage').getByTestId('clock-deadline-calendar-zone');
    await line.waitFor();
    expect(await line.innerText()).toBe(
      `Para el cliente (hora estándar de Japón, UTC+9): ${formatInstantWithDay(deadline, 'es-MX', TOKYO)}`,
    );
    // Its own zone's line is still the reader's: the two differ.
    const own = await page
      .getByTestId('clock-kind-triage')
      .locator('td.clock-deadline time')
      .innerText();
    expect(own).toBe(formatInstant(deadline, 'es-MX', 'America/Mexico_City'));

    await page.getByRole('button', { name: 'English' }).click();
    await line.getByText('For the client (Japan Standard Time, UTC+9): ').waitFor();
    expect(await line.innerText()).toBe(
      `For the client (Japan Standard Time, UTC+9): ${formatInstantWithDay(deadline, 'en', TOKYO)}`,
    );

    // A ticket on the reader's own zone's calendar says nothing more.
    await page.goto(`/tickets/${homeTicket}`);
    await page.getByTestId('clock-kind-triage').waitFor();
    expect(await page.getByTestId('clock-deadline-calendar-zone').count()).toBe(0);
  });

  it('the client, its user in Mexico City, reads its calendar’s time as its own', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, CLIENT, e2e.password(CLIENT));
    await inSpanish(page);
    await page.goto(`/tickets/${tokyoTicket}`);
    const line = page.getByTestId('clock-kind-triage').getByTestId('clock-deadline-calendar-zone');
    await line.waitFor();
    expect(await line.innerText()).toBe(
      `Hora de su empresa (hora estándar de Japón, UTC+9): ${formatInstantWithDay(deadline, 'es-MX', TOKYO)}`,
    );
  });

  /**
   * QA S60b #3: `email` registers a ticket with «Mis tickets»' form; its notice's triage deadline
   * line and the ticket's number.
   */
  async function registerWithForm(email: string, subject: string) {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, email, e2e.password(email));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Mis tickets' }).waitFor();
    await page.locator('#new-ticket-category').selectOption('INCIDENT');
    await page.locator('#new-ticket-subject').fill(subject);
    await page.locator('#new-ticket-description').fill('Error al timbrar.');
    await page.getByRole('button', { name: 'Registrar ticket' }).click();
    const notice = page.getByTestId('registered');
    await notice.waitFor();
    const href = await notice.getByRole('link').getAttribute('href');
    const number = decodeURIComponent(href!.split('/').pop()!);
    return { page, notice, number };
  }

  it('QA S60b #3: the registration notice gives the triage deadline in the client’s calendar too', async () => {
    const { page, notice, number } = await registerWithForm(
      CLIENT,
      'Registrado desde el formulario',
    );
    const registered = await triageDeadline(number);
    await notice.getByText('Plazo de atención inicial:').waitFor();
    const line = notice.getByTestId('clock-deadline-calendar-zone');
    expect(await line.innerText()).toBe(
      `Hora de su empresa (hora estándar de Japón, UTC+9): ${formatInstantWithDay(registered, 'es-MX', TOKYO)}`,
    );
    // The reader's own time stays first.
    expect(await notice.locator('strong').innerText()).toBe(
      formatInstant(registered, 'es-MX', 'America/Mexico_City'),
    );
    await page.context().close();

    // A client on its user's own zone's calendar (Tulum, Mexico City): nothing more.
    const home = await registerWithForm(
      'usuario@tulum.example',
      'Registrado en la Ciudad de México',
    );
    await home.notice.getByText('Plazo de atención inicial:').waitFor();
    expect(await home.notice.getByTestId('clock-deadline-calendar-zone').count()).toBe(0);
    await home.page.context().close();
  });
});
