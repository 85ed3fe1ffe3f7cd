import { useEffect, useMemo, useRef, useState } from 'react';
import { type Language, useI18n } from '../i18n/i18n-context';
import { zonePickerEn } from '../i18n/zone-picker.en';
import { zonePickerEsMX } from '../i18n/zone-picker.es-mx';
import { refusedBy } from './field-error';
import {
  filterZoneGroups,
  typedZone,
  withStoredZone,
  type ZoneGroup,
  zoneGroups,
} from './time-zone-choices';

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
 *
 * What the search box holds is never silently dropped (QA S60 #1: «colombia» typed, the form sent
 * without Enter, Mexico City saved): text that matches one zone chooses it as it is typed, so the
 * list shows what the form will send; text that matches none or several, not settled by Enter or
 * a choice in the list, stops its form from being sent and says why under the field. Every form
 * with a picker (users, calendars, «Mi cuenta») gets this from here.
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
  /** The text was settled after it was typed: Enter, or a zone chosen in the list. */
  const [settled, setSettled] = useState(false);
  /** Its form was sent while the text picked no zone or several. */
  const [refused, setRefused] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const all = allZoneGroups(language);
  const groups = useMemo(() => withStoredZone(all, value, language), [all, value, language]);
  const shown = useMemo(() => filterZoneGroups(groups, query, value), [groups, query, value]);
  const typed = useMemo(() => typedZone(groups, query), [groups, query]);
  const chosen = useMemo(
    () => groups.flatMap((g) => g.choices).find((c) => c.zone === value)?.label,
    [groups, value],
  );

  // The zone this picker last gave its form. Another one coming in is the form's own (a form
  // emptied for the next user): the search typed for the last one goes with it.
  const given = useRef(value);
  const choose = (zone: string) => {
    given.current = zone;
    onChange(zone);
  };
  useEffect(() => {
    if (value === given.current) return;
    given.current = value;
    setQuery('');
    setSettled(false);
    setRefused(false);
  }, [value]);

  // Text that picks no zone or several stops the form before its own submit handler runs (a
  // native listener on the form element is reached before React's, delegated to the root).
  const unresolved = !settled && (typed.kind === 'none' || typed.kind === 'several');
  useEffect(() => {
    const form = search.current?.form;
    if (!unresolved || !form) return;
    const stop = (event: Event) => {
      event.preventDefault();
      event.stopPropagation();
      setRefused(true);
      search.current?.focus();
    };
    form.addEventListener('submit', stop, true);
    return () => form.removeEventListener('submit', stop, true);
  }, [unresolved]);

  const type = (text: string) => {
    setQuery(text);
    setSettled(false);
    setRefused(false);
    // One match is the zone meant: chosen now, so the list never shows the old one as chosen.
    const picked = typedZone(groups, text);
    if (picked.kind === 'one' && picked.zone !== value) choose(picked.zone);
  };
  const refusalId = refused ? `${id}-refusal` : undefined;
  const hint = !query.trim()
    ? ''
    : typed.kind === 'one' && typed.zone === value
      ? m.matchChosen
      : m.matches(shown.matches);

  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={search}
        id={`${id}-search`}
        type="search"
        aria-label={m.search}
        aria-controls={id}
        {...refusedBy(refusalId, `${id}-matches`)}
        placeholder={m.searchPlaceholder}
        autoComplete="off"
        value={query}
        onChange={(e) => type(e.target.value)}
        onKeyDown={(e) => {
          // Enter chooses the first match instead of sending the form with the old zone.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (query.trim() && shown.first) {
            choose(shown.first);
            setSettled(true);
            setRefused(false);
          }
        }}
      />
      <select
        id={id}
        required
        value={value}
        {...refusedBy(refusalId)}
        onChange={(e) => {
          choose(e.target.value);
          setSettled(true);
          setRefused(false);
        }}
      >
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
      {refused && (
        <p className="field-error" id={refusalId} role="alert">
          {m.refused(query.trim(), typed.kind === 'several' ? typed.matches : 0)}
        </p>
      )}
      <p className="hint" id={`${id}-matches`} aria-live="polite">
        {refused ? '' : hint}
      </p>
    </div>
  );
}
