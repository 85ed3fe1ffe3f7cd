/** «Este calendario rige a 2 clientes y a 3 tickets abiertos». */
const governsEsMX = (clients: number, tickets: number) =>
  `Este calendario rige a ${clients} ${clients === 1 ? 'cliente' : 'clientes'} y a ${tickets} ${tickets === 1 ? 'ticket abierto' : 'tickets abiertos'}`;
const LEGAL_DAYS_ES_MX =
  'los días festivos de la ley (1 de enero, 16 de septiembre, 25 de diciembre…)';

/** Spanish (Mexico) texts of a calendar's change log and of the LFT art. 74 confirmation. */
export const calendarChangesEsMX = {
  changedBy: 'Quién',
  system: 'Sistema',
  created: 'Calendario creado',
  fields: {
    name: 'nombre',
    timeZone: 'zona horaria',
    weekly: 'horario semanal',
  } as Record<string, string>,
  updated: (fields: string) => `Se cambió: ${fields}`,
  lft74On: 'Se incluyeron los días de descanso obligatorio de la LFT art. 74',
  lft74Off: 'Se quitaron los días de descanso obligatorio de la LFT art. 74',
  lft74Changed: 'Se cambiaron los días de descanso obligatorio de la LFT art. 74',
  holidayAdded: (date: string, name: string, source: string) =>
    `Día festivo agregado: ${date} ${name} (${source})`,
  holidayRemoved: (date: string) => `Día festivo quitado: ${date}`,
  overrideSet: (date: string, hours: string, reason: string) =>
    `Excepción del ${date}: ${hours} (${reason})`,
  overrideClosed: 'cerrado',
  overrideRemoved: (date: string) => `Excepción quitada: ${date}`,
  /** An edit that changed nothing (e.g. the same week saved again). */
  nothingChanged: 'Sin cambios',
  /** Where a holiday added or removed came from: «Origen: Cliente». */
  holidayOrigin: (source: string) => `Origen: ${source}`,
  confirmTitle: '¿Quitar los días de descanso obligatorio?',
  confirmImpact: (clients: number, tickets: number) =>
    `${governsEsMX(clients, tickets)}: sus plazos se recalculan y ${LEGAL_DAYS_ES_MX} contarán como días hábiles.`,
  confirmImpactUnknown: `Los plazos de los tickets abiertos en este calendario se recalculan y ${LEGAL_DAYS_ES_MX} contarán como días hábiles.`,
  confirmDefault: 'Es el calendario predeterminado: aplica a todo cliente sin calendario propio.',
  confirmYes: 'Sí, quitar los días de la LFT',
  confirmNo: 'Cancelar',
  /** QA S54: putting the days back moves deadlines too (later), so it asks as adding one does. */
  confirmAddTitle: '¿Incluir los días de descanso obligatorio?',
  confirmAddImpact: (clients: number, tickets: number) =>
    `${governsEsMX(clients, tickets)}: sus plazos se recalculan y ${LEGAL_DAYS_ES_MX} dejan de contar como días hábiles.`,
  confirmAddImpactUnknown: `Los plazos de los tickets abiertos en este calendario se recalculan y ${LEGAL_DAYS_ES_MX} dejan de contar como días hábiles.`,
  confirmAddYes: 'Sí, incluir los días de la LFT',
  /** Who hears of it (as the holiday and week confirmations say). */
  confirmEmailed: 'Quien registró cada ticket cuya fecha cambie recibe un correo con la nueva.',
};

export type CalendarChangesMessages = typeof calendarChangesEsMX;
