import { decisionProblem } from '../../../web/src/checkpoints/decision-check';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-15, L3-10 (QA S15): with «La reunión acordó un nuevo orden de la cola» ticked, a click on
// «Registrar decisiones» before the client's queue had loaded recorded (and emailed) the notes
// without any new order, and said «Decisiones registradas.».

describe('the checkpoint decision form’s check (L3-15, L3-10)', () => {
  const queue = ['L3-2026-000001', 'L3-2026-000002'];
  const moved = ['L3-2026-000002', 'L3-2026-000001'];

  it('asks for the notes first', () => {
    expect(decisionProblem({ notes: '  ', reorder: true, queueOrder: queue, order: moved })).toBe(
      'notesRequired',
    );
  });

  it('does not send a new order that has not loaded, nor one left unchanged', () => {
    expect(
      decisionProblem({ notes: 'Acuerdo', reorder: true, queueOrder: undefined, order: [] }),
    ).toBe('prioritiesNotLoaded');
    expect(
      decisionProblem({ notes: 'Acuerdo', reorder: true, queueOrder: queue, order: queue }),
    ).toBe('prioritiesUnchanged');
  });

  it('sends notes alone when no new order is ticked, and a moved order when it is', () => {
    expect(
      decisionProblem({ notes: 'Acuerdo', reorder: false, queueOrder: undefined, order: [] }),
    ).toBeNull();
    expect(
      decisionProblem({ notes: 'Acuerdo', reorder: true, queueOrder: queue, order: moved }),
    ).toBeNull();
  });

  it('words each problem in Spanish and English', () => {
    for (const problem of [
      'notesRequired',
      'prioritiesNotLoaded',
      'prioritiesUnchanged',
    ] as const) {
      expect(esMX.planning.checkpoints[problem]).toMatch(/\.$/);
      expect(en.planning.checkpoints[problem]).toMatch(/\.$/);
    }
    expect(esMX.planning.checkpoints.prioritiesNotLoaded).toBe(
      'La cola del cliente aún no se carga: espere a verla para ordenarla o desmarque el nuevo orden.',
    );
    expect(en.planning.checkpoints.prioritiesNotLoaded).toBe(
      'The client’s queue has not loaded yet: wait to see it and order it, or untick the new order.',
    );
  });
});
