import type { HourBalance } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';

/**
 * L3-12, L3-13: how much of the hours bought the client has used, «2.5 de 10 h usadas» (the
 * charged consumption, net of reversals, of the packages bought, which never expire). Nothing
 * before a package is bought.
 */
export function HoursUsed({ balance }: { balance: Pick<HourBalance, 'purchased' | 'consumed'> }) {
  const { t } = useI18n();
  if (balance.purchased <= 0) return null;
  return <p data-testid="hours-used">{t.tickets.hoursUsed(balance.consumed, balance.purchased)}</p>;
}
