/** Whom a calendar change reaches: how many clients (the first ones by name) and open tickets. */
export interface CalendarReach {
  readonly clients: number;
  /** The first clients reached, alphabetically (the API names up to 5). */
  readonly clientNames: readonly string[];
  readonly openTickets: number;
}

/**
 * The clients counted, then named, then how many more, in `locale`'s list words: «2 clientes
 * (Comercializadora Aurora y Grupo Boreal)», «8 clients (A, B, C, D, E, and 3 more)»; the count
 * alone when none is named (QA S54: a confirmation only counted them). Both languages call it.
 */
export function countedClients(
  reach: CalendarReach,
  locale: 'es-MX' | 'en',
  counted: (n: number) => string,
  more: (n: number) => string,
): string {
  if (!reach.clientNames.length) return counted(reach.clients);
  const rest = reach.clients - reach.clientNames.length;
  const names = rest > 0 ? [...reach.clientNames, more(rest)] : reach.clientNames;
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  return `${counted(reach.clients)} (${list})`;
}

function clientsEsMX(reach: CalendarReach): string {
  return countedClients(
    reach,
    'es-MX',
    (n) => `${n} ${n === 1 ? 'cliente' : 'clientes'}`,
    (n) => `${n} más`,
  );
}

/** «Este calendario rige a 2 clientes (…) y a 4 tickets abiertos». */
function governsEsMX(reach: CalendarReach): string {
  const t = reach.openTickets;
  return `Este calendario rige a ${clientsEsMX(reach)} y a ${t} ${t === 1 ? 'ticket abierto' : 'tickets abiertos'}`;
}

/** Whom a change of a calendar's days reaches, and what `day` then does. */
function reachEsMX(day: string, usage: CalendarReach | null, isDefault: boolean): string {
  const who = usage
    ? `${governsEsMX(usage)}: sus plazos en curso se recalculan y ${day}.`
    : `Los plazos en curso de todos los clientes que usan este calendario se recalculan y ${day}.`;
  const base = isDefault
    ? `${who} Es el calendario predeterminado: aplica a todo cliente sin calendario propio.`
    : who;
  return `${base} ${EMAILED_ES_MX}`;
}

/** L3-19: each moved date is emailed to its ticket's registrant (DEADLINE_MOVED). */
const EMAILED_ES_MX = 'Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.';

