import { priorityLines } from '../../../web/src/checkpoints/priority-subjects';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-15, L3-10: a recorded decision's new order shows each ticket number with its subject, like
// the decisions email (QA S15: the agenda page read «Nuevo orden: L3-2026-000002, L3-2026-000001»).

const agenda = {
  openTickets: [
    { number: 'L3-2026-000001', subject: 'Factura duplicada' },
    { number: 'L3-2026-000002', subject: 'Error al exportar CSV' },
  ],
  slaAlerts: [{ ticketNumber: 'L3-2026-000003', subject: 'Caída del portal' }],
  estimatesAwaitingAuthorization: [{ ticketNumber: 'L3-2026-000004', subject: 'Nuevo reporte' }],
  dateChanges: [{ ticketNumber: 'L3-2026-000005', subject: 'Migración de datos' }],
} as unknown as Parameters<typeof priorityLines>[1];

describe('a checkpoint decision’s new order (L3-15, L3-10)', () => {
  it('keeps the decided order and gives each number its subject from the agenda', () => {
    expect(priorityLines(['L3-2026-000002', 'L3-2026-000001'], agenda)).toEqual([
      { number: 'L3-2026-000002', subject: 'Error al exportar CSV' },
      { number: 'L3-2026-000001', subject: 'Factura duplicada' },
    ]);
  });

  it('finds subjects in every list of the agenda', () => {
    expect(
      priorityLines(['L3-2026-000005', 'L3-2026-000004', 'L3-2026-000003'], agenda).map(
        (l) => l.subject,
      ),
    ).toEqual(['Migración de datos', 'Nuevo reporte', 'Caída del portal']);
  });

  it('keeps the number alone for a ticket the agenda does not list', () => {
    expect(priorityLines(['L3-2026-000009', 'L3-2026-000001'], agenda)).toEqual([
      { number: 'L3-2026-000009', subject: null },
      { number: 'L3-2026-000001', subject: 'Factura duplicada' },
    ]);
  });

  it('introduces the list in Spanish and English, with no ticket numbers in the label', () => {
    expect(esMX.planning.checkpoints.newPriorities).toBe('Nuevo orden de la cola:');
    expect(en.planning.checkpoints.newPriorities).toBe('New order of the queue:');
  });
});
