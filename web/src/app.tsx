import { type ReactElement, useEffect } from 'react';
import type { User } from './api/operations';
import { CalendarDetailPage } from './calendars/calendar-detail-page';
import { CalendarsPage } from './calendars/calendars-page';
import { AppShell } from './components/app-shell';
import { DeadlinePage } from './deadline/deadline-page';
import { useI18n } from './i18n/i18n-context';
import { LoginPage } from './pages/login-page';
import { ComingSoonPage, ForbiddenPage, NotFoundPage } from './pages/simple-pages';
import { navigate, usePath } from './router/router';
import { can, homePath } from './session/roles';
import { useSession } from './session/session-context';
import { UsersPage } from './users/users-page';

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** A screen that needs a session, and maybe a role: login first, or a forbidden message. */
function guarded(
  user: User | undefined,
  path: string,
  allowed: (u: User) => boolean,
  page: ReactElement,
) {
  if (!user) return <Redirect to={`/entrar?next=${encodeURIComponent(path)}`} />;
  return allowed(user) ? page : <ForbiddenPage />;
}

const anyone = () => true;

function Route() {
  const path = usePath();
  const { user } = useSession();
  const { t } = useI18n();

  if (path === '/') return <Redirect to={user ? homePath(user) : '/entrar'} />;
  if (path === '/entrar') return user ? <Redirect to={homePath(user)} /> : <LoginPage />;
  if (path === '/plazos') return <DeadlinePage />;
  if (path === '/mis-tickets')
    return guarded(
      user,
      path,
      anyone,
      <ComingSoonPage title={t.nav.myTickets} body={t.placeholder.myTickets} />,
    );
  if (path === '/consola')
    return guarded(
      user,
      path,
      can.seeConsole,
      <ComingSoonPage title={t.nav.console} body={t.placeholder.console} />,
    );
  if (path === '/calendarios') return guarded(user, path, can.manageCalendars, <CalendarsPage />);
  const calendar = /^\/calendarios\/([^/]+)$/.exec(path);
  if (calendar)
    return guarded(
      user,
      path,
      can.manageCalendars,
      <CalendarDetailPage id={decodeURIComponent(calendar[1])} />,
    );
  if (path === '/usuarios') return guarded(user, path, can.manageUsers, <UsersPage />);
  return <NotFoundPage />;
}

export function App() {
  return (
    <AppShell>
      <Route />
    </AppShell>
  );
}
