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
};

export type ZonePickerMessages = typeof zonePickerEsMX;
