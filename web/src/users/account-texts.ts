import type { Language } from '../i18n/language';

/** Texts of user administration and password screens (L3-04), Spanish (Mexico) first. */
const accountEsMX = {
  edit: 'Editar',
  editUser: (name: string) => `Editar a ${name}`,
  editTitle: (email: string) => `Editar ${email}`,
  save: 'Guardar cambios',
  cancel: 'Cancelar',
  saved: (email: string) => `Cambios de ${email} guardados.`,
  sendReset: 'Enviar enlace de restablecimiento',
  sendResetShort: 'Enlace de contraseña',
  /** QA S63 #15: why «Enlace de contraseña» / «Reenviar invitación» is disabled. */
  activateFirst: 'Active la cuenta para enviarle un enlace.',
  // The visible text first (WCAG 2.5.3, label in name), then what it does.
  sendResetFor: (name: string) =>
    `Enlace de contraseña para ${name}: enviar un enlace para restablecer su contraseña`,
  resetSent: (email: string) =>
    `Enviamos a ${email} un enlace para elegir contraseña (vale 2 horas).`,
  invitationNote:
    'El usuario recibirá un correo con un enlace para elegir su contraseña (vale 72 horas).',
  invited: (email: string) => `Usuario ${email} creado; le enviamos su invitación por correo.`,
  ownAdminRole: 'No puede quitarse su propio rol de Administrador.',
  // L3-04: invitaciones pendientes y correos corregidos.
  invitationPending: 'Invitación pendiente',
  resendInvitation: 'Reenviar invitación',
  resendInvitationFor: (name: string) =>
    `Reenviar invitación a ${name}: enviar de nuevo el enlace para elegir su contraseña`,
  invitationResent: (email: string) =>
    `Enviamos de nuevo la invitación a ${email} (el enlace vale 72 horas; el anterior deja de servir).`,
  invitationJustSent: 'Acabamos de enviar una invitación a este usuario.',
  /** QA S55: «josé@…» was accepted, and its invitation could not be delivered. */
  emailAccented: (suggested: string) =>
    `Los correos no llevan acentos ni ñ antes de la @. ¿Quiso decir ${suggested}?`,
  emailHintActive:
    'Si corrige el correo, le avisamos en el correo nuevo. Sus sesiones abiertas siguen activas; desde ahora entra con el correo nuevo.',
  emailHintPending:
    'Si corrige el correo, le enviamos la invitación al correo nuevo; el enlace que recibió el correo anterior deja de servir.',
  emailChanged: (from: string, to: string) =>
    `El correo cambió de ${from} a ${to}; le avisamos en el correo nuevo.`,
  actions: 'Acciones',
  search: 'Buscar usuario',
  searchHint: 'Nombre o correo.',
  noMatch: (text: string) => `Ningún usuario coincide con «${text}».`,
  notPossible: 'No es posible hacer ese cambio.',
  confirmDeactivate: (name: string, email: string) => `¿Desactivar a ${name} (${email})?`,
  confirmDeactivateText:
    'Se cierra su sesión en todos sus dispositivos y no podrá entrar hasta que reactive la cuenta. Sus tickets y su historial se conservan.',
  deactivateYes: 'Sí, desactivar',
  // QA S62 #1, #2: what the deactivation leaves behind (UsersService.openTickets).
  countingOpenTickets: 'Contando sus tickets abiertos…',
  openRegistered: (n: number, approvers: number) =>
    approvers === 0
      ? `Registró ${n === 1 ? '1 ticket abierto' : `${n} tickets abiertos`} y su cliente no tiene aprobadores activos: mientras su cuenta esté inactiva, nadie en el cliente recibirá los correos de ${n === 1 ? 'ese ticket' : 'esos tickets'}.`
      : `Registró ${n === 1 ? '1 ticket abierto' : `${n} tickets abiertos`}: mientras su cuenta esté inactiva, los correos de ${n === 1 ? 'ese ticket' : 'esos tickets'} les llegan a los aprobadores de su cliente.`,
  openAssigned: (n: number) =>
    n === 1
      ? 'Tiene 1 ticket abierto asignado. Sigue a su nombre hasta que otro agente lo tome.'
      : `Tiene ${n} tickets abiertos asignados. Siguen a su nombre hasta que otro agente los tome.`,
  openAssignedLink: 'Ver sus tickets abiertos',
  // QA S63 #2, L3-06: remote sessions ahead on their tickets, confirmed (in their calendar: the
  // new agent gets the invitation as soon as the ticket is reassigned) and only proposed (the
  // invitation reaches the new agent when the client confirms). `proposed` > 0 or `confirmed` > 0.
  sessionsAhead: (confirmed: number, proposed: number) => {
    if (proposed === 0) {
      return confirmed === 1
        ? 'Tiene 1 sesión remota confirmada por delante con un cliente: al reasignar el ticket, la sesión pasa al nuevo agente, que recibe la invitación al momento.'
        : `Tiene ${confirmed} sesiones remotas confirmadas por delante con clientes: al reasignar sus tickets, cada sesión pasa al nuevo agente, que recibe la invitación al momento.`;
    }
    if (confirmed === 0) {
      return proposed === 1
        ? 'Tiene 1 sesión remota propuesta por delante con un cliente, que aún no la confirma: al reasignar el ticket, la sesión pasa al nuevo agente, que recibe la invitación cuando el cliente la confirme.'
        : `Tiene ${proposed} sesiones remotas propuestas por delante con clientes, que aún no las confirman: al reasignar sus tickets, cada sesión pasa al nuevo agente, que recibe la invitación cuando el cliente la confirme.`;
    }
    const confirmedPart =
      confirmed === 1
        ? '1 confirmada, cuya invitación recibe el nuevo agente al reasignar sus tickets'
        : `${confirmed} confirmadas, cuyas invitaciones recibe el nuevo agente al reasignar sus tickets`;
    const proposedPart =
      proposed === 1
        ? '1 propuesta que el cliente aún no confirma, cuya invitación le llega cuando la confirme'
        : `${proposed} propuestas que los clientes aún no confirman, cuyas invitaciones le llegan cuando las confirmen`;
    return `Tiene ${confirmed + proposed} sesiones remotas por delante con clientes: ${confirmedPart}, y ${proposedPart}.`;
  },
  lastActiveAgent:
    'Es el último agente activo del proveedor: nadie podrá tomar los tickets nuevos hasta que active o cree otro.',
  // L3-07: «Reasignar sus tickets» (reassignOpenTickets): every open ticket to one agent at once.
  reassignTickets: 'Reasignar sus tickets',
  reassignTicketsOf: (name: string) => `Reasignar los tickets abiertos de ${name}`,
  /** The row's button: its visible words first (WCAG 2.5.3), then whose. */
  reassignTicketsFor: (name: string) => `Reasignar sus tickets: los tickets abiertos de ${name}`,
  reassignCount: (n: number) =>
    n === 0
      ? 'No tiene tickets abiertos asignados.'
      : n === 1
        ? 'Tiene 1 ticket abierto asignado.'
        : `Tiene ${n} tickets abiertos asignados.`,
  reassignTo: 'Pasarlos a',
  reassignChoose: 'Elija un agente',
  reassignNoAgents: 'No hay otro agente activo a quien pasarlos.',
  reassignNoAgentsNext:
    'Active a un agente de esta lista o cree uno con «Crear usuario», y vuelva a «Reasignar sus tickets».',
  reassignHow:
    'Cada ticket se reasigna como desde su página: al nuevo agente le llega un correo por cada ticket; una sesión remota confirmada pasa a su calendario, y de una sesión solo propuesta le llega la invitación cuando el cliente la confirme. Al cliente no le llega ningún correo.',
  reassignNote: 'Nota para el equipo (opcional)',
  reassignNoteHint: 'Va en cada ticket y en el correo del agente; el cliente no la ve.',
  reassignSubmit: (n: number) => (n === 1 ? 'Reasignar 1 ticket' : `Reasignar ${n} tickets`),
  /** While the batches run (one reassignOpenTickets call each): tickets tried of those there were. */
  reassignProgress: (done: number, total: number) =>
    `Reasignando… ${done} de ${total === 1 ? '1 ticket' : `${total} tickets`}`,
  /** A whole call failed (the network, the server): the loop stopped; what moved stays moved. */
  reassignStopped: (n: number, name: string) =>
    n === 0
      ? 'La reasignación se detuvo por un error antes de reasignar ningún ticket.'
      : n === 1
        ? `La reasignación se detuvo por un error: antes se reasignó 1 ticket a ${name}.`
        : `La reasignación se detuvo por un error: antes se reasignaron ${n} tickets a ${name}.`,
  reassignMoved: (n: number, name: string) =>
    n === 0
      ? 'No se reasignó ningún ticket.'
      : n === 1
        ? `Se reasignó 1 ticket a ${name}.`
        : `Se reasignaron ${n} tickets a ${name}.`,
  reassignAlready: (n: number, name: string) =>
    n === 1 ? `1 ticket ya era de ${name}.` : `${n} tickets ya eran de ${name}.`,
  reassignFailed: (n: number) =>
    n === 1
      ? 'No se pudo reasignar 1 ticket; sigue a su nombre:'
      : `No se pudieron reasignar ${n} tickets; siguen a su nombre:`,
  reassignRetry: 'Puede intentarlo de nuevo: solo se reasigna lo que siga a su nombre.',
  close: 'Cerrar',
  // What the server did (UsersService.setActive): a deactivation ends the sessions, open live
  // connections included, and refuses logging in; a reactivation only lets them log in again.
  deactivated: (name: string, email: string) =>
    `Se desactivó a ${name} (${email}): sus sesiones se cerraron y ya no puede entrar.`,
  reactivated: (name: string, email: string) => `Se reactivó a ${name} (${email}).`,
  // /contrasena (public)
  setTitle: 'Elija su contraseña',
  setIntro: 'Escriba su nueva contraseña dos veces. El enlace sirve una sola vez.',
  newPassword: 'Contraseña nueva',
  repeatPassword: 'Repita la contraseña',
  passwordHint: 'Mínimo 12 caracteres.',
  tooShort: 'La contraseña debe tener al menos 12 caracteres.',
  mismatch: 'Las contraseñas no coinciden.',
  setSubmit: 'Guardar contraseña',
  setDone: 'Listo: su contraseña quedó guardada. Ya puede entrar.',
  goLogin: 'Ir a entrar',
  noToken: 'Este enlace está incompleto. Abra el enlace del correo completo.',
  linkInvalid:
    'Este enlace no es válido, ya se usó o venció. Pida uno nuevo con «¿Olvidó su contraseña?» en la página para iniciar sesión, o a su administrador.',
  // /olvide-contrasena (public): «¿Olvidó su contraseña?» under the login form
  forgotLink: '¿Olvidó su contraseña?',
  forgotTitle: 'Restablecer contraseña',
  forgotIntro:
    'Escriba el correo de su cuenta y le enviaremos un enlace para elegir una contraseña nueva.',
  forgotEmail: 'Correo electrónico',
  forgotSubmit: 'Enviar enlace',
  forgotSubmitting: 'Enviando…',
  forgotBadEmail: 'Escriba un correo electrónico válido, por ejemplo nombre@empresa.com.',
  forgotRateLimited: 'Pidió demasiados enlaces para este correo.',
  forgotSent: (email: string) =>
    `Si ${email} pertenece a una cuenta activa, le enviamos un correo con un enlace para elegir su contraseña. El enlace vale 2 horas y sirve una sola vez; si pide otro, el anterior deja de servir.`,
  forgotNoMail:
    '¿No le llegó? Revise su carpeta de correo no deseado o espere un minuto antes de pedirlo otra vez. Si su cuenta está desactivada, pida ayuda a su proveedor de soporte.',
  backToLogin: 'Volver a iniciar sesión',
  // Mi cuenta: the header's link and the page that holds the password, time zone and language
  accountLink: 'Mi cuenta',
  accountTitle: 'Mi cuenta',
  accountIntro:
    'Su contraseña y su zona horaria. El idioma se elige arriba (Español / English): se guarda en su cuenta y es también el de los correos que le enviamos.',
  // change my password
  changeTitle: 'Cambiar contraseña',
  currentPassword: 'Contraseña actual',
  changeSubmit: 'Cambiar contraseña',
  changed:
    'Su contraseña cambió. Úsela la próxima vez que entre; sus sesiones en otros dispositivos se cerraron.',
  wrongCurrent: 'La contraseña actual no es correcta.',
  // my time zone (L3-11: fechas de pantallas y correos)
  zoneTitle: 'Su zona horaria',
  zoneIntro: 'Las fechas de sus pantallas y de sus correos se muestran en esta zona horaria.',
  zoneLabel: 'Zona horaria',
  zoneSubmit: 'Guardar zona horaria',
  zoneSaved: 'Su zona horaria quedó guardada.',
};

