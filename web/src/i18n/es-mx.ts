import { wordClockTarget } from './clock-target';
import { consoleEsMX } from './console.es-mx';
import { textCountEsMX } from './text-count.es-mx';
import { zoneLabel, zoneTitle } from './zone-name';
import { participantsEsMX } from './participants.es-mx';
import { monthWords } from './month-words';
import { remoteSessionEsMX } from './remote-session.es-mx';
import { clientAnswerEsMX } from './client-answer.es-mx';
import { changeOrdersEsMX } from './change-orders.es-mx';
import { cannedResponsesEsMX } from './canned-responses.es-mx';
import { planningEsMX } from './planning.es-mx';
import { noChargeEsMX } from './no-charge.es-mx';
import { adminActionsEsMX } from './admin-actions.es-mx';
import { timeEntriesEsMX } from './time-entries.es-mx';
import { attachmentsEsMX } from './attachments.es-mx';
import { fileChooserEsMX } from './file-chooser.es-mx';
import { ticketPageEsMX } from './ticket-page.es-mx';
import { serverErrorsEsMX } from './server-errors.es-mx';
import { hoursLedgerEsMX } from './hours-ledger.es-mx';
import { satisfactionEsMX } from './satisfaction.es-mx';
import { ticketBrowserEsMX } from './ticket-browser.es-mx';
import { deadlineRecomputedEsMX } from './deadline-recomputed.es-mx';
import { endSentence } from './sentence';

