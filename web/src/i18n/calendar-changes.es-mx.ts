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
  confirmYes: 'Sí, quitar los días de la LFT',
  confirmNo: 'Cancelar',
  /** QA S54: putting the days back moves deadlines too (later), so it asks as adding one does. */
  confirmAddTitle: '¿Incluir los días de descanso obligatorio?',
  confirmAddYes: 'Sí, incluir los días de la LFT',
};

export type CalendarChangesMessages = typeof calendarChangesEsMX;
