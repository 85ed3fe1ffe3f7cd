import type { ServerErrorMessages } from './server-errors.es-mx';
import { endSentence } from './sentence';

/** English mirror of `server-errors.es-mx.ts`. */
export const serverErrorsEn: ServerErrorMessages = {
  constraints: {
    maxLength: (f, n) => `“${f}” takes at most ${n} characters.`,
    minLength: (f, n) => `“${f}” needs at least ${n} characters.`,
    length: (f, min, max) => `“${f}” must have between ${min} and ${max} characters.`,
    min: (f, n) => `“${f}” must be at least ${n}.`,
    max: (f, n) => `“${f}” must be at most ${n}.`,
    isPositive: (f) => `“${f}” must be greater than 0.`,
    isIn: (f, values) => `“${f}” must be one of: ${values}.`,
    isEnum: (f) => `“${f}” is not a valid option.`,
    isNotEmpty: (f) => `Fill in “${f}”.`,
    isDefined: (f) => `Fill in “${f}”.`,
    isEmail: (f) => `“${f}” is not a valid email address.`,
    isInt: (f) => `“${f}” must be a whole number.`,
    isNumber: (f) => `“${f}” must be a number (at most 2 decimals).`,
    isDateString: (f) => `“${f}” must be a valid date.`,
    isISO8601: (f) => `“${f}” must be a valid date.`,
    matches: (f) => `“${f}” does not have the expected format.`,
    arrayMaxSize: (f, n) => `“${f}” takes at most ${n} items.`,
    arrayMinSize: (f, n) => `“${f}” needs at least ${n} items.`,
    other: (f) => `“${f}” is not valid.`,
  },
  fields: {
    description: 'Description',
    subject: 'Subject',
    category: 'Category',
    hours: 'Hours',
    scope: 'Scope',
    note: 'Note',
    reason: 'Reason',
    reasons: 'Reasons',
    statement: 'Written authorization',
    releaseDate: 'Release date',
    newDate: 'New date',
    at: 'Date and time',
    date: 'Date',
    email: 'Email',
    displayName: 'Full name',
    temporaryPassword: 'Temporary password',
    name: 'Name',
    reference: 'Reference',
    price: 'Price',
    purchasedOn: 'Purchase date',
    details: 'Details',
    body: 'Message',
    estimateVersion: 'Estimate',
    whatsappGroupUrl: 'WhatsApp group link',
    monthlyFee: 'Monthly fee',
    currency: 'Currency',
    startDate: 'Start',
    status: 'Status',
    login: 'Odoo login',
    slug: 'Identifier',
    timeZone: 'Time zone',
    locale: 'Language',
    roles: 'Roles',
    password: 'Password',
    hoursPerBusinessDay: 'Hours per business day',
    progressCadenceMinutes: 'Progress cadence',
    requirementKind: 'Requirement type',
    classification: 'Type',
    executedAt: 'Executed',
    notes: 'Notes',
    text: 'Text',
    start: 'Start',
    end: 'End',
    localTime: 'Local time',
    weekday: 'Weekday',
  },
  insufficientHours: (needed, available, short) =>
    `Not enough prepaid hours: ${needed} h needed, ${available} h available (${short} h short).`,
  noActivePackage: (available) =>
    `There is no active prepaid hour package: configuration and development work is charged to a purchased package with hours left (available now: ${available} h). A package of hours must be purchased (the support team records it); then try again.`,
  staleEstimateVersion: (current) =>
    `This ticket already has hours reserved for estimate v${current}, newer than the one you tried to authorize: reload the page and review the current version.`,
  estimateBelowConsumed: (consumed) =>
    `${consumed} h have already been consumed on this ticket and this estimate authorizes fewer: the agent must submit a new estimate of at least ${consumed} h.`,
  exceedsEstimate: (logged, remaining) =>
    `${logged} h would be logged and ${remaining} h of the authorized estimate are left: submit a change order (“Change order” on the ticket) for the additional hours and log the time once the client authorizes it.`,
  noEstimateHours: (logged) =>
    `${logged} h cannot be logged: this ticket has no estimate the client authorized. Hours are logged against an authorized estimate; if the ticket is not charged, mark it “No charge to the package”.`,
  emailTaken: (email) => `A user with the email ${email} already exists.`,
  ownAccountDeactivation:
    'You cannot deactivate your own account; ask another administrator to do it if needed.',
  lastActiveAdmin:
    'This is the last active administrator: make another user an active administrator first.',
  notInFuture: (f, when) => `“${f}” must be in the future (you gave ${when}).`,
  inFuture: (f) => `“${f}” cannot be in the future.`,
  roleNotAllowed: (allowed) =>
    allowed ? `Only these may do it: ${allowed}.` : 'Your role does not allow this action.',
  wrongState: (action, state) => `“${action}” is not possible with the ticket in state “${state}”.`,
  wrongCategory: (action, category) => `“${action}” does not apply to “${category}” tickets.`,
  estimateAlreadyAuthorized: (v) => `Estimate v${v} is already authorized.`,
  estimateNotSubmitted: (v, current) =>
    `Estimate v${v} is not the submitted estimate (the current one is v${current}).`,
  changeOrderPending: (v) =>
    `Change order v${v} is still pending: the client must authorize or reject it before another is sent.`,
  changeOrderNotPending: (v) => `Version v${v} is not a pending change order.`,
  noAuthorizedEstimate: 'A change order needs an authorized estimate: submit the estimate first.',
  ticketClosed: 'The ticket is closed.',
  reorderSuperseded:
    'Another reorder of the queue was saved after this one and replaces it. Preview the reorder again.',
  ratingWindowClosed: (until) =>
    until
      ? endSentence(`The rating can no longer be changed: the 14 days ended on ${until}`)
      : 'The rating can no longer be changed: the 14 days are over.',
  notFound: (what, id) => `${what}${id ? ` ${id}` : ''} was not found.`,
  entities: {
    ticket: 'Ticket',
    calendar: 'Calendar',
    checkpoint: 'Checkpoint',
    user: 'User',
    organization: 'Organization',
    client_organization: 'Client organization',
    ledger_entry: 'Ledger entry',
    outbox_email: 'Email',
    holiday: 'The holiday on',
    override: 'The override on',
    support_policy: 'The support policy of this organization',
    attachment: 'Attachment',
    canned_response: 'Canned response',
  },
  noActivePolicy: (status, since, reason) => {
    const why = reason ? ` (${reason})` : '';
    if (status === 'SUSPENDED' && since)
      return `The support policy has been suspended since ${since}${why}: an active policy is needed.`;
    if (status === 'ENDED' && since)
      return `The support policy ended on ${since}${why}: an active policy is needed.`;
    return 'The client has no active support policy.';
  },
  calendarTaken: (organization) =>
    `${organization} already has its own calendar: edit it instead of creating another.`,
  calendarNameTaken: (name) => `A calendar named “${name}” already exists: choose another name.`,
  duplicateHoliday: (date) => `${date} is already a non-working day in this calendar.`,
  beforeRegistration: (f, registeredAt) =>
    `“${f}” cannot be before the ticket was registered (${registeredAt}).`,
  outsideBusinessTime: (f, when, next) =>
    `“${f}” (${when}) is outside the client calendar's business hours.${next ? ` The next business time is ${next}.` : ''}`,
  sessionEndsAfterClosing: (minutes, closes, max, latest) => {
    const why = `A ${minutes}-minute session would end after the client's business hours close (${closes}).`;
    if (latest && max) return `${why} Start by ${latest} or shorten it to ${max} min at most.`;
    if (max) return `${why} Shorten it to ${max} min at most or choose another time.`;
    if (latest) return `${why} To end in time, start by ${latest} (or choose another day).`;
    return `${why} Choose another time or a shorter duration.`;
  },
  notWhatsappGroupLink: (f) =>
    `“${f}” must be a WhatsApp group invite link: https://chat.whatsapp.com/ followed by the group's code.`,
  dateTooEarly: (f, date, earliest) => `“${f}” (${date}) is before ${earliest}: check the year.`,
  slugNotDerivable: (f) =>
    `“${f}” needs at least one letter or digit (A–Z, 0–9): the organization's identifier is made from them.`,
  instantOutOfRange: (f) => `“${f}” must be between the years 1900 and 9000: check the year.`,
  noWorkingTime: (days, from) =>
    `The calendar has no business hours in the ${days} days from ${from}: check its weekly hours and its exceptions.`,
  agendaStillBuilding:
    'The agenda is still being built: ask again in a moment to get the same one.',
  agentNotActive:
    'The person chosen is no longer an active provider agent: reload the page and choose another.',
  participantNotActive:
    "That person is no longer an active user of the ticket's organization: reload the page and choose another.",
  onHoliday: (f, when, holiday, next) =>
    `“${f}” (${when}) falls on a holiday in the client's calendar: ${holiday}.${next ? ` The next business time is ${next}.` : ''}`,
  checkpointOutsideHours: (time, weekday, hours) =>
    hours
      ? `${time} is outside ${weekday}'s business hours (${hours}) in the client's calendar; choose a time within them.`
      : `${weekday} has no business hours in the client's calendar; choose another day.`,
  sameDate: (f, when) => `“${f}” (${when}) is the published date already.`,
  dateMovedSince: (when) =>
    `The published date was moved to ${when} since this change was planned; that date stands.`,
  dateTooFar: (f, latest) => `The latest possible “${f}” is ${latest}; choose an earlier one.`,
  alreadyAssigned: 'The ticket is already assigned to that person.',
  assigneeChanged: 'The ticket was handed to someone else meanwhile; it stays with them.',
  sameUser: 'Choose another agent: the tickets are already theirs.',
  requestIdReused: 'This request was already used for another action; try again.',
  internalNoteStaffOnly: 'Only provider staff can add internal notes.',
  agentRequired: 'A problem needs an assigned agent.',
  noAdminAction: 'Record the executed administrative action first.',
  ledgerRefused: 'The prepaid hour balance does not allow this operation.',
  notReversible:
    'This entry cannot be reversed: only a purchase, an adjustment or a consumption, once (reservations follow their estimate).',
  alreadyReversed: 'This entry has already been reversed; refresh the ledger to see its reversal.',
  notYourTimeEntry: 'Only whoever logged these hours, or a manager, can cancel them.',
  idempotencyKeyReused:
    'This operation was already recorded with other values; check the hour ledger before trying again.',
  attachments: {
    tooLarge: (name, max) =>
      name
        ? `“${name}” is larger than ${max}, the most a file may have.`
        : `The file is larger than ${max}, the most a file may have.`,
    typeNotAllowed: (name, allowed) =>
      `Files like “${name}” are not accepted. Allowed types: ${allowed}.`,
    contentMismatch: (name, extension) => `The content of “${name}” is not a .${extension} file.`,
    limit: (limit) => `The ticket already holds ${limit} attachments, the most allowed.`,
    empty: (name) => `“${name}” is empty.`,
    missing: 'Choose a file to attach.',
    nameInvalid: 'The file needs a name (e.g. screenshot.png).',
    malformed: 'The file sent could not be read; try again.',
    notUploader: 'Only the person who attached the file, or provider staff, may delete it.',
    internalStaffOnly: 'Only provider staff can attach internal files.',
    internalInvalid: 'Could not tell whether the file is internal; please try again.',
    forCommentInvalid: 'Could not tell whether the file goes with a comment; please try again.',
    commentFileNotFound:
      'One of the comment’s files is no longer on the ticket; remove it and send again.',
    commentFileNotYours: 'A comment carries only files you attached.',
    commentFileDeleted: 'One of the comment’s files was deleted; remove it and send again.',
    commentFileNotInternal:
      'An internal note carries internal files only; the client would see this one. Send it again.',
    commentFileInternal:
      'A reply to the client cannot carry internal files; send it as an internal note or remove the file.',
    deleted: (name, when) =>
      `${name ? `“${name}”` : 'The file'} was deleted${when ? ` on ${when}` : ''}; it can no longer be downloaded.`,
    rangeNotSatisfiable: (size) =>
      `That part of the file could not be read: the file is ${size}. Download it whole.`,
  },
};
