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
  confirmDelete: (name) => `Delete “${name}”?`,
  confirmDeleteText:
    'Its content is removed for good and cannot be recovered; the list keeps a record of who deleted it and when.',
  deleteYes: 'Yes, delete',
  cancel: 'Cancel',
  deletedBy: (name, when) => (name ? `deleted by ${name}, ${when}` : `deleted on ${when}`),
  someone: 'Someone',
  choose: 'Files to attach',
  hint: (max, types) => `Up to ${max} per file. Types: ${types}.`,
  dropHere: 'Or drop one or more files here.',
  dropNow: 'Drop the files to add them to the list.',
  upload: 'Attach files',
  uploadOne: 'Attach file',
  uploadMany: (n) => `Attach ${n} files`,
  uploading: 'Attaching…',
  summaryOne: (name) => `“${name}” was attached`,
  summaryMany: (n) => `${n} files were attached`,
  summaryNone: 'No file was attached',
  summaryRefused: (n) => `${n} refused`,
  queueTitle: 'Chosen files',
  queueReady: 'Ready to attach',
  queueUploaded: 'Uploaded',
  queueRefused: (reason) => `Refused: ${reason}`,
  remove: 'Remove',
  retry: 'Retry',
  retryLabel: (name) => `Retry ${name}`,
  removeLabel: (name) => `Remove ${name} from the list`,
  progressWaiting: 'Waiting',
  progressUploading: (percent) => `Uploading… ${percent}%`,
  progressLabel: (name) => `Progress of ${name}`,
  progressDone: 'Attached',
  cancelUpload: 'Cancel',
  cancelUploadLabel: (name) => `Cancel sending ${name}`,
  cancelled: (names) =>
    names.length === 1
      ? `Sending “${names[0]}” was cancelled: it was not attached.`
      : `Sending ${names.map((n) => `“${n}”`).join(', ')} was cancelled: they were not attached.`,
  progressTitle: 'Files of the ticket',
  missingOwn: (names) =>
    names.length === 1
      ? `Did not arrive: ${names[0]}. Please attach it again.`
      : `Did not arrive: ${names.join(', ')}. Please attach them again.`,
  missingAttach: 'Attach again',
  missingOthers: (names) =>
    names.length === 1
      ? `1 file announced when the ticket was registered did not arrive: ${names[0]}.`
      : `${names.length} files announced when the ticket was registered did not arrive: ${names.join(', ')}.`,
  timelineAttached: (name, size) => `File attached: ${name} (${size})`,
  timelineDeleted: (name) => `File deleted: ${name}`,
  agentNotice: 'The client receives an email with the file name.',
  internalToggle: 'Team only (internal)',
  internalBadge: 'Internal',
  internalNotice: 'Internal files are neither emailed nor shown to the client.',
  closed: 'The ticket is closed: it takes no new files.',
  count: (n, max) => `${n} of ${max} files.`,
  countWithDeleted: (n, max, deleted) => `${n} of ${max} files (plus ${deleted} deleted).`,
  countInternal: (n, max) =>
    `Plus ${n} of ${max} internal ${max === 1 ? 'file' : 'files'} (a limit of their own).`,
  view: 'View',
  viewLabel: (name) => `View ${name}`,
  previewLoading: 'Loading the preview…',
  previewPdfHint: 'If the document does not show here, use “Download”.',
  previewUndrawable: 'The browser cannot show this image; use “Download”.',
  previewTextLabel: (name) => `Contents of ${name}`,
  previewTextCut: (shown, total) =>
    `Showing the first ${shown} of ${total}; use “Download” for the whole file.`,
  previewTextLatin1: 'The file is not UTF-8; it is shown as Latin-1 (ISO-8859-1).',
  previewDownload: 'Download',
  previewClose: 'Close',
};
