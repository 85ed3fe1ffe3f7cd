import { Role } from '../../src/identity/role.enum';
import { gql } from '../support/integration-harness';
import { registerProjectedTicket, useWorldWithWorker } from '../support/world-with-worker';

// Read-your-writes for the clocks of mutation answers (review S20 of dda3844; L3-07): `clocks` and
// `publicReplyCountsAsProgress` read a request's clock runs once per request, but a document's
// mutations run one after another in that request, so a later answer served from a batch an
// earlier one read showed the clocks from before its own write. Each answer reads its own.

type Clock = { kind: string; run: number; status: string };
const TWO_STEPS = `mutation ($classify: ClassifyTicketInput!, $progress: TicketActionInput!) {
  classified: classifyTicket(input: $classify) {
    ticket { publicReplyCountsAsProgress clocks { kind run status } } }
  updated: addProgressUpdate(input: $progress) {
    ticket { publicReplyCountsAsProgress clocks { kind run status } } }
}`;
const ONE = `query ($number: String!) { ticket(number: $number) { clocks { kind run status } } }`;

describe('Clocks in the answers of a document of several mutations (L3-07)', () => {
  const world = useWorldWithWorker('mutation-clocks');

  it("a later mutation's answer shows the clocks its own write left", async () => {
    const number = await registerProjectedTicket(world, {
      category: 'INCIDENT',
      subject: 'El timbrado falla de nuevo',
    });
    const { body } = await gql<{
      classified: { ticket: { clocks: Clock[] } };
      updated: { ticket: { clocks: Clock[] } };
    }>(
      world.api,
      TWO_STEPS,
      {
        classify: { number, classification: 'PROBLEM' },
        progress: { number, note: 'Avance: reproducimos el error en pruebas.' },
      },
      world.bearer(Role.AGENT),
    );
    expect(body.errors).toBeUndefined();
    const progress = (clocks: Clock[]) =>
      clocks.filter((c) => c.kind === 'progress').map((c) => `${c.run} ${c.status}`);
    // The classification started the progress cadence; the update met it and started the next.
    expect(progress(body.data!.classified.ticket.clocks)).toEqual(['1 RUNNING']);
    expect(progress(body.data!.updated.ticket.clocks)).toEqual(['1 MET', '2 RUNNING']);

    const read = await gql<{ ticket: { clocks: Clock[] } }>(
      world.api,
      ONE,
      { number },
      world.bearer(Role.AGENT),
    );
    expect(read.body.errors).toBeUndefined();
    expect(body.data!.updated.ticket.clocks).toEqual(read.body.data!.ticket.clocks);
  });
});
