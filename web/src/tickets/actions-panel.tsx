import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import {
  ACTIONS,
  ADMIN_ACTION_KINDS,
  ASSIGNABLE_AGENTS,
  CHARGED_HOURS,
  CLIENT_ANSWER_CHANNELS,
  HOUR_BALANCE,
  REQUIREMENT_KINDS,
  type TicketDetail,
  transitionOperation,
} from '../api/tickets';
import { unfilledPlaceholders } from '../canned-responses/canned-fill';
import { CannedResponsePicker } from '../canned-responses/canned-picker';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { describedBy, refusedBy } from '../components/field-error';
import { useInputRefusal } from '../components/use-input-refusal';
import { TextCount } from '../components/text-count';
import { countId, overLimitText } from '../components/text-count-text';
import { type LimitedText, TEXT_LIMITS } from '../../../src/shared/text-limits';
import { ApiError } from '../api/graphql-client';
import { useHoursChanges } from '../api/live';
import { CLIENT_QUEUE } from '../api/planning';
import { useQuery } from '../components/use-query';
import { answerUnknown, useRequestId } from '../components/use-request-id';
import type { Messages } from '../i18n/es-mx';
import { useI18n } from '../i18n/i18n-context';
import { nowInZone, zonedWallTimeToUtc } from '../i18n/zoned-time';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { actionForm, draftText, formDraftKey, formsToReopen, readFormDraft } from './live-draft';
import {
  PreservedDraft,
  RestoredNotice,
  TicketUpdatedNotice,
  useLiveForm,
  useRestoredDraft,
  useSavedDraft,
} from './live-form';
import { useAcceptDeliveryText } from './accept-delivery-hours';
import {
  type Classification,
  classificationChoices,
  initialClassification,
} from './classification-choices';
import { tabStorage } from './tab-storage';
import { lacksActivePackage } from './package-needed';
import { CalendarZoneDeadline } from './clocks-section';
import { useLocalTime, useStateText } from './ticket-bits';
import { SpelledDate, spelledDateId } from '../components/spelled-date';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** L3-09: the shortest written authorization the API takes (AuthorizeEstimateInput.statement). */
const STATEMENT_MIN_LENGTH = 10;
/** The requirement kind a category suggests (L3-08); development otherwise. */
function defaultRequirementKind(category: string): string {
  return (REQUIREMENT_KINDS as readonly string[]).includes(category) ? category : 'DEVELOPMENT';
}
/** The smallest estimate the API takes (SubmitEstimateInput.hours ≥ 0.25). */
const MIN_ESTIMATE_HOURS = 0.25;

/** A client's note in their words: what they answer, or why they reopen (QA). */
const CLIENT_NOTE_LABELS: Partial<
  Record<string, 'clientReply' | 'clientReason' | 'clientFailures'>
> = {
  clientReplied: 'clientReply',
  provideInfo: 'clientReply',
  reopen: 'clientReason',
  // QA S16: the client's required cancellation note read «Note»; it is why they cancel.
  cancel: 'clientReason',
  // QA S18 (L3-09): what failed in the client's tests, not a «Nota».
  reportFailures: 'clientFailures',
};

/** A transition that succeeded: worded at render time, so it follows the language switch. */
interface ActionDone {
  /** The action's name, or `assign` for a first assignment. */
  readonly action: string;
  /** The ticket's state the transition answered with. */
  readonly state: string;
}

interface FormProps {
  name: string;
  ticket: TicketDetail;
  /** Whether the ticket, as the page shows it now, still allows this action. */
  allowed: boolean;
  onDone: (done: ActionDone) => Promise<void>;
  /**
   * The API refused the action in the ticket's present state: the ticket changed under a page
   * that did not hear of it (its live feed was down). Reads the ticket again, so the form says
   * what it became instead of a state the page no longer has.
   */
  onRefused: () => Promise<void>;
  onClose: () => void;
}

/**
 * The fields one transition needs, sent with a request ID that survives a network retry. What is
 * typed is kept in the tab (`useSavedDraft`, per user, ticket and action) until it is sent,
 * cancelled or discarded: the form comes back with it after a reload or a visit elsewhere.
 */
