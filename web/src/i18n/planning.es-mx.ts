import { type ZoneLanguage, zoneLabel } from './zone-name';

/**
 * A wall-clock time "HH:MM" as the app writes the time of an instant, «10:00 a.m.» / «10:00 AM»
 * (QA S22 F8: the checkpoint's schedule said «a las 10:00» over its next runs' «10:00 a.m.»).
 */
export function clockTime(time: string, language: ZoneLanguage): string {
  const [h, m] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1, h, m)),
  );
}

/** Spanish (Mexico) texts of the queue, re-planning, comments, checkpoints and quick channel. */
export const planningEsMX = {
  queue: {
    title: 'Cola de atención',
    intro:
      'Sus tickets abiertos en el orden en que los atendemos: primero los urgentes, luego su prioridad y después el orden de llegada. Las fechas planeadas salen de la capacidad contratada.',
    approverIntro:
      'Arrastre un ticket a su nuevo lugar o use los botones Subir y Bajar. Antes de confirmar verá qué fechas de entrega se mueven.',
    readOnly: 'Solo quien aprueba en su organización puede cambiar el orden.',
    capacity: (hours: number) => `Capacidad: ${hours} h del proveedor por día hábil.`,
    listLabel: 'Tickets en orden de atención',
    empty: 'No hay tickets abiertos en la cola.',
    position: (n: number) => `Lugar ${n}`,
    rankNone: 'por llegada',
    releaseDate: 'Entrega publicada',
    plannedDate: 'Entrega planeada',
    deliveryAtRisk: (days: number) =>
      days === 1 ? 'Entrega en riesgo (+1 día hábil)' : `Entrega en riesgo (+${days} días hábiles)`,
    deliveryAtRiskHint:
      'La fecha de entrega publicada ya no se cumple con la capacidad y el orden actuales de la cola.',
    deliveryOnClosedDay: 'Entrega en día inhábil',
    deliveryOnClosedDayHint:
      'La fecha de entrega publicada cae en un día que el calendario cerró después (un día festivo o una excepción): no se mueve sola; ajústela para avisar al cliente.',
    remaining: (hours: number) => `${hours} h por hacer`,
    urgent: 'Urgente',
    moveUp: 'Subir',
    moveDown: 'Bajar',
    moveUpLabel: (subject: string) => `Subir «${subject}»`,
    moveDownLabel: (subject: string) => `Bajar «${subject}»`,
    urgentLabel: (subject: string) => `Marcar «${subject}» como urgente`,
    dragHandle: (subject: string) => `Arrastrar «${subject}»`,
    moved: (subject: string, place: number) => `«${subject}» ahora está en el lugar ${place}.`,
    unsaved: 'Cambió el orden; revise el impacto antes de confirmarlo.',
    discard: 'Descartar cambios',
    preview: 'Ver impacto en las fechas',
    previewing: 'Calculando…',
    previewTitle: 'Impacto del nuevo orden',
    noChanges: 'Ninguna fecha de entrega publicada cambia con este orden.',
    ticket: 'Ticket',
    oldDate: 'Fecha actual',
    newDate: 'Nueva fecha',
    reason: 'Motivo del cambio',
    reasonHint: 'Se cita en el correo y en el historial de cada ticket cuya fecha se mueve.',
    reasonRequired: 'Escriba el motivo del cambio.',
    confirm: 'Confirmar nuevo orden',
    confirming: 'Confirmando…',
    confirmed: (n: number) =>
      n === 0
        ? 'Nuevo orden confirmado. Ninguna fecha cambió.'
        : n === 1
          ? 'Nuevo orden confirmado. Se publicó 1 fecha nueva.'
          : `Nuevo orden confirmado. Se publicaron ${n} fechas nuevas.`,
    conflict: 'La cola cambió; revise la vista previa de nuevo.',
    staffIntro:
      'La cola de un cliente: sus tickets abiertos en el orden en que los atendemos (urgentes, luego su prioridad y después el orden de llegada), con las fechas planeadas y publicadas.',
    staffReadOnly: 'Solo lectura: el orden lo deciden los aprobadores del cliente.',
    client: 'Cliente',
  },
  capacity: {
    title: 'Capacidad de planeación',
    intro:
      'Horas del proveedor por día hábil para este cliente. Con ellas se calculan las fechas planeadas de sus requerimientos autorizados, en el orden de su cola.',
    current: (hours: number, isDefault: boolean) =>
      isDefault
        ? `Capacidad actual: ${hours} h por día hábil (la predeterminada).`
        : `Capacidad actual: ${hours} h por día hábil.`,
    hours: 'Horas por día hábil',
    hint: 'Entre 0.25 y 24. Déjelo vacío para usar la capacidad predeterminada.',
    invalid: 'Escriba un número de horas entre 0.25 y 24 (por ejemplo 6 o 6.5).',
    save: 'Guardar capacidad',
    saved: (hours: number) => `Capacidad guardada: ${hours} h por día hábil.`,
    reset: 'Capacidad predeterminada restablecida.',
  },
  workList: {
    title: 'Lista de trabajo',
    intro:
      'Tickets abiertos de todos los clientes: primero los que tienen el SLA vencido o en riesgo, luego las entregas en riesgo (una fecha publicada que el plan ya no cumple: ajústela o recupere capacidad), después lo que el cliente marcó como urgente y al final el lugar de cada ticket en la cola de su cliente (su prioridad y el orden de llegada).',
    place: 'Lugar',
    client: 'Cliente',
    clientRank: (rank: number | null, urgent: boolean) =>
      urgent ? 'urgente' : rank === null ? 'por llegada' : `prioridad ${rank}`,
    searchResults: 'Resultados de la búsqueda',
    due: 'Plazo o entrega',
    publishedDelivery: 'Entrega publicada',
  },
  adjust: {
    action: 'Ajustar fecha',
    title: 'Ajustar la fecha de entrega',
    current: (date: string) => `Fecha publicada: ${date}`,
    /** QA S60b #5: in the open form, beside the new date (which starts from it). */
    currentInForm: (date: string) => `Fecha publicada actual: ${date}`,
    newDate: 'Nueva fecha de entrega',
    reason: 'Motivo',
    reasonHint: 'El cliente lo recibe por correo y lo ve en el historial.',
    submit: 'Publicar nueva fecha',
    cancel: 'Cancelar',
    missing: 'Escriba la nueva fecha y el motivo.',
    missingReason: 'Escriba el motivo del cambio.',
    done: 'Nueva fecha publicada.',
  },
  comments: {
    title: 'Comentarios',
    clientLabel: 'Su respuesta',
    staffLabel: 'Comentario',
    kind: 'Tipo de comentario',
    reply: 'Respuesta al cliente',
    internal: 'Nota interna',
    replyHint: 'El cliente la ve en el historial y la recibe por correo.',
    internalHint: 'Solo la ve el equipo del proveedor; no se envía al cliente.',
    clientHint: 'Su respuesta queda en el historial y el equipo de soporte la recibe.',
    /** L3-07: a reply to the client while the «Avance periódico» clock runs restarts it. */
    replyCountsAsProgress:
      'Cuenta como avance: al enviarla se reinicia el plazo de «Avance periódico», igual que con «Registrar avance».',
    submit: 'Enviar',
    sending: 'Enviando…',
    empty: 'Escriba el comentario.',
    sent: 'Comentario enviado.',
    closed: 'Este ticket ya terminó; no recibe más comentarios.',
    /** L3-11: files that go with the comment, told in its one email. */
    files: 'Archivos para el comentario (opcional)',
    filesHint: 'Van con el comentario: el correo del comentario los menciona.',
    // QA S65c #1: a file cancelled while the comment's files go up is left out; the rest go on.
    fileCancelled: (name: string) =>
      `Se canceló «${name}»: el comentario se envía con los demás archivos, sin ese.`,
    filesRefused: 'Quite o cambie los archivos que no se aceptan antes de enviar el comentario.',
    tooManyFiles: (max: number) => `Un comentario lleva hasta ${max} archivos.`,
    /** A restored draft after a reload: its files stayed behind (QA S58). */
    filesLost: (names: string) =>
      `Los archivos elegidos no se conservan al recargar la página. Elíjalos de nuevo: ${names}.`,
    uploading: (done: number, total: number) => `Subiendo archivos (${done} de ${total})…`,
    sentWithFiles: (count: number) =>
      count === 1
        ? 'Comentario enviado con 1 archivo.'
        : `Comentario enviado con ${count} archivos.`,
  },
  timeline: {
    dateMoved: (oldDate: string, newDate: string) => `De ${oldDate} a ${newDate}`,
    dateSet: (newDate: string) => `Nueva fecha: ${newDate}`,
    /** L3-09: the release-for-testing date an agent published. */
    releaseDateSet: (date: string) => `Entrega para pruebas: ${date}`,
    reason: 'Motivo',
    internalNote: 'Nota interna',
    /** L3-07: a staff reply that restarted the progress clock. */
    countsAsProgress: 'Cuenta como avance',
    /** L3-11: the files a comment carried («Archivos: a.png (208 bytes), b.pdf (eliminado)»). */
    commentFiles: (count: number): string =>
      count === 1 ? 'Archivo adjunto' : 'Archivos adjuntos',
    fileDeleted: 'eliminado',
  },
  checkpoints: {
    title: 'Puntos de control',
    intro:
      'Cada dos semanas revisamos juntos los tickets abiertos, los relojes de SLA, las estimaciones pendientes, las fechas que cambiaron y las horas.',
    client: 'Cliente',
    list: 'Agendas',
    empty: 'Todavía no hay agendas.',
    generateNow: 'Generar agenda ahora',
    generating: 'Generando agenda…',
    generateHint:
      'Arma una agenda fuera de calendario con el estado actual del cliente y la envía por correo a sus aprobadores y a los gerentes, como la programada.',
    generateConfirmTitle: '¿Generar y enviar la agenda ahora?',
    generateConfirmImpact:
      'Se arma con el estado actual del cliente y se envía en este momento por correo a sus aprobadores y a los gerentes. El correo no se puede retirar.',
    generateConfirmYes: 'Generar y enviar',
    generateConfirmNo: 'Cancelar',
    generated: (date: string) => `Agenda del ${date} generada y enviada por correo.`,
    when: 'Fecha',
    period: 'Periodo',
    kind: 'Tipo',
    decisions: 'Decisiones',
    open: 'Ver agenda',
    openLabel: (date: string) => `Ver la agenda del ${date}`,
    kinds: {
      SCHEDULED: 'Programado',
      MOVED_TO_NEXT_BUSINESS_MOMENT: 'Movido al siguiente momento hábil',
      MANUAL: 'Fuera de calendario',
    } as Record<string, string>,
    settingsTitle: 'Cuándo es el punto de control',
    noSettings: 'Este cliente todavía no tiene punto de control.',
    schedule: (weekday: string, time: string, zone: string) => {
      const at = clockTime(time, 'es-MX');
      return `Cada dos semanas, el ${weekday} ${at.startsWith('1:') ? 'a la' : 'a las'} ${at}, ${zoneLabel(zone, 'es-MX')}.`;
    },
    nextRuns: 'Próximos puntos de control',
    noNextRuns: 'Sin fechas próximas (el programador no respondió).',
    weekday: 'Día',
    time: 'Hora',
    timeHint: 'Hora local del calendario del cliente, dentro de su horario hábil.',
    save: 'Guardar',
    saved: 'Punto de control guardado.',
    back: 'Volver a los puntos de control',
    agendaTitle: (date: string) => `Agenda del ${date}`,
    periodText: (from: string, to: string) => `Del ${from} al ${to}`,
    openByState: 'Tickets abiertos por estado',
    openTickets: 'Tickets abiertos',
    noOpen: 'No hay tickets abiertos.',
    queuePosition: 'Posición en la cola',
    queueOrderHint:
      'En el orden de la cola del cliente: urgentes, luego sus prioridades, luego por llegada.',
    alerts: 'Relojes en riesgo o vencidos en el periodo',
    noAlerts: 'Ningún reloj llegó a riesgo ni venció.',
    estimates: 'Estimaciones por autorizar',
    noEstimates: 'No hay estimaciones pendientes.',
    dateChanges: 'Fechas que cambiaron',
    noDateChanges: 'Ninguna fecha cambió.',
    hours: 'Horas',
    consumedInPeriod: 'Consumidas en el periodo',
    consumed: 'Consumidas en total',
    reserved: 'Reservadas',
    balance: 'Saldo',
    available: 'Disponibles',
    purchased: 'Compradas',
    state: 'Estado',
    count: 'Tickets',
    clock: 'Reloj',
    status: 'Estado',
    deadline: 'Vence',
    version: 'Versión',
    hoursCol: 'Horas',
    scope: 'Alcance',
    reason: 'Motivo',
    previousDate: 'Fecha anterior',
    decisionsTitle: 'Decisiones de la reunión',
    noDecisions: 'Todavía no hay decisiones registradas.',
    // Who recorded it by name, then their role (QA S14-F: only the role was shown).
    recordedBy: (name: string | null, role: string, at: string) =>
      `${name ? `${name} (${role})` : role} · ${at}`,
    newPriorities: 'Nuevo orden de la cola:',
    notes: 'Notas de la reunión',
    record: 'Registrar decisiones',
    recording: 'Registrando…',
    recordHint:
      'Al registrarlas, las decisiones se envían por correo a los aprobadores del cliente y a los gerentes del proveedor (no a quien las registra).',
    recorded: 'Decisiones registradas.',
    notesRequired: 'Escriba las notas de la reunión.',
    prioritiesToggle: 'La reunión acordó un nuevo orden de la cola',
    prioritiesTitle: 'Nuevo orden de los tickets abiertos',
    prioritiesHint:
      'Use Subir y Bajar; el primero es el más importante. Al registrar, la cola del cliente toma este orden (sin marcas de urgencia) y las fechas que se muevan se publican.',
    prioritiesEmpty: 'El cliente no tiene tickets abiertos que ordenar.',
    prioritiesUnchanged: 'Mueva al menos un ticket o desmarque el nuevo orden.',
    prioritiesNotLoaded:
      'La cola del cliente aún no se carga: espere a verla para ordenarla o desmarque el nuevo orden.',
  },
  quickChannel: {
    title: 'Canal rápido',
    intro:
      'El grupo de WhatsApp sirve para avisos rápidos; los tickets se registran siempre en el portal.',
    open: 'Abrir el grupo de WhatsApp',
    none: 'Su organización todavía no tiene grupo de WhatsApp.',
    url: 'Enlace del grupo de WhatsApp',
    urlHint: 'https://chat.whatsapp.com/… Déjelo vacío para quitarlo.',
    save: 'Guardar enlace',
    saved: 'Enlace guardado.',
    removed: 'Enlace quitado.',
  },
};

export type PlanningMessages = typeof planningEsMX;
