import { ApiError, sessionRefused } from './graphql-client';
import { refusal } from './attachment-http';
import { holdLeavePage } from '../components/leave-guard';

// An upload's bytes over XMLHttpRequest, apart from `attachment-http.ts` (plain fetch) because it
// needs the DOM's XMLHttpRequest, which the unit tier checks with a typed fake.

/** How far an upload's body has gone: bytes sent of the total. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** Thrown when the writer cancelled an upload (`signal` aborted): the request was stopped. */
export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled');
    this.name = 'UploadCancelled';
  }
}

/**
 * POSTs `body` with the session's token over XMLHttpRequest, whose upload events tell how far the
 * body has gone (fetch tells nothing until the answer: QA S62 #5, a file on a slow link showed no
 * progress at all). `onProgress` hears each step. Answers the response's JSON; a refusal or a
 * failed request is thrown as `sendAttachmentRequest` throws it, and a refused session ends the
 * session the same way. While it is in flight, leaving the page asks first (`holdLeavePage`).
 * `signal` aborting stops the request (`xhr.abort()`) and rejects with `UploadCancelled`: the
 * server stores nothing of a body that never ended (multer drops it, QA S65 #11).
 */
export function sendAttachmentUpload(
  url: string,
  body: FormData,
  token: string | undefined,
  onProgress?: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<unknown> {
  if (signal?.aborted) return Promise.reject(new UploadCancelled());
  const release = holdLeavePage('upload');
  const sent = new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const cancel = () => {
      reject(new UploadCancelled());
      xhr.abort();
    };
    signal?.addEventListener('abort', cancel, { once: true });
    xhr.addEventListener('loadend', () => signal?.removeEventListener('abort', cancel));
    xhr.open('POST', url);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    if (onProgress) {
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
      });
    }
    xhr.addEventListener('error', () => reject(new ApiError('NETWORK', 'The upload failed')));
    xhr.addEventListener('abort', () => reject(new ApiError('NETWORK', 'The upload stopped')));
    xhr.addEventListener('load', () => {
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'text/plain' },
      });
      if (response.ok) {
        response.json().then(resolve, reject);
        return;
      }
      refusal(response).then((error) => {
        if (token && (response.status === 401 || error.code === 'UNAUTHENTICATED')) {
          sessionRefused(token, error.extensions);
        }
        reject(error);
      }, reject);
    });
    xhr.send(body);
  });
  return sent.finally(release);
}
