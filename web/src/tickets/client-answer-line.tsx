import type { TicketEvent } from '../api/tickets';
import { useI18n } from '../i18n/i18n-context';

/**
 * L3-06/L3-07/L3-11: a client's answer staff recorded reads as such in the history, with who
 * recorded it and how it came: «Ana (Agente L3) registró la respuesta del cliente recibida por
 * teléfono:», followed by the note (the event's text).
 */
export function ClientAnswerLine({
  event,
  data,
}: {
  event: Pick<TicketEvent, 'actorName' | 'actorRole'>;
  data: Readonly<Record<string, unknown>>;
}) {
  const { t } = useI18n();
  const c = t.clientAnswer;
  const role = event.actorRole ? (t.users.roleNames[event.actorRole] ?? event.actorRole) : null;
  const who = event.actorName
    ? role
      ? `${event.actorName} (${role})`
      : event.actorName
    : c.someone;
  const channel =
    (typeof data.channel === 'string' && c.channelWords[data.channel]) || c.channelWords.OTHER;
  return (
    <p
      data-testid="event-client-answer"
      data-channel={typeof data.channel === 'string' ? data.channel : undefined}
    >
      {c.recorded(who, channel)}
    </p>
  );
}