function ActionForm({ name, ticket, allowed, onDone, onRefused, onClose }: FormProps) {
  const { t, language } = useI18n();
  const stateName = useStateText();
  const { call, user } = useSession();
  const { zone, format } = useLocalTime();
  const spec = ACTIONS[name];
  const has = (f: (typeof spec.fields)[number]) => spec.fields.includes(f);
  const submitted = ticket.estimates.filter((e) => e.status === 'SUBMITTED');
  const latest = submitted[submitted.length - 1];
  // L3-12: a change order asks for hours on top of the authorized ones.
  const changeOrder = spec.hoursInput === 'additionalHours';
  const hoursLabel = changeOrder ? t.changeOrders.hoursLabel : t.tickets.hoursLabel;
  const scopeLabel = changeOrder ? t.changeOrders.scopeLabel : t.tickets.scopeLabel;
  const authorized = ticket.estimates.filter((e) => e.status === 'AUTHORIZED').at(-1);

  const { key: draftKey, restored } = useRestoredDraft(ticket.number, actionForm(name));
  const kept = (field: string, fallback: string) => restored?.fields[field] ?? fallback;
  // L3-06 (QA S60b #6): proposing again after the client declined starts from the declined
  // proposal's duration, link and note (not its time, which did not suit the client), and says
  // why it was declined.
  const declined =
    name === 'proposeRemoteSession' && ticket.remoteSession?.declined ? ticket.remoteSession : null;
  const [note, setNote] = useState(kept('note', declined?.note ?? ''));
  const [at, setAt] = useState(kept('at', ''));
  const [classification, setClassification] = useState<Classification>(
    initialClassification(ticket.category, restored?.fields.classification),
  );
  const [requirementKind, setRequirementKind] = useState<string>(
    kept('requirementKind', defaultRequirementKind(ticket.category)),
  );
  // L3-07: '' = automatic assignment when classifying; required when reassigning.
  const [agentId, setAgentId] = useState(kept('agentId', ''));
  const [hours, setHours] = useState(kept('hours', ''));
  const [scope, setScope] = useState(kept('scope', ''));
  const [pickedVersion, setEstimateVersion] = useState(
    kept('estimateVersion', latest ? String(latest.version) : ''),
  );
  // L3-09/L3-12: a version no longer submitted (a re-estimate or a rejection replaced it while the
  // form was open, or its draft was kept) is not what the form shows, reserves or authorizes: it
  // follows the submitted one, as its select does.
  const estimateVersion = submitted.some((e) => String(e.version) === pickedVersion)
    ? pickedVersion
    : latest
      ? String(latest.version)
      : '';
  const [statement, setStatement] = useState(kept('statement', ''));
  const [reason, setReason] = useState(kept('reason', ''));
  // QA S16: a rejection's one field says what it is for (it read «Motivo» beside a «Nota»).
  const reasonLabels: Partial<Record<string, string>> = {
    rejectEstimate: t.tickets.rejectReason,
    rejectChangeOrder: t.tickets.rejectReason,
    requestReestimate: t.ticketPage.reestimateReason,
    declineRemoteSession: t.remoteSession.declineReason,
  };
  const reasonLabel = reasonLabels[name] ?? t.tickets.reason;
  const [reasons, setReasons] = useState(kept('reasons', ''));
  const [releaseDate, setReleaseDate] = useState(kept('releaseDate', ''));
  const [adminKind, setAdminKind] = useState<string>(kept('adminKind', 'BACKUP'));
  const [details, setDetails] = useState(kept('details', ''));
  const [executedAt, setExecutedAt] = useState(kept('executedAt', ''));
  const [channel, setChannel] = useState<string>(kept('channel', 'PHONE'));
  // L3-06: a remote session's link and duration; a time the client suggests instead.
  const [link, setLink] = useState(kept('link', declined?.link ?? ''));
  const [duration, setDuration] = useState(
    kept('duration', declined ? String(declined.durationMinutes) : '60'),
  );
  const [suggestedAt, setSuggestedAt] = useState(kept('suggestedAt', ''));
  // The checks the form failed when sent (indexes into checks(), the first of each field), worded
  // when shown so the messages follow the language switch.
  const [failedChecks, setFailedChecks] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const requestIds = useRequestId();
  const [retrying, setRetrying] = useState(false);
  // The page follows the ticket live: a change while this form is open keeps what was typed.
  const live = useLiveForm(ticket, {
    active: true,
    allowed,
    sending: busy,
    since: restored?.since,
  });
  // Every field a person typed, under its label: what they wrote is theirs to copy.
  const typed = draftText([
    { label: t.tickets.at, value: has('at') ? at : '' },
    { label: t.remoteSession.link, value: has('link') ? link : '' },
    { label: t.remoteSession.suggestedAt, value: has('suggestedAt') ? suggestedAt : '' },
    { label: t.tickets.releaseDateLabel, value: has('releaseDate') ? releaseDate : '' },
    { label: hoursLabel, value: has('hoursScope') ? hours : '' },
    { label: scopeLabel, value: has('hoursScope') ? scope : '' },
    { label: t.tickets.statement, value: has('statement') ? statement : '' },
    { label: reasonLabel, value: has('reason') ? reason : '' },
    { label: t.tickets.reasons, value: has('reasons') ? reasons : '' },
    { label: t.tickets.executedAt, value: has('adminAction') ? executedAt : '' },
    { label: t.tickets.adminDetails, value: has('adminAction') ? details : '' },
    { label: t.tickets.note, value: has('note') ? note : '' },
  ]);
  // All fields, choices too: the form comes back as it was left.
  const fields: Record<string, string> = {
    note,
    at,
    classification,
    requirementKind,
    agentId,
    hours,
    scope,
    estimateVersion,
    statement,
    reason,
    reasons,
    releaseDate,
    adminKind,
    details,
    executedAt,
    channel,
    link,
    duration,
    suggestedAt,
  };
  const saved = useSavedDraft(
    draftKey,
    typed !== '' ? { fields, since: live.baseline } : undefined,
  );
  const showRestored =
    restored !== undefined &&
    Object.entries(fields).every(([k, v]) => v === (restored.fields[k] ?? v));
  const cancel = () => {
    saved.discard();
    onClose();
  };

  const showsBalance = has('statement') || has('hoursScope');
  const balance = useQuery(HOUR_BALANCE, { organizationId: ticket.organizationId }, !showsBalance);
  // L3-12: the hours may change while the form is open (a package bought, another ticket's work
  // or authorization): what it says the balance leaves, and its refusal of a shortfall, follow.
  useHoursChanges(() => void balance.reload(), ticket.organizationId, !showsBalance);
  const agents = useQuery(ASSIGNABLE_AGENTS, {}, !has('agent'));
  // L3-12 (QA S18): releasing a charged requirement with no hours logged loses them: the client's
  // acceptance closes the ticket and gives back what its estimate reserved. The form says so.
  const logged = useQuery(
    CHARGED_HOURS,
    { number: ticket.number },
    name !== 'releaseForTesting' || (ticket.billing?.noCharge ?? false),
  ).data?.ticket.chargedHours;
  // QA S20: accepting closed the ticket without a word of its hours.
  const acceptDeliveryText = useAcceptDeliveryText(ticket, name === 'acceptDelivery');
  // L3-09/L3-19: the date the capacity plan gives this requirement, offered when a release date is
  // published (the agent decides; the plan is the client's queue at its hours per business day).
  const plan = useQuery(
    CLIENT_QUEUE,
    { organizationId: ticket.organizationId },
    name !== 'setReleaseDate',
  ).data?.clientQueue;
  const planned = plan?.entries.find((e) => e.ticketNumber === ticket.number)?.plannedReleaseDate;
  // A date before the plan's is the agent's to publish, with a word of warning (not a block).
  const beforePlan =
    !!planned &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(releaseDate) &&
    zonedWallTimeToUtc(releaseDate, zone).getTime() < Date.parse(planned);
  // Reassigning offers everyone but the agent who has the ticket now.
  const agentOptions = (agents.data?.assignableAgents ?? []).filter(
    (a) => name !== 'reassign' || a.id !== ticket.assigneeId,
  );
  // L3-07 a problem, L3-08 a requirement: both get an agent when classified.
  const sendsAgent = has('agent');
  // An open ticket nobody has yet gets its first agent through the same action.
  const firstAssignment = name === 'reassign' && !ticket.assigneeId;
  const chosen = ticket.estimates.find((e) => String(e.version) === estimateVersion);
  const available = balance.data?.hourBalance.available;
  // What authorizing reserves: an estimate's hours, a change order's additional ones (L3-12);
  // nothing on a ticket staff marked «Sin cargo al paquete» (L3-18: the ledger holds none there).
  const noCharge = ticket.billing?.noCharge ?? false;
  const reserves = chosen ? reservedBy(chosen, noCharge) : 0;
  const after = chosen && available !== undefined ? round2(available - reserves) : undefined;
  /** The balance does not cover the authorization (L3-12). */
  const short = after !== undefined && after < 0;
  // L3-12: with no active package (hours only from adjustments) the ledger refuses configuration
  // and development: the form says so and what to do, with no authorization to send.
  const noPackage =
    has('statement') &&
    balance.data !== undefined &&
    lacksActivePackage(ticket, balance.data.hourBalance);
  const noPackageText = `${t.tickets.authorizeNoPackage} ${t.serverErrors.noActivePackage(
    (available ?? 0).toLocaleString(language),
  )}`;
  // The shortfall in the words of what is authorized, and only the ways out the user has.
  const shortfall = (h: number) => shortfallText(t, chosen, h, ticket.allowedActions);

  const id = (field: string) => `action-${name}-${field}`;
  const refused = (field: string, hintId?: string) =>
    refusedBy(problemFields.has(field) ? id('problem') : undefined, hintId);
  // A long text's count near its limit, under it (QA S51), and its id while it shows.
  const countIdOf = (field: LimitedText) => id(`${field}-count`);
  const counted = (field: LimitedText, value: string) => (
    <TextCount id={countIdOf(field)} value={value} limit={TEXT_LIMITS[field]} />
  );
  const countOf = (field: LimitedText, value: string) =>
    countId(countIdOf(field), value, TEXT_LIMITS[field]);
  const explain: Partial<Record<string, string>> = {
    cancel: t.tickets.cancelExplain,
    rejectEstimate: t.tickets.rejectExplain,
    requestReestimate: t.tickets.reestimateExplain,
    requestInfo: t.tickets.requestInfoExplain,
    waitOnClient: t.tickets.waitOnClientExplain(
      t.tickets.clockKinds[ticket.state === 'IN_DIAGNOSIS' ? 'diagnosis' : 'progress'],
    ),
    rejectChangeOrder: t.changeOrders.rejectExplain,
    acceptDelivery: acceptDeliveryText,
    acceptRemoteSession: t.remoteSession.acceptExplain,
    declineRemoteSession: t.remoteSession.declineExplain,
    // QA S63: after classification the ticket stays where it is.
    withdrawRemoteSession:
      ticket.state === 'REMOTE_SESSION_PROPOSED'
        ? t.remoteSession.withdrawExplain
        : t.remoteSession.withdrawExplainClassified(stateName(ticket.state)),
  };
  const label = firstAssignment ? t.ticketPage.assign : (t.tickets.actionNames[name] ?? name);
  // Who reads the note (QA, L3-07): a hand-over note is internal; any other staff note reaches
  // the client's timeline, so the field says so; a client's note is their reply or reason.
  const staff = user !== undefined && can.seeConsole(user);
  const noteLabel =
    name === 'reassign'
      ? t.ticketPage.handOverNote
      : name === 'recordClientAnswer'
        ? t.clientAnswer.note
        : !staff && CLIENT_NOTE_LABELS[name]
          ? t.ticketPage[CLIENT_NOTE_LABELS[name]]
          : spec.noteRequired
            ? t.tickets.note
            : t.tickets.noteOptional;
  const noteHint =
    name === 'recordClientAnswer'
      ? t.clientAnswer.noteHint
      : staff && name !== 'reassign'
        ? t.ticketPage.noteClientReads
        : name === 'reportFailures'
          ? t.ticketPage.clientFailuresHint
          : undefined;

  /** Every check the form makes before sending, in order: [fails, field, label, message when not
   * simply empty]. Built from the words and figures on screen now. */
  const tooLong = (
    field: LimitedText,
    value: string,
    label: string,
  ): [boolean, string, string, string?] => {
    const text = overLimitText(value, TEXT_LIMITS[field], label, t.serverErrors, language);
    return [text !== undefined, field, label, text];
  };
  const staffGaps = staff && has('note') && !noPackage ? unfilledPlaceholders(note) : [];
  const checks = (): [boolean, string, string, string?][] => [
    [has('note') && spec.noteRequired && !note.trim(), 'note', noteLabel],
    [has('at') && !at, 'at', t.tickets.at],
    [
      has('duration') && !/^\d+$/.test(duration.trim()),
      'duration',
      t.remoteSession.duration,
      t.remoteSession.durationInvalid,
    ],
    [
      has('duration') && !(Number(duration) >= 15 && Number(duration) <= 240),
      'duration',
      t.remoteSession.duration,
      t.remoteSession.durationInvalid,
    ],
    [
      has('link') && link.trim() !== '' && !/^https:\/\/\S+$/i.test(link.trim()),
      'link',
      t.remoteSession.link,
      t.remoteSession.linkInvalid,
    ],
    [has('hoursScope') && !hours.trim(), 'hours', hoursLabel],
    [
      has('hoursScope') && !(Number(hours) >= MIN_ESTIMATE_HOURS),
      'hours',
      hoursLabel,
      t.serverErrors.constraints.min(hoursLabel, String(MIN_ESTIMATE_HOURS)),
    ],
    [has('hoursScope') && !scope.trim(), 'scope', scopeLabel],
    [has('estimate') && !estimateVersion, 'estimate', t.tickets.estimateVersion],
    [noPackage, 'estimate', t.tickets.estimateVersion, noPackageText],
    [has('statement') && !statement.trim(), 'statement', t.tickets.statement],
    [
      has('statement') && statement.trim().length < STATEMENT_MIN_LENGTH,
      'statement',
      t.tickets.statement,
      t.serverErrors.constraints.minLength(t.tickets.statement, String(STATEMENT_MIN_LENGTH)),
    ],
    // L3-12: an authorization the balance cannot cover is said here, with what can be done,
    // instead of a refusal from the server.
    [has('statement') && short, 'statement', t.tickets.statement, shortfall(-(after ?? 0))],
    [has('reason') && !reason.trim(), 'reason', reasonLabel],
    [has('reasons') && !reasons.trim(), 'reasons', t.tickets.reasons],
    [has('releaseDate') && !releaseDate, 'release', t.tickets.releaseDateLabel],
    [has('adminAction') && !details.trim(), 'details', t.tickets.adminDetails],
    [name === 'reassign' && !agentId, 'agent', t.ticketPage.newAssignee],
    // A text past its limit is refused here, in the server's words (QA S52).
    tooLong('scope', has('hoursScope') ? scope : '', scopeLabel),
    tooLong('statement', has('statement') ? statement : '', t.tickets.statement),
    tooLong('reason', has('reason') ? reason : '', reasonLabel),
    tooLong('details', has('adminAction') ? details : '', t.tickets.adminDetails),
    tooLong('note', has('note') && !noPackage ? note : '', noteLabel),
    // A canned response's blank left as it was is not sent (QA S54: «Siguiente paso: …» reached
    // the client as it was inserted); staff only, who insert them.
    [staffGaps.length > 0, 'note', noteLabel, t.cannedResponses.gaps(staffGaps.join(', '))],
  ];
  // Every field that failed is said at once (QA S52: an empty estimate named «Horas» only, then
  // «Alcance» at the next send); each while its check still fails: a corrected field drops its
  // message (QA: an estimate's «Horas» kept it until the next send).
  const current = checks();
  const stillFailed = failedChecks.map((i) => current[i]).filter((check) => check?.[0]);
  // The fields the problem is about (QA S18): marked invalid and described by the message, so a
  // screen reader reads why when the focus lands on one, not only once when the alert appears.
  const problemFields = new Set(stillFailed.map((check) => check[1]));
  const problem =
    stillFailed.length > 0
      ? stillFailed.map((check) => check[3] ?? t.tickets.required(check[2])).join(' ')
      : undefined;
  // The server's refusal; one of the input goes once a field changes.
  const { error, refuse, clear: clearRefusal } = useInputRefusal(fields);

  const buildInput = (): Record<string, unknown> => {
    const input: Record<string, unknown> = { number: ticket.number };
    if (has('note') && note.trim()) input.note = note.trim();
    if (has('at')) input.at = zonedWallTimeToUtc(at, zone).toISOString();
    if (has('duration')) input.durationMinutes = Number(duration);
    if (has('link') && link.trim()) input.link = link.trim();
    // L3-06: the answer names the proposal the page shows (a replaced one is refused).
    if (has('proposal')) input.proposal = ticket.remoteSession?.proposal ?? 0;
    if (has('suggestedAt') && suggestedAt)
      input.suggestedAt = zonedWallTimeToUtc(suggestedAt, zone).toISOString();
    if (has('classification')) {
      input.classification = classification;
      if (classification === 'REQUIREMENT') input.requirementKind = requirementKind;
    }
    if (sendsAgent && agentId) input.agentId = agentId;
    if (has('hoursScope')) {
      input[spec.hoursInput ?? 'hours'] = Number(hours);
      input.scope = scope.trim();
    }
    if (has('estimate')) input.estimateVersion = Number(estimateVersion);
    if (has('statement')) input.statement = statement.trim();
    if (has('reason')) input.reason = reason.trim();
    if (has('reasons'))
      input.reasons = reasons
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean);
    if (has('releaseDate')) input.releaseDate = zonedWallTimeToUtc(releaseDate, zone).toISOString();
    if (has('channel')) input.channel = channel;
    if (has('adminAction')) {
      input.action = adminKind;
      input.details = details.trim();
      if (executedAt) input.executedAt = zonedWallTimeToUtc(executedAt, zone).toISOString();
    }
    return input;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const all = checks();
    // The first failing check of each field.
    const fields = new Set<string>();
    const gaps = all.flatMap(([fails, field], i) =>
      fails && !fields.has(field) && fields.add(field) ? [i] : [],
    );
    if (gaps.length > 0) {
      setFailedChecks(gaps);
      document.getElementById(id(all[gaps[0]][1]))?.focus();
      return;
    }
    setFailedChecks([]);
    clearRefusal();
    setBusy(true);
    // Same ID on a retry of the same content after a network error (applied once).
    const input = buildInput();
    try {
      const result = await requestIds.send(input, (requestId) =>
        call(transitionOperation(spec), { input: { ...input, requestId } }),
      );
      setRetrying(false);
      saved.discard();
      const state = result[spec.mutation]?.ticket.state ?? '';
      await onDone({ action: firstAssignment ? 'assign' : name, state });
    } catch (err) {
      setRetrying(answerUnknown(err));
      refuse(err);
      if (err instanceof ApiError && err.code === 'INVALID_TRANSITION') await onRefused();
    } finally {
      setBusy(false);
    }
  };

  const dateField = (
    field: string,
    text: string,
    value: string,
    set: (v: string) => void,
    required: boolean,
    // The input's property: a refusal of it names the field by this label (QA: «Fecha de entrega»
    // for «Fecha y hora de entrega»).
    property = field,
  ) => (
    <div className="field">
      <label htmlFor={id(field)}>{text}</label>
      <input
        id={id(field)}
        name={property}
        type="datetime-local"
        aria-required={required}
        {...refused(field, `${id(field)}-hint ${spelledDateId(id(field))}`)}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
      <p className="hint" id={`${id(field)}-hint`}>
        {t.tickets.dateHint(zone)}
      </p>
      <SpelledDate id={spelledDateId(id(field))} value={value} />
    </div>
  );

  if (live.status.kind === 'withdrawn') {
    return (
      <section
        className="action-form"
        aria-labelledby={id('title')}
        data-testid={`action-form-${name}`}
      >
        <h3 id={id('title')}>{label}</h3>
        <PreservedDraft id={id('kept')} status={live.status} text={typed} onDiscard={cancel} />
      </section>
    );
  }

  return (
    <form
      className="form-grid action-form"
      noValidate
      aria-labelledby={id('title')}
      onSubmit={(e) => void submit(e)}
      data-testid={`action-form-${name}`}
    >
      <h3 id={id('title')} className="span-all">
        {label}
      </h3>
      {showRestored && <RestoredNotice text={t.ticketPage.liveDraft.restoredForm} />}
      {explain[name] && (
        // What the action does, before it is done (QA: an authorized requirement was cancelled
        // with one click and no word of its hours; rejecting and asking for a re-estimate read
        // the same).
        <p className="notice notice-info span-all" data-testid={`${name}-explain`}>
          {explain[name]}
        </p>
      )}
      {declined?.declined && (
        <div className="notice notice-warning span-all" data-testid="declined-proposal">
          <p>{t.remoteSession.declinedProposal(format(declined.at))}</p>
          {declined.declined.reason && (
            <p className="prewrap">
              {t.remoteSession.reason}: {declined.declined.reason}
            </p>
          )}
          {/* QA S62 #3: the suggestion in the agent's zone and, when it reads otherwise, in the
              client calendar's; one click puts it in the date field (the agent's zone). */}
          {declined.declined.suggestedAt && (
            <>
              <p data-testid="declined-proposal-suggested">
                {t.remoteSession.suggested}: {format(declined.declined.suggestedAt)}
                <CalendarZoneDeadline
                  deadline={declined.declined.suggestedAt}
                  calendarZone={ticket.calendarTimeZone}
                />
              </p>
              <p>
                <button
                  type="button"
                  className="button"
                  aria-controls={id('at')}
                  onClick={() => {
                    setAt(nowInZone(zone, Date.parse(declined.declined!.suggestedAt!)));
                    document.getElementById(id('at'))?.focus();
                  }}
                >
                  {t.remoteSession.useSuggested}
                </button>
              </p>
            </>
          )}
          <p className="hint">{t.remoteSession.prefilledFromDeclined}</p>
        </div>
      )}
      {live.status.kind === 'updated' && (
        <TicketUpdatedNotice status={live.status} onAcknowledge={live.acknowledge} />
      )}
      {has('classification') && (
        <>
          <fieldset className="field">
            <legend>{t.tickets.classificationLabel}</legend>
            {classificationChoices(ticket.category).map((c) => (
              <label className="check" key={c}>
                <input
                  type="radio"
                  name={id('classification')}
                  value={c}
                  checked={classification === c}
                  onChange={() => setClassification(c)}
                />
                {t.tickets.classifications[c]}
              </label>
            ))}
          </fieldset>
          {classification === 'REQUIREMENT' && (
            <div className="field">
              <label htmlFor={id('kind')}>{t.tickets.requirementKind}</label>
              <select
                id={id('kind')}
                value={requirementKind}
                onChange={(e) => setRequirementKind(e.target.value)}
              >
                {REQUIREMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t.tickets.requirementKinds[k]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </>
      )}
      {sendsAgent && (
        // Two columns wide: «Automático (el agente con menos carga)» and agents' full names were
        // cut at one column's 14rem (QA S43).
        <div className="field span-2">
          <label htmlFor={id('agent')}>
            {name === 'reassign' && !firstAssignment
              ? t.ticketPage.newAssignee
              : t.ticketPage.assignTo}
          </label>
          <select
            id={id('agent')}
            aria-required={name === 'reassign'}
            {...refused('agent')}
            value={agentId}
            onChange={(e) => setAgentId(e.target.value)}
          >
            <option value="">
              {name === 'reassign'
                ? t.ticketPage.chooseAgent
                : ticket.assigneeName
                  ? t.ticketPage.keepAssignee(ticket.assigneeName)
                  : t.ticketPage.assignAutomatic}
            </option>
            {agentOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.displayName}
              </option>
            ))}
          </select>
          {name === 'reassign' && agents.data && agentOptions.length === 0 && (
            <p className="hint">{t.ticketPage.noOtherAgents}</p>
          )}
          <ErrorMessage error={agents.error} />
        </div>
      )}
      {has('at') && dateField('at', t.tickets.at, at, setAt, true)}
      {has('duration') && (
        <div className="field">
          <label htmlFor={id('duration')}>{t.remoteSession.duration}</label>
          <input
            id={id('duration')}
            type="number"
            inputMode="numeric"
            min={15}
            max={240}
            step={15}
            aria-required
            {...refused('duration', `${id('duration')}-hint`)}
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
          <p className="hint" id={`${id('duration')}-hint`}>
            {t.remoteSession.durationHint}
          </p>
        </div>
      )}
      {has('link') && (
        <div className="field">
          <label htmlFor={id('link')}>{t.remoteSession.link}</label>
          <input
            id={id('link')}
            type="url"
            inputMode="url"
            placeholder="https://"
            {...refused('link', `${id('link')}-hint`)}
            value={link}
            onChange={(e) => setLink(e.target.value)}
          />
          <p className="hint" id={`${id('link')}-hint`}>
            {t.remoteSession.linkHint}
          </p>
        </div>
      )}
      {has('releaseDate') &&
        dateField(
          'release',
          t.tickets.releaseDateLabel,
          releaseDate,
          setReleaseDate,
          true,
          'releaseDate',
        )}
      {has('releaseDate') && plan && planned && (
        <div className="field release-plan" data-testid="release-plan">
          <p className="hint">{t.tickets.releasePlan(format(planned), plan.hoursPerBusinessDay)}</p>
          <button
            type="button"
            className="button secondary"
            onClick={() => setReleaseDate(nowInZone(zone, Date.parse(planned)))}
          >
            {t.tickets.usePlannedDate}
          </button>
          {beforePlan && (
            <p className="notice notice-warning" role="status" data-testid="release-before-plan">
              {t.tickets.releaseBeforePlan(format(planned))}
            </p>
          )}
        </div>
      )}
      {has('hoursScope') && (
        <>
          {changeOrder && authorized && (
            <p className="hint span-all" data-testid="change-order-explain">
              {t.changeOrders.explain(authorized.hours)}
            </p>
          )}
          <div className="field">
            <label htmlFor={id('hours')}>{hoursLabel}</label>
            <input
              id={id('hours')}
              type="number"
              inputMode="decimal"
              min={MIN_ESTIMATE_HOURS}
              step="0.25"
              aria-required
              {...refused('hours', available !== undefined ? id('hours-balance') : undefined)}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
            {available !== undefined && (
              // L3-12 (QA S18): what the client can authorize, before the agent sends more.
              <p className="hint" id={id('hours-balance')} data-testid="estimate-balance">
                {Number(hours) > available
                  ? t.ticketPage.estimateOverBalance(round2(Number(hours) - available))
                  : t.ticketPage.estimateBalance(available)}
              </p>
            )}
          </div>
          <div className="field span-all">
            <label htmlFor={id('scope')}>{scopeLabel}</label>
            <textarea
              id={id('scope')}
              rows={3}
              aria-required
              {...refused('scope', countOf('scope', scope))}
              value={scope}
              onChange={(e) => setScope(e.target.value)}
            />
            {counted('scope', scope)}
          </div>
        </>
      )}
      {has('estimate') && (
        <div className="field">
          <label htmlFor={id('estimate')}>{t.tickets.estimateVersion}</label>
          <select
            id={id('estimate')}
            aria-required
            {...refused('estimate')}
            value={estimateVersion}
            onChange={(e) => setEstimateVersion(e.target.value)}
          >
            {submitted.map((e) => (
              <option key={e.version} value={String(e.version)}>
                {e.changeOrder
                  ? t.changeOrders.option(e.version, e.additionalHours ?? 0)
                  : t.tickets.estimateOption(e.version, e.hours)}
              </option>
            ))}
          </select>
        </div>
      )}
      {has('statement') && (
        <div className="field span-all">
          {chosen && (
            <div className="notice notice-info" data-testid="authorize-hours">
              <p>
                {noCharge
                  ? t.tickets.authorizeNoCharge
                  : // Nothing «will be reserved» when the balance falls short (QA S51): the hours,
                    // then the shortfall below.
                    noPackage || short
                    ? chosen.changeOrder
                      ? t.changeOrders.hoursAdded(reserves, chosen.hours)
                      : t.tickets.estimateIsFor(chosen.hours)
                    : chosen.changeOrder
                      ? t.changeOrders.authorizeHours(reserves, chosen.hours)
                      : t.tickets.authorizeHours(chosen.hours)}
              </p>
              {/* What is authorized, next to the words that authorize it (QA). */}
              <p className="prewrap" data-testid="authorize-scope">
                {t.tickets.scope}: {chosen.scope}
              </p>
              {noPackage ? (
                <p data-testid="authorize-no-package">{noPackageText}</p>
              ) : (
                <>
                  {after !== undefined && after >= 0 && !noCharge && (
                    <p>{t.tickets.balanceAfter(after)}</p>
                  )}
                  {short && (
                    <p data-testid="authorize-shortfall" id={id('shortfall')}>
                      {shortfall(-(after ?? 0))}
                    </p>
                  )}
                </>
              )}
            </div>
          )}
          {!noPackage && (
            <>
              <label htmlFor={id('statement')}>{t.tickets.statement}</label>
              <textarea
                id={id('statement')}
                rows={3}
                required
                aria-required
                {...refused(
                  'statement',
                  describedBy(`${id('statement')}-hint`, countOf('statement', statement)),
                )}
                placeholder={
                  chosen?.changeOrder
                    ? t.changeOrders.statementPlaceholder
                    : t.tickets.statementPlaceholder
                }
                value={statement}
                onChange={(e) => setStatement(e.target.value)}
              />
              <p className="hint" id={`${id('statement')}-hint`}>
                {t.tickets.statementHint}
              </p>
              {counted('statement', statement)}
            </>
          )}
        </div>
      )}
      {has('reason') && (
        <div className="field span-all">
          <label htmlFor={id('reason')}>{reasonLabel}</label>
          <textarea
            id={id('reason')}
            rows={2}
            aria-required
            {...refused('reason', countOf('reason', reason))}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {counted('reason', reason)}
        </div>
      )}
      {/* The optional time after the required reason, as the explanation asks for them (QA S55). */}
      {has('suggestedAt') &&
        dateField('suggestedAt', t.remoteSession.suggestedAt, suggestedAt, setSuggestedAt, false)}
      {has('reasons') && (
        <div className="field span-all">
          <label htmlFor={id('reasons')}>{t.tickets.reasons}</label>
          <textarea
            id={id('reasons')}
            rows={3}
            aria-required
            {...refused('reasons')}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
          />
        </div>
      )}
      {has('adminAction') && (
        <>
          <div className="field">
            <label htmlFor={id('admin-kind')}>{t.tickets.adminActionKind}</label>
            <select
              id={id('admin-kind')}
              value={adminKind}
              onChange={(e) => setAdminKind(e.target.value)}
            >
              {ADMIN_ACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.tickets.adminActionKinds[k]}
                </option>
              ))}
            </select>
          </div>
          {dateField(
            'executed',
            t.tickets.executedAt,
            executedAt,
            setExecutedAt,
            false,
            'executedAt',
          )}
          <div className="field span-all">
            <label htmlFor={id('details')}>{t.tickets.adminDetails}</label>
            <textarea
              id={id('details')}
              rows={2}
              aria-required
              {...refused('details', countOf('details', details))}
              value={details}
              onChange={(e) => setDetails(e.target.value)}
            />
            {counted('details', details)}
          </div>
        </>
      )}
      {has('channel') && (
        <div className="field">
          <label htmlFor={id('channel')}>{t.clientAnswer.channel}</label>
          <select
            id={id('channel')}
            aria-required
            value={channel}
            onChange={(e) => setChannel(e.target.value)}
          >
            {CLIENT_ANSWER_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t.clientAnswer.channels[c]}
              </option>
            ))}
          </select>
        </div>
      )}
      {logged !== undefined && (
        <p
          className={logged > 0 ? 'hint span-all' : 'notice notice-warning span-all'}
          data-testid="release-hours"
        >
          {logged > 0 ? t.ticketPage.releaseHoursLogged(logged) : t.ticketPage.releaseNoHours}
        </p>
      )}
      {has('note') && !noPackage && (
        <CannedResponsePicker ticket={ticket} target={id('note')} value={note} onChange={setNote} />
      )}
      {has('note') && !noPackage && (
        <div className="field span-all">
          <label htmlFor={id('note')}>{noteLabel}</label>
          <textarea
            id={id('note')}
            rows={2}
            aria-required={spec.noteRequired}
            {...refused(
              'note',
              describedBy(noteHint ? id('note-hint') : undefined, countOf('note', note)),
            )}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {noteHint && (
            <p className="hint" id={id('note-hint')}>
              {noteHint}
            </p>
          )}
          {counted('note', note)}
        </div>
      )}
      <div className="form-actions span-all">
        {!noPackage && (
          // QA S54: a shortfall the balance shows is not offered as an authorization the server
          // would refuse; the statement can still be written while the hours are bought, and the
          // button comes back live with them.
          <button
            type="submit"
            className="button primary"
            disabled={busy || (has('statement') && short)}
            aria-describedby={has('statement') && short ? id('shortfall') : undefined}
          >
            {busy ? t.tickets.sending : label}
          </button>
        )}
        <button type="button" className="button" onClick={cancel}>
          {t.tickets.cancelForm}
        </button>
      </div>
      <div className="span-all">
        {problem && (
          <p className="notice notice-error" role="alert" id={id('problem')}>
            {problem}
          </p>
        )}
        <ErrorMessage error={error} />
        {retrying && <p className="hint">{t.tickets.retryNote}</p>}
      </div>
    </form>
  );
}

