import { type ReactElement, useEffect } from 'react';
import type { User } from './api/operations';
import { AppShell } from './components/app-shell';
import { LoginPage } from './pages/login-page';
import { ForbiddenPage, NotFoundPage } from './pages/simple-pages';
import { navigate, usePath } from './router/router';
import { lazyPage, PageSuspense } from './router/lazy-page';
import { matchTicketRoute } from './router/routes';
import {
  can,
  CLIENT_TICKET_LIST,
  homePath,
  STAFF_TICKET_LIST,
  ticketListPath,
} from './session/roles';
import { useSession } from './session/session-context';
import { ACCOUNT_PATHS, ChangePasswordPage } from './users/change-password-page';
import { FORGOT_PASSWORD_PATH, ForgotPasswordPage } from './users/forgot-password-page';

// Each page in its own chunk, loaded on first visit (login and the account pages stay in the
// main one: the first screen and the constants the routes below need).
const CalendarDetailPage = lazyPage(() =>
  import('./calendars/calendar-detail-page').then((m) => m.CalendarDetailPage),
);
const CalendarsPage = lazyPage(() =>
  import('./calendars/calendars-page').then((m) => m.CalendarsPage),
);
const CannedResponsesPage = lazyPage(() =>
  import('./canned-responses/canned-responses-page').then((m) => m.CannedResponsesPage),
);
const CheckpointPage = lazyPage(() =>
  import('./checkpoints/checkpoint-page').then((m) => m.CheckpointPage),
);
const CheckpointsPage = lazyPage(() =>
  import('./checkpoints/checkpoints-page').then((m) => m.CheckpointsPage),
);
const ClientHoursPage = lazyPage(() =>
  import('./contracts/client-hours-page').then((m) => m.ClientHoursPage),
);
const ConsolePage = lazyPage(() => import('./tickets/console-page').then((m) => m.ConsolePage));
const ContractsPage = lazyPage(() =>
  import('./contracts/contracts-page').then((m) => m.ContractsPage),
);
const DashboardPage = lazyPage(() =>
  import('./tickets/dashboard-page').then((m) => m.DashboardPage),
);
const DeadlinePage = lazyPage(() => import('./deadline/deadline-page').then((m) => m.DeadlinePage));
const MyTicketsPage = lazyPage(() =>
  import('./tickets/my-tickets-page').then((m) => m.MyTicketsPage),
);
const OutboxPage = lazyPage(() => import('./outbox/outbox-page').then((m) => m.OutboxPage));
const QueuePage = lazyPage(() => import('./queue/queue-page').then((m) => m.QueuePage));
const SetPasswordPage = lazyPage(() =>
  import('./users/set-password-page').then((m) => m.SetPasswordPage),
);
const TicketPage = lazyPage(() => import('./tickets/ticket-page').then((m) => m.TicketPage));
const UsersPage = lazyPage(() => import('./users/users-page').then((m) => m.UsersPage));

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

/** Other addresses of the login page (`/entrar`). */
const LOGIN_ALIASES = ['/login', '/iniciar-sesion', '/signin'];

function Route() {
  const path = usePath();
  const { user } = useSession();

  if (path === '/') return <Redirect to={user ? homePath(user) : '/entrar'} />;
  if (path === '/entrar') return user ? <Redirect to={homePath(user)} /> : <LoginPage />;
  // What people type (QA S51: /login was «Página no encontrada»): the login page, `next` kept.
  if (LOGIN_ALIASES.includes(path)) {
    return <Redirect to={`/entrar${window.location.search}${window.location.hash}`} />;
  }
  if (path === '/plazos') return <DeadlinePage />;
  // The emailed invitation / reset link (L3-04): public, the token is the credential.
  if (path === '/contrasena') return <SetPasswordPage />;
  // «¿Olvidó su contraseña?» (L3-04): asks for that link; public.
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
  if (path === '/usuarios') return guarded(user, path, can.seeUsers, <UsersPage />);
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
      <PageSuspense>
        <Route />
      </PageSuspense>
    </AppShell>
  );
}
