import {
  datesInOrder,
  NO_OUTBOX_FILTERS,
  outboxFiltersFromSearch,
  outboxFiltersToSearch,
  outboxVariables,
} from '../../../web/src/outbox/outbox-filters';

// L3-11 (S18): «Correo saliente» keeps its filters in the address, as the SLA board does, so a
// manager can share «the emails of L3-2026-000123 to Aurora in November»; a link the page does
// not understand shows all. The viewer's days become instants in the viewer's zone.

const NOVEMBER = {
  status: 'FAILED' as const,
  ticket: 'L3-2026-000123',
  recipient: '@aurora.example',
  from: '2026-11-01',
  to: '2026-11-30',
};

describe('outgoing mail filters', () => {
  it('reads the address back as the filters it wrote, keeping other parameters', () => {
    const search = outboxFiltersToSearch('?lang=en', NOVEMBER);
    expect(search).toBe(
      '?lang=en&estado=FAILED&ticket=L3-2026-000123&destinatario=%40aurora.example&desde=2026-11-01&hasta=2026-11-30',
    );
    expect(outboxFiltersFromSearch(search)).toEqual(NOVEMBER);
    expect(outboxFiltersToSearch(search, NO_OUTBOX_FILTERS)).toBe('?lang=en');
  });

  it('takes a lower-case ticket number, and drops what it does not understand', () => {
    expect(outboxFiltersFromSearch('?ticket=l3-2026-000123').ticket).toBe('L3-2026-000123');
    expect(
      outboxFiltersFromSearch(
        `?estado=LOST&ticket=123&destinatario=${'x'.repeat(255)}&desde=2026-02-30&hasta=mañana`,
      ),
    ).toEqual(NO_OUTBOX_FILTERS);
  });

  it('«Hasta» may equal «Desde», never precede it', () => {
    expect(datesInOrder({ from: '2026-11-05', to: '2026-11-05' })).toBe(true);
    expect(datesInOrder({ from: '2026-11-05', to: '' })).toBe(true);
    expect(datesInOrder({ from: '2026-11-05', to: '2026-11-04' })).toBe(false);
  });

  it('asks the API for whole days in the viewer’s zone, «Hasta» included', () => {
    expect(outboxVariables(NOVEMBER, 'America/Mexico_City')).toEqual({
      status: 'FAILED',
      ticketNumber: 'L3-2026-000123',
      recipient: '@aurora.example',
      from: '2026-11-01T06:00:00.000Z',
      to: '2026-12-01T06:00:00.000Z',
    });
    // Madrid leaves summer time on 2026-10-25: each day starts at its own offset.
    expect(
      outboxVariables({ ...NOVEMBER, from: '2026-10-24', to: '2026-10-25' }, 'Europe/Madrid'),
    ).toMatchObject({ from: '2026-10-23T22:00:00.000Z', to: '2026-10-25T23:00:00.000Z' });
    expect(outboxVariables(NO_OUTBOX_FILTERS, 'UTC')).toEqual({
      status: null,
      ticketNumber: null,
      recipient: null,
      from: null,
      to: null,
    });
  });
});
