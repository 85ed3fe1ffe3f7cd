import { Locale } from '../../../src/identity/locale.enum';
import type { NotificationEvent } from '../../../src/notifications/notification-event';
import { renderEmail, type RenderOptions } from '../../../src/notifications/templates/render-email';
import {
  NAMED_OPTIONS,
  RENDER_OPTIONS,
  SAMPLE_EVENTS,
  sampleParticipant,
  sampleRegistrant,
} from '../fixtures/sample-email';

// L3-11 (S19): a ticket's client emails reach its participants too. The registrant reads the
// ticket as theirs («su ticket», what they reported, their decision); a participant reads
// «el ticket L3-…», who registered it, and what the registrant did as the registrant's.

const text = (
  event: NotificationEvent,
  locale: Locale,
  participant: boolean,
  options: RenderOptions = NAMED_OPTIONS,
) => {
  const recipient = participant ? sampleParticipant(locale) : sampleRegistrant(locale);
  const email = renderEmail(event, recipient, options)!;
  return `${email.subject}\n${email.text}`;
};

type Words = readonly [es: string, en: string];

const CASES: readonly [string, NotificationEvent, Words, Words][] = [
  [
    'ticket registered',
    SAMPLE_EVENTS.TICKET_REGISTERED,
    ['Registramos su ticket L3-2026-000123.', 'We registered your ticket L3-2026-000123.'],
    [
      'Úrsula Usuaria registró el ticket L3-2026-000123.',
      'Úrsula Usuaria registered ticket L3-2026-000123.',
    ],
  ],
  [
    'assigned',
    SAMPLE_EVENTS.ASSIGNED,
    [
      'Alex Agent atenderá su ticket L3-2026-000123.',
      'Alex Agent will handle your ticket L3-2026-000123.',
    ],
    [
      'Alex Agent atenderá el ticket L3-2026-000123.',
      'Alex Agent will handle ticket L3-2026-000123.',
    ],
  ],
  [
    'information requested with the progress clock paused',
    { ...SAMPLE_EVENTS.INFO_REQUESTED, pausedClock: 'progress' },
    [
      'el plazo de avance periódico de su ticket queda en pausa',
      'the progress-update clock of your ticket is paused',
    ],
    [
      'el plazo de avance periódico del ticket queda en pausa',
      'the progress-update clock of the ticket is paused',
    ],
  ],
  [
    'information requested with the diagnosis clock paused',
    { ...SAMPLE_EVENTS.INFO_REQUESTED, pausedClock: 'diagnosis' },
    ['para el diagnóstico de su requerimiento', 'the diagnosis clock of your requirement'],
    ['para el diagnóstico del requerimiento', 'the diagnosis clock of the requirement'],
  ],
  [
    'comment',
    SAMPLE_EVENTS.COMMENT_ADDED,
    [
      'Alex Agent comentó en su ticket L3-2026-000123.',
      'Alex Agent commented on your ticket L3-2026-000123.',
    ],
    [
      'Alex Agent comentó en el ticket L3-2026-000123.',
      'Alex Agent commented on ticket L3-2026-000123.',
    ],
  ],
  [
    'client answer recorded',
    SAMPLE_EVENTS.CLIENT_ANSWER_RECORDED,
    [
      'Registramos su respuesta: Reporte de ventas\n' +
        'la respuesta que nos dio por teléfono.\n' +
        'para atender su ticket.\nSi algo no corresponde con lo que nos dijo,',
      'We recorded your reply: Reporte de ventas\n' +
        'the reply you gave us by phone.\n' +
        'to attend your ticket starts.\nIf anything differs from what you told us,',
    ],
    [
      'Registramos la respuesta de Úrsula Usuaria: Reporte de ventas\n' +
        'la respuesta que nos dio Úrsula Usuaria por teléfono.\n' +
        'para atender el ticket.\nSi algo no corresponde con lo que se nos dijo,',
      'We recorded the reply from Úrsula Usuaria: Reporte de ventas\n' +
        'the reply Úrsula Usuaria gave us by phone.\n' +
        'to attend the ticket starts.\nIf anything differs from what we were told,',
    ],
  ],
  [
    'attachment',
    SAMPLE_EVENTS.ATTACHMENT_ADDED,
    [
      'Alex Agent adjuntó un archivo a su ticket L3-2026-000123.',
      'Alex Agent attached a file to your ticket L3-2026-000123.',
    ],
    [
      'Alex Agent adjuntó un archivo al ticket L3-2026-000123.',
      'Alex Agent attached a file to ticket L3-2026-000123.',
    ],
  ],
  [
    'odoo.sh action executed',
    SAMPLE_EVENTS.ADMIN_ACTION_EXECUTED,
    [
      'la acción que pidió en el ticket L3-2026-000123.',
      'the action you requested in ticket L3-2026-000123.',
    ],
    [
      'la acción pedida en el ticket L3-2026-000123 (registrado por Úrsula Usuaria).',
      'the action requested in ticket L3-2026-000123 (registered by Úrsula Usuaria).',
    ],
  ],
  [
    'auto-close reminder',
    SAMPLE_EVENTS.AUTO_CLOSE_REMINDER,
    [
      'si no responde\n' +
        'Resolvimos el ticket L3-2026-000123 y aún no nos confirma si quedó resuelto.\n' +
        'Si no responde, el ticket se cerrará',
      'unless you answer\n' +
        'We resolved ticket L3-2026-000123 and you have not told us yet whether it is solved.\n' +
        'If you do not answer, the ticket closes',
    ],
    [
      'si nadie responde\n' +
        'Resolvimos el ticket L3-2026-000123 (registrado por Úrsula Usuaria) y aún nadie nos confirma si quedó resuelto.\n' +
        'Si nadie responde, el ticket se cerrará',
      'unless someone answers\n' +
        'We resolved ticket L3-2026-000123 (registered by Úrsula Usuaria) and nobody has told us yet whether it is solved.\n' +
        'If nobody answers, the ticket closes',
    ],
  ],
  [
    'testing reminder',
    SAMPLE_EVENTS.TESTING_REMINDER,
    [
      'La entrega del ticket L3-2026-000123 está lista para sus pruebas\n' +
        '2, con las correcciones de las fallas que reportó\n' +
        'La decisión es suya: el ticket no se cierra sin su aceptación.',
      'The release of ticket L3-2026-000123 is ready for your testing\n' +
        '2, with the fixes for the failures you reported\n' +
        'The decision is yours: the ticket does not close without your acceptance.',
    ],
    [
      'La entrega del ticket L3-2026-000123 (registrado por Úrsula Usuaria) está lista para sus pruebas\n' +
        '2, con las correcciones de las fallas reportadas\n' +
        'La decisión es de su organización: el ticket no se cierra sin su aceptación.',
      'The release of ticket L3-2026-000123 (registered by Úrsula Usuaria) is ready for your testing\n' +
        '2, with the fixes for the reported failures\n' +
        'The decision is your organization’s: the ticket does not close without its acceptance.',
    ],
  ],
];

