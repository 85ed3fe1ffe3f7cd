/** Spanish (Mexico) texts of change orders (L3-12): more hours for a requirement in development. */
export const changeOrdersEsMX = {
  actionNames: {
    submitChangeOrder: 'Orden de cambio',
    authorizeChangeOrder: 'Autorizar orden de cambio',
    rejectChangeOrder: 'Rechazar orden de cambio',
  } as Record<string, string>,
  events: {
    submitChangeOrder: 'Orden de cambio enviada',
    authorizeChangeOrder: 'Orden de cambio autorizada',
    rejectChangeOrder: 'Orden de cambio rechazada',
  } as Record<string, string>,
  hoursLabel: 'Horas adicionales',
  scopeLabel: 'Motivo y alcance de las horas adicionales',
  explain: (authorized: number) =>
    `Pida al cliente horas adicionales a las ${authorized} h autorizadas. El ticket sigue en su estado; un aprobador del cliente debe autorizarla por escrito antes de registrar tiempo más allá de lo autorizado.`,
  /** «Orden de cambio +4 h» in the estimates table, with the new total. */
  label: (added: number) => `Orden de cambio +${added} h`,
  total: (hours: number) => `total ${hours} h`,
  option: (v: number, added: number) =>
    `v${v}: orden de cambio +${added.toLocaleString('es-MX')} h`,
  authorizeHours: (added: number, total: number) =>
    `Se reservarán ${added.toLocaleString('es-MX')} h adicionales de sus horas prepagadas (el total autorizado pasa a ${total.toLocaleString('es-MX')} h).`,
  hoursAdded: (added: number, total: number) =>
    `La orden de cambio agrega ${added.toLocaleString('es-MX')} h (el total pasaría a ${total.toLocaleString('es-MX')} h).`,
  statementPlaceholder: 'Autorizo las … horas adicionales para …',
  rejectExplain:
    'Rechazar no reserva horas adicionales; el trabajo sigue dentro de las horas ya autorizadas.',
  shortfall: (h: number) =>
    `Faltan ${h.toLocaleString('es-MX')} h: el saldo no alcanza para autorizar esta orden de cambio.`,
  /** «Autorizaciones por escrito»: what an authorization of a change order authorized. */
  authorizedBy: (name: string, v: number, added: number, at: string) =>
    `${name} autorizó la orden de cambio v${v} (+${added} h) el ${at}`,
  authorizedVersion: (v: number, added: number, at: string) =>
    `Orden de cambio v${v} (+${added} h), autorizada el ${at}`,
};

export type ChangeOrderMessages = typeof changeOrdersEsMX;
