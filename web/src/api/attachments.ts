import { ApiError, type ApiErrorCode, isApiErrorCode, operation } from './graphql-client';

// L3-11 files on tickets. The list and the deletion are GraphQL; the bytes travel over plain
// HTTP with the same bearer token (`POST /api/tickets/<number>/attachments`,
// `GET /api/attachments/<id>`), so a download is fetch + blob, never a bare link. A deleted file
// stays in the list (who deleted it and when) without a download.

export interface Attachment {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
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
    ticket: { number: string; attachments: Attachment[] };
    attachmentPolicy: AttachmentPolicy;
  },
  { number: string }
>(`query TicketAttachments($number: String!) {
  ticket(number: $number) {
    number
    attachments {
      id fileName mediaType sizeBytes uploadedById uploadedByName uploadedAt
      deletedAt deletedByName downloadUrl
    }
  }
  attachmentPolicy { maxBytes maxPerTicket allowedExtensions }
}`);

export const DELETE_ATTACHMENT = operation<{ deleteAttachment: { id: string } }, { id: string }>(
  `mutation DeleteAttachment($id: ID!) { deleteAttachment(id: $id) { id } }`,
);

/** A refusal of the attachment routes (`{ code, reason, message, …}`) as the app's ApiError. */
async function refusal(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's error page: the API itself did not answer.
  }
  const raw = typeof body.code === 'string' ? body.code : '';
  const code: ApiErrorCode = isApiErrorCode(raw)
    ? raw
    : response.status >= 500
      ? 'UNAVAILABLE'
      : 'INTERNAL';
  return new ApiError(
    code,
    typeof body.message === 'string' ? body.message : `HTTP ${response.status}`,
    undefined,
    typeof body.reason === 'string' ? body.reason : undefined,
    body,
  );
}

async function send(url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  if (!response.ok) throw await refusal(response);
  return response;
}

/** Uploads one file to a ticket (multipart field `file`); answers the stored attachment. */
export async function uploadAttachment(
  number: string,
  file: File,
  token: string | undefined,
): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send(`/api/tickets/${encodeURIComponent(number)}/attachments`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return (await response.json()) as Attachment;
}

/** Downloads an attachment with the session's token and saves it under its own name. */
export async function downloadAttachment(
  attachment: { readonly downloadUrl: string; readonly fileName: string },
  token: string | undefined,
): Promise<void> {
  const response = await send(attachment.downloadUrl, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has handed the file to the browser's download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
