import { DomainError, ErrorCode } from '../common/errors/domain-error';

const INVITE_CODE = /^\/([A-Za-z0-9]{10,40})\/?$/;

/**
 * L3-14: a WhatsApp group invite link, `https://chat.whatsapp.com/<code>` and nothing else (no
 * other host, scheme, port, credentials, query or fragment). Answers the normalised link;
 * anything else is VALIDATION_FAILED.
 */
export function whatsAppGroupUrl(raw: string): string {
  const refuse = (): never => {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      'whatsappGroupUrl must be a WhatsApp group invite link: https://chat.whatsapp.com/<code>',
      // The reason for clients to word it (QA S52: the web app showed this English sentence).
      { reason: 'NOT_WHATSAPP_GROUP_LINK', field: 'whatsappGroupUrl' },
    );
  };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return refuse();
  }
  const code = INVITE_CODE.exec(url.pathname)?.[1];
  if (
    url.protocol !== 'https:' ||
    url.hostname !== 'chat.whatsapp.com' ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    !code
  ) {
    return refuse();
  }
  return `https://chat.whatsapp.com/${code}`;
}
