import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ErrorWords, serverErrorText } from '../../../web/src/i18n/error-text';
import { serverErrorsEn } from '../../../web/src/i18n/server-errors.en';
import { serverErrorsEsMX } from '../../../web/src/i18n/server-errors.es-mx';

// The web app words server refusals in the UI language (Spanish first): class-validator rules
// with the form's own labels and limits, INSUFFICIENT_HOURS (L3-12), dates in the user's zone
// (L3-09 release dates), role and state refusals. Unknown reasons fall back to the server text.

const es: ErrorWords = {
  server: serverErrorsEsMX,
  roleNames: { AGENT: 'Agente L3', CLIENT_APPROVER: 'Aprobador de estimaciones' },
  actionNames: { submitEstimate: 'Enviar estimación' },
  states: { CLOSED: 'Cerrado' },
  categories: { INCIDENT: 'Incidente' },
};
const en: ErrorWords = {
  ...es,
  server: serverErrorsEn,
  roleNames: { CLIENT_APPROVER: 'Estimate approver' },
};
const zone = 'America/Mexico_City';
// As `web/src/i18n/format.ts` formatInstant does (that module needs the JSX-aware web build).
const esCtx = {
  language: 'es-MX',
  formatInstant: (iso: string) =>
    new Intl.DateTimeFormat('es-MX', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: zone,
    }).format(new Date(iso)),
};
const fail = (code: string, extensions: Record<string, unknown>, message = 'English text') => ({
  code,
  message,
  extensions: { code, ...extensions },
});

