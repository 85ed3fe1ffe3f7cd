import { eventually } from './eventually';

/** An email as the SMTP catcher's viewer (`MAIL_VIEWER_URL`) lists it. */
export interface CaughtMail {
  messageId: string | null;
  subject: string;
  to: string[];
  text: string | null;
}

/**
 * Once `count` outbox rows (`rows`, a spec's query) are SENT: they are exactly `count`, and each was
 * caught exactly once by the SMTP catcher (by its Message-ID). The caught emails, in `rows` order.
 */
export async function sentExactly(
  rows: () => Promise<{ status: string; message_id: string }[]>,
  count: number,
): Promise<CaughtMail[]> {
  const all = await eventually(
    rows,
    (r) => r.length >= count && r.every((x) => x.status === 'SENT'),
  );
  expect(all).toHaveLength(count);
  const caught = await eventually(
    async () => {
      const res = await fetch(`${process.env.MAIL_VIEWER_URL}/api/messages`);
      return (await res.json()) as CaughtMail[];
    },
    (mails) => all.every((r) => mails.some((m) => m.messageId === r.message_id)),
  );
  return all.map((r) => {
    const same = caught.filter((m) => m.messageId === r.message_id);
    expect(same).toHaveLength(1);
    return same[0];
  });
}
