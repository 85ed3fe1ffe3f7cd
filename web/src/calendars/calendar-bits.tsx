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

/**
 * «¿Agregar el … como día festivo?» before a change that moves running deadlines: what it reaches
 * in words, then yes / cancel (the focus on cancel, so Enter does not confirm by accident). An
 * alertdialog in the page, like the weekly hours' and the LFT days' confirmations.
 */
export function ImpactConfirm({
  id,
  title,
  impact,
  yes,
  no,
  busy,
  onYes,
  onNo,
}: {
  id: string;
  title: string;
  impact: string;
  yes: string;
  no: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  return (
    <div
      className="notice notice-info"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-impact`}
      data-testid={`${id}-confirm`}
    >
      <p>
        <strong id={`${id}-title`}>{title}</strong>
      </p>
      <p id={`${id}-impact`}>{impact}</p>
      <div className="form-actions">
        <button type="button" className="button primary" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="button" autoFocus onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}
