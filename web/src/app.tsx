import { type ReactElement, useEffect } from 'react';
import type { User } from './api/operations';
import { CheckpointPage } from './checkpoints/checkpoint-page';
import { CheckpointsPage } from './checkpoints/checkpoints-page';
import { CalendarDetailPage } from './calendars/calendar-detail-page';
import { CannedResponsesPage } from './canned-responses/canned-responses-page';
import { CalendarsPage } from './calendars/calendars-page';
import { AppShell } from './components/app-shell';
import { ClientHoursPage } from './contracts/client-hours-page';
import { ContractsPage } from './contracts/contracts-page';
import { DeadlinePage } from './deadline/deadline-page';
import { QueuePage } from './queue/queue-page';
import { OutboxPage } from './outbox/outbox-page';
import { LoginPage } from './pages/login-page';
import { ForbiddenPage, NotFoundPage } from './pages/simple-pages';
import { navigate, usePath } from './router/router';
import { matchTicketRoute } from './router/routes';
import {
  can,
  CLIENT_TICKET_LIST,
  homePath,
  STAFF_TICKET_LIST,
  ticketListPath,
} from './session/roles';
import { useSession } from './session/session-context';
import { ConsolePage } from './tickets/console-page';
import { DashboardPage } from './tickets/dashboard-page';
import { MyTicketsPage } from './tickets/my-tickets-page';
import { TicketPage } from './tickets/ticket-page';
import { ACCOUNT_PATHS, ChangePasswordPage } from './users/change-password-page';
import { FORGOT_PASSWORD_PATH, ForgotPasswordPage } from './users/forgot-password-page';
import { SetPasswordPage } from './users/set-password-page';
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
  if (!user) {
    // Back to the same place after login, with its query and anchor (e.g. an email's #calificar).
    const here = `${path}${window.location.search}${window.location.hash}`;
    return <Redirect to={`/entrar?next=${encodeURIComponent(here)}`} />;
  }
  return allowed(user) ? page : <ForbiddenPage />;
}

const anyone = () => true;

function Route() {
  const path = usePath();
  const { user } = useSession();

  if (path === '/') return <Redirect to={user ? homePath(user) : '/entrar'} />;
  if (path === '/entrar') return user ? <Redirect to={homePath(user)} /> : <LoginPage />;
  if (path === '/plazos') return <DeadlinePage />;
  // The emailed invitation / reset link (L3-04): public, the token is the credential.
  if (path === '/contrasena') return <SetPasswordPage />;
  // «¿Olvidaste tu contraseña?» (L3-04): asks for that link; public.
  if (path === FORGOT_PASSWORD_PATH) return <ForgotPasswordPage />;
  if (ACCOUNT_PATHS.includes(path)) return guarded(user, path, anyone, <ChangePasswordPage />);
  if (path === STAFF_TICKET_LIST || path === CLIENT_TICKET_LIST) {
    // Staff's list is /tickets, a client's /mis-tickets: the other one (an old bookmark or email)
    // is replaced by one's own, query and anchor kept, with no extra history entry.
    const own = user ? ticketListPath(user) : path;
    if (own !== path)
      return <Redirect to={`${own}${window.location.search}${window.location.hash}`} />;
    return guarded(user, path, anyone, <MyTicketsPage />);
  }
  if (path === '/consola') return guarded(user, path, can.seeConsole, <ConsolePage />);
  if (path === '/tablero') return guarded(user, path, can.seeDashboard, <DashboardPage />);
  // The ticket page, also as the estimate emails link it (/tickets/<n>/estimates/<v>).
  const ticket = matchTicketRoute(path);
  if (ticket) {
    const { number, estimateVersion } = ticket;
    return guarded(
      user,
      path,
      anyone,
      <TicketPage key={number} number={number} estimateVersion={estimateVersion} />,
    );
  }
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
  if (path === '/respuestas')
    return guarded(user, path, can.seeCannedResponses, <CannedResponsesPage />);
  if (path === '/contratos') return guarded(user, path, can.manageContracts, <ContractsPage />);
  if (path === '/correo') return guarded(user, path, can.seeOutbox, <OutboxPage />);
  if (path === '/mis-horas') return guarded(user, path, can.seeOwnHours, <ClientHoursPage />);
  if (path === '/cola') return guarded(user, path, can.seeQueue, <QueuePage />);
  if (path === '/checkpoints') return guarded(user, path, anyone, <CheckpointsPage />);
  const checkpoint = /^\/checkpoints\/([^/]+)$/.exec(path);
  if (checkpoint) {
    const id = decodeURIComponent(checkpoint[1]);
    return guarded(user, path, anyone, <CheckpointPage key={id} id={id} />);
  }
  return <NotFoundPage />;
}

export function App() {
  return (
    <AppShell>
      <Route />
    </AppShell>
  );
}