/**
 * Exactly the transitions in `allowedActions`, each opening the form with its fields; an action
 * whose form holds text not sent (closed by opening another) is marked «Borrador» and reopens
 * with it.
 */
/** What authorizing `estimate` reserves (L3-12): its hours, a change order's additional ones. */
function reservedBy(estimate: TicketDetail['estimates'][number], noCharge: boolean): number {
  if (noCharge) return 0;
  return estimate.changeOrder ? (estimate.additionalHours ?? 0) : estimate.hours;
}

/**
 * The shortfall of `h` hours in the words of what is authorized (an estimate or a change order),
 * and only the ways out `allowed` gives the reader (L3-12): one text for the approver's form and
 * the registrant's notice.
 */
function shortfallText(
  t: Messages,
  estimate: TicketDetail['estimates'][number] | undefined,
  h: number,
  allowed: readonly string[],
): string {
  const short = estimate?.changeOrder ? t.changeOrders.shortfall(h) : t.tickets.shortfall(h);
  return `${short} ${t.tickets.shortfallNext(allowed)}`;
}

/** The hours `available` lacks to authorize `estimate`, or undefined when they cover it. */
function shortOf(
  estimate: TicketDetail['estimates'][number],
  noCharge: boolean,
  available: number,
): number | undefined {
  const after = round2(available - reservedBy(estimate, noCharge));
  return after < 0 ? -after : undefined;
}

