import type {
  RequirementKind,
  TicketCategory,
  TicketView,
} from '../../../workflows/ticket/ticket.contract';
import { workCategory } from '../../../workflows/ticket/ticket-ledger';
import { lacksActivePackage, ledgerWorkCategory } from '../../../web/src/tickets/package-needed';

// L3-12, L3-18: the authorize form's rule is the ledger's (`planReservation`): charged
// configuration or development needs purchased hours and room (available + the ticket's own hold).

const ticket = {
  number: 'L3-2026-000009',
  category: 'INCIDENT',
  requirementKind: 'DEVELOPMENT',
  billing: null,
};
const onlyAdjustments = { purchased: 0, available: 20, reservations: [] };

describe('lacksActivePackage (the ledger’s NO_ACTIVE_PACKAGE, L3-12)', () => {
  it('development or configuration with hours only from adjustments: refused', () => {
    expect(lacksActivePackage(ticket, onlyAdjustments)).toBe(true);
    expect(lacksActivePackage({ ...ticket, requirementKind: 'CHANGE' }, onlyAdjustments)).toBe(
      true,
    );
    expect(
      lacksActivePackage({ ...ticket, requirementKind: 'CONFIGURATION' }, onlyAdjustments),
    ).toBe(true);
    expect(
      lacksActivePackage(
        { ...ticket, category: 'CONFIGURATION', requirementKind: null },
        onlyAdjustments,
      ),
    ).toBe(true);
  });

  it('other work, or a no-charge ticket (L3-18), needs no package', () => {
    expect(lacksActivePackage({ ...ticket, requirementKind: 'TRAINING' }, onlyAdjustments)).toBe(
      false,
    );
    expect(lacksActivePackage({ ...ticket, requirementKind: 'OTHER' }, onlyAdjustments)).toBe(
      false,
    );
    expect(lacksActivePackage({ ...ticket, billing: { noCharge: true } }, onlyAdjustments)).toBe(
      false,
    );
  });

  it('a purchased package needs room: the available hours plus what this ticket already holds', () => {
    const empty = { purchased: 40, available: 0, reservations: [] };
    expect(lacksActivePackage(ticket, empty)).toBe(true);
    const held = {
      ...empty,
      reservations: [
        { ticketNumber: 'L3-2026-000001', reservedHours: 10 },
        { ticketNumber: ticket.number, reservedHours: 4 },
      ],
    };
    expect(lacksActivePackage(ticket, held)).toBe(false);
    expect(lacksActivePackage(ticket, { ...empty, available: 0.25 })).toBe(false);
  });
});

describe("the web's work category is the workflow's (L3-12)", () => {
  it('names every category and requirement kind as workCategory does', () => {
    const categories: TicketCategory[] = [
      'QUESTION',
      'INCIDENT',
      'CONFIGURATION',
      'DEVELOPMENT',
      'TRAINING',
      'ADMIN_ACTION',
    ];
    const kinds: (RequirementKind | null)[] = [
      null,
      'CHANGE',
      'CONFIGURATION',
      'DEVELOPMENT',
      'TRAINING',
      'OTHER',
    ];
    for (const category of categories) {
      for (const requirementKind of kinds) {
        const view = { category, requirementKind } as unknown as TicketView;
        expect([
          category,
          requirementKind,
          ledgerWorkCategory({ category, requirementKind }),
        ]).toEqual([category, requirementKind, workCategory(view)]);
      }
    }
  });
});
