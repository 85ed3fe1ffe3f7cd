import type { TicketDetail } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';
import { useLocalTime } from './ticket-bits';
import { clientWait, type ClientWait } from './waiting-on-you';
import { LinkedText } from '../components/linked-text';

/** Scrolls to the ticket's first action and gives it the keyboard focus (banner, staff button). */
export function focusFirstAction(): void {
  focusOn(document.querySelector<HTMLElement>('[data-testid="actions"] .action-buttons button'));
}

function focusOn(target: HTMLElement | null): void {
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

/** Where the button takes the keyboard focus: the comment box, or the first action. */
function focusTarget(wait: ClientWait): void {
  if (wait.focus === 'answer') focusOn(document.getElementById('comment-body'));
  else focusFirstAction();
}

/**
 * «Se necesita su respuesta» (L3-06, L3-07, L3-09, L3-11) on the client's ticket page: what the
 * provider waits on the client for (the request's words and since when, the remote session, the
 * resolution to confirm and its automatic closure, the release to test, the authorization an
 * approver owes), with a button to the answer box or the actions. It follows the ticket live:
 * once the state moves, it goes.
 */
export function WaitingOnYouBanner({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const { format } = useLocalTime();
  const wait = clientWait(ticket);
  if (!wait) return null;
  const b = t.clientAnswer.banner;
  const when = (iso: string | null | undefined) => (iso ? format(iso) : null);
  let lines: string[];
  let quote: { label: string; text: string } | undefined;
  switch (wait.kind) {
    case 'INFO':
      lines = [b.info(when(wait.since)), b.infoNext];
      if (wait.note) quote = { label: b.request, text: wait.note };
      break;
    case 'REMOTE_SESSION':
      // Its note is not quoted: the session's card, just above, shows it (QA S55 read it twice).
      lines = [b.remoteSession(when(wait.at)), b.remoteSessionNext];
      break;
    case 'WAITING':
      lines = [b.waiting(when(wait.since)), b.waitingNext];
      if (wait.note) quote = { label: b.request, text: wait.note };
      break;
    case 'RESOLVED':
      lines = [b.resolved, ...(wait.autoCloseAt ? [b.autoClose(format(wait.autoCloseAt))] : [])];
      break;
    case 'TESTING':
      lines = [b.testing(when(wait.since))];
      if (wait.note) quote = { label: b.releaseNote, text: wait.note };
      break;
    case 'AUTHORIZE':
      lines = [
        wait.changeOrder
          ? b.authorizeChangeOrder(wait.version, wait.additionalHours)
          : b.authorize(wait.version, wait.hours),
      ];
      break;
  }
  return (
    <section
      className="notice notice-info waiting-on-you"
      aria-labelledby="waiting-on-you-title"
      data-testid="waiting-on-you"
      data-kind={wait.kind}
    >
      <h2 id="waiting-on-you-title">{b.title}</h2>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {quote && (
        <blockquote data-testid="waiting-on-you-request">
          <p className="muted small">{quote.label}</p>
          <p className="prewrap">
            <LinkedText text={quote.text} />
          </p>
        </blockquote>
      )}
      <p>
        <button type="button" className="button primary" onClick={() => focusTarget(wait)}>
          {wait.focus === 'answer' ? b.answer : b.toActions}
        </button>
      </p>
    </section>
  );
}
