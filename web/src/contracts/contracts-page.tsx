import { useState } from 'react';
import { ErrorMessage } from '../components/error-message';
import { ClientSelect, useChosenClient, useClientOrganizations } from '../components/client-select';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { HoursOverview } from './hours-overview';
import { MonthlyStatementSection } from './monthly-statement-section';
import { PackageForm } from './package-form';
import { PlanningCapacitySection } from './planning-capacity-section';
import { PolicySection } from './policy-section';
import { QuickChannelSection } from './quick-channel-section';

/**
 * Managers and admins: one client at a time — its support policy (L3-01, L3-03), a new package of
 * prepaid hours, the balance and ledger (L3-12, L3-13), the monthly statement with its CSV and
 * the planning capacity (L3-19) and the WhatsApp group link (L3-14).
 */
export function ContractsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const orgs = useClientOrganizations();
  const clients = orgs.clients;
  const [organizationId, setChosen] = useChosenClient(clients);
  const [refresh, setRefresh] = useState(0);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{t.contracts.title}</h1>
        <p className="muted">{t.contracts.intro}</p>
        <ErrorMessage error={orgs.error} />
        {orgs.loading && !orgs.data && <p role="status">{t.loading}</p>}
        {orgs.data && clients.length === 0 && <p>{t.contracts.noClients}</p>}
        {clients.length > 0 && (
          <ClientSelect
            id="contracts-client"
            label={t.contracts.client}
            value={organizationId}
            onChange={setChosen}
            organizations={clients}
          />
        )}
      </section>
      {organizationId && (
        <div className="stack" key={organizationId}>
          <PolicySection organizationId={organizationId} editable />
          <div className="two-columns">
            <PackageForm organizationId={organizationId} onAdded={() => setRefresh((n) => n + 1)} />
            <MonthlyStatementSection
              organizationId={organizationId}
              timeZone={user?.timeZone ?? 'America/Mexico_City'}
              refresh={refresh}
            />
          </div>
          <HoursOverview
            organizationId={organizationId}
            refresh={refresh}
            corrections={{
              organizationName: clients.find((o) => o.id === organizationId)?.name ?? '',
              onChanged: () => setRefresh((n) => n + 1),
            }}
          />
          <PlanningCapacitySection organizationId={organizationId} />
          <QuickChannelSection organizationId={organizationId} />
        </div>
      )}
    </div>
  );
}
