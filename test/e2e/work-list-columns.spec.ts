import { Role } from '../../src/identity/role.enum';
import { eventually } from '../support/eventually';
import { gql } from '../support/integration-harness';
import { ticketJourneys } from '../support/ticket-journeys';
import { inSpanish, logIn, newPage, screenshot } from './support/browser';
import { useE2eWorldWithWorker } from './support/e2e-world';

// An audit of the agent's journey on the Console's work list (L3-10): it did not say who each
// ticket is assigned to (L3-07), and its «Plazo o entrega» showed the running clock's deadline
// without naming the clock — triage (L3-06), progress cadence (L3-07)… Now each row names its
// assignee («Sin asignar» before triage) and its deadline's clock, in Spanish and English.

const AGENT = 'agente@becken.example';

interface Entry {
  ticketNumber: string;
  nextDeadline: string | null;
  assigneeName: string | null;
  clocks: { kind: string; status: string; deadline: string | null }[];
}

describe("The Console's work list names each ticket's assignee and its deadline's clock (L3-06, L3-07, L3-10)", () => {
  const e2e = useE2eWorldWithWorker('work_list_columns');
  let problem: string;
  let fresh: string;
  let assignee: string;

  beforeAll(async () => {
    const journeys = ticketJourneys(e2e.world);
    // Triaged as a problem: assigned at once, its progress clock running (L3-07).
    problem = await journeys.problemInAnalysis();
    // Just registered: nobody has it, its triage clock running (L3-06).
    fresh = await journeys.registered();
    // Both deadlines in the read model (the triage clock's lands a moment after registration).
    const entries = await eventually(
      async () => {
        const { body } = await gql<{ workList: Entry[] }>(
          e2e.world.api,
          `query { workList(first: 200) {
            ticketNumber nextDeadline assigneeName clocks { kind status deadline } } }`,
          {},
          e2e.world.bearer(Role.AGENT),
        );
        return new Map(body.data!.workList.map((e) => [e.ticketNumber, e]));
      },
      (list) =>
        [problem, fresh].every((n) => {
          const entry = list.get(n);
          return entry?.nextDeadline && entry.clocks.some((c) => c.deadline === entry.nextDeadline);
        }),
    );
    assignee = entries.get(problem)!.assigneeName!;
    expect(assignee).toEqual(expect.any(String));
  }, 120_000);

  it('in Spanish and English', async () => {
    const { page } = await newPage(e2e.browser, e2e.baseURL);
    await logIn(page, AGENT, e2e.password(AGENT));
    await inSpanish(page);
    await page.getByRole('heading', { name: 'Lista de trabajo' }).waitFor();
    const list = page.getByTestId('queue');
    const row = (n: string) => list.locator(`tr[data-number="${n}"]`);
    const cell = (n: string, label: string) => row(n).locator(`td[data-label="${label}"]`);

    const check = async (words: {
      assignee: string;
      unassigned: string;
      due: string;
      progress: string;
      triage: string;
      problem: string;
      incident: string;
    }) => {
      await list.getByRole('columnheader', { name: words.assignee }).waitFor();
      // Named by what the agent classified it as, as the other lists (QA: «Incidente» here,
      // «Problema» in «Tickets»); the untriaged one by the category it was registered with.
      expect(await row(problem).getByTestId('ticket-kind').innerText()).toBe(words.problem);
      expect(await row(fresh).getByTestId('ticket-kind').innerText()).toBe(words.incident);
      expect(await cell(problem, words.assignee).innerText()).toBe(assignee);
      expect(await cell(fresh, words.assignee).innerText()).toBe(words.unassigned);
      // The clock's name, then its deadline («… · vence 3 dic 2026, 10:00»).
      expect(await cell(problem, words.due).innerText()).toMatch(
        new RegExp(`^${words.progress} \\S.*\\d`),
      );
      expect(await cell(fresh, words.due).innerText()).toMatch(
        new RegExp(`^${words.triage} \\S.*\\d`),
      );
    };
    await check({
      assignee: 'Agente asignado',
      unassigned: 'Sin asignar',
      due: 'Plazo o entrega',
      progress: 'Avance periódico · vence',
      triage: 'Atención inicial · vence',
      problem: 'Problema',
      incident: 'Incidente',
    });
    await screenshot(page, 'work-list-assignee-clock');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Work list' }).waitFor();
    await check({
      assignee: 'Assigned agent',
      unassigned: 'Unassigned',
      due: 'Deadline or delivery',
      progress: 'Progress cadence · due',
      triage: 'Triage · due',
      problem: 'Problem',
      incident: 'Incident',
    });
    await page.getByRole('button', { name: 'Español' }).click();
  });
});
