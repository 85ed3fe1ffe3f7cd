import { Fragment, useState } from 'react';
import { SET_USER_ACTIVE, USER_OPEN_TICKETS, USERS, type User } from '../api/operations';
import {
  ClientSelect,
  useChosenOrganization,
  useClientOrganizations,
} from '../components/client-select';
import { foldForSearch } from '../components/fold-for-search';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { InlineConfirmRow } from '../components/inline-confirm';
import { useQuery } from '../components/use-query';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { can, STAFF_TICKET_LIST } from '../session/roles';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';
import { CreateOrganizationForm } from './create-organization-form';
import { CreateUserForm } from './create-user-form';
import { EditUserForm } from './edit-user-form';
import { ReassignOpenTickets } from './reassign-open-tickets';
import { RESEND_INVITATION, SEND_PASSWORD_RESET_LINK } from './user-operations';

/**
 * Provider admins: every portal user and staff account, new accounts (invited by email), edits,
 * reset links, (de)activation (L3-04). Managers read the same list (who approves for a client,
 * whose invitation is pending) without the admin's actions. Both hand a staff member's open
 * tickets to another agent in one step («Reasignar sus tickets», L3-07).
 */
export function UsersPage() {
  const { t, language } = useI18n();
  const a = accountTexts(language);
  const { call, user: me } = useSession();
  const admin = !!me && can.manageUsers(me);
  const [editingId, setEditingId] = useState<string>();
  /** The user whose deactivation is being asked about (QA S55: not the browser's confirm). */
  const [deactivatingId, setDeactivatingId] = useState<string>();
  /** The staff member whose open tickets «Reasignar sus tickets» is handing over (L3-07). */
  const [reassigningId, setReassigningId] = useState<string>();
  const [search, setSearch] = useState('');
  /** The organization «Crear usuario» is to have chosen (a client just created: QA S60). */
  const [choose, setChoose] = useState<{ organizationId: string; at: number }>();
  const organizations = useClientOrganizations();
  // The filter lives in the address, as the other staff screens' (QA S18: a reload lost it).
  const [organizationId, setOrganizationId] = useChosenOrganization(
    organizations.data ? organizations.organizations : undefined,
    'all',
    'organizacion',
  );
  const users = useQuery(USERS, { organizationId: organizationId || null });
  const toggle = useMutationForm();
  // QA S65 #5: «Sí, desactivar» waits while the dialog's hand-over moves the person's tickets.
  const [handOverBusy, setHandOverBusy] = useState(false);
  const orgs = organizations.organizations;
  const all = users.data?.users;
  // Name or email, whatever the case and accents (QA S17: a long list had no way to find one).
  const wanted = foldForSearch(search.trim());
  // By name, as the table shows them (QA: the API's email order read as no order), the language's
  // way (accents and case do not count); the email decides between namesakes.
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const list = all
    ?.filter((u) => !wanted || foldForSearch(`${u.displayName} ${u.email}`).includes(wanted))
    .sort(
      (x, y) =>
        collator.compare(x.displayName, y.displayName) || collator.compare(x.email, y.email),
    );
  // Of every user loaded, not only those the search shows: typing in «Buscar usuario» while editing
  // someone closed the form and lost what was typed (QA).
  const editing = all?.find((u) => u.id === editingId);

  // One email per click: the button waits for the answer; the API refuses a second within a minute.
  const resendInvitation = (user: User) =>
    void toggle.run(
      () => call(RESEND_INVITATION, { userId: user.id }),
      ({ resendInvitation }, w) =>
        accountTexts(w.language).invitationResent(resendInvitation.email),
    );

  const sendReset = (user: User) =>
    void toggle.run(
      () => call(SEND_PASSWORD_RESET_LINK, { userId: user.id }),
      ({ sendPasswordResetLink }, w) =>
        accountTexts(w.language).resetSent(sendPasswordResetLink.email),
    );

  const setActive = (user: User) => {
    setDeactivatingId(undefined);
    void toggle.run(
      async () => {
        await call(SET_USER_ACTIVE, { userId: user.id, active: !user.active });
        await users.reload();
      },
      (_, w) =>
        accountTexts(w.language)[user.active ? 'deactivated' : 'reactivated'](
          user.displayName,
          user.email,
        ),
    );
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{t.users.title}</h1>
        <p className="muted">{admin ? t.users.intro : t.users.readOnlyIntro}</p>
        <ClientSelect
          id="users-org"
          label={t.users.filter}
          value={organizationId}
          onChange={setOrganizationId}
          organizations={orgs}
          allLabel={t.users.allOrganizations}
        />
        <div className="field inline">
          <label htmlFor="users-search">{a.search}</label>
          <input
            id="users-search"
            type="search"
            autoComplete="off"
            aria-describedby="users-search-hint"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <span className="hint" id="users-search-hint">
            {a.searchHint}
          </span>
        </div>
        <ErrorMessage error={users.error ?? organizations.error} />
        {users.loading && !list && <p role="status">{t.loading}</p>}
        {list && list.length === 0 && (
          <p role="status">{wanted ? a.noMatch(search.trim()) : t.users.empty}</p>
        )}
        {list && list.length > 0 && (
          <div className="table-wrap">
            {/* On a phone each user is a stacked card, its cells named (QA S17: the roles, state and
                buttons sat off-screen behind a sideways scroll). */}
            <table data-testid="users" className="stack-on-phone users-table">
              <thead>
                <tr>
                  <th scope="col">{t.users.name}</th>
                  <th scope="col">{t.users.organization}</th>
                  <th scope="col">{t.users.roles}</th>
                  <th scope="col">{t.users.status}</th>
                  <th scope="col">
                    <span className="visually-hidden">{a.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <Fragment key={u.id}>
                    <tr>
                      <th scope="row">
                        {u.displayName}
                        <span className="muted small block">
                          <BreakableEmail email={u.email} />
                        </span>
                      </th>
                      <td data-label={t.users.organization}>{u.organization.name}</td>
                      <td data-label={t.users.roles}>
                        {u.roles.map((r) => t.users.roleNames[r] ?? r).join(', ')}
                      </td>
                      <td data-label={t.users.status}>
                        {/* One grid cell on a phone: the badges stay side by side. Where the
                            column is narrow they may wrap, one under the other (QA S60b #11:
                            glued together they pushed the table past its card at 1280 px). */}
                        <span className="badges">
                          <span className={u.active ? 'badge ok' : 'badge off'}>
                            {u.active ? t.users.active : t.users.inactive}
                          </span>
                          {u.invitationPending && (
                            // L3-04: invited, no password chosen yet.
                            <span className="badge sla-risk" data-testid="invitation-pending">
                              {a.invitationPending}
                            </span>
                          )}
                        </span>
                      </td>
                      <td className="row-actions">
                        {admin && (
                          <>
                            <button
                              type="button"
                              className="button small"
                              aria-label={a.editUser(u.displayName)}
                              aria-expanded={editingId === u.id}
                              onClick={() => setEditingId(editingId === u.id ? undefined : u.id)}
                            >
                              {a.edit}
                            </button>{' '}
                            {u.invitationPending ? (
                              // A reset link for someone who never chose a password is the invitation.
                              <button
                                type="button"
                                className="button small ghost"
                                aria-label={a.resendInvitationFor(u.displayName)}
                                title={u.active ? undefined : a.activateFirst}
                                disabled={toggle.busy || !u.active}
                                onClick={() => resendInvitation(u)}
                              >
                                {a.resendInvitation}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button small ghost"
                                aria-label={a.sendResetFor(u.displayName)}
                                title={u.active ? a.sendReset : a.activateFirst}
                                disabled={toggle.busy || !u.active}
                                onClick={() => sendReset(u)}
                              >
                                {a.sendResetShort}
                              </button>
                            )}
                            {/* An admin cannot deactivate their own account (the API refuses it). */}
                            {u.id !== me?.id && ' '}
                            {u.id !== me?.id && (
                              <button
                                type="button"
                                className={u.active ? 'button small danger' : 'button small'}
                                aria-label={
                                  u.active
                                    ? t.users.deactivate(u.displayName)
                                    : t.users.activate(u.displayName)
                                }
                                disabled={toggle.busy}
                                // Deactivating ends the person's sessions and locks them out: asked
                                // first, like a deletion; activating again is not.
                                onClick={() => (u.active ? setDeactivatingId(u.id) : setActive(u))}
                              >
                                {u.active ? t.users.deactivateShort : t.users.activateShort}
                              </button>
                            )}
                          </>
                        )}
                        {/* L3-07: an agent's open tickets, and a deactivated staff member's
                            (theirs until handed over). On a line of its own: the row's other
                            buttons stay on one line inside the card at 1280 px (QA S60b #11). */}
                        {u.organization.kind === 'PROVIDER' &&
                          (u.roles.includes('AGENT') || !u.active) && (
                            <span className="block">
                              <button
                                type="button"
                                className="button small ghost"
                                aria-label={a.reassignTicketsFor(u.displayName)}
                                aria-expanded={reassigningId === u.id}
                                onClick={() =>
                                  setReassigningId(reassigningId === u.id ? undefined : u.id)
                                }
                              >
                                {a.reassignTickets}
                              </button>
                            </span>
                          )}
                      </td>
                    </tr>
                    {/* Asked in place, under the person's row (QA S55: not the browser's confirm). */}
                    {deactivatingId === u.id && (
                      <InlineConfirmRow
                        columns={5}
                        id="user-deactivate"
                        title={a.confirmDeactivate(u.displayName, u.email)}
                        text={a.confirmDeactivateText}
                        detail={<OpenTicketsLeft user={u} onHandOverBusy={setHandOverBusy} />}
                        yes={a.deactivateYes}
                        no={a.cancel}
                        busy={toggle.busy || handOverBusy}
                        onYes={() => setActive(u)}
                        onNo={() => setDeactivatingId(undefined)}
                      />
                    )}
                    {reassigningId === u.id && (
                      <tr className="confirm-row">
                        <td colSpan={5}>
                          <ReassignOpenTickets
                            user={u}
                            onClose={() => setReassigningId(undefined)}
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {/* Not «Ya existe un registro igual»: these refusals are about the account's state. */}
        <ErrorMessage
          error={toggle.error}
          overrides={{ CONFLICT: a.notPossible, RATE_LIMITED: a.invitationJustSent }}
        />
        <SuccessMessage text={toggle.done} />
      </section>
      {admin && editing && (
        <EditUserForm
          key={editing.id}
          user={editing}
          onSaved={users.reload}
          onClose={() => setEditingId(undefined)}
        />
      )}
      {admin && <CreateUserForm organizations={orgs} onCreated={users.reload} choose={choose} />}
      {admin && (
        <CreateOrganizationForm
          onCreated={async (created) => {
            await organizations.reload();
            setChoose({ organizationId: created.id, at: Date.now() });
          }}
          onCreateUsers={(id) => {
            setChoose({ organizationId: id, at: Date.now() });
            const field = document.getElementById('new-user-email');
            field?.scrollIntoView({ block: 'center' });
            field?.focus();
          }}
        />
      )}
    </div>
  );
}

/**
 * An address that may break before its «@» and after its dots, never inside a word: a long one
 * wraps in its column instead of widening the table past its card (QA S60b #11).
 */
function BreakableEmail({ email }: { email: string }) {
  return email.split(/(?=@)|(?<=\.)/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/**
 * QA S62 #1, #2: under «¿Desactivar a …?», the open tickets the person leaves: those they registered
 * (their client's approvers get those emails meanwhile, L3-11) and those assigned to them, with the
 * ticket list filtered by them and «Reasignar sus tickets» to hand them all to another agent here
 * (L3-07). Nothing when they hold none.
 */
function OpenTicketsLeft({
  user,
  onHandOverBusy,
}: {
  user: User;
  onHandOverBusy: (busy: boolean) => void;
}) {
  const { language } = useI18n();
  const a = accountTexts(language);
  const open = useQuery(USER_OPEN_TICKETS, { userId: user.id });
  const [reassigning, setReassigning] = useState(false);
  const counts = open.data?.userOpenTickets;
  if (!counts) return open.loading ? <p className="muted">{a.countingOpenTickets}</p> : null;
  return (
    <>
      {counts.registered > 0 && (
        <p data-testid="deactivate-registered">
          {a.openRegistered(counts.registered, counts.activeApprovers)}
        </p>
      )}
      {counts.assigned > 0 && (
        <p data-testid="deactivate-assigned">
          {a.openAssigned(counts.assigned)}{' '}
          <Link to={`${STAFF_TICKET_LIST}?mostrar=abiertos&agente=${encodeURIComponent(user.id)}`}>
            {a.openAssignedLink}
          </Link>
          {!reassigning && (
            <>
              {' '}
              <button
                type="button"
                className="button small"
                aria-expanded={false}
                onClick={() => setReassigning(true)}
              >
                {a.reassignTickets}
              </button>
            </>
          )}
        </p>
      )}
      {counts.sessionsAhead > 0 && (
        <p data-testid="deactivate-sessions">
          {a.sessionsAhead(
            counts.confirmedSessionsAhead,
            counts.sessionsAhead - counts.confirmedSessionsAhead,
          )}
        </p>
      )}
      {user.active && user.roles.includes('AGENT') && counts.otherActiveAgents === 0 && (
        <p className="notice notice-warning" data-testid="deactivate-last-agent">
          {a.lastActiveAgent}
        </p>
      )}
      {reassigning && (
        <ReassignOpenTickets
          user={user}
          heading="h3"
          countSaidAbove
          onBusyChange={onHandOverBusy}
          onChanged={() => void open.reload()}
          onClose={() => setReassigning(false)}
        />
      )}
    </>
  );
}