export type AccountMessages = typeof accountEsMX;

const accountEn: AccountMessages = {
  edit: 'Edit',
  editUser: (name) => `Edit ${name}`,
  editTitle: (email) => `Edit ${email}`,
  save: 'Save changes',
  cancel: 'Cancel',
  saved: (email) => `Changes to ${email} saved.`,
  sendReset: 'Send reset link',
  sendResetShort: 'Password link',
  activateFirst: 'Activate the account to send it a link.',
  sendResetFor: (name) => `Password link for ${name}: send a link to reset their password`,
  resetSent: (email) => `We emailed ${email} a link to choose a password (valid 2 hours).`,
  invitationNote: 'The user gets an email with a link to choose their password (valid 72 hours).',
  invited: (email) => `User ${email} created; their invitation was emailed.`,
  ownAdminRole: 'You cannot remove your own Administrator role.',
  invitationPending: 'Invitation pending',
  resendInvitation: 'Resend invitation',
  resendInvitationFor: (name) =>
    `Resend invitation to ${name}: send the link to choose their password again`,
  invitationResent: (email) =>
    `We emailed the invitation to ${email} again (the link is valid 72 hours; the previous one stops working).`,
  invitationJustSent: 'An invitation was just sent to this user.',
  emailAccented: (suggested) =>
    `Email addresses have no accents before the @. Did you mean ${suggested}?`,
  emailHintActive:
    'If you correct the email, we tell them at the new address. Their open sessions keep working; from now on they sign in with the new email.',
  emailHintPending:
    'If you correct the email, we send the invitation to the new address; the link the old address received stops working.',
  emailChanged: (from, to) =>
    `The email changed from ${from} to ${to}; we told them at the new address.`,
  actions: 'Actions',
  search: 'Find a user',
  searchHint: 'Name or email.',
  noMatch: (text: string) => `No user matches “${text}”.`,
  notPossible: 'That change is not possible.',
  confirmDeactivate: (name, email) => `Deactivate ${name} (${email})?`,
  confirmDeactivateText:
    'They are signed out on every device and cannot sign in until the account is activated again. Their tickets and history are kept.',
  deactivateYes: 'Yes, deactivate',
  countingOpenTickets: 'Counting their open tickets…',
  openRegistered: (n, approvers) =>
    approvers === 0
      ? `They registered ${n === 1 ? '1 open ticket' : `${n} open tickets`} and their client has no active approvers: while they are inactive, nobody at the client gets ${n === 1 ? "that ticket's" : "those tickets'"} emails.`
      : `They registered ${n === 1 ? '1 open ticket' : `${n} open tickets`}: while they are inactive, ${n === 1 ? "that ticket's" : "those tickets'"} emails go to their client's approvers.`,
  openAssigned: (n) =>
    n === 1
      ? 'They have 1 open ticket assigned. It stays theirs until another agent takes it.'
      : `They have ${n} open tickets assigned. They stay theirs until another agent takes them.`,
  openAssignedLink: 'See their open tickets',
  sessionsAhead: (confirmed, proposed) => {
    if (proposed === 0) {
      return confirmed === 1
        ? 'They have 1 confirmed remote session ahead with a client: reassigning the ticket hands the session to the new agent, who gets the invitation at once.'
        : `They have ${confirmed} confirmed remote sessions ahead with clients: reassigning their tickets hands each session to the new agent, who gets the invitation at once.`;
    }
    if (confirmed === 0) {
      return proposed === 1
        ? 'They have 1 proposed remote session ahead with a client, who has not confirmed it yet: reassigning the ticket hands the session to the new agent, who gets the invitation when the client confirms it.'
        : `They have ${proposed} proposed remote sessions ahead with clients, who have not confirmed them yet: reassigning their tickets hands each session to the new agent, who gets the invitation when the client confirms it.`;
    }
    const confirmedPart =
      confirmed === 1
        ? '1 confirmed, whose invitation the new agent gets on reassigning their tickets'
        : `${confirmed} confirmed, whose invitations the new agent gets on reassigning their tickets`;
    const proposedPart =
      proposed === 1
        ? '1 proposed that the client has not confirmed yet, whose invitation reaches the new agent when the client confirms it'
        : `${proposed} proposed that the clients have not confirmed yet, whose invitations reach the new agent as the clients confirm them`;
    return `They have ${confirmed + proposed} remote sessions ahead with clients: ${confirmedPart}, and ${proposedPart}.`;
  },
  lastActiveAgent:
    "They are the provider's last active agent: nobody can take new tickets until you activate or create another.",
  reassignTickets: 'Reassign their tickets',
  reassignTicketsOf: (name) => `Reassign ${name}’s open tickets`,
  reassignTicketsFor: (name) => `Reassign their tickets: ${name}’s open tickets`,
  reassignCount: (n) =>
    n === 0
      ? 'They have no open tickets assigned.'
      : n === 1
        ? 'They have 1 open ticket assigned.'
        : `They have ${n} open tickets assigned.`,
  reassignTo: 'Hand them to',
  reassignChoose: 'Choose an agent',
  reassignNoAgents: 'There is no other active agent to hand them to.',
  reassignNoAgentsNext:
    'Activate an agent in this list or create one with “Create a user”, then come back to “Reassign their tickets”.',
  reassignHow:
    'Each ticket is reassigned as from its own page: the new agent gets one email per ticket; a confirmed remote session moves to their calendar, and for a session only proposed they get the invitation when the client confirms it. The client gets no email.',
  reassignNote: 'Note for the team (optional)',
  reassignNoteHint: "It goes on each ticket and in the agent's email; the client does not see it.",
  reassignSubmit: (n) => (n === 1 ? 'Reassign 1 ticket' : `Reassign ${n} tickets`),
  reassignProgress: (done, total) =>
    `Reassigning… ${done} of ${total === 1 ? '1 ticket' : `${total} tickets`}`,
  reassignStopped: (n, name) =>
    n === 0
      ? 'The reassignment stopped on an error before any ticket was reassigned.'
      : n === 1
        ? `The reassignment stopped on an error: 1 ticket had been reassigned to ${name}.`
        : `The reassignment stopped on an error: ${n} tickets had been reassigned to ${name}.`,
  reassignMoved: (n, name) =>
    n === 0
      ? 'No ticket was reassigned.'
      : n === 1
        ? `1 ticket was reassigned to ${name}.`
        : `${n} tickets were reassigned to ${name}.`,
  reassignAlready: (n, name) =>
    n === 1 ? `1 ticket was already ${name}’s.` : `${n} tickets were already ${name}’s.`,
  reassignFailed: (n) =>
    n === 1
      ? '1 ticket could not be reassigned; it stays theirs:'
      : `${n} tickets could not be reassigned; they stay theirs:`,
  reassignRetry: 'You can try again: only what is still theirs is reassigned.',
  close: 'Close',
  deactivated: (name, email) =>
    `Deactivated ${name} (${email}): their sessions were ended and they can no longer sign in.`,
  reactivated: (name, email) => `Reactivated ${name} (${email}).`,
  setTitle: 'Choose your password',
  setIntro: 'Type your new password twice. The link works once.',
  newPassword: 'New password',
  repeatPassword: 'Repeat the password',
  passwordHint: '12 characters or more.',
  tooShort: 'The password needs at least 12 characters.',
  mismatch: 'The passwords do not match.',
  setSubmit: 'Save password',
  setDone: 'Done: your password is saved. You can sign in now.',
  goLogin: 'Go to sign in',
  noToken: 'This link is incomplete. Open the whole link from the email.',
  linkInvalid:
    'This link is invalid, already used or expired. Ask for a new one with "Forgot your password?" on the sign-in page, or ask your administrator.',
  forgotLink: 'Forgot your password?',
  forgotTitle: 'Reset your password',
  forgotIntro: "Type your account's email and we will send you a link to choose a new password.",
  forgotEmail: 'Email',
  forgotSubmit: 'Send link',
  forgotSubmitting: 'Sending…',
  forgotBadEmail: 'Type a valid email address, for example name@company.com.',
  forgotRateLimited: 'You asked for too many links for this email.',
  forgotSent: (email: string) =>
    `If ${email} belongs to an active account, we sent it an email with a link to choose your password. The link works for 2 hours and only once; if you ask for another, the earlier one stops working.`,
  forgotNoMail:
    "Didn't get it? Check your spam folder, or wait a minute before asking again. If your account is deactivated, ask your support provider for help.",
  backToLogin: 'Back to sign in',
  accountLink: 'My account',
  accountTitle: 'My account',
  accountIntro:
    'Your password and your time zone. Choose the language at the top (Español / English): it is saved on your account and is also the language of the emails we send you.',
  changeTitle: 'Change password',
  currentPassword: 'Current password',
  changeSubmit: 'Change password',
  changed:
    'Your password changed. Use it next time you sign in; your sessions on other devices were signed out.',
  wrongCurrent: 'The current password is not correct.',
  zoneTitle: 'Your time zone',
  zoneIntro: 'Dates on your screens and in your emails are shown in this time zone.',
  zoneLabel: 'Time zone',
  zoneSubmit: 'Save time zone',
  zoneSaved: 'Your time zone was saved.',
};

/** The account texts in the UI language. */
export const accountTexts = (language: Language): AccountMessages =>
  language === 'en' ? accountEn : accountEsMX;
