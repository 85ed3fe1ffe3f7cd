import { ApiError, type ApiErrorCode, isApiErrorCode, sessionRefused } from './graphql-client';

// The attachment routes' HTTP requests (the bytes travel outside GraphQL), kept apart from the
// browser's download handling so they can be checked without a DOM.

/** A refusal of the attachment routes (`{ code, reason, message, …}`) as the app's ApiError. */
export async function refusal(response: Response): Promise<ApiError> {
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

/**
 * Sends one request with the session's token. A refused session (401 UNAUTHENTICATED) ends the
 * session as a GraphQL refusal does (L3-04): the app goes to the login page and says so.
 */
export async function sendAttachmentRequest(
  url: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
  token: string | undefined,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...init.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  if (response.ok) return response;
  const error = await refusal(response);
  if (token && (response.status === 401 || error.code === 'UNAUTHENTICATED')) {
    sessionRefused(token, error.extensions);
  }
  throw error;
}
