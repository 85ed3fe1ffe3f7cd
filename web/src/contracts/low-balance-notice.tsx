import { operation } from '../api/graphql-client';
import { useHoursChanges, useTicketChanges } from '../api/live';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { type LowBalanceState, lowBalanceText } from './low-balance-text';

const LOW_BALANCE = operation<{ hourBalance: LowBalanceState }, { organizationId: string }>(
  `query LowBalance($organizationId: ID!) {
  hourBalance(organizationId: $organizationId) { available lowBalanceThreshold lowBalance }
}`,
);

/** «Mis horas»: an amber notice while the client's hours are low; nothing otherwise. */
export function LowBalanceNotice({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const query = useQuery(LOW_BALANCE, { organizationId });
  // Live: time logged or an estimate authorized on any ticket may take the hours under it.
  useTicketChanges(() => void query.reload());
  useHoursChanges(() => void query.reload(), organizationId);
  const text = lowBalanceText(query.data?.hourBalance, t.contracts.lowBalanceNotice);
  if (!text) return null;
  return (
    <p className="notice notice-warning" role="status" data-testid="low-balance-notice">
      {text}
    </p>
  );
}