/** Each line of `words` is in the email, in order (the lines between may hold anything). */
function expectLines(email: string, words: string): void {
  let from = 0;
  for (const line of words.split('\n')) {
    const at = email.indexOf(line, from);
    expect({ line, found: at >= 0 }).toEqual({ line, found: true });
    from = at + line.length;
  }
}

describe.each(CASES)('%s (L3-11)', (_name, event, registrant, participant) => {
  it.each([
    [Locale.ES_MX, 0],
    [Locale.EN, 1],
  ] as const)(
    '%s: the registrant reads it as theirs, a participant as the registrant’s',
    (locale, i) => {
      const own = text(event, locale, false);
      const theirs = text(event, locale, true);
      expectLines(own, registrant[i]);
      expectLines(theirs, participant[i]);
      for (const line of registrant[i].split('\n')) expect(theirs).not.toContain(line);
      expect(own).not.toMatch(/registrado por|registered by/);
    },
  );
});

describe('a participant whose email lacks the registrant’s name (L3-11)', () => {
  it('reads «el ticket» without «registrado por»', () => {
    const es = text(SAMPLE_EVENTS.AUTO_CLOSE_REMINDER, Locale.ES_MX, true, RENDER_OPTIONS);
    expect(es).toContain(
      'Resolvimos el ticket L3-2026-000123 y aún nadie nos confirma si quedó resuelto.',
    );
    const en = text(SAMPLE_EVENTS.CLIENT_ANSWER_RECORDED, Locale.EN, true, RENDER_OPTIONS);
    expect(en).toContain('the reply the ticket’s registrant gave us by phone.');
    expect(`${es}\n${en}`).not.toMatch(/registrado por|registered by|Úrsula/);
  });
});
