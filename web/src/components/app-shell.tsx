import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { User } from '../api/operations';
import { type Language, useI18n } from '../i18n/i18n-context';
import { Link, navigate, usePath } from '../router/router';
import { can, ticketListPath } from '../session/roles';
import { useSession } from '../session/session-context';
import { hasUnsentText } from '../tickets/live-form';
import { ChangePasswordLink } from '../users/change-password-page';
import { blocksFileDrop, type DragFacts } from './file-drop-guard';
import { MainMenu, type MenuItem } from './main-menu';

/** L3-20: the use of Odoo is governed by this agreement; the portal links it in its footer. */
const ENTERPRISE_AGREEMENT_URL =
  'https://www.odoo.com/documentation/master/legal/terms/enterprise.html';

/** The menu a user sees: what their roles allow. */
function navItems(user: User | undefined, t: ReturnType<typeof useI18n>['t']): MenuItem[] {
  if (!user) return [{ to: '/plazos', label: t.nav.deadlines }];
  // Staff's list holds every client's tickets: «Tickets», not «Mis tickets».
  const tickets = can.seeConsole(user) ? t.nav.tickets : t.nav.myTickets;
  const items: MenuItem[] = [{ to: ticketListPath(user), label: tickets }];
  if (can.seeQueue(user)) items.push({ to: '/cola', label: t.nav.queue });
  if (can.seeOwnHours(user)) items.push({ to: '/mis-horas', label: t.nav.myHours });
  if (can.seeConsole(user)) items.push({ to: '/consola', label: t.nav.console });
  if (can.seeDashboard(user)) items.push({ to: '/tablero', label: t.nav.dashboard });
  if (can.manageContracts(user)) items.push({ to: '/contratos', label: t.nav.contracts });
  if (can.seeOutbox(user)) items.push({ to: '/correo', label: t.nav.outbox });
  items.push({ to: '/checkpoints', label: t.nav.checkpoints });
  items.push({ to: '/plazos', label: t.nav.deadlines });
  if (can.manageCalendars(user)) items.push({ to: '/calendarios', label: t.nav.calendars });
  if (can.seeUsers(user)) items.push({ to: '/usuarios', label: t.nav.users });
  // Last: at 1280 px an admin's menu scrolls sideways to reach it; every other entry is in view.
  if (can.seeCannedResponses(user)) items.push({ to: '/respuestas', label: t.nav.cannedResponses });
  return items;
}

function LanguageSwitch() {
  const { t, language, choose } = useI18n();
  const { user, savePreferences } = useSession();
  // L3-11: signed in, the choice is the account's too, so their emails follow it, and the switch
  // says so once saved (QA S62 #10: the emails changed language unannounced); signed out it stays
  // on this browser. A failed save keeps the switch (the account can be set again later).
  const [told, setTold] = useState(false);
  useEffect(() => {
    if (!told) return;
    const hide = setTimeout(() => setTold(false), TOLD_MS);
    return () => clearTimeout(hide);
  }, [told]);
  const pick = (next: Language) => {
    choose(next);
    const locale = next === 'en' ? 'EN' : 'ES_MX';
    if (user && user.locale !== locale) {
      setTold(false);
      void savePreferences({ locale })
        .then(() => setTold(true))
        .catch(() => undefined);
    }
  };
  const options: { value: Language; label: string; lang: string }[] = [
    { value: 'es-MX', label: t.language.es, lang: 'es-MX' },
    { value: 'en', label: t.language.en, lang: 'en' },
  ];
  return (
    <>
      <div className="segmented" role="group" aria-label={t.language.label}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            lang={o.lang}
            aria-pressed={language === o.value}
            onClick={() => pick(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
      <span className="language-told" role="status">
        {told ? t.language.emailsFollow : ''}
      </span>
    </>
  );
}

/** How long the switch says the emails follow it. */
const TOLD_MS = 8_000;

/** Window-level dragover/drop guard; returns its removal. Bubble phase: targets go first. */
function installFileDropGuard(target: Window): () => void {
  const guard = (event: DragEvent) => {
    const facts: DragFacts = {
      types: Array.from(event.dataTransfer?.types ?? []),
      defaultPrevented: event.defaultPrevented,
      overFileInput: event.target instanceof HTMLInputElement && event.target.type === 'file',
    };
    if (!blocksFileDrop(facts)) return;
    event.preventDefault();
    // The pointer says «no drop here» instead of «copy».
    if (event.type === 'dragover' && event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  target.addEventListener('dragover', guard);
  target.addEventListener('drop', guard);
  return () => {
    target.removeEventListener('dragover', guard);
    target.removeEventListener('drop', guard);
  };
}

/**
 * Header (organization, user, language, logout), role-aware navigation, the main region and the
 * footer (L3-20: the Odoo Enterprise Agreement link).
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A file dropped anywhere but a drop target («Adjuntos») is not opened by the browser.
  useEffect(() => installFileDropGuard(window), []);

  // After navigating, move focus to the new content so keyboard and screen-reader users follow.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);

  const items = navItems(user, t);
  // A ticket's page is under its list's entry, a client's («Mis tickets») too.
  const isCurrent = ({ to }: MenuItem) =>
    path === to ||
    path.startsWith(`${to}/`) ||
    (user !== undefined && to === ticketListPath(user) && path.startsWith('/tickets/'));

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {t.appName}
          </Link>
          {user && (
            <p className="who" data-testid="who">
              <span className="who-name">{user.displayName}</span>
              <span className="who-org">{user.organization.name}</span>
            </p>
          )}
          <div className="header-tools">
            <LanguageSwitch />
            {user && <ChangePasswordLink />}
            {user ? (
              <button
                type="button"
                className="button ghost"
                onClick={() => {
                  // Signing out drops this user's drafts from the tab (shared computers), so text
                  // not sent is lost: ask first, as leaving the page does (QA S49).
                  if (hasUnsentText() && !window.confirm(t.header.confirmLogoutUnsent)) return;
                  logout();
                  navigate('/entrar');
                }}
              >
                {t.header.logout}
              </button>
            ) : (
              <Link to="/entrar" className="button ghost">
                {t.nav.login}
              </Link>
            )}
          </div>
        </div>
        <MainMenu items={items} isCurrent={isCurrent} />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer" aria-label={t.footer.label}>
        <div className="footer-inner">
          <a href={ENTERPRISE_AGREEMENT_URL} target="_blank" rel="noopener">
            {t.footer.enterpriseAgreement}
          </a>
        </div>
      </footer>
    </>
  );
}