/** Spanish (Mexico): the default language of every screen. `en.ts` mirrors these keys. */
export const esMX = {
  appName: 'Soporte L3',
  skipToContent: 'Saltar al contenido',
  loading: 'Cargando…',
  textCount: textCountEsMX,
  language: {
    label: 'Idioma',
    es: 'Español',
    en: 'English',
    /** QA S62 #10: signed in, the switch is the account's language, its emails' too (L3-11). */
    emailsFollow: 'Sus correos también llegarán en español.',
  },
  nav: {
    label: 'Principal',
    /** The phone's folded menu: its button, and the button naming the page you are on. */
    menu: 'Menú',
    menuAt: (page: string) => `Menú: ${page}`,
    myTickets: 'Mis tickets',
    /** Provider staff's list holds every client's tickets, not theirs. */
    tickets: 'Tickets',
    console: 'Consola',
    dashboard: 'Tablero SLA',
    deadlines: 'Calculadora de plazos',
    calendars: 'Calendarios',
    users: 'Usuarios',
    myHours: 'Mis horas',
    queue: 'Cola',
    checkpoints: 'Puntos de control',
    contracts: 'Contratos y horas',
    outbox: 'Correo saliente',
    login: 'Iniciar sesión',
    cannedResponses: 'Respuestas',
  },
  header: {
    signedInAs: (name: string, org: string) => `${name}, ${org}`,
    logout: 'Cerrar sesión',
    confirmLogoutUnsent:
      'Tiene texto sin enviar en esta página. Al cerrar sesión se descarta. ¿Cerrar sesión de todos modos?',
  },
  footer: {
    label: 'Pie de página',
    /** L3-20: the portal links the agreement that governs the use of Odoo. */
    enterpriseAgreement: 'Uso del software sujeto al Odoo Enterprise Agreement',
  },
  login: {
    title: 'Iniciar sesión',
    intro: 'Entre con el correo y la contraseña que le dio su proveedor de soporte.',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Entrar',
    submitting: 'Entrando…',
    wrongCredentials:
      'El correo o la contraseña no son correctos, o la cuenta está desactivada. Revíselos e inténtelo de nuevo.',
    sessionExpired: 'Su sesión terminó. Vuelva a iniciar sesión.',
    /** QA S60 #11: why the session ended, when the server said (`endedBecause`). */
    sessionEndedBecause: {
      PASSWORD_CHANGED:
        'Su sesión terminó porque la contraseña de su cuenta se cambió en otra sesión. Entre con la contraseña nueva.',
      PASSWORD_RESET:
        'Su sesión terminó porque la contraseña de su cuenta se restableció. Entre con la contraseña nueva.',
      DEACTIVATED:
        'Su sesión terminó porque su cuenta fue desactivada. Si cree que es un error, consulte al administrador del portal.',
      ROLES_REMOVED:
        'Su sesión terminó porque cambiaron los permisos de su cuenta. Vuelva a iniciar sesión.',
    } as Readonly<Record<string, string>>,
    publicCalculator: '¿Solo quiere calcular un plazo? Use la calculadora de plazos.',
  },
  placeholder: {
    comingSoon: 'Muy pronto',
    myTickets:
      'Aquí podrá registrar tickets y seguir sus plazos. Esta sección llega en la próxima versión.',
    console:
      'Aquí verá la cola de tickets, sus relojes de SLA y las alertas. Esta sección llega en la próxima versión.',
  },
  forbidden: {
    title: 'Sin permiso',
    body: 'Su cuenta no tiene permiso para ver esta página.',
    back: 'Ir al inicio',
  },
  notFound: {
    title: 'Página no encontrada',
    body: 'La dirección no existe.',
  },
  deadline: {
    title: 'Calculadora de plazos',
    intro:
      '¿Por qué mi plazo vence en esa fecha? Escriba desde cuándo corre y cuánto tiempo hábil se cuenta; verá el vencimiento y cada día que se saltó.',
    calendar: 'Calendario',
    defaultCalendar: 'Calendario predeterminado',
    from: 'Desde (hora local)',
    // QA: the zone in words with its offset, never its IANA code (zone-name.ts).
    fromHint: (zone: string) => `Fecha y hora según la ${zoneLabel(zone, 'es-MX')}.`,
    amount: 'Cantidad',
    unit: 'Unidad',
    units: {
      BUSINESS_MINUTES: 'minutos hábiles',
      BUSINESS_HOURS: 'horas hábiles',
      BUSINESS_DAYS: 'días hábiles',
    },
    // QA S57: 1.5 horas is asked as 90 minutos; 1.33 horas is no whole number of minutes.
    // QA S58: «1e1» read as a fraction of minutes; it is no number a person writes.
    notANumber: (field: string) => `«${field}» debe ser un número como 8 o 1.5.`,
    wholeMinutes: (field: string) =>
      `«${field}» en horas debe dar minutos enteros: por ejemplo, 1.5 horas son 90 minutos.`,
    submit: 'Calcular plazo',
    submitting: 'Calculando…',
    resultTitle: 'Vencimiento',
    dueLocal: (zone: string) => zoneTitle(zone, 'es-MX'),
    dueUtc: 'En UTC',
    dueYours: (zone: string) => `En su zona: ${zoneLabel(zone, 'es-MX')}`,
    clockStart: 'El reloj empieza a contar',
    version: (name: string, version: number) => `${name}, versión ${version}`,
    calendarUsed: 'Calendario usado',
    explanation: 'Cómo se calculó',
    // QA: the form changed after «Calcular plazo»; the result shown is the earlier question's.
    stale:
      'Cambió los datos del formulario: este vencimiento es del cálculo anterior. Pulse «Calcular plazo» para actualizarlo.',
  },
  calendars: {
    title: 'Calendarios',
    intro:
      'Horario laboral, días festivos y excepciones con los que se cuentan los plazos. Cada cambio crea una versión nueva.',
    name: 'Nombre',
    timeZone: 'Zona horaria',
    organization: 'Organización',
    version: 'Versión',
    default: 'Predeterminado',
    allClients: 'Todos los clientes',
    open: (name: string) => `Ver ${name}`,
    empty: 'No hay calendarios.',
    back: 'Volver a calendarios',
    versionBadge: (v: number) => `Versión ${v}`,
    weekly: 'Horario semanal',
    weekday: 'Día',
    hours: 'Horario',
    closed: 'Cerrado',
    sources: 'Días festivos generados por reglas',
    noSources: 'Ninguno: solo cuentan los días festivos capturados.',
    lft74: 'Días de descanso obligatorio de la LFT (art. 74)',
    lft74On: 'incluidos en este calendario.',
    lft74Off: 'no incluidos en este calendario.',
    lft74Enable: 'Incluir días de la LFT art. 74',
    lft74Disable: 'Quitar días de la LFT art. 74',
    holidays: 'Días festivos',
    year: 'Año',
    date: 'Fecha',
    holidayName: 'Nombre',
    source: 'Origen',
    sourceNames: {
      MX_LFT_74: 'LFT art. 74',
      ELECTION: 'Elección',
      BANK: 'Bancario',
      CLIENT: 'Cliente',
      OTHER: 'Otro',
    } as Record<string, string>,
    noHolidays: 'No hay días festivos en este año.',
    remove: 'Quitar',
    removeHoliday: (date: string) => `Quitar el festivo del ${date}`,
    addHoliday: 'Agregar día festivo',
    add: 'Agregar',
    holidayAdded: (date: string) => `Día festivo del ${date} agregado.`,
    holidayRemoved: (date: string) => `Día festivo del ${date} quitado.`,
    overrides: 'Excepciones de horario',
    noOverrides: 'No hay excepciones.',
    reason: 'Motivo',
    removeOverride: (date: string) => `Quitar la excepción del ${date}`,
    setOverride: 'Definir excepción',
    overrideKind: 'Ese día',
    overrideClosed: 'Cerrado todo el día',
    overrideHours: 'Con horario especial',
    intervalStart: (n: number) => `Inicio del intervalo ${n}`,
    intervalEnd: (n: number) => `Fin del intervalo ${n}`,
    addInterval: 'Agregar intervalo',
    removeInterval: (n: number) => `Quitar intervalo ${n}`,
    save: 'Guardar',
    overrideSaved: (date: string) => `Excepción del ${date} guardada.`,
    overrideRemoved: (date: string) => `Excepción del ${date} quitada.`,
    lft74Saved: 'Cambio guardado.',
    versions: 'Historial de versiones',
    changedAt: 'Fecha del cambio',
    change: 'Cambio',
  },
  users: {
    title: 'Usuarios',
    intro: 'Cuentas del portal de clientes y del personal del proveedor.',
    readOnlyIntro:
      'Cuentas del portal de clientes y del personal del proveedor. Solo los administradores crean o cambian cuentas.',
    filter: 'Organización',
    allOrganizations: 'Todas',
    name: 'Nombre',
    email: 'Correo',
    organization: 'Organización',
    roles: 'Roles',
    status: 'Estado',
    active: 'Activo',
    inactive: 'Inactivo',
    activate: (name: string) => `Activar a ${name}`,
    deactivate: (name: string) => `Desactivar a ${name}`,
    activateShort: 'Activar',
    deactivateShort: 'Desactivar',
    empty: 'No hay usuarios.',
    create: 'Crear usuario',
    displayName: 'Nombre completo',
    locale: 'Idioma',
    timeZone: 'Zona horaria',
    password: 'Contraseña temporal',
    passwordHint: 'Mínimo 12 caracteres. Entréguela al usuario por un canal seguro.',
    passwordTooShort: 'La contraseña temporal debe tener al menos 12 caracteres.',
    rolesRequired: 'Elija al menos un rol.',
    created: (email: string) => `Usuario ${email} creado.`,
    roleNames: {
      CLIENT_USER: 'Usuario del portal',
      CLIENT_APPROVER: 'Aprobador de estimaciones',
      AGENT: 'Agente L3',
      MANAGER: 'Gerente',
      ADMIN: 'Administrador',
    } as Record<string, string>,
    localeNames: { ES_MX: 'Español (México)', EN: 'English' } as Record<string, string>,
  },
  tickets: {
    title: 'Mis tickets',
    /** Provider staff's title of the list (every client's tickets). */
    staffTitle: 'Tickets',
    intro: 'Los tickets de su organización, con su estado y el próximo plazo del SLA.',
    staffIntro: 'Los tickets que tiene asignados, con su estado y el próximo plazo del SLA.',
    number: 'Número',
    subject: 'Asunto',
    state: 'Estado',
    category: 'Categoría',
    sla: 'SLA',
    nextDeadline: 'Próximo plazo',
    registeredAt: 'Registrado',
    noDeadline: 'Sin plazo en curso',
    /** A deadline named by its clock (L3-06…L3-09): «Avance periódico · vence» 3 dic, 10:00 a.m. */
    clockDue: (clock: string) => `${clock} · vence`,
    /** Nothing runs but a clock's deadline passed and it is still owed: «Avance periódico · venció» 3 dic. */
    clockOverdue: (clock: string) => `${clock} · venció`,
    empty: 'No hay tickets.',
    open: (n: string) => `Abrir el ticket ${n}`,
    newTitle: 'Nuevo ticket',
    description: 'Descripción',
    chooseCategory: 'Elija una categoría',
    register: 'Registrar ticket',
    registering: 'Registrando…',
    registered: (n: string) => `Ticket ${n} registrado.`,
    triageDeadline: 'Plazo de atención inicial',
    goToTicket: (n: string) => `Ver el ticket ${n}`,
    /** QA S16: files chosen with the new ticket go up right after it is registered (L3-05, L3-11). */
    newFiles: 'Archivos (opcional)',
    newFilesHint:
      'Capturas de pantalla, bitácoras o documentos que ayuden a entender el caso. Se adjuntan al registrar el ticket.',
    newFilesAttached: (count: number) =>
      count === 1 ? 'Se adjuntó 1 archivo.' : `Se adjuntaron ${count} archivos.`,
    newFileNotAttached: (name: string) =>
      `No se pudo adjuntar «${name}»; puede adjuntarlo desde el ticket.`,
    // QA S43: un archivo que el servidor rechazaría se dice al elegirlo, no tras registrar.
    newFilesRefused: 'Quite o cambie los archivos que no se aceptan antes de registrar el ticket.',
    /** QA S62 #1: the form came back with what was typed and not registered. */
    newRestored: 'Recuperamos el ticket que escribió y no registró.',
    /** …and the files chosen then, which a reload cannot keep. */
    newFilesLost: (names: string) =>
      `Los archivos elegidos no se conservan al recargar la página. Vuelva a adjuntar: ${names}.`,
    // QA: todo lo que falta, de una vez (cada campo lo dice también debajo de él).
    newProblems: 'Corrija lo siguiente antes de registrar el ticket:',
    hoursTitle: 'Horas prepagadas',
    hoursAvailable: 'Disponibles',
    // What the ticket's reserve still holds, not what was reserved (QA S22 F7: «Reservadas 3.5 h»
    // beside «Consumidas 2.5 h» read as two reservations).
    hoursReserved: 'Reserva por consumir',
    hoursConsumed: 'Consumidas',
    hoursDetails: 'Ver movimientos y estado de cuenta',
    hours: (h: number) => `${h.toLocaleString('es-MX')} h`,
    // L3-12, L3-13: cuánto de lo comprado ya se usó.
    hoursUsed: (used: number, purchased: number) =>
      `${used.toLocaleString('es-MX')} de ${purchased.toLocaleString('es-MX')} h usadas`,
    categories: {
      QUESTION: 'Consulta',
      INCIDENT: 'Incidente',
      CONFIGURATION: 'Configuración',
      DEVELOPMENT: 'Desarrollo',
      TRAINING: 'Capacitación',
      ADMIN_ACTION: 'Acción administrativa (odoo.sh)',
    } as Record<string, string>,
    states: {
      REGISTERED: 'Registrado',
      INFO_REQUESTED: 'Información solicitada',
      REMOTE_SESSION_PROPOSED: 'Sesión remota propuesta',
      IN_ANALYSIS: 'En análisis',
      WAITING_ON_CLIENT: 'Esperando al cliente',
      RESOLVED: 'Resuelto',
      IN_DIAGNOSIS: 'En diagnóstico',
      ESTIMATE_SUBMITTED: 'Estimación enviada',
      SCHEDULING: 'En programación',
      RELEASE_DATE_SET: 'Fecha de entrega definida',
      IN_DEVELOPMENT: 'En desarrollo',
      RELEASED_FOR_TESTING: 'Liberado para pruebas',
      CLOSED: 'Cerrado',
      OUT_OF_SCOPE: 'Fuera de alcance',
      NOT_FEASIBLE: 'No factible',
      CANCELLED: 'Cancelado',
    } as Record<string, string>,
    /**
     * A state as its client reads it, where `states` speaks of the client in the third person
     * (the client read «Esperando al cliente» about themself): `stateText`.
     */
    /**
     * QA S62 #2 (L3-06): REMOTE_SESSION_PROPOSED once the client confirmed it, while the session
     * is pending (`Ticket.confirmedRemoteSessionAt`).
     */
    remoteSessionConfirmedState: 'Sesión remota confirmada',
    clientStates: {
      WAITING_ON_CLIENT: 'Esperando su respuesta',
      // «En programación» reads as «being programmed» to a client: the authorized work waits
      // for its release date (L3-08).
      SCHEDULING: 'Autorizado, fecha de entrega por definir',
    } as Record<string, string>,
    slaStatus: {
      ok: 'En tiempo',
      at_risk: 'En riesgo',
      breached: 'Vencido',
    } as Record<string, string>,
    /** An ended ticket's SLA (QA S57): every clock met, or one breached. */
    slaOutcome: { met: 'Cumplido', missed: 'Incumplido' },
    clockKinds: {
      // QA S65 #6: the contract's word («serán atendidos», L3-06), as clients and emails read it.
      triage: 'Atención inicial',
      diagnosis: 'Diagnóstico',
      scheduling: 'Programación',
      progress: 'Avance periódico',
    } as Record<string, string>,
    /**
     * A clock as its client reads it (`clockKindText`), in the words of their emails («plazo de
     * atención», «fecha de entrega para pruebas»), where staff's are the helpdesk's jargon.
     */
    clientClockKinds: {
      triage: 'Atención inicial',
      diagnosis: 'Diagnóstico y estimación',
      // QA S43: the deadline to announce the date, not the delivery («Fecha de entrega para
      // pruebas · vence 8 dic» read as delivery on 8 Dec).
      scheduling: 'Aviso de la fecha de entrega',
    } as Record<string, string>,
    clockStatus: {
      RUNNING: 'Corriendo',
      PAUSED: 'En pausa',
      MET: 'Cumplido',
      BREACHED: 'Vencido',
      STOPPED: 'Detenido',
    } as Record<string, string>,
    classifications: { PROBLEM: 'Problema', REQUIREMENT: 'Requerimiento' } as Record<
      string,
      string
    >,
    requirementKinds: {
      DEVELOPMENT: 'Desarrollo',
      CONFIGURATION: 'Configuración',
      CHANGE: 'Cambio',
      TRAINING: 'Capacitación',
      OTHER: 'Otro',
    } as Record<string, string>,
    estimateStatus: {
      SUBMITTED: 'Enviada',
      AUTHORIZED: 'Autorizada',
      REJECTED: 'Rechazada',
      REESTIMATE_REQUESTED: 'Reestimación solicitada',
      WITHDRAWN: 'Retirada',
    } as Record<string, string>,
    adminActionKinds: {
      BACKUP: 'Respaldo',
      RESTORE: 'Restauración',
      BRANCH_CONFIGURATION: 'Configuración de rama',
      OTHER: 'Otra',
    } as Record<string, string>,
    events: {
      ...changeOrdersEsMX.events,
      ...clientAnswerEsMX.events,
      ...remoteSessionEsMX.events,
      registered: 'Ticket registrado',
      requestInfo: 'Información solicitada',
      proposeRemoteSession: 'Sesión remota propuesta',
      provideInfo: 'Información entregada',
      classify: 'Ticket clasificado',
      ASSIGNED: 'Asignado a un agente',
      reassign: 'Ticket reasignado',
      /** QA S65 #4: a `reassign` with no previous agent (the ticket's first). */
      reassignFirst: 'Ticket asignado',
      addProgress: 'Avance registrado',
      waitOnClient: 'En espera del cliente',
      clientReplied: 'El cliente respondió',
      resolve: 'Resuelto',
      confirmResolution: 'Solución confirmada',
      reopen: 'Reabierto',
      declareOutOfScope: 'Declarado fuera de alcance',
      declareNotFeasible: 'Declarado no factible',
      submitEstimate: 'Estimación enviada',
      authorizeEstimate: 'Estimación autorizada',
      rejectEstimate: 'Estimación rechazada',
      requestReestimate: 'Reestimación solicitada',
      setReleaseDate: 'Fecha de entrega definida',
      startDevelopment: 'Desarrollo iniciado',
      releaseForTesting: 'Liberado para pruebas',
      acceptDelivery: 'Entrega aceptada',
      reportFailures: 'Fallas reportadas',
      cancel: 'Cancelado',
      recordAdminAction: 'Acción administrativa registrada',
      closeAdminAction: 'Acción administrativa cerrada',
      CLOCK_STARTED: 'Reloj de SLA iniciado',
      CLOCK_PAUSED: 'Reloj de SLA en pausa',
      CLOCK_RESUMED: 'Reloj de SLA reanudado',
      CLOCK_RECOMPUTED: 'Plazo recalculado',
      CLOCK_AT_RISK: 'SLA en riesgo',
      CLOCK_BREACHED: 'SLA vencido',
      CLOCK_ENDED: 'Reloj de SLA terminado',
      CLOCK_MET: 'SLA cumplido',
      // A clock met and started again at once (`clockRestarts`): one line, not two.
      SLA_RESTARTED: 'SLA cumplido y reiniciado',
      CLOCK_STOPPED: 'Reloj de SLA detenido',
      comment: 'Comentario',
      DATE_ADJUSTED: 'Fecha ajustada',
      ESTIMATE_REMINDER: 'Recordatorio de autorización',
      CHANGE_ORDER_REMINDER: 'Recordatorio: orden de cambio por autorizar',
      TESTING_REMINDER: 'Recordatorio: entrega en pruebas esperando revisión',
      AUTO_CLOSE_REMINDER: 'Recordatorio de cierre automático',
      AUTO_CLOSED: 'Cerrado automáticamente',
      SCHEDULE_RECOMPUTED: 'Recordatorio o cierre automático recalculado',
    } as Record<string, string>,
    /** L3-06: a deadline a calendar change moved (the old one is missing in early events). */
    deadlineRecomputed: (clock: string | null, from: string | null, to: string) =>
      `${clock ? `Plazo de ${clock}` : 'Plazo'} recalculado por un cambio en el calendario: ${
        from ? `del ${from} al ${to}` : `ahora vence el ${to}`
      }`,
    /** BUSINESS-TIME.md, L3-06: a deadline recomputed, naming the calendar change that moved it. */
    recomputed: deadlineRecomputedEsMX,
    /** L3-06: a clock resumed after a pause; `from` null when no earlier deadline is known. */
    /** L3-06…L3-09: a clock started, and when it falls due. */
    dueOn: (to: string) => `Vence el ${to}`,
    deadlineAfterPause: (from: string | null, to: string) =>
      from ? `El plazo pasó del ${from} al ${to}` : `Ahora vence el ${to}`,
    system: 'Sistema',
    back: 'Volver a mis tickets',
    clocks: 'Relojes de SLA',
    clockKind: 'Reloj',
    clockStatusLabel: 'Estado',
    deadline: 'Vence',
    remaining: 'Tiempo hábil restante',
    /** An ended clock: when it stopped counting (met, breached or stopped). */
    clockEndedAt: (at: string) => `Terminó: ${at}`,
    /** A running clock past its at-risk mark, as the ticket's SLA reads it. */
    clockAtRisk: 'En riesgo',
    /** A running clock outside business time now (a night, a weekend, a holiday): QA S51. */
    clockOffHours: 'Fuera de horario hábil',
    countsFrom: (at: string) => `Cuenta desde el ${at}`,
    /**
     * A deadline in the ticket's calendar's zone when the reader's differs (QA S59): for staff the
     * client's working hours, for the client its calendar's. `zone`: «hora estándar de Japón, UTC+9».
     */
    deadlineInCalendarZone: (at: string, zone: string, client: boolean) =>
      client ? `Hora de su empresa (${zone}): ${at}` : `Para el cliente (${zone}): ${at}`,
    noClocks: 'Este ticket no tiene relojes de SLA.',
    /**
     * The clock's target in the UI language: the API's "480 business minutes" is «8 horas
     * hábiles», as the contract says it (L3-06, L3-07); whole hours are never shown as minutes.
     */
    target: (target: string) =>
      wordClockTarget(target, 'es-MX', {
        minutes: ['minuto hábil', 'minutos hábiles'],
        hours: ['hora hábil', 'horas hábiles'],
        days: ['día hábil', 'días hábiles'],
      }),
    timeline: 'Historial',
    eventAt: 'Cuándo',
    event: 'Evento',
    actor: 'Quién',
    estimates: 'Estimaciones',
    version: 'Versión',
    scope: 'Alcance',
    estimateHours: 'Horas',
    submittedAt: 'Enviada',
    noEstimates: 'Aún no hay estimaciones.',
    authorizations: 'Autorizaciones por escrito',
    authorizedVersion: (v: number, at: string) => `Estimación v${v}, autorizada el ${at}`,
    classification: 'Clasificación',
    releaseDate: 'Fecha de entrega',
    remoteSession: 'Sesión remota',
    autoClose: 'Cierre automático',
    autoCloseOn: (when: string) => `${when}, si no confirma la solución ni reabre el ticket`,
    autoCloseOnStaff: (when: string) =>
      `${when}, si el cliente no confirma la solución ni reabre el ticket`,
    actions: 'Acciones',
    actionsIntro: 'Lo que puede hacer ahora con este ticket.',
    noActions: 'No tiene acciones disponibles en este estado.',
    actionNames: {
      ...changeOrdersEsMX.actionNames,
      ...clientAnswerEsMX.actionNames,
      ...remoteSessionEsMX.actionNames,
      requestInfo: 'Pedir información al cliente',
      rateTicket: 'Calificar la atención',
      proposeRemoteSession: 'Proponer sesión remota',
      provideInfo: 'Entregar información',
      classify: 'Clasificar',
      reassign: 'Reasignar',
      addProgress: 'Registrar avance',
      waitOnClient: 'Pedir información al cliente',
      clientReplied: 'Responder',
      resolve: 'Resolver',
      confirmResolution: 'Confirmar solución',
      reopen: 'Reabrir',
      declareOutOfScope: 'Declarar fuera de alcance',
      declareNotFeasible: 'Declarar no factible',
      submitEstimate: 'Enviar estimación',
      authorizeEstimate: 'Autorizar estimación',
      rejectEstimate: 'Rechazar estimación',
      requestReestimate: 'Pedir reestimación',
      setReleaseDate: 'Definir fecha de entrega',
      startDevelopment: 'Iniciar desarrollo',
      releaseForTesting: 'Liberar para pruebas',
      acceptDelivery: 'Aceptar entrega',
      reportFailures: 'Reportar fallas',
      cancel: 'Cancelar ticket',
      recordAdminAction: 'Registrar acción administrativa',
      closeAdminAction: 'Cerrar acción administrativa',
    } as Record<string, string>,
    note: 'Nota',
    noteOptional: 'Nota (opcional)',
    at: 'Fecha y hora de la sesión',
    dateHint: (zone: string) => `${zoneTitle(zone, 'es-MX')}.`,
    classificationLabel: 'Tipo',
    requirementKind: 'Tipo de requerimiento',
    scopeLabel: 'Alcance (diagnóstico)',
    hoursLabel: 'Horas estimadas',
    estimateVersion: 'Estimación',
    estimateOption: (v: number, h: number) => `v${v}: ${h.toLocaleString('es-MX')} h`,
    statement: 'Autorización por escrito',
    statementHint: 'Obligatoria. Se guarda tal cual, como su autorización por escrito.',
    statementPlaceholder: 'Autorizo la estimación de … horas para …',
    authorizeHours: (h: number) =>
      `Se reservarán ${h.toLocaleString('es-MX')} h de sus horas prepagadas.`,
    // L3-18: a ticket marked «Sin cargo al paquete» holds no hours when authorized.
    authorizeNoCharge:
      'Este ticket es «Sin cargo al paquete»: autorizar no reserva ni cobra horas de su saldo.',
    // L3-12: configuration and development need an active package (hours only from adjustments
    // do not count); the form says so before the ledger refuses it.
    authorizeNoPackage: 'Por ahora no se puede autorizar esta estimación.',
    // What the estimate asks, where no hours would be reserved (no active package).
    estimateIsFor: (h: number) => `La estimación es de ${h.toLocaleString('es-MX')} h.`,
    balanceAfter: (h: number) =>
      `Horas disponibles después de autorizar: ${h.toLocaleString('es-MX')} h.`,
    shortfall: (h: number) =>
      `Faltan ${h.toLocaleString('es-MX')} h: el saldo no alcanza para autorizar esta estimación.`,
    // What the user may do instead: only the actions the ticket offers them (allowedActions).
    shortfallNext: (allowed: readonly string[]) =>
      [
        'Pida al equipo de soporte un paquete de horas adicional',
        allowed.includes('requestReestimate') && 'o una estimación menor con «Pedir reestimación»',
        allowed.includes('rejectChangeOrder') &&
          'o rechace la orden de cambio y el trabajo sigue dentro de las horas ya autorizadas',
      ]
        .filter(Boolean)
        .join(', ') + '.',
    approverNeeded: (changeOrder: boolean, allowed: readonly string[]) => {
      const can = [
        allowed.includes('requestReestimate') && 'pedir una nueva estimación',
        allowed.includes('cancel') && 'cancelar el ticket',
      ].filter(Boolean);
      return (
        (changeOrder
          ? 'Esta orden de cambio espera la autorización por escrito de un aprobador de su organización; mientras, el trabajo sigue dentro de las horas ya autorizadas.'
          : 'Esta estimación espera la autorización por escrito de un aprobador de su organización.') +
        (can.length > 0 ? ` Usted puede ${can.join(' o ')}.` : '')
      );
    },
    rejectExplain:
      'Rechazar no reserva horas: el equipo de soporte revisará el requerimiento y enviará otra estimación. Para dejar de trabajar en él, cancele el ticket.',
    reestimateExplain:
      'Pida una nueva estimación, por ejemplo con otro alcance; la actual deja de valer y no reserva horas.',
    cancelExplain:
      'Cancelar termina el ticket y no se puede deshacer. Las horas reservadas que no se usaron vuelven a su saldo; las ya registradas se quedan descontadas.',
    // QA S20: «Pedir información al cliente» names both asks; the notice says which clock stops
    // (triage in L3-06; progress or diagnosis pauses in L3-07, L3-08).
    requestInfoExplain:
      'El cliente recibe la nota por correo. El plazo de atención inicial queda cumplido; cuando el cliente entregue la información, empieza uno nuevo.',
    waitOnClientExplain: (clock: string) =>
      `El cliente recibe la nota por correo. El reloj «${clock}» se pausa hasta que responda: la espera no cuenta en el SLA.`,
    reason: 'Motivo',
    /** The one field of a rejection (QA S16: it asked «Motivo» and «Nota» for the same thing). */
    rejectReason: 'Motivo del rechazo',
    /** Under a rejected version or one sent back for re-estimation, in the estimates table. */
    decisionReason: (reason: string) => `Motivo: ${reason}`,
    decisionBy: (name: string | null, when: string) => (name ? `${name}, ${when}` : when),
    reasons: 'Motivos (uno por línea)',
    releaseDateLabel: 'Fecha y hora de entrega',
    releasePlan: (date: string, hoursPerDay: number) =>
      endSentence(
        `Según el plan de capacidad (${hoursPerDay} h por día hábil, en el orden de la cola del cliente), estaría lista el ${date}`,
      ),
    usePlannedDate: 'Usar la fecha del plan',
    releaseBeforePlan: (date: string) =>
      `Esta fecha es anterior a la del plan de capacidad (${date}): con el trabajo que tiene delante en la cola del cliente, podría no estar lista. Puede publicarla de todos modos.`,
    adminActionKind: 'Acción',
    adminDetails: 'Detalles',
    executedAt: 'Ejecutada (opcional, hora local)',
    submit: 'Enviar',
    sending: 'Enviando…',
    cancelForm: 'Cerrar formulario',
    done: (action: string, state: string) => `${action}: listo. Estado: ${state}.`,
    /**
     * Actions whose answer says what happens next instead of «<acción>: listo.» (QA S55: a
     * client declining a remote session read «Proponer otro horario / No puedo: listo.»).
     */
    doneSentences: { ...remoteSessionEsMX.done } as Partial<
      Record<string, (state: string) => string>
    >,
    retryNote:
      'No hubo respuesta del servidor. Al reintentar se envía la misma solicitud, así no se aplica dos veces.',
    required: (field: string) => `Complete el campo «${field}».`,
  },
  console: consoleEsMX,
  dashboard: {
    title: 'Tablero SLA',
    intro:
      'Relojes de SLA en curso, en riesgo y vencidos, al momento; cumplimiento por reloj, mes y cliente.',
    updated: (ago: string) => `Actualizado ${ago}`,
    refreshNow: 'Actualizar ahora',
    timers: 'Relojes en curso',
    atRisk: 'En riesgo',
    breached: 'Vencidos',
    compliance: (month: string) => `Cumplimiento de ${month}`,
    met: 'Cumplidos',
    breachedCount: 'Vencidos',
    percent: 'Cumplimiento',
    noTimers: 'No hay relojes en curso.',
    noneAtRisk: 'Ningún reloj en riesgo.',
    noneBreached: 'Ningún reloj vencido.',
    // With a client or clock filter on, an empty list says it is empty for those filters only.
    noTimersFiltered: 'No hay relojes en curso con los filtros elegidos.',
    noneAtRiskFiltered: 'Ningún reloj en riesgo con los filtros elegidos.',
    noneBreachedFiltered: 'Ningún reloj vencido con los filtros elegidos.',
    noCompliance: 'Aún no terminó ningún reloj este mes.',
    ticket: 'Ticket',
    complianceTitle: 'Cumplimiento del SLA',
    complianceIntro: (months: number) =>
      `Porcentaje de relojes terminados a tiempo en los últimos ${months} meses (cada reloj cuenta en el mes en que terminó, en la zona horaria del calendario de su cliente).`,
    complianceFiltered: 'Solo del cliente y el reloj elegidos en los filtros del tablero.',
    byClock: 'Por reloj',
    byMonth: 'Por mes',
    byClient: 'Por cliente',
    month: 'Mes',
    client: 'Cliente',
    noData: 'Sin relojes terminados',
    // S17-E: each list says how many there are, and which ones a partial page shows.
    total: (title: string, total: number) => `${title} (${total.toLocaleString('es-MX')})`,
    shownOf: (shown: number, total: number, breaches: boolean) =>
      `Se muestran ${shown.toLocaleString('es-MX')} de ${total.toLocaleString('es-MX')}, ${breaches ? 'los vencidos más recientes' : 'los más próximos a vencer'}`,
    showMore: 'Mostrar más',
    pageCap: (max: number) =>
      `El tablero muestra hasta ${max.toLocaleString('es-MX')} por lista: filtre por cliente o reloj para ver el resto.`,
    filters: 'Filtros del tablero',
    allClients: 'Todos los clientes',
    allClocks: 'Todos los relojes',
  },
  live: {
    live: 'En vivo',
    connecting: 'Conectando…',
    offline: 'Sin conexión en vivo: se actualiza cada 15 s',
  },
  contracts: {
    title: 'Contratos y horas',
    intro:
      'Póliza de soporte de cada cliente, paquetes de horas prepagadas que no caducan, saldo, movimientos y estado de cuenta mensual.',
    client: 'Cliente',
    noClients: 'No hay clientes.',
    clientTitle: 'Mis horas',
    // L3-12, L3-13: under the warning (10 % of the hours bought, at least 5 h).
    lowBalanceNotice: (available: number, threshold: number) =>
      `Le quedan ${available.toLocaleString('es-MX')} h disponibles, menos del aviso de ${threshold.toLocaleString('es-MX')} h. Pida al equipo de soporte un paquete de horas adicional para que sus próximas estimaciones puedan autorizarse; las horas no caducan.`,
    clientIntro:
      'Sus horas prepagadas (no caducan), lo que está reservado por estimaciones autorizadas, cada movimiento y el estado de cuenta de cada mes.',
    policyTitle: 'Póliza de soporte',
    noPolicy: 'Este cliente aún no tiene póliza: no puede registrar tickets.',
    status: 'Estado',
    policyStatus: { ACTIVE: 'Activa', SUSPENDED: 'Suspendida', ENDED: 'Terminada' } as Record<
      string,
      string
    >,
    monthlyFee: 'Cuota mensual',
    currency: 'Moneda',
    startDate: 'Inicio',
    registration: 'Registro de tickets',
    canRegister: 'Permitido',
    cannotRegister: 'No permitido',
    odooAdmin: 'Usuario administrador de Odoo',
    odooAdminMissing: 'Falta confirmarlo',
    history: (n: number) => `Historial de la póliza (${n})`,
    eventKinds: {
      CREATED: 'Póliza creada',
      TERMS_CHANGED: 'Condiciones cambiadas',
      STATUS_CHANGED: 'Estado cambiado',
      ODOO_ADMIN_RECORDED: 'Usuario de Odoo registrado',
    } as Record<string, string>,
    changeStatus: 'Cambiar estado',
    newStatus: 'Nuevo estado',
    reason: 'Motivo',
    reasonOptional: 'Motivo del cambio (opcional)',
    saveStatus: 'Cambiar estado',
    statusSaved: (status: string) => `Estado de la póliza: ${status}.`,
    // Asked before suspending or ending: what the server then refuses (SupportPoliciesService:
    // registering tickets; an estimate's authorization, whose hours' reservation the ledger
    // refuses with NO_ACTIVE_POLICY), and what it leaves alone.
    statusConfirmTitle: (status: 'SUSPENDED' | 'ENDED'): string =>
      status === 'SUSPENDED' ? '¿Suspender la póliza?' : '¿Terminar la póliza?',
    statusConfirmImpact: (status: 'SUSPENDED' | 'ENDED') =>
      `${status === 'SUSPENDED' ? 'Mientras esté suspendida' : 'Hasta que se renueve (estado Activa)'}, el cliente no podrá registrar tickets nuevos ni autorizar estimaciones (se le muestra el motivo). Los tickets ya abiertos y sus relojes del SLA siguen igual.`,
    statusConfirmYes: (status: 'SUSPENDED' | 'ENDED'): string =>
      status === 'SUSPENDED' ? 'Suspender la póliza' : 'Terminar la póliza',
    statusConfirmNo: 'Cancelar',
    changeTerms: 'Cambiar condiciones',
    createPolicy: 'Crear póliza',
    saveTerms: 'Guardar condiciones',
    termsSaved: 'Condiciones guardadas.',
    progressCadence: 'Cadencia de avances (horas hábiles)',
    progressCadenceValue: (hours: string, isDefault: boolean) =>
      `Cada ${hours} h hábiles${isDefault ? ' (predeterminada)' : ''}`,
    progressCadenceTitle: 'Cadencia de avances',
    progressCadenceHelp:
      'Cada cuántas horas hábiles recibe este cliente un avance de sus problemas: de 1 a 80 horas; una fracción debe dar minutos enteros (p. ej. 1.5 = 1 h 30 min). Aplica a los tickets que se registren desde ahora; los abiertos conservan la suya.',
    progressCadenceUseDefault: 'Usar la predeterminada (8 h hábiles)',
    saveCadence: 'Guardar cadencia',
    cadenceSaved: (hours: string) => `Cadencia de avances: cada ${hours} h hábiles.`,
    cadenceInvalid:
      'Escriba de 1 a 80 horas hábiles; una fracción debe dar minutos enteros (p. ej. 4 o 1.5 = 1 h 30 min).',
    addPackage: 'Agregar paquete de horas',
    packageIntro: 'Horas compradas por el cliente; se suman a su saldo y no caducan.',
    packageHours: 'Horas',
    price: 'Precio',
    purchasedOn: 'Fecha de compra',
    reference: 'Referencia (factura u orden)',
    addPackageButton: 'Agregar paquete',
    adding: 'Agregando…',
    packageAdded: (hours: number, reference: string) =>
      `Paquete de ${hours.toLocaleString('es-MX')} h agregado (${reference}).`,
    hoursInvalid: 'Las horas deben ser mayores que cero, con dos decimales como máximo.',
    priceInvalid: 'Escriba el precio (cero o más).',
    purchasedOnFuture:
      'La fecha de compra no puede ser posterior a hoy: el paquete cuenta en el saldo desde que se registra.',
    balanceTitle: 'Saldo de horas',
    // The all-time figures and list, not one month's (QA S18: «Horas compradas 0 h» of the
    // month's statement read as contradicting a purchase listed here).
    purchased: 'Compradas en total',
    adjustments: 'Ajustes',
    balance: 'Saldo',
    reservations: 'Reservas de estimaciones autorizadas',
    ledger: 'Todos los movimientos',
    ledgerScope:
      'De todos los meses, el más reciente primero. El estado de cuenta mensual cuenta solo los del mes que elija.',
    noLedger: 'Aún no hay movimientos.',
    date: 'Fecha',
    entryKind: 'Movimiento',
    hours: 'Horas',
    availableAfter: 'Disponibles después',
    entryKinds: {
      PURCHASE: 'Compra',
      RESERVATION: 'Reserva',
      RESERVATION_RELEASE: 'Reserva liberada',
      CONSUMPTION: 'Consumo',
      ADJUSTMENT: 'Ajuste',
      REVERSAL: 'Reverso',
    } as Record<string, string>,
    // «1 de 1 movimientos» read wrong (QA S14-F): one movement, all of them, or some of them.
    ledgerCount: (shown: number, total: number) =>
      shown < total
        ? `Se muestran ${shown} de ${total} movimientos.`
        : total === 1
          ? '1 movimiento.'
          : `Se muestran los ${total} movimientos.`,
    showMore: 'Mostrar más',
    statementTitle: 'Estado de cuenta mensual',
    month: 'Mes',
    // The month in words («enero de 2026»), not its code «2026-01» (QA S14-F).
    downloadCsv: (month: string) => `Descargar CSV de ${monthWords(month, 'es-MX')}`,
    hoursPurchased: 'Horas compradas',
    hoursConsumedMonth: 'Horas consumidas',
    hoursWaived: 'Horas sin cargo',
    hoursLogged: 'Registradas',
    hoursCharged: 'Cobradas',
    statementFigures: (month: string) => `Cifras de ${monthWords(month, 'es-MX')}`,
    noTicketHours: (month: string) =>
      `No se registraron horas en tickets en ${monthWords(month, 'es-MX')}.`,
    openingBalance: 'Saldo inicial',
    closingBalance: 'Saldo final',
    hoursAdjusted: 'Ajustes del mes',
    movementsTitle: (month: string) =>
      `Compras, ajustes y correcciones de ${monthWords(month, 'es-MX')}`,
    noMovements: (month: string) =>
      `Sin compras, ajustes ni correcciones en ${monthWords(month, 'es-MX')}.`,
    movementReason: 'Motivo',
    // L3-03: lo que costó el paquete comprado (o se devuelve al revertir la compra).
    movementAmount: 'Importe',
    movementBy: 'Realizado por',
    movementSystem: 'Sistema',
    balanceAddsUp: (
      opening: string,
      purchased: string,
      consumed: string,
      adjusted: string,
      closing: string,
    ) =>
      `Saldo inicial ${opening} + compradas ${purchased} − consumidas ${consumed} + ajustes (${adjusted}) = saldo final ${closing}.`,
  },
  outbox: {
    title: 'Correo saliente',
    intro:
      'Cada correo que el sistema puso en cola, su estado y sus intentos. Un correo fallido se puede reintentar; si un intento anterior sí llegó, el correo del destinatario lo muestra una sola vez.',
    filter: 'Estado',
    allStatuses: 'Todos',
    statuses: {
      QUEUED: 'En cola',
      SENDING: 'Enviando',
      SENT: 'Enviado',
      FAILED: 'Fallido',
    } as Record<string, string>,
    subject: 'Asunto',
    recipient: 'Destinatario',
    status: 'Estado',
    attempts: 'Intentos',
    when: 'Fechas',
    created: 'Creado',
    sent: 'Enviado',
    next: 'Próximo intento',
    actions: 'Acciones',
    retry: 'Reintentar',
    retryLabel: (subject: string, to: string) => `Reintentar «${subject}» para ${to}`,
    retried: (subject: string) => `«${subject}» está otra vez en cola.`,
    empty: 'No hay correos.',
    filters: 'Buscar correos',
    ticket: 'Ticket',
    recipientFilter: 'Destinatario',
    recipientHint: 'Una parte de la dirección, p. ej. usuario@ o @aurora.example.',
    from: 'Desde',
    to: 'Hasta',
    datesHint: (zone: string) => `Días completos, en su zona: ${zoneLabel(zone, 'es-MX')}.`,
    search: 'Buscar',
    clear: 'Quitar filtros',
    ticketInvalid: 'Escriba el número completo del ticket, p. ej. L3-2026-000123.',
    datesOutOfOrder: 'La fecha «Hasta» no puede ser anterior a «Desde».',
    noMatch: 'Ningún correo coincide con los filtros.',
    /** The list stops at `max`: older emails are found by filtering (QA S17, S18). */
    capNote: (max: number, filtered: boolean) =>
      filtered
        ? `Se muestran los ${max} correos más recientes que coinciden con los filtros. Para encontrar uno anterior, acote las fechas.`
        : `Se muestran los ${max} correos más recientes. Para encontrar uno anterior, busque por ticket, destinatario, fechas o estado.`,
    eventTypes: {
      TICKET_REGISTERED: 'Ticket registrado',
      INFO_REQUESTED: 'Información solicitada',
      REMOTE_SESSION_PROPOSED: 'Sesión remota propuesta',
      REMOTE_SESSION_CONFIRMED: 'Sesión remota confirmada',
      REMOTE_SESSION_CANCELLED: 'Sesión remota cancelada',
      REMOTE_SESSION_WITHDRAWN: 'Sesión remota retirada por el equipo',
      CLASSIFIED: 'Ticket clasificado',
      ASSIGNED: 'Asignado',
      PROGRESS_UPDATE: 'Avance',
      ESTIMATE_SUBMITTED: 'Estimación enviada',
      AUTHORIZATION_RECORDED: 'Autorización registrada',
      RELEASE_DATE_SET: 'Fecha de entrega',
      RELEASED_FOR_TESTING: 'Liberado para pruebas',
      FAILURES_REPORTED: 'Fallas reportadas en una entrega',
      RESOLVED: 'Resuelto',
      CLOSED: 'Cerrado',
      CANCELLED: 'Cancelado',
      DATE_ADJUSTED: 'Fecha ajustada',
      DEADLINE_MOVED: 'Fecha movida por el calendario',
      SLA_AT_RISK: 'SLA en riesgo',
      SLA_BREACHED: 'SLA vencido',
      INTERNAL_NOTE: 'Nota interna',
      ADMIN_ACTION_EXECUTED: 'Acción en odoo.sh realizada',
      DEVELOPMENT_STARTED: 'Desarrollo iniciado',
      ESTIMATE_REJECTED: 'Estimación rechazada',
      REESTIMATE_REQUESTED: 'Nueva estimación solicitada',
      ESTIMATE_REMINDER: 'Recordatorio de autorización',
      CHANGE_ORDER_REMINDER: 'Recordatorio de orden de cambio',
      TESTING_REMINDER: 'Recordatorio de entrega en pruebas',
      AUTO_CLOSE_REMINDER: 'Recordatorio de cierre automático',
      PROVIDER_NEW_TICKET: 'Nuevo ticket (aviso al proveedor)',
      PROVIDER_CLIENT_ACTIVITY: 'Actividad del cliente (aviso al proveedor)',
      PROVIDER_ASSIGNED: 'Ticket reasignado (aviso al agente)',
      PROVIDER_DELIVERY_AT_RISK: 'Entrega en riesgo (aviso al proveedor)',
      PROVIDER_RELEASE_ON_CLOSED_DAY: 'Entrega en día inhábil (aviso al proveedor)',
      COMMENT_ADDED: 'Comentario',
      CLIENT_ANSWER_RECORDED: 'Respuesta del cliente registrada por el equipo',
      ATTACHMENT_ADDED: 'Archivo adjunto',
      CHECKPOINT_AGENDA: 'Agenda del punto de control',
      CHECKPOINT_MOVED: 'Punto de control movido',
      CHECKPOINT_DECISIONS: 'Decisiones del punto de control',
      USER_INVITATION: 'Invitación al portal',
      PASSWORD_RESET: 'Restablecer contraseña',
      USER_PASSWORD_CHANGED: 'Contraseña cambiada',
      USER_EMAIL_CHANGED: 'Correo de la cuenta corregido',
      SATISFACTION_LOW: 'Calificación baja (aviso a gerentes)',
      SATISFACTION_REMINDER: 'Recordatorio para calificar la atención',
      TICKET_NO_CHARGE: 'Ticket sin cargo al paquete / vuelve a cobrarse',
      HOURS_CHANGED: 'Saldo de horas modificado: paquete, ajuste o reversión',
      HOURS_LOW_BALANCE: 'Saldo de horas bajo',
      PARTICIPANT_ADDED: 'Agregado como participante de un ticket',
    } as Record<string, string>,
  },
  planning: planningEsMX,
  timeEntries: timeEntriesEsMX,
  attachments: attachmentsEsMX,
  fileChooser: fileChooserEsMX,
  ticketPage: ticketPageEsMX,
  serverErrors: serverErrorsEsMX,
  hoursLedger: hoursLedgerEsMX,
  satisfaction: satisfactionEsMX,
  ticketBrowser: ticketBrowserEsMX,
  noCharge: noChargeEsMX,
  adminActions: adminActionsEsMX,
  changeOrders: changeOrdersEsMX,
  cannedResponses: cannedResponsesEsMX,
  clientAnswer: clientAnswerEsMX,
  remoteSession: remoteSessionEsMX,
  participants: participantsEsMX,
  errors: {
    NETWORK:
      'No hay conexión con el servidor. Revise su red o que el servicio esté en marcha e inténtelo de nuevo.',
    UNAUTHENTICATED: 'Su sesión terminó. Vuelva a iniciar sesión.',
    FORBIDDEN: 'Su cuenta no tiene permiso para hacer esto.',
    NOT_FOUND: 'No se encontró lo que busca; quizá alguien lo quitó.',
    VALIDATION_FAILED: 'Los datos no son válidos.',
    /** Above the words for the field when the server said which (QA S51, S52: it read robotic). */
    VALIDATION_WORDED: 'Revise lo siguiente:',
    CONFLICT: 'Ya existe un registro igual.',
    INVALID_TRANSITION: 'Esa acción no es posible en el estado actual.',
    RATE_LIMITED:
      'Demasiados intentos fallidos. Por seguridad, espere antes de volver a intentarlo.',
    retryIn: (seconds: number) =>
      seconds < 90
        ? `Podrá intentarlo de nuevo en ${seconds} segundos.`
        : `Podrá intentarlo de nuevo en ${Math.ceil(seconds / 60)} minutos.`,
    UNAVAILABLE:
      'El servicio no está disponible en este momento. Lo que escribió sigue aquí: inténtelo de nuevo en un momento.',
    INTERNAL: 'Ocurrió un error inesperado en el servidor.',
    detail: 'Detalle del servidor',
  },
};

export type Messages = typeof esMX;
