/** Spanish (Mexico) texts of the calendar editor: a client's new calendar and its weekly hours. */
export const calendarEditorEsMX = {
  newCalendar: 'Nuevo calendario',
  newCalendarIntro:
    'Un calendario propio para un cliente: su zona horaria, su horario semanal y, si aplica, los días de descanso obligatorio de la LFT (art. 74).',
  organization: 'Cliente',
  chooseOrganization: 'Elige un cliente',
  noFreeOrganization: 'Todos los clientes ya tienen calendario propio.',
  name: 'Nombre del calendario',
  timeZone: 'Zona horaria',
  otherTimeZone: 'Otra zona (IANA)…',
  timeZoneIana: 'Zona horaria IANA',
  timeZoneHint: 'Por ejemplo America/Mexico_City; el servidor comprueba que exista.',
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
  confirmImpact: (clients: number, tickets: number) =>
    `Este calendario rige a ${clients} ${clients === 1 ? 'cliente' : 'clientes'} y a ${tickets} ${tickets === 1 ? 'ticket abierto' : 'tickets abiertos'}: los plazos en curso se recalculan con el nuevo horario.`,
  confirmYes: 'Sí, guardar y recalcular',
  zoneGroups: { mexico: 'México', americas: 'Resto de América' },
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
