import { endSentence } from './sentence';

/**
 * Server refusals in words (Spanish, Mexico), from `extensions.reason` and its parameters, and
 * class-validator rules from `extensions.violations` (see `error-text.ts`). `en` mirrors it.
 */
export const serverErrorsEsMX = {
  /** One broken input rule: `f` is the field's label, numbers already formatted. */
  constraints: {
    maxLength: (f: string, n: string) => `«${f}» admite como máximo ${n} caracteres.`,
    minLength: (f: string, n: string) => `«${f}» necesita al menos ${n} caracteres.`,
    length: (f: string, min: string, max: string) =>
      `«${f}» debe tener entre ${min} y ${max} caracteres.`,
    min: (f: string, n: string) => `«${f}» debe ser al menos ${n}.`,
    max: (f: string, n: string) => `«${f}» debe ser como máximo ${n}.`,
    isPositive: (f: string) => `«${f}» debe ser mayor que 0.`,
    isIn: (f: string, values: string) => `«${f}» debe ser uno de estos valores: ${values}.`,
    isEnum: (f: string) => `«${f}» no es una opción válida.`,
    isNotEmpty: (f: string) => `Complete el campo «${f}».`,
    isDefined: (f: string) => `Complete el campo «${f}».`,
    isEmail: (f: string) => `«${f}» no es un correo electrónico válido.`,
    isInt: (f: string) => `«${f}» debe ser un número entero.`,
    isNumber: (f: string) => `«${f}» debe ser un número (con hasta 2 decimales).`,
    isDateString: (f: string) => `«${f}» debe ser una fecha válida.`,
    isISO8601: (f: string) => `«${f}» debe ser una fecha válida.`,
    matches: (f: string) => `«${f}» no tiene el formato esperado.`,
    arrayMaxSize: (f: string, n: string) => `«${f}» admite como máximo ${n} elementos.`,
    arrayMinSize: (f: string, n: string) => `«${f}» necesita al menos ${n} elementos.`,
    other: (f: string) => `«${f}» no es válido.`,
  },
  /** Labels of input properties when the form has none to offer. */
  fields: {
    description: 'Descripción',
    subject: 'Asunto',
    category: 'Categoría',
    hours: 'Horas',
    scope: 'Alcance',
    note: 'Nota',
    reason: 'Motivo',
    reasons: 'Motivos',
    statement: 'Autorización por escrito',
    releaseDate: 'Fecha de entrega',
    newDate: 'Nueva fecha',
    at: 'Fecha y hora',
    date: 'Fecha',
    email: 'Correo electrónico',
    displayName: 'Nombre completo',
    temporaryPassword: 'Contraseña temporal',
    name: 'Nombre',
    reference: 'Referencia',
    price: 'Precio',
    purchasedOn: 'Fecha de compra',
    details: 'Detalles',
    body: 'Mensaje',
    estimateVersion: 'Estimación',
    whatsappGroupUrl: 'Enlace del grupo de WhatsApp',
    monthlyFee: 'Cuota mensual',
    currency: 'Moneda',
    startDate: 'Inicio',
    status: 'Estado',
    login: 'Usuario de Odoo',
    slug: 'Identificador',
    timeZone: 'Zona horaria',
    locale: 'Idioma',
    roles: 'Roles',
    password: 'Contraseña',
    hoursPerBusinessDay: 'Horas por día hábil',
    progressCadenceMinutes: 'Cadencia de avances',
    requirementKind: 'Tipo de requerimiento',
    classification: 'Tipo',
    executedAt: 'Ejecutada',
    notes: 'Notas',
    text: 'Texto',
    start: 'Inicio',
    end: 'Fin',
    localTime: 'Hora local',
    weekday: 'Día de la semana',
    agentId: 'Agente',
    internal: 'Nota interna',
    action: 'Acción',
  } as Record<string, string>,
  insufficientHours: (needed: string, available: string, short: string) =>
    `No hay suficientes horas prepagadas: se necesitan ${needed} h y hay ${available} h disponibles (faltan ${short} h).`,
  // L3-12: configuration and development are charged to a purchased package, not to hours that
  // only adjustments gave (e.g. a balance carried over from another system).
  noActivePackage: (available: string) =>
    `No hay un paquete de horas prepagadas activo: el trabajo de configuración y desarrollo se carga a un paquete comprado con horas disponibles (disponibles ahora: ${available} h). Hace falta contratar un paquete de horas (el equipo de soporte lo registra); después vuelva a intentarlo.`,
  // L3-12: the ledger already holds hours for a newer version than the one being authorized.
  staleEstimateVersion: (current: string) =>
    `Este ticket ya tiene horas reservadas para la estimación v${current}, más reciente que la que intentó autorizar: recargue la página y revise la versión vigente.`,
  // L3-12: a version that authorizes fewer hours than those already logged on the ticket.
  estimateBelowConsumed: (consumed: string) =>
    `En este ticket ya se consumieron ${consumed} h y esta estimación autoriza menos: el agente debe enviar una nueva estimación de al menos ${consumed} h.`,
  exceedsEstimate: (logged: string, remaining: string) =>
    `Se registrarían ${logged} h y quedan ${remaining} h de la estimación autorizada: registre una orden de cambio («Orden de cambio» en el ticket) por las horas adicionales y, cuando el cliente la autorice, registre el tiempo.`,
  noEstimateHours: (logged: string) =>
    `No se pueden registrar ${logged} h: este ticket no tiene una estimación autorizada por el cliente. Las horas se registran sobre una estimación autorizada; si el ticket no se cobra, márquelo «Sin cargo al paquete».`,
  emailTaken: (email: string) => `Ya existe un usuario con el correo ${email}.`,
  ownAccountDeactivation:
    'No puede desactivar su propia cuenta; pida a otro administrador que lo haga si hace falta.',
  lastActiveAdmin:
    'Es el último administrador activo: primero haga administrador activo a otro usuario.',
  notInFuture: (f: string, when: string) => `«${f}» debe ser una fecha futura (indicó ${when}).`,
  inFuture: (f: string) => `«${f}» no puede ser una fecha futura.`,
  roleNotAllowed: (allowed: string) =>
    allowed ? `Solo pueden hacerlo: ${allowed}.` : 'Su rol no permite esta acción.',
  wrongState: (action: string, state: string) =>
    `«${action}» no es posible con el ticket en estado «${state}».`,
  wrongCategory: (action: string, category: string) =>
    `«${action}» no aplica a tickets de categoría «${category}».`,
  estimateAlreadyAuthorized: (v: number) => `La estimación v${v} ya está autorizada.`,
  estimateNotSubmitted: (v: number, current: number) =>
    `La estimación v${v} no es la estimación enviada (la vigente es v${current}).`,
  changeOrderPending: (v: number) =>
    `La orden de cambio v${v} sigue pendiente: el cliente debe autorizarla o rechazarla antes de enviar otra.`,
  changeOrderNotPending: (v: number) => `La versión v${v} no es una orden de cambio pendiente.`,
  noAuthorizedEstimate:
    'Una orden de cambio necesita una estimación autorizada: envíe primero la estimación.',
  ticketClosed: 'El ticket está cerrado.',
  reorderSuperseded:
    'Después de esta se guardó otra reordenación de la cola, que la reemplaza. Revise la vista previa de nuevo.',
  ratingWindowClosed: (until: string) =>
    until
      ? `El plazo de 14 días para cambiar la calificación terminó el ${until}; ya no se puede cambiar.`
      : 'La calificación ya no se puede cambiar: el plazo de 14 días terminó.',
  notFound: (what: string, id: string) => `No se encontró ${what}${id ? ` ${id}` : ''}.`,
  entities: {
    ticket: 'el ticket',
    calendar: 'el calendario',
    checkpoint: 'el punto de control',
    user: 'el usuario',
    organization: 'la organización',
    client_organization: 'la organización cliente',
    ledger_entry: 'el movimiento',
    outbox_email: 'el correo',
    holiday: 'el día festivo del',
    override: 'la excepción del',
    support_policy: 'la póliza de soporte de la organización',
    attachment: 'el archivo adjunto',
    canned_response: 'la respuesta predefinida',
  } as Record<string, string>,
  // L3-01: suspended or ended, since which day and the manager's reason (registrationRefusal).
  noActivePolicy: (status: string, since: string, reason: string): string => {
    const why = reason ? ` (${reason})` : '';
    if (status === 'SUSPENDED' && since)
      return `La póliza de soporte está suspendida desde el ${since}${why}: se necesita una póliza activa.`;
    if (status === 'ENDED' && since)
      return `La póliza de soporte terminó el ${since}${why}: se necesita una póliza activa.`;
    return 'El cliente no tiene una póliza de soporte activa.';
  },
  calendarTaken: (organization: string) =>
    `${organization} ya tiene su propio calendario: cámbielo en lugar de crear otro.`,
  calendarNameTaken: (name: string) =>
    `Ya existe un calendario llamado «${name}»: elija otro nombre.`,
  duplicateHoliday: (date: string) => `El ${date} ya es un día inhábil de este calendario.`,
  beforeRegistration: (f: string, registeredAt: string) =>
    `«${f}» no puede ser anterior al registro del ticket (${registeredAt}).`,
  /** `next`: the calendar's next business time, when the server gave it (QA S52). */
  outsideBusinessTime: (f: string, when: string, next?: string) =>
    `«${f}» (${when}) cae fuera del horario hábil del calendario del cliente.${next ? ` ${endSentence(`La siguiente hora hábil es el ${next}`)}` : ''}`,
  /**
   * L3-06 (QA S63 #11): una sesión remota que terminaría después del cierre del horario hábil.
   * `max`: la duración más larga que cabe (si llega a la mínima); `latest`: el inicio más tardío
   * con esta duración, si lo hay.
   */
  sessionEndsAfterClosing: (minutes: string, closes: string, max?: string, latest?: string) => {
    const why = `La sesión de ${minutes} min terminaría después del cierre del horario hábil del cliente (${closes}).`;
    if (latest && max)
      return `${why} Empiece a más tardar el ${latest} o acorte la duración a ${max} min como máximo.`;
    if (max) return `${why} Acorte la duración a ${max} min como máximo o elija otro horario.`;
    if (latest)
      return `${why} Para que termine a tiempo, empiece a más tardar el ${latest} (o elija otro día).`;
    return `${why} Elija otro horario o una duración menor.`;
  },
  // L3-14: solo un enlace de invitación a un grupo (QA S52: se mostraba la frase en inglés).
  notWhatsappGroupLink: (f: string) =>
    `«${f}» debe ser el enlace de invitación a un grupo de WhatsApp: https://chat.whatsapp.com/ seguido del código del grupo.`,
  // QA S53: refusals a form could reach that showed the server's English sentence.
  /** A date before 2000 (a mistyped year, «0202»). */
  dateTooEarly: (f: string, date: string, earliest: string) =>
    `«${f}» (${date}) es anterior al ${earliest}: revise el año.`,
  /** An organization's name with no letter or digit A–Z/0–9 to make its identifier from. */
  slugNotDerivable: (f: string) =>
    `«${f}» necesita al menos una letra o un número (A–Z, 0–9): con ellos se forma el identificador de la organización.`,
  /** The deadline calculator's instant outside the years it counts. */
  instantOutOfRange: (f: string) => `«${f}» debe estar entre el año 1900 y el 9000: revise el año.`,
  /** A calendar with no working hours left to count on. */
  noWorkingTime: (days: string, from: string) =>
    `El calendario no tiene horario hábil en los ${days} días a partir del ${from}: revise su horario semanal y sus excepciones.`,
  /** L3-15: «Generar agenda ahora» while no worker answered in time; asking again joins it. */
  agendaStillBuilding:
    'La agenda sigue generándose: vuelva a pedirla en un momento y se mostrará la misma.',
  /** A picker's list went stale: the agent was deactivated meanwhile. */
  agentNotActive:
    'La persona elegida ya no es un agente activo del proveedor: recargue la página y elija otra.',
  /** The same for a participant. */
  participantNotActive:
    'Esa persona ya no es un usuario activo de la organización del ticket: recargue la página y elija otra.',
  // QA S51: un día festivo se nombra («Navidad»), no solo «fuera del horario hábil».
  onHoliday: (f: string, when: string, holiday: string, next?: string) =>
    `«${f}» (${when}) cae en un día festivo del calendario del cliente: ${holiday}.${next ? ` ${endSentence(`La siguiente hora hábil es el ${next}`)}` : ''}`,
  checkpointOutsideHours: (time: string, weekday: string, hours: string) =>
    hours
      ? `La hora ${time} queda fuera del horario hábil del ${weekday} (${hours}) en el calendario del cliente; elija una hora dentro de ese horario.`
      : `El ${weekday} no tiene horario hábil en el calendario del cliente; elija otro día.`,
  sameDate: (f: string, when: string) => `«${f}» (${when}) ya es la fecha publicada.`,
  dateMovedSince: (when: string) =>
    `La fecha publicada cambió a ${when} desde que se planeó este cambio; se conserva esa fecha.`,
  dateTooFar: (f: string, latest: string) =>
    `La fecha más tardía posible para «${f}» es el ${latest}; elija una anterior.`,
  alreadyAssigned: 'El ticket ya está asignado a esa persona.',
  /** L3-07: «Reasignar sus tickets»: a ticket handed to someone else meanwhile stays with them. */
  assigneeChanged: 'Mientras tanto el ticket pasó a otra persona; sigue con ella.',
  /** L3-07: «Reasignar sus tickets» to the agent who holds them. */
  sameUser: 'Elija a otro agente: los tickets ya son de esa persona.',
  requestIdReused: 'Esta solicitud ya se usó para otra acción; vuelva a intentarlo.',
  internalNoteStaffOnly: 'Solo el personal del proveedor puede agregar notas internas.',
  agentRequired: 'Un problema necesita un agente asignado.',
  noAdminAction: 'Primero registre la acción administrativa ejecutada.',
  ledgerRefused: 'El saldo de horas prepagadas no permite esta operación.',
  // L3-13: corrections of the hour ledger (`reverseHourEntry`, `adjustHours`).
  notReversible:
    'Este movimiento no se puede revertir: solo una compra, un ajuste o un consumo, una vez (las reservas siguen a su estimación).',
  alreadyReversed: 'Este movimiento ya se revirtió; actualice el historial para ver su reversión.',
  /** L3-12, L3-13: an agent cancels only the time entries they logged. */
  notYourTimeEntry: 'Solo quien registró estas horas, o un gerente, puede anularlas.',
  idempotencyKeyReused:
    'Esta operación ya se registró con otros datos; revise el historial de horas antes de volver a intentarlo.',
  /** L3-11 files on tickets: `name` is the file's name, sizes already formatted. */
  attachments: {
    tooLarge: (name: string, max: string) =>
      name
        ? `«${name}» pesa más de ${max}, el máximo por archivo.`
        : `El archivo pesa más de ${max}, el máximo por archivo.`,
    typeNotAllowed: (name: string, allowed: string) =>
      `No se aceptan archivos como «${name}». Tipos permitidos: ${allowed}.`,
    contentMismatch: (name: string, extension: string) =>
      `El contenido de «${name}» no corresponde a un archivo .${extension}.`,
    limit: (limit: string) => `El ticket ya tiene ${limit} archivos adjuntos, el máximo permitido.`,
    empty: (name: string) => `«${name}» está vacío.`,
    missing: 'Elija un archivo para adjuntar.',
    nameInvalid: 'El archivo necesita un nombre (por ejemplo, captura.png).',
    malformed: 'No se pudo leer el archivo enviado; vuelva a intentarlo.',
    notUploader: 'Solo quien adjuntó el archivo, o el personal del proveedor, puede eliminarlo.',
    internalStaffOnly: 'Solo el personal del proveedor puede adjuntar archivos internos.',
    internalInvalid: 'No se pudo saber si el archivo es interno; vuelva a intentarlo.',
    forCommentInvalid: 'No se pudo saber si el archivo va con un comentario; vuelva a intentarlo.',
    /** L3-11: a file a comment names that it cannot carry. */
    commentFileNotFound:
      'Uno de los archivos del comentario ya no está en el ticket; quítelo y vuelva a enviar.',
    commentFileNotYours: 'Un comentario lleva solo archivos que usted adjuntó.',
    commentFileDeleted: 'Uno de los archivos del comentario se eliminó; quítelo y vuelva a enviar.',
    commentFileNotInternal:
      'Una nota interna lleva solo archivos internos; el cliente vería este. Vuelva a enviarla.',
    commentFileInternal:
      'Una respuesta al cliente no puede llevar archivos internos; envíela como nota interna o quite el archivo.',
    deleted: (name: string, when: string) =>
      `${name ? `«${name}»` : 'El archivo'} se eliminó${when ? ` el ${when}` : ''}; ya no se puede descargar.`,
    rangeNotSatisfiable: (size: string) =>
      `No se pudo leer esa parte del archivo: pesa ${size}. Descárguelo completo.`,
  },
};

export type ServerErrorMessages = typeof serverErrorsEsMX;
