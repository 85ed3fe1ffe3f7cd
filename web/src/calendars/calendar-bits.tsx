import { formatLocalDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/** A table cell with an ISO date and, below it, the same date spelled out in the UI language. */
export function LocalDateCell({ date }: { date: string }) {
  const { language } = useI18n();
  return (
    <td>
      <time dateTime={date}>{date}</time>
      <span className="muted small block">{formatLocalDate(date, language)}</span>
    </td>
  );
}

/** The "remove" button of one row of a calendar's day list; `label` names the day for screen readers. */
export function RemoveDayButton({
  label,
  busy,
  onRemove,
}: {
  label: string;
  busy: boolean;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button small danger"
      aria-label={label}
      disabled={busy}
      onClick={onRemove}
    >
      {t.calendars.remove}
    </button>
  );
}