export function ActionsPanel({
  ticket,
  reload,
}: {
  ticket: TicketDetail;
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const stateName = useStateText();
  const { user } = useSession();
  // L3-06: a session already confirmed is not confirmed again (declining stays possible).
  const actions = ticket.allowedActions.filter(
    (a) => ACTIONS[a] && !(a === 'acceptRemoteSession' && ticket.remoteSession?.accepted),
  );
  // A client user who may not authorize, on a ticket whose estimate or change order waits for it.
  const pending = ticket.estimates.find((e) => e.status === 'SUBMITTED');
  const awaitsApprover =
    pending !== undefined &&
    user !== undefined &&
    user.roles.includes('CLIENT_USER') &&
    !can.authorizeEstimates(user);
  // L3-12 (QA S59): the registrant is told when the balance does not cover what waits, as the
  // approver and its email are; live, as hours change.
  const waitingBalance = useQuery(
    HOUR_BALANCE,
    { organizationId: ticket.organizationId },
    !awaitsApprover,
  );
  useHoursChanges(() => void waitingBalance.reload(), ticket.organizationId, !awaitsApprover);
  const waitingShort =
    pending && waitingBalance.data
      ? shortOf(
          pending,
          ticket.billing?.noCharge ?? false,
          waitingBalance.data.hourBalance.available,
        )
      : undefined;
  // Coming back (a reload, another screen and back): the forms left with text reopen with it.
  const [reopen] = useState(() =>
    formsToReopen(
      Object.keys(ACTIONS).flatMap((name) => {
        const key = formDraftKey(user?.id ?? '', ticket.number, actionForm(name));
        const draft = readFormDraft(tabStorage(), key);
        return draft ? [{ name, at: draft.at }] : [];
      }),
      actions,
    ),
  );
  const [open, setOpen] = useState<string | undefined>(reopen.open);
  // Forms whose action the ticket withdrew while they were open, left behind when another action
  // is opened: they keep their text until «Descartar».
  const [kept, setKept] = useState<string[]>(reopen.kept);
  const [done, setDone] = useState<ActionDone>();
  // QA: «Responder: listo. Estado: En análisis.» must not sit on a ticket that moved on since
  // (live, or by someone else): the notice goes once the ticket's state is another.
  const doneStale = done !== undefined && done.state !== ticket.state;
  useEffect(() => {
    if (doneStale) setDone(undefined);
  }, [doneStale]);
  // Keyboard (QA S18): a form a person opens takes the focus to its first field, and Esc closes
  // it as its own button does (its text stays as a draft), giving the focus back to that button.
  const opened = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!open || opened.current !== open) return;
    opened.current = undefined;
    document
      .getElementById(`action-${open}-panel`)
      ?.querySelector<HTMLElement>('input, select, textarea')
      ?.focus();
  }, [open]);
  const closeOnEscape = (name: string) => (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || open !== name) return;
    e.preventDefault();
    setOpen(undefined);
    document.querySelector<HTMLElement>(`[data-action="${name}"]`)?.focus();
  };
  // An action's own sentence when it has one (what happens next), else «<acción>: listo.».
  const doneWords = (action: string, state: string) =>
    t.tickets.doneSentences[action]?.(state) ??
    t.tickets.done(
      action === 'assign' ? t.ticketPage.assign : (t.tickets.actionNames[action] ?? action),
      state,
    );
  // QA S62 #2 (L3-06): a confirmed session reads «Sesión remota confirmada», from the answer on.
  const doneConfirmed =
    done?.action === 'acceptRemoteSession' || ticket.confirmedRemoteSessionAt !== null;
  const doneText =
    done && !doneStale ? doneWords(done.action, stateName(done.state, doneConfirmed)) : undefined;
  // One list, keyed by action: a form moving between `open` and `kept` keeps its state.
  const shown = [...kept.filter((k) => k !== open), ...(open ? [open] : [])].filter(
    (a) => ACTIONS[a],
  );
  const close = (name: string) => {
    setKept((k) => k.filter((n) => n !== name));
    setOpen((o) => (o === name ? undefined : o));
  };
  // Forms closed by opening another action (or their own button) keep their text in the tab: their
  // button says so («Borrador») until the text is sent or the form is closed with «Cerrar
  // formulario»/«Descartar». Read on every render: a form's draft is written as it is typed, and
  // the panel renders again whenever a form opens or closes.
  const drafted = new Set(
    actions.filter(
      (a) =>
        !shown.includes(a) &&
        readFormDraft(tabStorage(), formDraftKey(user?.id ?? '', ticket.number, actionForm(a))),
    ),
  );

  return (
    <section className="card" aria-labelledby="actions-title" data-testid="actions">
      <h2 id="actions-title">{t.tickets.actions}</h2>
      {actions.length === 0 ? (
        <p className="muted">{t.tickets.noActions}</p>
      ) : (
        <>
          <p className="muted">{t.tickets.actionsIntro}</p>
          {awaitsApprover && (
            // L3-09: only an approver authorizes; a portal user is told, not left guessing.
            <p className="notice notice-info" data-testid="approver-needed">
              {t.tickets.approverNeeded(!!pending?.changeOrder, ticket.allowedActions)}
              {waitingShort !== undefined && (
                <>
                  {' '}
                  <span data-testid="approver-needed-short">
                    {shortfallText(t, pending, waitingShort, ticket.allowedActions)}
                  </span>
                </>
              )}
            </p>
          )}
          <div className="action-buttons" role="group" aria-label={t.tickets.actions}>
            {actions.map((a) => (
              <button
                key={a}
                type="button"
                className={open === a ? 'button primary' : 'button'}
                aria-expanded={open === a}
                aria-controls={open === a ? `action-${a}-panel` : undefined}
                aria-describedby={drafted.has(a) ? `action-${a}-draft` : undefined}
                data-draft={drafted.has(a) ? 'true' : undefined}
                data-action={a}
                onClick={() => {
                  setDone(undefined);
                  // Opening another action never drops the text of a form the ticket withdrew.
                  if (open && open !== a && !actions.includes(open))
                    setKept((k) => [...k.filter((n) => n !== open), open]);
                  setKept((k) => k.filter((n) => n !== a));
                  setOpen(open === a ? undefined : a);
                  opened.current = open === a ? undefined : a;
                }}
              >
                {a === 'reassign' && !ticket.assigneeId
                  ? t.ticketPage.assign
                  : (t.tickets.actionNames[a] ?? a)}
                {drafted.has(a) && (
                  // The button keeps its name; the mark is its description (read after the name).
                  <span
                    id={`action-${a}-draft`}
                    className="badge draft"
                    aria-hidden="true"
                    data-testid="draft-mark"
                  >
                    {t.ticketPage.liveDraft.draftMark}
                  </span>
                )}
              </button>
            ))}
          </div>
        </>
      )}
      {/* An open form stays when the ticket no longer allows its action: it keeps the text. */}
      {shown.map((name) => (
        <div
          key={name}
          id={`action-${name}-panel`}
          className="subsection"
          onKeyDown={closeOnEscape(name)}
        >
          <ActionForm
            name={name}
            ticket={ticket}
            allowed={actions.includes(name)}
            onClose={() => close(name)}
            onRefused={reload}
            onDone={async (result) => {
              // The ticket is read again first: the message never sits next to a stale state.
              await reload();
              close(name);
              setDone(result);
            }}
          />
        </div>
      ))}
      <SuccessMessage text={doneText} />
    </section>
  );
}
