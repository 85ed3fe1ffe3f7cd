import { TimeZonePicker } from '../components/time-zone-picker';
import { useI18n } from '../i18n/i18n-context';
import { editorTexts } from './editor-texts';

/**
 * A calendar's time zone, chosen by its name from every zone the browser knows (the users' form
 * uses the same picker); the server checks the IANA id it receives.
 */
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
  return (
    <TimeZonePicker
      id={`${idPrefix}-timeZone`}
      // Two columns of the form grid, as in the users' form: in one, «Hora de la Ciudad de México
      // (UTC−6)» was cut at its end (QA).
      className="span-2"
      label={editorTexts(language).timeZone}
      value={value}
      onChange={onChange}
    />
  );
}