describe('server errors in the UI language', () => {
  it('L3-01: says since when a policy is suspended or ended, and why, not «no active policy»', () => {
    const ended = fail('VALIDATION_FAILED', {
      reason: 'NO_ACTIVE_POLICY',
      policyStatus: 'ENDED',
      since: '2026-12-03',
      statusReason: 'Fin de contrato',
    });
    expect(serverErrorText(ended, es, esCtx)).toBe(
      'La póliza de soporte terminó el jueves, 3 de diciembre de 2026 (Fin de contrato): se necesita una póliza activa.',
    );
    const suspended = fail('VALIDATION_FAILED', {
      reason: 'NO_ACTIVE_POLICY',
      policyStatus: 'SUSPENDED',
      since: '2026-12-01',
      statusReason: null,
    });
    expect(serverErrorText(suspended, en, { ...esCtx, language: 'en' })).toBe(
      'The support policy has been suspended since Tuesday, December 1, 2026: an active policy is needed.',
    );
    const none = fail('VALIDATION_FAILED', { reason: 'NO_ACTIVE_POLICY', policyStatus: null });
    expect(serverErrorText(none, es, esCtx)).toBe(
      'El cliente no tiene una póliza de soporte activa.',
    );
  });

  it('words each class-validator rule with the form label, the limit in local digits', () => {
    const error = fail('VALIDATION_FAILED', {
      reason: 'INPUT_CONSTRAINTS',
      violations: [
        {
          path: 'description',
          property: 'description',
          constraint: 'maxLength',
          args: [20000],
          limit: 20000,
        },
        { path: 'hours', property: 'hours', constraint: 'min', args: [0.25], limit: 0.25 },
        {
          path: 'category',
          property: 'category',
          constraint: 'isIn',
          args: [['QUESTION', 'INCIDENT']],
        },
        { path: 'note', property: 'note', constraint: 'matches', args: ['/\\S/'] },
        { path: 'x', property: 'x', constraint: 'someCustomRule', args: [] },
      ],
    });
    const text = serverErrorText(error, es, {
      ...esCtx,
      fieldLabel: (p) => (p === 'hours' ? 'Horas estimadas' : undefined),
    });
    expect(text).toBe(
      '«Descripción» admite como máximo 20,000 caracteres. «Horas estimadas» debe ser al menos 0.25. ' +
        '«Categoría» debe ser uno de estos valores: QUESTION, INCIDENT. Complete el campo «Nota». «x» no es válido.',
    );
    expect(serverErrorText(error, en, { language: 'en', formatInstant: String })).toMatch(
      /^“Description” takes at most 20,000 characters\. “Hours” must be at least 0\.25\./,
    );
  });

  it('INSUFFICIENT_HOURS shows the hours needed, available and missing (L3-12)', () => {
    const error = fail('VALIDATION_FAILED', {
      reason: 'INSUFFICIENT_HOURS',
      requestedHours: 100,
      availableHours: 40.5,
      shortfallHours: 59.5,
    });
    expect(serverErrorText(error, es, esCtx)).toBe(
      'No hay suficientes horas prepagadas: se necesitan 100 h y hay 40.5 h disponibles (faltan 59.5 h).',
    );
  });

  it('NO_ACTIVE_PACKAGE (an authorization with hours only adjustments gave) says what to do (L3-12)', () => {
    const error = fail(
      'VALIDATION_FAILED',
      { reason: 'NO_ACTIVE_PACKAGE', availableHours: 5 },
      'DEVELOPMENT work needs an active prepaid hour package with hours left (L3-12)',
    );
    expect(serverErrorText(error, es, esCtx)).toBe(
      'No hay un paquete de horas prepagadas activo: el trabajo de configuración y desarrollo se carga a un paquete comprado con horas disponibles (disponibles ahora: 5 h). Hace falta contratar un paquete de horas (el equipo de soporte lo registra); después vuelva a intentarlo.',
    );
    expect(serverErrorText(error, en, { language: 'en', formatInstant: String })).toMatch(
      /^There is no active prepaid hour package: .+ \(available now: 5 h\)\. A package of hours must be purchased/,
    );
  });

  it('EXCEEDS_AUTHORIZED_ESTIMATE names a change order only where one can help (QA, L3-12/L3-18)', () => {
    const over = fail('VALIDATION_FAILED', {
      reason: 'EXCEEDS_AUTHORIZED_ESTIMATE',
      requestedHours: 8,
      remainingHours: 7,
    });
    expect(serverErrorText(over, es, esCtx)).toContain('registre una orden de cambio');
    // A ticket no estimate was ever authorized for (a problem): no change order exists there.
    const none = fail('VALIDATION_FAILED', {
      reason: 'EXCEEDS_AUTHORIZED_ESTIMATE',
      requestedHours: 2,
      remainingHours: 0,
      noEstimate: true,
    });
    const text = serverErrorText(none, es, esCtx)!;
    expect(text).toContain('no tiene una estimación autorizada');
    expect(text).toContain('«Sin cargo al paquete»');
    expect(text).not.toContain('orden de cambio');
  });

  it('a date not in the future is shown in the user’s time zone, not as a UTC instant', () => {
    const error = fail('VALIDATION_FAILED', {
      reason: 'NOT_IN_FUTURE',
      field: 'releaseDate',
      value: '2026-11-20T16:00:00.000Z',
    });
    const text = serverErrorText(error, es, esCtx)!;
    expect(text).toMatch(
      /^«Fecha de entrega» debe ser una fecha futura \(indicó 20 nov 2026, 10:00/,
    );
    expect(text).not.toContain('2026-11-20T16');
  });

  it('role, state, taken email and not found in words; an unknown reason gives undefined', () => {
    expect(
      serverErrorText(
        fail('FORBIDDEN', {
          reason: 'ROLE_NOT_ALLOWED',
          role: 'AGENT',
          allowedRoles: ['CLIENT_APPROVER'],
        }),
        es,
        esCtx,
      ),
    ).toBe('Solo pueden hacerlo: Aprobador de estimaciones.');
    expect(
      serverErrorText(
        fail('INVALID_TRANSITION', {
          reason: 'WRONG_STATE',
          action: 'submitEstimate',
          state: 'CLOSED',
        }),
        es,
        esCtx,
      ),
    ).toBe('«Enviar estimación» no es posible con el ticket en estado «Cerrado».');
    expect(
      serverErrorText(fail('CONFLICT', { reason: 'EMAIL_TAKEN', email: 'a@b.mx' }), es, esCtx),
    ).toBe('Ya existe un usuario con el correo a@b.mx.');
    // L3-04: an admin deactivating their own account (not the generic CONFLICT words).
    expect(
      serverErrorText(fail('CONFLICT', { reason: 'OWN_ACCOUNT_DEACTIVATION' }), es, esCtx),
    ).toBe(
      'No puede desactivar su propia cuenta; pida a otro administrador que lo haga si hace falta.',
    );
    expect(
      serverErrorText(fail('CONFLICT', { reason: 'OWN_ACCOUNT_DEACTIVATION' }), en, esCtx),
    ).toBe('You cannot deactivate your own account; ask another administrator to do it if needed.');
    // L3-12, L3-13: an agent cancelling a time entry another person logged.
    expect(serverErrorText(fail('FORBIDDEN', { reason: 'NOT_YOUR_TIME_ENTRY' }), es, esCtx)).toBe(
      'Solo quien registró estas horas, o un gerente, puede anularlas.',
    );
    expect(serverErrorText(fail('FORBIDDEN', { reason: 'NOT_YOUR_TIME_ENTRY' }), en, esCtx)).toBe(
      'Only whoever logged these hours, or a manager, can cancel them.',
    );
    // L3-04: two admins removing each other at once, the second is refused.
    expect(serverErrorText(fail('CONFLICT', { reason: 'LAST_ACTIVE_ADMIN' }), es, esCtx)).toBe(
      'Es el último administrador activo: primero haga administrador activo a otro usuario.',
    );
    expect(
      serverErrorText(
        fail('NOT_FOUND', { reason: 'NOT_FOUND', entity: 'ticket', id: 'L3-2026-000009' }),
        es,
        esCtx,
      ),
    ).toBe('No se encontró el ticket L3-2026-000009.');
    // An internal UUID tells a reader nothing (QA S15: a client opening another organization's
    // checkpoint read «No se encontró el punto de control 67458068-2921-…»).
    const checkpointId = '67458068-2921-4c9b-a4e1-3f5193745d20';
    const missingCheckpoint = fail('NOT_FOUND', {
      reason: 'NOT_FOUND',
      entity: 'checkpoint',
      id: checkpointId,
    });
    expect(serverErrorText(missingCheckpoint, es, esCtx)).toBe(
      'No se encontró el punto de control.',
    );
    expect(serverErrorText(missingCheckpoint, en, esCtx)).toBe('Checkpoint was not found.');
    expect(
      serverErrorText(
        fail('NOT_FOUND', { reason: 'NOT_FOUND', entity: 'ticket', id: 'L3-2026-000009' }),
        en,
        esCtx,
      ),
    ).toBe('Ticket L3-2026-000009 was not found.');
    expect(
      serverErrorText(fail('CONFLICT', { reason: 'SOMETHING_NEW' }), es, esCtx),
    ).toBeUndefined();
    expect(serverErrorText(fail('UNAVAILABLE', {}), es, esCtx)).toBeUndefined();
  });
});

describe('the ticket workflow’s refusals in the UI language', () => {
  it('L3-07 «Reasignar sus tickets»: a ticket handed elsewhere meanwhile, the same agent as target', () => {
    const changed = fail('INVALID_TRANSITION', { reason: 'ASSIGNEE_CHANGED', assigneeId: 'x' });
    expect(serverErrorText(changed, es, esCtx)).toBe(
      'Mientras tanto el ticket pasó a otra persona; sigue con ella.',
    );
    expect(serverErrorText(changed, en, esCtx)).toBe(
      'The ticket was handed to someone else meanwhile; it stays with them.',
    );
    const same = fail('VALIDATION_FAILED', { reason: 'SAME_USER', field: 'toUserId' });
    expect(serverErrorText(same, es, esCtx)).toBe(
      'Elija a otro agente: los tickets ya son de esa persona.',
    );
    expect(serverErrorText(same, en, esCtx)).toBe(
      'Choose another agent: the tickets are already theirs.',
    );
  });

  it('dates: too far, outside business time, before registration, in the user’s zone', () => {
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'DATE_TOO_FAR',
          field: 'releaseDate',
          value: '2028-01-01T16:00:00.000Z',
          latest: '2027-11-30T16:00:00.000Z',
        }),
        es,
        esCtx,
      ),
    ).toMatch(
      /^La fecha más tardía posible para «Fecha de entrega» es el 30 nov 2027, 10:00.*; elija una anterior\.$/,
    );
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'OUTSIDE_BUSINESS_TIME',
          field: 'at',
          value: '2026-11-29T16:00:00.000Z',
        }),
        en,
        { ...esCtx, language: 'en' },
      ),
    ).toMatch(
      /^“Date and time” \(29 nov 2026, 10:00.*\) is outside the client calendar's business hours\.$/,
    );
    // QA S63 #11: a session that would end after the closing says when the day closes and what
    // fits instead, in either language; a shorter session only when it is 15 min or more.
    const late = {
      reason: 'ENDS_AFTER_CLOSING',
      field: 'durationMinutes',
      value: '2026-12-09T23:30:00.000Z',
      durationMinutes: 90,
      closesAt: '2026-12-10T00:00:00.000Z',
      maxDurationMinutes: 30,
      latestStart: '2026-12-09T22:30:00.000Z',
    };
    expect(serverErrorText(fail('VALIDATION_FAILED', late), es, esCtx)).toMatch(
      /^La sesión de 90 min terminaría después del cierre del horario hábil del cliente \(9 dic 2026, 6:00.*\)\. Empiece a más tardar el 9 dic 2026, 4:30.* o acorte la duración a 30 min como máximo\.$/,
    );
    expect(
      serverErrorText(fail('VALIDATION_FAILED', late), en, { ...esCtx, language: 'en' }),
    ).toMatch(
      /^A 90-minute session would end after the client's business hours close \(.+\)\. Start by .+ or shorten it to 30 min at most\.$/,
    );
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', { ...late, maxDurationMinutes: 5, latestStart: undefined }),
        es,
        esCtx,
      ),
    ).toMatch(/\)\. Elija otro horario o una duración menor\.$/);
    // With the weekday when the form knows how to say it (QA S52: «es sábado» was the reason).
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'OUTSIDE_BUSINESS_TIME',
          field: 'releaseDate',
          value: '2026-12-12T16:00:00.000Z',
        }),
        es,
        { ...esCtx, formatInstantWithDay: (iso: string) => `sábado, ${esCtx.formatInstant(iso)}` },
      ),
    ).toMatch(/^«Fecha de entrega» \(sábado, 12 dic 2026, 10:00.*\) cae fuera del horario hábil/);
    // And what to pick instead: the calendar's next business time (QA S52).
    const withDay = {
      ...esCtx,
      formatInstantWithDay: (iso: string) => `lunes, ${esCtx.formatInstant(iso)}`,
    };
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'OUTSIDE_BUSINESS_TIME',
          field: 'releaseDate',
          value: '2026-12-12T16:00:00.000Z',
          nextBusinessTime: '2026-12-14T15:00:00.000Z',
        }),
        es,
        withDay,
      ),
    ).toMatch(
      /cae fuera del horario hábil del calendario del cliente\. La siguiente hora hábil es el lunes, 14 dic 2026, 9:00.*\.$/,
    );
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'ON_HOLIDAY',
          field: 'releaseDate',
          value: '2026-12-25T18:00:00.000Z',
          holiday: 'Navidad',
          nextBusinessTime: '2026-12-28T15:00:00.000Z',
        }),
        en,
        { ...withDay, language: 'en' },
      ),
    ).toMatch(/: Navidad\. The next business time is lunes, 28 dic 2026, 9:00.*\.$/);
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', {
          reason: 'BEFORE_REGISTRATION',
          field: 'executedAt',
          value: '2026-11-01T16:00:00.000Z',
          registeredAt: '2026-11-20T16:00:00.000Z',
        }),
        es,
        esCtx,
      ),
    ).toMatch(/^«Ejecutada» no puede ser anterior al registro del ticket \(20 nov 2026, 10:00/);
  });

  it('a link that is not a WhatsApp group invite says what one looks like (QA S52, L3-14)', () => {
    const bad = fail('VALIDATION_FAILED', {
      reason: 'NOT_WHATSAPP_GROUP_LINK',
      field: 'whatsappGroupUrl',
    });
    expect(serverErrorText(bad, es, esCtx)).toBe(
      '«Enlace del grupo de WhatsApp» debe ser el enlace de invitación a un grupo de WhatsApp: https://chat.whatsapp.com/ seguido del código del grupo.',
    );
    expect(serverErrorText(bad, en, { ...esCtx, language: 'en' })).toMatch(
      /must be a WhatsApp group invite link: https:\/\/chat\.whatsapp\.com\/ followed by/,
    );
  });

  it('QA S53: refusals a form could reach say what is wrong in the UI language, not the server sentence', () => {
    const en_ = { ...esCtx, language: 'en' };
    // A mistyped year in a date field (0202): the date and the earliest one, in words.
    const early = fail('VALIDATION_FAILED', {
      reason: 'DATE_TOO_EARLY',
      field: 'purchasedOn',
      value: '0202-02-15',
      earliest: '2000-01-01',
    });
    expect(serverErrorText(early, es, esCtx)).toBe(
      '«Fecha de compra» (lunes, 15 de febrero de 202) es anterior al sábado, 1 de enero de 2000: revise el año.',
    );
    expect(serverErrorText(early, en, en_)).toMatch(
      /^“Purchase date” \(.*\) is before .*2000: check the year\.$/,
    );
    // An organization's name with nothing to make its identifier from.
    const slug = fail('VALIDATION_FAILED', { reason: 'SLUG_NOT_DERIVABLE', field: 'name' });
    expect(serverErrorText(slug, es, esCtx)).toBe(
      '«Nombre» necesita al menos una letra o un número (A–Z, 0–9): con ellos se forma el identificador de la organización.',
    );
    // The deadline calculator's engine: an instant outside its years; another input rule.
    const range = fail('VALIDATION_FAILED', {
      reason: 'BUSINESS_TIME_INPUT_INVALID',
      field: 'from',
      rule: 'INSTANT_RANGE',
    });
    expect(serverErrorText(range, es, { ...esCtx, fieldLabel: () => 'Desde' })).toBe(
      '«Desde» debe estar entre el año 1900 y el 9000: revise el año.',
    );
    const other = fail('VALIDATION_FAILED', {
      reason: 'BUSINESS_TIME_INPUT_INVALID',
      field: 'from',
    });
    expect(serverErrorText(other, es, { ...esCtx, fieldLabel: () => 'Desde' })).toBe(
      '«Desde» no es válido.',
    );
    const closed = fail('VALIDATION_FAILED', {
      reason: 'NO_WORKING_TIME',
      timeZone: 'America/Mexico_City',
      searchedFrom: '2026-12-07',
      horizonDays: 1098,
    });
    expect(serverErrorText(closed, es, esCtx)).toBe(
      'El calendario no tiene horario hábil en los 1,098 días a partir del lunes, 7 de diciembre de 2026: revise su horario semanal y sus excepciones.',
    );
    expect(serverErrorText(closed, en, en_)).toBe(
      'The calendar has no business hours in the 1,098 days from Monday, December 7, 2026: check its weekly hours and its exceptions.',
    );
    // A picker's stale list.
    expect(
      serverErrorText(fail('VALIDATION_FAILED', { reason: 'AGENT_NOT_ACTIVE' }), es, esCtx),
    ).toBe(
      'La persona elegida ya no es un agente activo del proveedor: recargue la página y elija otra.',
    );
    expect(
      serverErrorText(fail('VALIDATION_FAILED', { reason: 'PARTICIPANT_NOT_ACTIVE' }), en, en_),
    ).toBe(
      "That person is no longer an active user of the ticket's organization: reload the page and choose another.",
    );
    // `@Length(min, max)` names its rule `isLength`: its limits are said, not «no es válido».
    const length = fail('VALIDATION_FAILED', {
      reason: 'INPUT_CONSTRAINTS',
      violations: [{ path: 'name', property: 'name', constraint: 'isLength', args: [1, 200] }],
    });
    expect(serverErrorText(length, es, esCtx)).toBe(
      es.server.constraints.length('Nombre', '1', '200'),
    );
  });

  it('a date on a holiday names the holiday, in either language (QA S51)', () => {
    const christmas = fail('VALIDATION_FAILED', {
      reason: 'ON_HOLIDAY',
      field: 'releaseDate',
      value: '2026-12-25T18:00:00.000Z',
      date: '2026-12-25',
      holiday: 'Navidad',
    });
    expect(serverErrorText(christmas, es, esCtx)).toMatch(
      /^«Fecha de entrega» \(25 dic 2026, 12:00.*\) cae en un día festivo del calendario del cliente: Navidad\.$/,
    );
    expect(serverErrorText(christmas, en, { ...esCtx, language: 'en' })).toMatch(
      /^“Release date” \(.*\) falls on a holiday in the client's calendar: Navidad\.$/,
    );
    // A generated (LFT art. 74) holiday reads in the reader's language, as the calendar page
    // writes it (QA S54: «Navidad» in the English UI); an entered one keeps its own name.
    const generated = fail('VALIDATION_FAILED', {
      ...christmas.extensions,
      holidaySource: 'MX_LFT_74',
    });
    expect(serverErrorText(generated, en, { ...esCtx, language: 'en' })).toMatch(
      /falls on a holiday in the client's calendar: Christmas Day\.$/,
    );
    expect(serverErrorText(generated, es, esCtx)).toMatch(/: Navidad\.$/);
  });

  it('a checkpoint time outside business hours names the weekday and its hours (L3-15)', () => {
    const outside = fail('VALIDATION_FAILED', {
      reason: 'CHECKPOINT_OUTSIDE_BUSINESS_HOURS',
      field: 'localTime',
      weekday: 2,
      localTime: '20:00',
      businessHours: [{ start: '09:00', end: '18:00' }],
    });
    expect(serverErrorText(outside, es, esCtx)).toBe(
      'La hora 20:00 queda fuera del horario hábil del martes (09:00–18:00) en el calendario del cliente; elija una hora dentro de ese horario.',
    );
    expect(serverErrorText(outside, en, { ...esCtx, language: 'en' })).toBe(
      "20:00 is outside Tuesday's business hours (09:00–18:00) in the client's calendar; choose a time within them.",
    );
  });

  it('argument checks reuse the input-rule words', () => {
    expect(
      serverErrorText(fail('VALIDATION_FAILED', { reason: 'REQUIRED', field: 'note' }), es, esCtx),
    ).toBe('Complete el campo «Nota».');
    expect(
      serverErrorText(
        fail('VALIDATION_FAILED', { reason: 'LENGTH', field: 'body', min: 1, max: 20000 }),
        es,
        esCtx,
      ),
    ).toBe('«Mensaje» debe tener entre 1 y 20,000 caracteres.');
  });

  it('STALE_ESTIMATE_VERSION and ESTIMATE_BELOW_CONSUMED say what happened and what to do (L3-12)', () => {
    const stale = fail(
      'CONFLICT',
      { reason: 'STALE_ESTIMATE_VERSION', currentEstimateVersion: 3 },
      'Ticket L3-2026-000009 already has hours reserved for estimate version 3',
    );
    expect(serverErrorText(stale, es, esCtx)).toBe(
      'Este ticket ya tiene horas reservadas para la estimación v3, más reciente que la que intentó autorizar: recargue la página y revise la versión vigente.',
    );
    expect(serverErrorText(stale, en, { language: 'en', formatInstant: String })).toBe(
      'This ticket already has hours reserved for estimate v3, newer than the one you tried to authorize: reload the page and review the current version.',
    );
    const below = fail('VALIDATION_FAILED', {
      reason: 'ESTIMATE_BELOW_CONSUMED',
      consumedHours: 6.5,
    });
    expect(serverErrorText(below, es, esCtx)).toBe(
      'En este ticket ya se consumieron 6.5 h y esta estimación autoriza menos: el agente debe enviar una nueva estimación de al menos 6.5 h.',
    );
    expect(serverErrorText(below, en, { language: 'en', formatInstant: String })).toBe(
      '6.5 h have already been consumed on this ticket and this estimate authorizes fewer: the agent must submit a new estimate of at least 6.5 h.',
    );
  });

  it('every reason the API raises is worded here or by the screen that meets it (QA S53)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [join(dir, e.name)]
            : [],
      );
    const src = join(__dirname, '../../../src');
    const raised = new Set(
      files(src).flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/reason: '([A-Z_]+)'/g)].map((m) => m[1]),
      ),
    );
    // The engine's typed errors reach clients by their code (graphql-error-formatter.ts).
    for (const code of ['BUSINESS_TIME_INPUT_INVALID', 'NO_WORKING_TIME']) raised.add(code);
    const web = join(__dirname, '../../../web/src');
    /** Reasons a screen words itself: the file and what in it does (null: no screen calls it). */
    const byScreen: Record<string, readonly [string, string] | null> = {
      INPUT_CONSTRAINTS: ['i18n/error-text.ts', 'violationsOf(ext)'],
      OWN_ADMIN_ROLE: ['users/edit-user-form.tsx', "'OWN_ADMIN_ROLE'"],
      PASSWORD_LINK_INVALID: ['users/set-password-page.tsx', "'PASSWORD_LINK_INVALID'"],
      WRONG_CURRENT_PASSWORD: ['users/change-password-page.tsx', "'WRONG_CURRENT_PASSWORD'"],
      TITLE_TAKEN: ['canned-responses/canned-response-form.tsx', "'TITLE_TAKEN'"],
      SESSION_ENDED: ['api/live.ts', 'SESSION_ENDED_CLOSE'],
      // The users page words its CONFLICT and RATE_LIMITED refusals (resend, reset, deactivate).
      USER_INACTIVE: ['users/users-page.tsx', 'CONFLICT: a.notPossible'],
      INVITATION_NOT_PENDING: ['users/users-page.tsx', 'CONFLICT: a.notPossible'],
      INVITATION_JUST_SENT: ['users/users-page.tsx', 'RATE_LIMITED: a.invitationJustSent'],
      // The statement's CSV download endpoint: the web app builds the CSV itself.
      INVALID_LANGUAGE: null,
    };
    const unworded = [...raised].filter((reason) => {
      if (Object.hasOwn(byScreen, reason)) {
        const screen = byScreen[reason];
        return screen !== null && !readFileSync(join(web, screen[0]), 'utf8').includes(screen[1]);
      }
      return [es, en].some(
        (words) =>
          serverErrorText(
            fail('VALIDATION_FAILED', { reason, field: 'note', value: 'x' }),
            words,
            esCtx,
          ) === undefined,
      );
    });
    expect(raised.size).toBeGreaterThan(40);
    expect(unworded).toEqual([]);
  });

  it('every reason the workflow and the hour ledger’s rules raise has words in both languages', () => {
    const dir = join(__dirname, '../../../workflows/ticket');
    const workflow = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/reason: '([A-Z_]+)'/g)]);
    // L3-12: the ledger's refusals (an authorization's reservation, logged time) reach the forms.
    const ledger = readFileSync(join(__dirname, '../../../src/contracts/ledger-rules.ts'), 'utf8');
    const ledgerReasons = [...ledger.matchAll(/ledgerRefusal\(\s*'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(ledgerReasons).toEqual(
      expect.arrayContaining(['STALE_ESTIMATE_VERSION', 'ESTIMATE_BELOW_CONSUMED']),
    );
    const reasons = new Set([...workflow.map((m) => m[1]), ...ledgerReasons]);
    expect(reasons.size).toBeGreaterThan(15);
    for (const reason of reasons) {
      for (const [words, language] of [
        [es, 'es-MX'],
        [en, 'en'],
      ] as const) {
        const worded = serverErrorText(
          fail('VALIDATION_FAILED', { reason, field: 'note', value: 'x' }),
          words,
          { ...esCtx, language },
        );
        expect({ reason, language, worded: typeof worded }).toEqual({
          reason,
          language,
          worded: 'string',
        });
      }
    }
  });
});
