/**
 * Spanish (Mexico) texts of the client's answer: staff record an answer the client gave off the
 * portal (L3-06/L3-07/L3-08, L3-11), and the client's notice that its answer is needed.
 */
export const clientAnswerEsMX = {
  actionNames: {
    recordClientAnswer: 'Registrar respuesta del cliente',
  } as Record<string, string>,
  events: {
    recordClientAnswer: 'Respuesta del cliente registrada por el equipo',
  } as Record<string, string>,
  channel: 'Medio por el que respondió',
  channels: {
    PHONE: 'Teléfono',
    WHATSAPP: 'WhatsApp',
    EMAIL: 'Correo',
    MEETING: 'Reunión',
    OTHER: 'Otro',
  } as Record<string, string>,
  /** «por teléfono»: how the answer came, inside a sentence. */
  channelWords: {
    PHONE: 'por teléfono',
    WHATSAPP: 'por WhatsApp',
    EMAIL: 'por correo',
    MEETING: 'en una reunión',
    OTHER: 'por otro medio',
  } as Record<string, string>,
  note: 'Lo que respondió el cliente',
  noteHint:
    'Cuenta como la respuesta del cliente: el plazo en pausa sigue corriendo. El cliente la lee en el historial y recibe un correo con lo que registraste a su nombre.',
  /** The history line: «Ana (Agente L3) registró la respuesta del cliente recibida por teléfono». */
  recorded: (who: string, channel: string) =>
    `${who} registró la respuesta del cliente recibida ${channel}:`,
  someone: 'El equipo de soporte',
};

export type ClientAnswerMessages = typeof clientAnswerEsMX;
