/** Spanish (Mexico) texts of the time-zone picker (users' and calendars' zones). */
export const zonePickerEsMX = {
  search: 'Buscar zona',
  searchPlaceholder: 'Ciudad, país o UTC−5',
  groups: {
    current: 'Zona guardada',
    mexico: 'México',
    latinAmerica: 'Latinoamérica',
    other: 'Otras zonas',
  },
  matches: (n: number): string =>
    n === 0
      ? 'Ninguna zona coincide; pruebe con la ciudad, el país o la diferencia con UTC.'
      : n === 1
        ? 'Una zona coincide; Intro la elige.'
        : `${n} zonas coinciden; Intro elige la primera, o elija otra en la lista.`,
  /** The only zone the search matches, already chosen in the list as it was typed. */
  matchChosen: 'Una zona coincide y queda elegida en la lista.',
  /** The form was sent with a search that picks no zone or several (QA S60 #1): not sent. */
  refused: (typed: string, n: number): string =>
    n === 0
      ? `Ninguna zona coincide con «${typed}»: corrija la búsqueda, o bórrela para ver todas las zonas. No se guardó nada.`
      : `${n} zonas coinciden con «${typed}»: elija una en la lista, o pulse Intro para la primera. No se guardó nada.`,
};

export type ZonePickerMessages = typeof zonePickerEsMX;
