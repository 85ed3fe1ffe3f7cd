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
    expect(m.holidayImpact(true, { clients: 3, openTickets: 1 }, false)).toBe(
      'Este calendario rige a 3 clientes y a 1 ticket abierto: sus plazos en curso se recalculan y ese día deja de contar como hábil. Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.',
    );
    expect(m.holidayImpact(false, { clients: 1, openTickets: 12 }, false)).toBe(
      'Este calendario rige a 1 cliente y a 12 tickets abiertos: sus plazos en curso se recalculan y ese día vuelve a contar como hábil. Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.',
    );
  });

  it('says «todos los clientes que usan este calendario» when the count is not known, and names the default', () => {
    expect(calendarEditorEsMX.holidayImpact(true, null, true)).toBe(
      'Los plazos en curso de todos los clientes que usan este calendario se recalculan y ese día deja de contar como hábil. Es el calendario predeterminado: aplica a todo cliente sin calendario propio. Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.',
    );
  });

  it('speaks English too', () => {
    expect(calendarEditorEn.holidayImpact(true, { clients: 2, openTickets: 5 }, true)).toBe(
      'This calendar governs 2 clients and 5 open tickets: their running deadlines are recomputed and that day stops counting as a business day. This is the default calendar: it applies to every client without its own. Whoever registered each ticket whose date moves is emailed the new one.',
    );
    expect(calendarEditorEn.holidayAddTitle('Mon, Nov 30, 2026', 'Company day')).toBe(
      'Add Mon, Nov 30, 2026 (“Company day”) as a holiday?',
    );
  });
});
