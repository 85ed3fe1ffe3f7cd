import { sendAttachmentRequest } from '../../../web/src/api/attachment-http';
import { ApiError, setUnauthenticatedHandler } from '../../../web/src/api/graphql-client';

// L3-04: the attachment routes are plain HTTP (the web app calls fetch itself), so a refused
// session there (401 UNAUTHENTICATED, e.g. the password changed elsewhere) must end the session
// as a GraphQL refusal does, not only be shown inside «Adjuntos».

const TOKEN = 'token-de-la-sesion';
const UPLOAD = '/api/tickets/L3-2026-000001/attachments';
const DOWNLOAD = '/api/attachments/0d5e';
/** An upload as `uploadAttachment` sends it. */
const upload = () => {
  const form = new FormData();
  form.append('file', new Blob(['2026-02-02 ERROR PAC timeout\n']), 'bitacora.log');
  return sendAttachmentRequest(UPLOAD, { method: 'POST', body: form }, TOKEN);
};
const download = () => sendAttachmentRequest(DOWNLOAD, {}, TOKEN);

function answer(status: number, body?: Record<string, unknown>): Response {
  return new Response(body ? JSON.stringify(body) : '<html>proxy</html>', {
    status,
    headers: { 'content-type': body ? 'application/json' : 'text/html' },
  });
}

describe('attachment requests and the session (L3-04)', () => {
  const refused: string[] = [];
  let fetchMock: jest.SpyInstance;

  beforeEach(() => {
    refused.length = 0;
    setUnauthenticatedHandler((token) => refused.push(token));
    fetchMock = jest.spyOn(globalThis, 'fetch');
  });
  afterEach(() => {
    fetchMock.mockRestore();
    setUnauthenticatedHandler(undefined);
  });

  it('an upload answered 401 UNAUTHENTICATED reports the refused token and rejects with the code', async () => {
    fetchMock.mockResolvedValue(
      answer(401, {
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_ENDED',
        message: 'The session ended because the password changed; log in again',
      }),
    );
    await expect(upload()).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refused).toEqual([TOKEN]);
    // The token still travels as the bearer.
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect(init.headers).toEqual({ authorization: `Bearer ${TOKEN}` });
  });

  it('a download answered 401, even without a JSON body, reports the refused token', async () => {
    fetchMock.mockResolvedValue(answer(401));
    await expect(download()).rejects.toBeInstanceOf(ApiError);
    expect(refused).toEqual([TOKEN]);
  });

  it('other refusals (404, 413) leave the session alone', async () => {
    fetchMock.mockResolvedValueOnce(
      answer(404, { code: 'NOT_FOUND', reason: 'ATTACHMENT_DELETED', message: 'deleted' }),
    );
    fetchMock.mockResolvedValueOnce(
      answer(413, { code: 'VALIDATION_FAILED', reason: 'ATTACHMENT_TOO_LARGE', message: 'big' }),
    );
    await expect(download()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ATTACHMENT_DELETED',
    });
    await expect(upload()).rejects.toMatchObject({
      reason: 'ATTACHMENT_TOO_LARGE',
    });
    expect(refused).toEqual([]);
  });
});
