import { endSentence } from './sentence';

/**
 * Spanish (Mexico) texts of the remote session (L3-06): staff propose it with a link and a
 * duration; the client confirms it or asks for another time.
 */
export const remoteSessionEsMX = {
  actionNames: {
    acceptRemoteSession: 'Confirmar',
    declineRemoteSession: 'Proponer otro horario / No puedo',
    withdrawRemoteSession: 'Retirar sesión remota',
  } as Record<string, string>,
  events: {
    acceptRemoteSession: 'Sesión remota confirmada por el cliente',
    declineRemoteSession: 'El cliente no puede en el horario propuesto',
    withdrawRemoteSession: 'Sesión remota retirada por el equipo',
  } as Record<string, string>,
  /**
   * What the client reads once they answered, instead of «Proponer otro horario / No puedo:
   * listo.» (QA S55): what happens next, then the ticket's state.
   */
  done: {
    acceptRemoteSession: (state: string) =>
      `Sesión confirmada: el equipo sabe que asistirá. Estado: ${state}.`,
    declineRemoteSession: (state: string) =>
      `Avisamos al equipo que no puede en ese horario; le propondrá otro. Estado: ${state}.`,
    withdrawRemoteSession: (state: string) =>
      `Sesión retirada: avisamos al cliente y la quitamos de los calendarios que la tenían. Estado: ${state}.`,
  } as Record<string, (state: string) => string>,
  link: 'Enlace de la reunión (opcional)',
  linkHint: 'Una dirección https://, p. ej. de Meet, Teams o Zoom.',
  linkInvalid: 'El enlace debe empezar con https://.',
  duration: 'Duración (minutos)',
  durationHint: 'De 15 a 240 minutos; debe terminar dentro del horario hábil del cliente.',
  durationInvalid: 'La duración va de 15 a 240 minutos.',
  join: 'Unirse a la sesión',
  minutes: (n: number) => `${n} min`,
  accepted: (when: string) => endSentence(`El cliente la confirmó el ${when}`),
  declined: (when: string) => `El cliente no puede en ese horario (respondió el ${when}).`,
  /**
   * The answer as the client reads it, not «El cliente…» about themself (QA S55): who answered is
   * the reader (`self`) or someone else of their organization.
   */
  acceptedForClient: (when: string, self: boolean) =>
    endSentence(`${self ? 'Usted la confirmó' : 'Su organización la confirmó'} el ${when}`),
  declinedForClient: (when: string, self: boolean) =>
    `${self ? 'Usted indicó' : 'Su organización indicó'} que no puede en ese horario (respondió el ${when}).`,
  reason: 'Motivo',
  suggested: 'Horario que sugiere',
  /**
   * QA S62 #2: a declined proposal on the ticket's page: its heading, and its time as what was
   * proposed (no «Unirse a la sesión»).
   */
  declinedTitle: 'Sesión remota no aceptada',
  declinedTime: 'Horario propuesto',
  /**
   * QA S63 #14: a withdrawn session on the ticket's page: its heading, and its time struck out as
   * what was withdrawn (no «Unirse», no «Usted la confirmó» box leading).
   */
  withdrawnTitle: 'Sesión remota retirada',
  withdrawnTime: 'Horario retirado',
  /** QA S62 #3: fills the re-proposal's date with the time the client suggested. */
  useSuggested: 'Usar el horario sugerido',
  /**
   * QA S60b #6: above the re-proposal after a decline, the declined time and what the form kept
   * of it (the agent no longer retypes the duration, link and note).
   */
  declinedProposal: (when: string) => `El cliente no puede en el horario propuesto (${when}).`,
  prefilledFromDeclined:
    'La duración, el enlace y la nota vienen de esa propuesta: elija otro horario.',
  suggestedAt: 'Horario que le conviene (opcional)',
  declineReason: '¿Por qué no puede en ese horario?',
  // Not «Confirma que asistirá…»: under the «Confirmar» button it read as «tú» (QA S21).
  acceptExplain:
    'Al confirmar, avisa al equipo que asistirá a la sesión en ese horario. Tenga la información a la mano.',
  // QA S62: what withdrawing does, under «Retirar sesión remota».
  withdrawExplain:
    'El cliente recibe la cancelación (con su nota, si escribe una) y la sesión sale de los calendarios que la tenían. El ticket vuelve a «Registrado» con un nuevo plazo de atención inicial de 8 horas hábiles: clasifíquelo, pida información o proponga otra sesión.',
  /** QA S63: withdrawn after classification, the ticket stays where it is. */
  withdrawExplainClassified: (state: string) =>
    `El cliente recibe la cancelación (con su nota, si escribe una) y la sesión sale de los calendarios que la tenían. El ticket sigue en «${state}» y sus plazos no cambian.`,
  /** QA S65 #2: staff read who withdrew it (`who`); clients, «El equipo». */
  withdrawn: (when: string, who?: string | null) =>
    endSentence(`${who ?? 'El equipo'} retiró la sesión el ${when}`),
  declineExplain:
    'Díganos por qué no puede y, si quiere, un horario que le convenga: el equipo propondrá otro.',
  proposalNotCurrent:
    'La propuesta de sesión cambió: actualice la página para ver el horario vigente.',
  proposalAlreadyAccepted: 'Ya confirmó esta sesión.',
  noSessionAhead:
    'Este ticket ya no tiene una sesión remota por delante: se retiró, el cliente no puede asistir o ya pasó.',
  awaitingAnswer: 'Esperando que el cliente confirme.',
};