/** Spanish (Mexico) texts of the calendar editor: a client's new calendar and its weekly hours. */
export const calendarEditorEsMX = {
  newCalendar: 'Nuevo calendario',
  newCalendarIntro:
    'Un calendario propio para un cliente: su zona horaria, su horario semanal y, si aplica, los días de descanso obligatorio de la LFT (art. 74). Rige los tickets que el cliente registre desde ahora; los que ya tiene abiertos siguen con el calendario con el que se registraron.',
  organization: 'Cliente',
  chooseOrganization: 'Elija un cliente',
  noFreeOrganization: 'Todos los clientes ya tienen calendario propio.',
  name: 'Nombre del calendario',
  timeZone: 'Zona horaria',
  weekly: 'Horario semanal',
  closed: 'Cerrado',
  open: 'Abierto',
  addInterval: 'Agregar intervalo',
  removeInterval: (day: string, n: number) => `Quitar el intervalo ${n} del ${day}`,
  intervalStart: (day: string, n: number) => `${day}: inicio del intervalo ${n}`,
  intervalEnd: (day: string, n: number) => `${day}: fin del intervalo ${n}`,
  copyMonday: 'Copiar el lunes a martes–viernes',
  lft74: 'Incluir los días de descanso obligatorio de la LFT (art. 74)',
  create: 'Crear calendario',
  created: (name: string) => `Calendario «${name}» creado.`,
  edit: 'Editar horario semanal',
  editTitle: 'Editar nombre, zona horaria y horario semanal',
  save: 'Guardar horario',
  cancel: 'Cancelar',
  saved: 'Horario guardado: nueva versión del calendario.',
  confirmTitle: '¿Cambiar el horario de este calendario?',
  confirmImpact: (reach: CalendarReach) =>
    `${governsEsMX(reach)}: los plazos en curso se recalculan con el nuevo horario. ${EMAILED_ES_MX}`,
  confirmYes: 'Sí, guardar y recalcular',
  // QA (L3-06): agregar o quitar un festivo mueve los plazos de todo cliente en este calendario.
  holidayAddTitle: (date: string, name: string) =>
    `¿Agregar el ${date} («${name}») como día festivo?`,
  /** Named, as the add confirmation names it (QA S53). */
  holidayRemoveTitle: (date: string, name: string) =>
    `¿Quitar el día festivo del ${date} («${name}»)?`,
  /** `usage` null: the API did not say (not provider staff). */
  holidayImpact: (adding: boolean, usage: CalendarReach | null, isDefault: boolean) =>
    reachEsMX(
      adding ? 'ese día deja de contar como hábil' : 'ese día vuelve a contar como hábil',
      usage,
      isDefault,
    ),
  /** The LFT art. 74 days included (`including`) or removed, as a holiday's confirmation says it. */
  lft74Impact: (including: boolean, usage: CalendarReach | null, isDefault: boolean) =>
    reachEsMX(
      `los días festivos de la ley (1 de enero, 16 de septiembre, 25 de diciembre…) ${including ? 'dejan de contar como días hábiles' : 'contarán como días hábiles'}`,
      usage,
      isDefault,
    ),
  holidayAddYes: 'Sí, agregar y recalcular',
  /** L3-19 (QA S53): published release dates on the day being closed; they do not move. */
  deliveriesOnDay: (list: string, n: number) =>
    n === 1
      ? `Ese día cae la entrega publicada de ${list}: esa fecha no se mueve sola; ajústela en el ticket para avisar al cliente.`
      : `Ese día caen las entregas publicadas de ${list}: esas fechas no se mueven solas; ajústelas en cada ticket para avisar al cliente.`,
  /** A holiday that moves no deadline (`holidayWithoutEffect`, QA S52). */
  holidayWithoutEffect: {
    past: 'Esa fecha ya pasó: ningún plazo en curso cambia. El día queda registrado en el calendario.',
    closed:
      'Ese día ya es inhábil en este calendario: ningún plazo cambia. Queda registrado como día festivo.',
    exception:
      'Ese día tiene una excepción de horario, que sigue rigiendo sobre el día festivo: ningún plazo cambia. Queda registrado como día festivo.',
  } as Record<'past' | 'closed' | 'exception', string>,
  holidayAddOnlyYes: 'Sí, agregar',
  holidayRemoveYes: 'Sí, quitar y recalcular',
  // Una excepción (día cerrado, medio día) también mueve los plazos de todo cliente del calendario.
  overrideSetTitle: (date: string) => `¿Guardar la excepción del ${date}?`,
  overrideRemoveTitle: (date: string) => `¿Quitar la excepción del ${date}?`,
  overrideImpact: (removing: boolean, usage: CalendarReach | null, isDefault: boolean) =>
    reachEsMX(
      removing ? 'ese día vuelve a su horario normal' : 'ese día toma el horario de la excepción',
      usage,
      isDefault,
    ),
  overrideSetYes: 'Sí, guardar y recalcular',
  overrideRemoveYes: 'Sí, quitar y recalcular',
  /** The server's calendar issues (BUSINESS-TIME.md) worded; `where` names the day and interval. */
  issues: {
    weekdayInterval: (day: string, n: number) => `${day}, intervalo ${n}`,
    weekday: (day: string) => day,
    overrideInterval: (n: number) => `Excepción, intervalo ${n}`,
    endNotAfterStart: (where: string, start: string, end: string) =>
      `${where}: el fin (${end}) debe ser posterior al inicio (${start}).`,
    overlapping: (where: string) => `${where}: se traslapa con otro intervalo del mismo día.`,
    malformedTime: (where: string) => `${where}: la hora debe tener la forma HH:MM.`,
    unknownTimeZone: (zone: string) =>
      `«${zone}» no es una zona horaria IANA conocida (por ejemplo, America/Mexico_City).`,
  },
};

export type CalendarEditorMessages = typeof calendarEditorEsMX;
