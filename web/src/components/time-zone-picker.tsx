import { useMemo, useState } from 'react';
import { type Language, useI18n } from '../i18n/i18n-context';
import { zonePickerEn } from '../i18n/zone-picker.en';
import { zonePickerEsMX } from '../i18n/zone-picker.es-mx';
import { filterZoneGroups, withStoredZone, type ZoneGroup, zoneGroups } from './time-zone-choices';

/** Every zone this browser knows; an old browser without the list offers the groups only. */
function knownZones(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

// The groups cost some 840 Intl formatters: built once per language for the page's life (the
// users page has two pickers), not on every render or choice.
const built = new Map<Language, ZoneGroup[]>();
function allZoneGroups(language: Language): ZoneGroup[] {
  let groups = built.get(language);
  if (!groups) {
    groups = zoneGroups(language, knownZones());
    built.set(language, groups);
  }
  return groups;
}

/**
 * A time zone chosen by its name («Hora de la Ciudad de México (UTC−6)»), never typed as an IANA
 * code: Mexico's zones first, then Latin America's, then every other zone, with a search box
 * that narrows the list (Enter chooses the first match). A stored zone outside the list is shown
 * first and kept. The API still checks the IANA id it receives.
 */
export function TimeZonePicker({
  id,
  label,
  value,
  onChange,
  className,
}: {
  /** The select's id; the search box is `<id>-search`. */
  id: string;
  /** Extra classes of the field (e.g. `span-2` in a form grid, so the names fit). */
  className?: string;
  label: string;
  value: string;
  onChange: (zone: string) => void;
}) {
  const { language } = useI18n();
  const m = language === 'en' ? zonePickerEn : zonePickerEsMX;
  const [query, setQuery] = useState('');
  const all = allZoneGroups(language);
  const groups = useMemo(() => withStoredZone(all, value, language), [all, value, language]);
  const shown = useMemo(() => filterZoneGroups(groups, query, value), [groups, query, value]);
  const chosen = useMemo(
    () => groups.flatMap((g) => g.choices).find((c) => c.zone === value)?.label,
    [groups, value],
  );
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={`${id}-search`}
        type="search"
        aria-label={m.search}
        aria-controls={id}
        aria-describedby={`${id}-matches`}
        placeholder={m.searchPlaceholder}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter chooses the first match instead of sending the form with the old zone.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (query.trim() && shown.first) onChange(shown.first);
        }}
      />
      <select id={id} required value={value} onChange={(e) => onChange(e.target.value)}>
        {shown.groups.map((g) => (
          <optgroup key={g.key} label={m.groups[g.key]}>
            {g.choices.map((c) => (
              <option key={c.zone} value={c.zone}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {/* Where the select is narrower than a zone's name (a phone: «Hora de la Ciudad de México
          (UTC−» lost its offset; QA S50), the chosen one is written out in full, as the deadline
          calculator's calendar. The select already tells a screen reader the whole name. */}
      {chosen && (
        <p className="hint select-full-text" aria-hidden="true" data-testid={`${id}-full`}>
          {chosen}
        </p>
      )}
      <p className="hint" id={`${id}-matches`} aria-live="polite">
        {query.trim() ? m.matches(shown.matches) : ''}
      </p>
    </div>
  );
}
