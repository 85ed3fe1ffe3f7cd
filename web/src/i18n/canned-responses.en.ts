import type { CannedResponsesMessages } from './canned-responses.es-mx';

/** English texts of the canned responses: their screen and the picker on the ticket page. */
export const cannedResponsesEn: CannedResponsesMessages = {
  title: 'Canned responses',
  intro:
    'Texts the team inserts into the comments and notes the client reads: requests for information, periodic progress updates, frequent answers.',
  readOnly: 'Managers and admins write them; you insert them from a ticket page.',
  placeholdersTitle: 'Placeholders',
  placeholdersIntro:
    "When a response is inserted into a ticket, each placeholder is replaced by the ticket's data; the text stays in the form to review and edit before sending. An unknown placeholder stays as it is.",
  placeholders: {
    cliente: 'the client organization',
    ticket: 'the ticket number',
    asunto: "the ticket's subject",
    solicitante: 'who registered the ticket',
    agente: 'who inserts the response (your name)',
  },
  alsoAlias: (alias) => `also {{${alias}}}`,
  empty: 'There are no canned responses yet.',
  listTitle: 'Responses',
  count: (n) => (n === 1 ? '1 response' : `${n} responses`),
  updatedBy: (name, at) => (name ? `${name}, ${at}` : at),
  lastChange: 'Last change',
  create: 'New canned response',
  titleLabel: 'Title',
  titleHint: 'Up to 120 characters; must be unique (regardless of case).',
  bodyLabel: 'Spanish text',
  bodyHint:
    'Up to 10,000 characters. May hold placeholders such as {{solicitante}} or {{ticket}}. Used on tickets of Spanish readers and on those with no text in their language.',
  bodyEnLabel: 'English text (optional)',
  bodyEnHint:
    'Inserted into tickets registered by someone who reads English; same placeholders. Empty: the Spanish text is used.',
  languagesLabel: 'Languages',
  languageNames: { es: 'Spanish', en: 'English' },
  languagesList: (names) => names.join(' and '),
  spanishText: 'In Spanish',
  englishText: 'In English',
  optionLabel: (title, languages) =>
    `${title} (${languages.map((l) => (l === 'es' ? 'ES' : 'EN')).join(' · ')})`,
  insertLanguage: (language) =>
    language === 'en'
      ? 'Whoever registered this ticket reads English: the English text is inserted (ES · EN) or, when the response has none, the Spanish one.'
      : 'Whoever registered this ticket reads Spanish: the Spanish text is inserted.',
  insertedInSpanish: (title) =>
    `“${title}” inserted in Spanish: it has no English text. Review the text before sending it.`,
  save: 'Save response',
  saveChanges: 'Save changes',
  cancel: 'Cancel',
  edit: 'Edit',
  editLabel: (title) => `Edit “${title}”`,
  editTitle: (title) => `Edit “${title}”`,
  delete: 'Delete',
  deleteLabel: (title) => `Delete “${title}”`,
  confirmDelete: (title) => `Delete the canned response “${title}”?`,
  confirmDeleteText: 'This cannot be undone; texts already sent do not change.',
  deleteYes: 'Yes, delete',
  created: (title) => `Response “${title}” saved.`,
  saved: (title) => `Changes to “${title}” saved.`,
  deleted: (title) => `Response “${title}” deleted.`,
  titleTaken: (title) => `A canned response titled “${title}” already exists.`,
  insertLabel: 'Insert canned response',
  choose: 'Choose a response…',
  insert: 'Insert',
  insertHint:
    "With the ticket's data, where you left the cursor in the text (otherwise at the end, after a blank line). Review it before sending.",
  inserted: (title) => `“${title}” inserted; review the text before sending it.`,
  gaps: (list) => `Placeholders left to fill: ${list}. Replace them before sending.`,
};
