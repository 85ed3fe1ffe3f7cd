import { type FormEvent, useState } from 'react';
import { ApiError, operation } from '../api/graphql-client';
import type { TicketBilling, TicketDetail } from '../api/tickets';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { useRestoredDraft, useSavedDraft } from './live-form';
import { useLocalTime } from './ticket-bits';
import { useNotice } from '../components/use-notice';

/** The API's limit of a no-charge reason (`SetTicketNoChargeInput.reason`, trimmed). */
export const NO_CHARGE_REASON_MAX = 500;

export const SET_TICKET_NO_CHARGE = operation<
  {
    setTicketNoCharge: { noCharge: boolean; releasedHours: number; reservedHours: number };
  },
  {
    input: { organizationId: string; ticketNumber: string; noCharge: boolean; reason: string };
  }
>(`mutation SetTicketNoCharge($input: SetTicketNoChargeInput!) {
  setTicketNoCharge(input: $input) { noCharge releasedHours reservedHours }
}`);

/**
 * L3-18 in the ticket's header, for everyone who sees the ticket: «Sin cargo (L3-18)» with the
 * reason and who decided when, or that it is charged again; nothing while never decided.
 */
export function NoChargeMark({ billing }: { billing: TicketBilling | null }) {
  const { t } = useI18n();
  const n = t.noCharge;
  const { format } = useLocalTime();
  if (!billing) return null;
  return (
    <>
      <dt>{n.packageLabel}</dt>
      <dd data-testid="no-charge-mark" data-no-charge={billing.noCharge ? 'true' : 'false'}>
        {billing.noCharge ? (
          <span className="badge strong">{n.badge}</span>
        ) : (
          <span>{n.charged}</span>
        )}
        <span className="block prewrap">
          {n.reasonLabel}: {billing.reason}
        </span>
        <span className="muted small block">
          {n.decidedBy(billing.decidedByName, format(billing.decidedAt))}
        </span>
      </dd>
    </>
  );
}

/**
 * L3-18 for provider staff: «Sin cargo al paquete» / «Cobrar al paquete» with a required reason
 * (1–500 characters, what the API takes), after saying what it does to the hours; the answer's
 * released or re-reserved hours are told in the success notice. What is typed is kept in the tab
 * until it is sent or cancelled (`useSavedDraft`), as the ticket's other forms do.
 */
export function NoChargeCard({
  ticket,
  onDone,
}: {
  ticket: TicketDetail;
  onDone: () => Promise<void>;
}) {
  const { t } = useI18n();
  const n = t.noCharge;
  const { call } = useSession();
  const current = ticket.billing?.noCharge ?? false;
  const { key: draftKey, restored } = useRestoredDraft(ticket.number, 'no-charge');
  const [open, setOpen] = useState(restored !== undefined);
  const [reason, setReason] = useState(restored?.fields.reason ?? '');
  const [problem, setProblem] = useNotice();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useNotice();
  const [busy, setBusy] = useState(false);
  // The decision the form makes, fixed when it is opened: the opposite of the flag then. Should
  // someone else make that decision while it is open, the form says so instead of turning into
  // the opposite one (QA: the agent's «sin cargo» reason was about to charge the ticket again).
  const [target, setTarget] = useState(() =>
    restored?.fields.target === undefined ? !current : restored.fields.target === 'true',
  );
  const decidedElsewhere = open && target === current;
  const saved = useSavedDraft(
    draftKey,
    open && reason.trim() !== '' ? { fields: { reason, target: String(target) } } : undefined,
  );

  const close = () => {
    saved.discard();
    setOpen(false);
    setReason('');
    setProblem(undefined);
    setError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (decidedElsewhere) return;
    const text = reason.trim();
    const failed = !text
      ? 'reasonRequired'
      : text.length > NO_CHARGE_REASON_MAX
        ? 'reasonTooLong'
        : undefined;
    if (failed) {
      setProblem(({ t }) => t.noCharge[failed]);
      document.getElementById('no-charge-reason')?.focus();
      return;
    }
    setProblem(undefined);
    setError(undefined);
    setBusy(true);
    try {
      const { setTicketNoCharge: result } = await call(SET_TICKET_NO_CHARGE, {
        input: {
          organizationId: ticket.organizationId,
          ticketNumber: ticket.number,
          noCharge: target,
          reason: text,
        },
      });
      saved.discard();
      setOpen(false);
      setReason('');
      // The ticket is read again first: the notice never sits next to a stale mark.
      await onDone();
      setDone((w) =>
        result.noCharge
          ? w.t.noCharge.doneMarked(result.releasedHours)
          : w.t.noCharge.doneCharged(result.reservedHours),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const reasonText =
    error instanceof ApiError && error.reason ? n.reasons[error.reason] : undefined;

  return (
    <section className="card" aria-labelledby="no-charge-title" data-testid="no-charge">
      <h2 id="no-charge-title">{n.cardTitle}</h2>
      <p data-testid="no-charge-status">{current ? n.statusNoCharge : n.statusCharged}</p>
      {!open && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setDone(undefined);
            setTarget(!current);
            setOpen(true);
          }}
        >
          {current ? n.chargeAction : n.markAction}
        </button>
      )}
      <SuccessMessage text={done} />
      {open && (
        <form
          className="form-grid"
          noValidate
          aria-labelledby="no-charge-form-title"
          onSubmit={(e) => void submit(e)}
        >
          <h3 id="no-charge-form-title" className="span-all">
            {target ? n.markAction : n.chargeAction}
          </h3>
          {decidedElsewhere ? (
            <div
              className="notice notice-warning span-all"
              role="status"
              data-testid="no-charge-decided"
            >
              <p>{target ? n.decidedElsewhereMarked : n.decidedElsewhereCharged}</p>
            </div>
          ) : (
            <div className="notice notice-info span-all" data-testid="no-charge-explain">
              <p>{target ? n.markExplain : n.chargeExplain}</p>
            </div>
          )}
          <TextAreaField
            id="no-charge-reason"
            className="span-all"
            label={n.reason}
            hint={n.reasonHint}
            rows={2}
            limit={NO_CHARGE_REASON_MAX}
            aria-required
            problemId={problem ? 'no-charge-problem' : undefined}
            value={reason}
            onChange={(value) => {
              setReason(value);
              // A reason typed answers «Escriba el motivo…»: the notice goes with it.
              if (value.trim()) setProblem(undefined);
            }}
          />
          <FormProblem problem={problem} id="no-charge-problem" />
          <div className="form-actions span-all">
            <button type="submit" className="button primary" disabled={busy || decidedElsewhere}>
              {busy ? n.sending : target ? n.submitMark : n.submitCharge}
            </button>
            <button type="button" className="button ghost" onClick={close}>
              {n.cancel}
            </button>
          </div>
          <div className="span-all">
            <ErrorMessage
              error={error}
              overrides={reasonText ? { VALIDATION_FAILED: reasonText } : undefined}
            />
          </div>
        </form>
      )}
    </section>
  );
}
