import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { HoursOverview } from './hours-overview';
import { LowBalanceNotice } from './low-balance-notice';
import { MonthlyStatementSection } from './monthly-statement-section';
import { PolicySection } from './policy-section';

/** A client's own hours (L3-03, L3-13): balance, ledger, monthly statement and CSV, its policy. */
export function ClientHoursPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  const organizationId = user.organization.id;
  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{t.contracts.clientTitle}</h1>
        <p className="muted">{t.contracts.clientIntro}</p>
        <LowBalanceNotice organizationId={organizationId} />
      </section>
      <HoursOverview organizationId={organizationId} />
      <MonthlyStatementSection organizationId={organizationId} timeZone={user.timeZone} />
      <PolicySection organizationId={organizationId} editable={false} />
    </div>
  );
}
