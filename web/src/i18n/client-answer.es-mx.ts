import { endSentence } from './sentence';

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
    'Cuenta como si el cliente hubiera respondido en el portal: el plazo de atención inicial vuelve a correr. El cliente la lee en el historial y recibe un correo con lo que se registró a su nombre.',
  /** The history line: «Ana (Agente L3) registró la respuesta del cliente recibida por teléfono». */
  recorded: (who: string, channel: string) =>
    `${who} registró la respuesta del cliente recibida ${channel}:`,
  someone: 'El equipo de soporte',
  /** The client's list: the mark of tickets waiting on them. */
  yourTurn: 'Su respuesta',
  /** «Se necesita su respuesta»: the client's ticket page while the provider waits on them. */
  banner: {
    title: 'Se necesita su respuesta',
    info: (since: string | null) =>
      since
        ? `El ${since} le pedimos información para continuar con este ticket.`
        : 'Le pedimos información para continuar con este ticket.',
    infoNext:
      'Mientras no responda, no corre el plazo de atención inicial; cuando responda empieza uno nuevo de 8 horas hábiles.',
    remoteSession: (at: string | null) =>
      at
        ? endSentence(`Le propusimos una sesión remota para el ${at}`)
        : 'Le propusimos una sesión remota.',
    remoteSessionNext:
      'Confírmela con «Confirmar» o, si no puede, use «Proponer otro horario / No puedo»; también puede entregar la información por escrito.',
    waiting: (since: string | null) =>
      since
        ? `Desde el ${since} esperamos su respuesta para seguir trabajando en este ticket.`
        : 'Esperamos su respuesta para seguir trabajando en este ticket.',
    waitingNext:
      'El plazo está en pausa mientras tanto; cuando responda sigue con el tiempo que le quedaba.',
    request: 'Lo que necesitamos',
    resolved: 'Resolvimos este ticket: confirme la solución, o reábralo si el problema sigue.',
    autoClose: (when: string) =>
      endSentence(`Si no responde, se cerrará automáticamente el ${when}`),
    testing: (since: string | null) =>
      since
        ? `Desde el ${since} la entrega está lista para sus pruebas: acéptela o reporte las fallas que encuentre.`
        : 'La entrega está lista para sus pruebas: acéptela o reporte las fallas que encuentre.',
    releaseNote: 'Lo que entregamos',
    authorize: (version: number, hours: number) =>
      `La estimación v${version} (${hours} h) espera su autorización por escrito.`,
    authorizeChangeOrder: (version: number, added: number) =>
      `La orden de cambio v${version} (+${added} h) espera su autorización por escrito.`,
    answer: 'Responder',
    toActions: 'Ir a las acciones',
  },
};

export type ClientAnswerMessages = typeof clientAnswerEsMX;
