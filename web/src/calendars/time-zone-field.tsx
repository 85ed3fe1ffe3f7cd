import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { zoneTitle } from '../i18n/zone-name';
import { editorTexts } from './editor-texts';

// Common zones of the clients served; any other IANA name can be typed (the server checks it).
const MEXICO = [
  'America/Mexico_City',
  'America/Monterrey',
  'America/Merida',
  'America/Cancun',
  'America/Chihuahua',
  'America/Ciudad_Juarez',
  'America/Mazatlan',
  'America/Hermosillo',
  'America/Tijuana',
  'America/Matamoros',
];
const AMERICAS = [
  'America/Guatemala',
  'America/Costa_Rica',
  'America/Panama',
  'America/Bogota',
  'America/Lima',
  'America/Caracas',
  'America/Santiago',
  'America/Argentina/Buenos_Aires',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Toronto',
];
const KNOWN = new Set([...MEXICO, ...AMERICAS]);
const OTHER = '';

/** A time zone: one of the common American zones, or any IANA name typed in. */
export function TimeZoneField({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: string;
  onChange: (zone: string) => void;
}) {
  const { language } = useI18n();
  const m = editorTexts(language);
  const [other, setOther] = useState(() => !KNOWN.has(value));
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-timeZone`}>{m.timeZone}</label>
        <select
          id={`${idPrefix}-timeZone`}
          value={other ? OTHER : value}
          onChange={(e) => {
            const chosen = e.target.value;
            setOther(chosen === OTHER);
            if (chosen !== OTHER) onChange(chosen);
          }}
        >
          <optgroup label={m.zoneGroups.mexico}>
            {MEXICO.map((z) => (
              <option key={z} value={z}>
                {zoneTitle(z, language)}
              </option>
            ))}
          </optgroup>
          <optgroup label={m.zoneGroups.americas}>
            {AMERICAS.map((z) => (
              <option key={z} value={z}>
                {zoneTitle(z, language)}
              </option>
            ))}
          </optgroup>
          <option value={OTHER}>{m.otherTimeZone}</option>
        </select>
      </div>
      {other && (
        <div className="field">
          <label htmlFor={`${idPrefix}-timeZone-iana`}>{m.timeZoneIana}</label>
          <input
            id={`${idPrefix}-timeZone-iana`}
            name="timeZone"
            required
            value={value}
            placeholder="America/Mexico_City"
            aria-describedby={`${idPrefix}-timeZone-hint`}
            onChange={(e) => onChange(e.target.value.trim())}
          />
          <p className="hint" id={`${idPrefix}-timeZone-hint`}>
            {m.timeZoneHint}
          </p>
        </div>
      )}
    </>
  );
}
