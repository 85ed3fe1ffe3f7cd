import { calendarEditorEn } from '../../../web/src/i18n/calendar-editor.en';
import { calendarEditorEsMX } from '../../../web/src/i18n/calendar-editor.es-mx';

// QA (L3-06, BUSINESS-TIME.md): adding or removing a holiday moves the running deadlines of every
// client on the calendar, so the web app asks first, naming whom it reaches: how many clients and
// open tickets when the API says, «todos los clientes que usan este calendario» when it does not,
// and that the default calendar reaches every client without its own. L3-19: and that each moved
// date is emailed to its ticket's registrant (DEADLINE_MOVED).

describe('calendar holidays: the confirmation words', () => {
  it('names the clients and open tickets, and what happens to that day (es-MX)', () => {
    const m = calendarEditorEsMX;
    const names = ['Comercializadora Aurora', 'Grupo Boreal', 'Textiles Cenit'];
    expect(m.holidayImpact(true, { clients: 3, clientNames: names, openTickets: 1 }, false)).toBe(
      'Este calendario rige a 3 clientes (Comercializadora Aurora, Grupo Boreal y Textiles Cenit) y a 1 ticket abierto: sus plazos en curso se recalculan y ese día deja de contar como hábil. Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.',
    );
    expect(
      m.holidayImpact(false, { clients: 1, clientNames: ['Grupo Boreal'], openTickets: 12 }, false),
    ).toBe(
      'Este calendario rige a 1 cliente (Grupo Boreal) y a 12 tickets abiertos: sus plazos en curso se recalculan y ese día vuelve a contar como hábil. Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.',
    );
  });

  it('names five clients and says how many more (QA S54), or only counts them when none', () => {
    const m = calendarEditorEsMX;
    const five = ['A', 'B', 'C', 'D', 'E'];
    expect(m.confirmImpact({ clients: 8, clientNames: five, openTickets: 0 })).toMatch(
      /^Este calendario rige a 8 clientes \(A, B, C, D, E y 3 más\) y a 0 tickets abiertos: los plazos en curso se recalculan con el nuevo horario\./,
    );
    expect(
      calendarEditorEn.confirmImpact({ clients: 8, clientNames: five, openTickets: 1 }),
    ).toMatch(/^This calendar governs 8 clients \(A, B, C, D, E, and 3 more\) and 1 open ticket: /);
    expect(m.confirmImpact({ clients: 0, clientNames: [], openTickets: 0 })).toMatch(
      /^Este calendario rige a 0 clientes y a 0 tickets abiertos: /,
    );
  });

  it('says «todos los clientes que usan este calendario» when the count is not known, and names the default', () => {
    expect(calendarEditorEsMX.holidayImpact(true, null, true)).toBe(
      'Los plazos en curso de todos los clientes que usan este calendario se recalculan y ese día deja de contar como hábil. Es el calendario predeterminado: aplica a todo cliente sin calendario propio. Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.',
    );
  });

  it('speaks English too', () => {
    const reach = { clients: 2, clientNames: ['Aurora', 'Boreal'], openTickets: 5 };
    expect(calendarEditorEn.holidayImpact(true, reach, true)).toBe(
      'This calendar governs 2 clients (Aurora and Boreal) and 5 open tickets: their running deadlines are recomputed and that day stops counting as a business day. This is the default calendar: it applies to every client without its own. Whoever registered each ticket whose date moves is emailed the new one.',
    );
    expect(calendarEditorEn.holidayAddTitle('Mon, Nov 30, 2026', 'Company day')).toBe(
      'Add Mon, Nov 30, 2026 (“Company day”) as a holiday?',
    );
  });
});
