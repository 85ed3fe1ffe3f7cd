/** Spanish (Mexico) texts of a ticket's participants on the ticket page (L3-11). */
export const participantsEsMX = {
  title: 'Participantes',
  explain:
    'Los participantes reciben por correo las mismas novedades del ticket que quien lo registró.',
  ended: 'El ticket terminó: sus participantes ya no cambian.',
  none: 'Nadie más sigue este ticket.',
  inactive: 'cuenta desactivada: no recibe correos',
  you: '(usted)',
  follow: 'Seguir este ticket',
  unfollow: 'Dejar de seguir',
  remove: (name: string) => `Quitar a ${name}`,
  removeLabel: 'Quitar',
  pick: 'Agregar participante',
  pickNone: 'Elija a una persona…',
  add: 'Agregar',
  followed: 'Ahora sigue este ticket: recibirá sus correos.',
  unfollowed: 'Dejó de seguir este ticket.',
  added: (name: string) => `${name} ahora recibe los correos del ticket.`,
  removed: (name: string) => `${name} ya no recibe los correos del ticket.`,
  history: 'Historial',
  historyCount: (n: number) => `Historial (${n})`,
  changes: {
    ADDED: (by: string, whom: string) => `${by} agregó a ${whom}`,
    REMOVED: (by: string, whom: string) => `${by} quitó a ${whom}`,
  },
  /** Who made a change whose account was since deleted. */
  deletedUser: 'Un usuario eliminado',
};

export type ParticipantsMessages = typeof participantsEsMX;
