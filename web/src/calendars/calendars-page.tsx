import { CALENDARS, ORGANIZATIONS } from '../api/operations';
import { ErrorMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { calendarDisplayName } from '../i18n/calendar-name';
import { useI18n } from '../i18n/i18n-context';
import { zoneTitle } from '../i18n/zone-name';
import { Link } from '../router/router';
import { NewCalendarForm } from './new-calendar-form';

/** Every calendar (managers and admins): the default one and each client's own. */
export function CalendarsPage() {
  const { t, language } = useI18n();
  const calendars = useQuery(CALENDARS, {});
  const organizations = useQuery(ORGANIZATIONS, {});
  const orgName = (id: string | null) =>
    id
      ? (organizations.data?.organizations.find((o) => o.id === id)?.name ?? id)
      : t.calendars.allClients;
  const list = calendars.data?.calendars;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{t.calendars.title}</h1>
        <p className="muted">{t.calendars.intro}</p>
        <ErrorMessage error={calendars.error} />
        {calendars.loading && !list && <p role="status">{t.loading}</p>}
        {list && list.length === 0 && <p>{t.calendars.empty}</p>}
        {list && list.length > 0 && (
          <div className="table-wrap">
            {/* A card per calendar on a phone, its cells named (QA S17). */}
            <table className="stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">{t.calendars.name}</th>
                  <th scope="col">{t.calendars.organization}</th>
                  <th scope="col">{t.calendars.timeZone}</th>
                  <th scope="col">{t.calendars.version}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/calendarios/${c.id}`}>
                        {calendarDisplayName(c.name, language)}
                      </Link>
                      {c.isDefault && <span className="badge">{t.calendars.default}</span>}
                    </th>
                    <td data-label={t.calendars.organization}>{orgName(c.organizationId)}</td>
                    <td data-label={t.calendars.timeZone}>{zoneTitle(c.timeZone, language)}</td>
                    <td data-label={t.calendars.version}>{c.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {list && organizations.data && (
        <NewCalendarForm
          calendars={list}
          organizations={organizations.data.organizations}
          onCreated={calendars.reload}
        />
      )}
    </div>
  );
}
