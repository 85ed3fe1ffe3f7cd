import { sendAttachmentRequest } from './attachment-http';
import { sendAttachmentUpload, type UploadProgress } from './attachment-upload';
import { operation } from './graphql-client';
import { saveBlob } from '../components/download-file';

// L3-11 files on tickets. The list and the deletion are GraphQL; the bytes travel over plain
// HTTP with the same bearer token (`POST /api/tickets/<number>/attachments`,
// `GET /api/attachments/<id>`), so a download is fetch + blob, never a bare link. A deleted file
// stays in the list (who deleted it and when) without a download.

export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Provider staff only (like an internal note): the server never lists it to clients. */
  internal: boolean;
  uploadedById: string;
  uploadedByName: string | null;
  uploadedAt: string;
  /** When it was deleted (its bytes are gone); null while it is live. */
  deletedAt: string | null;
  deletedByName: string | null;
  /** Null once the file is deleted. */
  downloadUrl: string | null;
}

export interface AttachmentPolicy {
  maxBytes: number;
  maxPerTicket: number;
  allowedExtensions: string[];
}

export const TICKET_ATTACHMENTS = operation<
  {
    ticket: {
      number: string;
      registrantId: string;
      attachments: Attachment[];
      /** Announced with the registration and never arrived (QA S62 #5). */
      missingAnnouncedFiles: string[];
    };
    attachmentPolicy: AttachmentPolicy;
  },
  { number: string }
>(`query TicketAttachments($number: String!) {
  ticket(number: $number) {
    number
    registrantId
    missingAnnouncedFiles
    attachments {
      id fileName mediaType sizeBytes internal uploadedById uploadedByName uploadedAt
      deletedAt deletedByName downloadUrl
    }
  }
  attachmentPolicy { maxBytes maxPerTicket allowedExtensions }
}`);

/** The server's limits on files, for a form that has no ticket yet (the new-ticket form). */
export const ATTACHMENT_POLICY = operation<{ attachmentPolicy: AttachmentPolicy }>(
  `query AttachmentPolicy { attachmentPolicy { maxBytes maxPerTicket allowedExtensions } }`,
);

export const DELETE_ATTACHMENT = operation<{ deleteAttachment: { id: string } }, { id: string }>(
  `mutation DeleteAttachment($id: ID!) { deleteAttachment(id: $id) { id } }`,
);

/**
 * Uploads one file to a ticket (multipart field `file`); answers the stored attachment.
 * `internal`: a file only provider staff see (field `internal=true`; staff only). `forComment`:
 * it goes with the comment sent next (`ADD_COMMENT` `attachmentIds`), whose email names it.
 * `onProgress` hears how far the file has gone (QA S62 #5: each file shows its own progress).
 */
export async function uploadAttachment(
  number: string,
  file: File,
  token: string | undefined,
  internal = false,
  forComment = false,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<Attachment> {
  const form = new FormData();
  if (internal) form.append('internal', 'true');
  if (forComment) form.append('forComment', 'true');
  form.append('file', file, file.name);
  return (await sendAttachmentUpload(
    `/api/tickets/${encodeURIComponent(number)}/attachments`,
    form,
    token,
    onProgress,
    signal,
  )) as Attachment;
}

/** Downloads an attachment with the session's token and saves it under its own name. */
export async function downloadAttachment(
  attachment: { readonly downloadUrl: string; readonly fileName: string },
  token: string | undefined,
): Promise<void> {
  const response = await sendAttachmentRequest(attachment.downloadUrl, {}, token);
  saveBlob(attachment.fileName, await response.blob());
}

/**
 * An attachment's bytes for a preview (fetch with the session's token, as a download), as a blob
 * of `type`: the caller's allow-listed type (see `tickets/previewable.ts`), not whatever the
 * response says, so the browser renders that type and nothing else. `signal` stops the request
 * when the preview is no longer shown.
 */
export async function fetchAttachmentBlob(
  downloadUrl: string,
  type: string,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<Blob> {
  const response = await sendAttachmentRequest(downloadUrl, { signal }, token);
  const bytes = await response.blob();
  return bytes.type === type ? bytes : new Blob([bytes], { type });
}

/**
 * The first `maxBytes` bytes of an attachment, for a text preview: one `Range` request (206), so
 * a 10 MB log does not travel whole to show its start; a shorter file (or a server that sends
 * the whole file) gives what there is, cut to `maxBytes`. Same token and refusals as a download.
 */
export async function fetchAttachmentStart(
  downloadUrl: string,
  maxBytes: number,
  token: string | undefined,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const response = await sendAttachmentRequest(
    downloadUrl,
    { signal, headers: { range: `bytes=0-${maxBytes - 1}` } },
    token,
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  return bytes.length > maxBytes ? bytes.subarray(0, maxBytes) : bytes;
}
