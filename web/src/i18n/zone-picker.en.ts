import type { ZonePickerMessages } from './zone-picker.es-mx';

/** English texts of the time-zone picker (users' and calendars' zones). */
export const zonePickerEn: ZonePickerMessages = {
  search: 'Search zones',
  searchPlaceholder: 'City, country or UTC−5',
  groups: {
    current: 'Saved zone',
    mexico: 'Mexico',
    latinAmerica: 'Latin America',
    other: 'Other zones',
  },
  matches: (n) =>
    n === 0
      ? 'No zone matches; try the city, the country or the offset from UTC.'
      : n === 1
        ? 'One zone matches; Enter chooses it.'
        : `${n} zones match; Enter chooses the first, or choose another in the list.`,
  matchChosen: 'One zone matches and is chosen in the list.',
  refused: (typed, n) =>
    n === 0
      ? `No zone matches “${typed}”: correct the search, or clear it to see every zone. Nothing was saved.`
      : `${n} zones match “${typed}”: choose one in the list, or press Enter for the first. Nothing was saved.`,
};
