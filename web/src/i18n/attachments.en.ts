import type { AttachmentsMessages } from './attachments.es-mx';

/** English texts of a ticket's files (L3-11). */
export const attachmentsEn: AttachmentsMessages = {
  title: 'Attachments',
  intro:
    'Screenshots, logs, spreadsheets and documents of the ticket. Only people who see the ticket can download them.',
  empty: 'No files attached yet.',
  name: 'File',
  size: 'Size',
  uploadedBy: 'Attached by',
  uploadedAt: 'Date',
  actions: 'Actions',
  download: (name) => `Download ${name}`,
  downloading: 'Downloading…',
  delete: 'Delete',
  deleteLabel: (name) => `Delete ${name}`,
  deleting: 'Deleting…',
  deleted: (name) => `“${name}” was deleted.`,
  confirmDelete: (name) =>
    `Delete “${name}”? Its content is removed for good and cannot be recovered; the list keeps a record of who deleted it and when.`,
  deletedBy: (name, when) => (name ? `deleted by ${name}, ${when}` : `deleted on ${when}`),
  someone: 'Someone',
  choose: 'File to attach',
  hint: (max, types) => `Up to ${max} per file. Types: ${types}.`,
  dropHere: 'Or drop a file here.',
  upload: 'Attach file',
  uploading: 'Attaching…',
  uploaded: (name) => `“${name}” was attached.`,
  agentNotice: 'The client receives an email with the file name.',
  closed: 'The ticket is closed: it takes no new files.',
  count: (n, max) => `${n} of ${max} files.`,
  countWithDeleted: (n, max, deleted) => `${n} of ${max} files (plus ${deleted} deleted).`,
};
