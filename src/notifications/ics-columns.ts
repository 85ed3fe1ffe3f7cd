import type { StoredAttachment } from './email-outbox.entity';

/** What an outbox email's calendar files do: `REQUEST` adds or moves entries, `CANCEL` removes. */
export type IcsMethod = 'REQUEST' | 'CANCEL';

/**
 * The file name of a ticket's calendar entry (`renderEmail`): `<number>-<entry>.ics`, the entry
 * being `remote-session` or `release` (a release date).
 */
export function icsFileName(ticketNumber: string, entry: string): string {
  return `${ticketNumber}-${entry}.ics`;
}

/** The `email_outbox` columns that say what its `.ics` files do (migration 1764321000000). */
export interface IcsColumns {
  /** Null for an email without `.ics`. */
  readonly icsMethod: IcsMethod | null;
  /** The ticket's entries its files carry (`remote-session`, `release`); null without. */
  readonly icsEntries: string[] | null;
}

/**
 * {@link IcsColumns} of an email about `ticketNumber` with `attachments`, as queued or rewritten,
 * so that who holds an entry is read from columns (`remoteSessionHolders`), not from the files'
 * base64. An email's calendar files all add or all cancel (a cancelled ticket's release date and
 * session together): one that mixed them is a template's bug, refused here.
 */
export function icsColumns(
  attachments: readonly StoredAttachment[],
  ticketNumber: string | null,
): IcsColumns {
  const files = attachments.filter((a) => a.contentType.startsWith('text/calendar'));
  if (files.length === 0 || ticketNumber === null) return { icsMethod: null, icsEntries: null };
  const methods = new Set(
    files.map((f) => (/method=CANCEL/.test(f.contentType) ? 'CANCEL' : 'REQUEST')),
  );
  if (methods.size > 1) {
    throw new Error(`an email of ${ticketNumber} both requests and cancels calendar entries`);
  }
  const prefix = `${ticketNumber}-`;
  return {
    icsMethod: [...methods][0],
    icsEntries: files.map((f) =>
      f.filename.startsWith(prefix) && f.filename.endsWith('.ics')
        ? f.filename.slice(prefix.length, -'.ics'.length)
        : f.filename,
    ),
  };
}
