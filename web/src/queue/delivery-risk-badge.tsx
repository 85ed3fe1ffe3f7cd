import type { QueueEntry } from '../api/planning';
import { useI18n } from '../i18n/i18n-context';

/**
 * L3-19: "Entrega en riesgo (+N días hábiles)" when the capacity plan finishes the ticket after its
 * published release date; nothing otherwise. In words (never colour alone), explained on hover.
 */
export function DeliveryRiskBadge({
  entry,
}: {
  entry: Pick<QueueEntry, 'deliveryAtRisk' | 'deliverySlipBusinessDays'>;
}) {
  const { t } = useI18n();
  const q = t.planning.queue;
  if (!entry.deliveryAtRisk || entry.deliverySlipBusinessDays === null) return null;
  return (
    <span className="badge sla-risk" data-testid="delivery-at-risk" title={q.deliveryAtRiskHint}>
      {q.deliveryAtRisk(entry.deliverySlipBusinessDays)}
    </span>
  );
}
