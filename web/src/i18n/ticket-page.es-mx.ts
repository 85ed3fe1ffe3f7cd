import { endSentence } from './sentence';
import { zoneLabel } from './zone-name';

/** Textos de la explicación de plazos y del enlace a una estimación en la página del ticket. */
export const ticketPageEsMX = {
  // QA S20: before «Aceptar entrega», what accepting does (L3-09, L3-12).
  acceptDeliveryExplain: 'Al aceptar, el ticket se cierra.',
  acceptDeliveryExplainHours:
    'Al aceptar, el ticket se cierra y se devuelven a su saldo las horas reservadas que no se usaron.',
  whyTitle: '¿Por qué esta fecha?',
  whyLoading: 'Calculando la explicación…',
  whyUnavailable: 'La explicación estará lista en unos segundos; vuelva a abrir esta sección.',
  whyCalendar: (version: number, zone: string) =>
    `Calendario versión ${version}; ${zoneLabel(zone, 'es-MX')}.`,
  estimateLinked: (version: number) => `Estimación v${version}, la del enlace que recibió`,
  estimateNotFound: (version: number) => `Este ticket no tiene una estimación v${version}.`,
  estimateCurrentLink: (version: number) => `Ver la estimación vigente (v${version})`,
  // QA S51: una versión rechazada (o con reestimación pedida) no está «vigente».
  estimateLatestLink: (version: number, status: string) =>
    `Ver la última estimación (v${version}, ${status.toLowerCase()})`,
  // L3-09: el correo enlazó una versión que otra más nueva reemplazó.
  estimateSuperseded: (current: number) =>
    `Esta versión fue reemplazada; la vigente es la v${current}.`,
  // L3-07: las corridas anteriores de un reloj (una por avance), plegadas bajo la actual.
  earlierRuns: (n: number, breached: number) =>
    `${n} ${n === 1 ? 'plazo anterior' : 'plazos anteriores'}${
      breached ? ` (${breached} ${breached === 1 ? 'vencido' : 'vencidos'})` : ''
    }`,
  earlierRunsOf: (clock: string) => `del reloj ${clock}`,
  // QA F15: un reloj en días, el día en que empieza, tiene más tiempo que su meta (L3-08, L3-09).
  startDayNote: 'Incluye el resto del día de inicio, que no cuenta en el plazo',
  // Historial: todo o solo lo que escribieron las personas (?historial=conversacion).
  history: {
    show: 'Mostrar',
    all: 'Todo',
    conversation: 'Solo conversación',
    noConversation: 'Todavía nadie ha escrito en este ticket.',
  },
  // L3-07: quién tiene el ticket y quién hizo qué.
  assignee: 'Agente asignado',
  unassigned: 'Sin asignar',
  registeredBy: 'Registró',
  // QA S62: a deactivated registrant or assignee (staff only see it).
  inactivePerson: '(cuenta inactiva)',
  assign: 'Asignar',
  assignTo: 'Asignar a',
  assignAutomatic: 'Automático (el agente con menos carga)',
  keepAssignee: (name: string) => `Mantener a ${name}`,
  newAssignee: 'Nuevo agente asignado',
  chooseAgent: 'Elija un agente',
  // La nota al reasignar es para el equipo: el cliente ve el cambio, no la nota.
  handOverNote: 'Nota interna (solo la ve el equipo)',
  // Quién lee la nota de una acción: la del personal llega al historial que lee el cliente.
  noteClientReads: 'El cliente la lee en el historial del ticket.',
  clientReply: 'Su respuesta',
  clientReason: 'Motivo',
  // QA S18 (L3-09): al reportar fallas en pruebas el campo dice qué se pide, no «Nota».
  clientFailures: 'Fallas encontradas',
  clientFailuresHint: 'Qué probó y qué falló; el agente lo lee para corregir la entrega.',
  // QA S18 (L3-09): pedir una reestimación pide una sola cosa (decía «Motivo» y «Nota»).
  reestimateReason: 'Qué debe cambiar en la estimación',
  // QA S18 (L3-12): liberar sin horas registradas; al aceptar el cliente, el ticket se cierra.
  releaseNoHours:
    'Aún no hay horas registradas en este ticket. Regístrelas antes de liberar: cuando el cliente acepte la entrega, el ticket se cierra y las horas reservadas que no se usaron vuelven a su saldo.',
  releaseHoursLogged: (hours: number) =>
    `Horas registradas en este ticket: ${hours.toLocaleString('es-MX')} h.`,
  // QA S18 (L3-12): al estimar, el saldo que el cliente puede autorizar.
  estimateBalance: (available: number) =>
    `El cliente tiene ${available.toLocaleString('es-MX')} h disponibles.`,
  estimateOverBalance: (over: number) =>
    `Excede en ${over.toLocaleString('es-MX')} h las horas disponibles del cliente: no podrá autorizarla sin comprar más horas.`,
  noOtherAgents: 'No hay otro agente activo a quien asignarlo.',
  assignedTo: (name: string) => `Asignado a ${name}`,
  // L3-09: la autorización escrita, con quién y cuándo.
  authorizedBy: (name: string, version: number, at: string) =>
    `${name} autorizó la estimación v${version} el ${at}`,
  // QA S18 (L3-09): tras reportar fallas, la fecha de entrega publicada ya no se sostiene hasta
  // que el agente publique otra.
  previousReleaseDate: 'Fecha de entrega anterior',
  releaseDateSupersededClient:
    'Se reportaron fallas en la entrega, así que esta fecha ya no aplica. Publicaremos una nueva fecha de entrega para pruebas.',
  releaseDateSupersededStaff:
    'El cliente reportó fallas en la entrega: esta fecha ya no aplica. Publique la nueva con «Ajustar fecha».',
  schedulingAgain: (deadline: string) =>
    endSentence(
      `El plazo de programación corre de nuevo: la nueva fecha se publica a más tardar el ${deadline}`,
    ),
  // Un formulario abierto mientras el ticket cambia en vivo: lo escrito no se pierde.
  liveDraft: {
    // Qué pasó desde que se abrió el formulario, con las palabras y los nombres del historial.
    commented: (who: string) => `${who} comentó mientras usted escribía`,
    // Un nombre de evento que ya dice quién («… retirada por el equipo») lleva el nombre entre
    // paréntesis, no un segundo «por» (QA S63 #7).
    changed: (what: string, who: string | null) =>
      !who
        ? `Mientras usted escribía: ${what}`
        : /\bpor\b/.test(what)
          ? `Mientras usted escribía: ${what} (${who})`
          : `Mientras usted escribía: ${what} por ${who}`,
    more: (count: number) => (count === 1 ? ' y 1 cambio más' : ` y ${count} cambios más`),
    now: (state: string) => ` (ahora: ${state})`,
    // Sin eventos nuevos en el historial (cambió el SLA, el agente o las acciones ofrecidas).
    updated: (state: string) =>
      `El ticket se actualizó mientras usted escribía (estado: ${state}).`,
    acknowledge: 'Entendido',
    withdrawn: (state: string) => `Esta acción ya no está disponible: el ticket pasó a ${state}.`,
    commentsClosed: (state: string) =>
      `Ya no se pueden agregar comentarios: el ticket pasó a ${state}.`,
    kept: 'Su texto se conservó:',
    keptLabel: 'Su texto (solo lectura)',
    copy: 'Copiar',
    copied: 'Copiado al portapapeles.',
    copyFailed: 'No se pudo copiar; seleccione el texto y cópielo a mano.',
    discard: 'Descartar',
    restored: 'Recuperamos el comentario que no envió.',
    restoredForm: 'Recuperamos lo que escribió y no envió.',
    // En el botón de una acción cuyo formulario se cerró con texto sin enviar: al abrirla vuelve.
    draftMark: 'Borrador',
  },
};

export type TicketPageMessages = typeof ticketPageEsMX;
