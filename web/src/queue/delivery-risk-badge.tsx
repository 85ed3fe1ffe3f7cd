import type { QueueEntry } from '../api/planning';
import { useI18n } from '../i18n/i18n-context';

/**
 * L3-19: "Entrega en riesgo (+N días hábiles)" when the capacity plan finishes the ticket after its
 * published release date; «Entrega en día inhábil» when a calendar change closed its day since it
 * was published (QA S53); nothing otherwise. In words (never colour alone), explained on hover.
 */
export function DeliveryRiskBadge({
  entry,
}: {
  entry: Pick<QueueEntry, 'deliveryAtRisk' | 'deliverySlipBusinessDays' | 'deliveryOnClosedDay'>;
}) {
  const { t } = useI18n();
  const q = t.planning.queue;
  const late = entry.deliveryAtRisk && entry.deliverySlipBusinessDays !== null;
  return (
    <>
      {entry.deliveryOnClosedDay && (
        <span
          className="badge sla-risk"
          data-testid="delivery-on-closed-day"
          title={q.deliveryOnClosedDayHint}
        >
          {q.deliveryOnClosedDay}
        </span>
      )}
      {entry.deliveryOnClosedDay && late && ' '}
      {late && (
        <span
          className="badge sla-risk"
          data-testid="delivery-at-risk"
          title={q.deliveryAtRiskHint}
        >
          {q.deliveryAtRisk(entry.deliverySlipBusinessDays!)}
        </span>
      )}
    </>
  );
}
