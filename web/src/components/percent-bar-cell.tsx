import { formatPercent } from '../i18n/percent';
import { useI18n } from '../i18n/i18n-context';

/**
 * A table cell with a percentage: the number is the data, the CSS bar decoration (green from
 * `good`, amber from `warn`, red below). No percentage: a dash, and `none` for screen readers.
 */
export function PercentBarCell({
  percent,
  good,
  warn,
  label,
  none,
}: {
  percent: number | null | undefined;
  good: number;
  warn: number;
  /** The column's name, shown before the bar when a phone stacks the row (`stack-on-phone`). */
  label?: string;
  /** Why there is no percentage, in the table's own words (QA S21: «Sin relojes terminados» was
   * read out for a client's unrated month in «Satisfacción»). */
  none: string;
}) {
  const { language } = useI18n();
  const known = percent !== null && percent !== undefined;
  return (
    <td className="bar-col" data-label={label}>
      <div className="bar-cell">
        <span className="bar-track" aria-hidden="true">
          {known && (
            <span
              className={
                percent >= good ? 'bar-fill' : percent >= warn ? 'bar-fill warn' : 'bar-fill bad'
              }
              style={{ width: `${percent}%` }}
            />
          )}
        </span>
        {known ? (
          <span className="bar-value">{formatPercent(percent, language)}</span>
        ) : (
          <span className="bar-value">
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">{none}</span>
          </span>
        )}
      </div>
    </td>
  );
}
