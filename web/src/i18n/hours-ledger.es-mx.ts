/**
 * The prepaid-hours ledger in words (L3-03, L3-13): each entry's reason from its parts
 * (`HourLedgerEntry.reasonParts`); figures and dates arrive already formatted. `en` mirrors it.
 * What an authorized estimate holds is one noun, «reserva» («hold» in English), QA S22 F7.
 */
export const hoursLedgerEsMX = {
  /** Header of the amount column: the entry's effect on the available hours. */
  availableChange: 'Cambio en disponibles',
  concept: 'Concepto',
  reasons: {
    PACKAGE_PURCHASED: (reference: string, date: string) =>
      `Compra del paquete ${reference}, del ${date}`,
    ESTIMATE_AUTHORIZED: (version: number, hours: string, category: string) =>
      `Estimación v${version} autorizada: reserva de ${hours} h (${category})`,
    ESTIMATE_REPLACED: (version: number) =>
      `Estimación v${version} autorizada: se libera la reserva de la versión anterior`,
    TIME_LOGGED: (hours: string, date: string) =>
      `${hours} h trabajadas el ${date}, tomadas de la reserva del ticket`,
    TIME_LOGGED_NO_CHARGE: (hours: string, date: string) =>
      `${hours} h trabajadas el ${date}, sin cargo al paquete`,
    TICKET_ENDED: (state: string) => `Ticket ${state}: se libera lo que no se usó de su reserva`,
    TICKET_NO_CHARGE: 'Ticket sin cargo al paquete: se libera su reserva',
    TICKET_CHARGED_AGAIN: (version: number) =>
      `Ticket con cargo al paquete de nuevo: nueva reserva de la estimación v${version}`,
    HOLD_RESTORED: (hours: string, version: number) =>
      `Se revirtieron ${hours} h registradas: vuelven a la reserva de la estimación v${version}`,
  },
  /** A reversal's row: the entry it cancels, named by `entry` (date · ticket · hours). */
  reversalOf: (entry: string) => `Reversión de ${entry}`,
  reversedTag: 'Revertido',
  /** Who made a manual correction (an adjustment or a reversal). */
  madeBy: (name: string) => `Por ${name}`,
  /** Under a purchase's date (its purchase date) when it was recorded another day (QA S22 F2). */
  recordedOn: (date: string) => `registrada el ${date}`,
  /** An entry named for a person: its date, its ticket or package reference (if any), its hours. */
  entryName: (date: string, ticket: string | null, hours: string) =>
    ticket ? `${date} · ${ticket} · ${hours}` : `${date} · ${hours}`,
  /** Manual corrections by managers and administrators (L3-13). */
  corrections: {
    actions: 'Corrección',
    adjustTitle: 'Ajustar horas',
    adjustIntro: (client: string) =>
      `Sume horas a ${client} (una cortesía, una compra no registrada) o quítelas (un registro equivocado). Escriba un número negativo para quitar horas; el motivo queda en el historial.`,
    hours: 'Horas (+ o −)',
    hoursHint: 'Por ejemplo 2 o -1.5; hasta dos decimales.',
    reason: 'Motivo',
    reasonHint: 'Obligatorio; lo ven el cliente y el equipo en el historial.',
    apply: 'Aplicar ajuste',
    applying: 'Aplicando…',
    hoursInvalid: 'Escriba las horas como un número distinto de cero, con hasta dos decimales.',
    reasonRequired: 'Escriba el motivo del ajuste.',
    exceedsAvailable: (hours: string, available: string) =>
      `No se pueden quitar ${hours} h: solo hay ${available} h disponibles y las horas disponibles no pueden quedar en negativo. Revierta primero lo que esté reservado de más o quite menos horas.`,
    // A credit is confirmed too: «100000» typed for «10» credited 100,000 h in one click (QA S14-F).
    // Asked in the page (QA S56: the browser's own dialog), its question then what follows.
    confirmPositive: (hours: string, client: string) => `¿Sumar ${hours} h a ${client}?`,
    confirmPositiveText: (after: string) => `Quedarán ${after} h disponibles.`,
    confirmNegative: (hours: string, client: string) => `¿Quitar ${hours} h a ${client}?`,
    confirmNegativeText: (after: string) =>
      `Quedarán ${after} h disponibles. Solo se puede deshacer con una reversión.`,
    confirmAdjustYes: 'Sí, aplicar ajuste',
    adjusted: (hours: string, client: string) =>
      `Ajuste aplicado: ${hours} h a ${client}. El saldo y el historial ya lo incluyen.`,
    reverse: 'Revertir',
    reverseLabel: (entry: string) => `Revertir el movimiento ${entry}`,
    reverseTitle: 'Revertir movimiento',
    reverseIntro: (entry: string) =>
      `Se registrará una reversión del movimiento ${entry} que devuelve el saldo a como estaba sin él. El movimiento original queda en el historial.`,
    reverseReason: 'Motivo de la reversión',
    reverseReasonRequired: 'Escriba el motivo de la reversión.',
    reverseApply: 'Revertir movimiento',
    reversing: 'Revirtiendo…',
    cancel: 'Cancelar',
    confirmReverse: (entry: string) => `¿Revertir el movimiento ${entry}?`,
    confirmReverseText: (after: string) =>
      `Se agregará una reversión al historial. Quedarán ${after} h disponibles.`,
    reverseExceeds: (hours: string, available: string) =>
      `No se puede revertir: quitaría ${hours} h y solo hay ${available} h disponibles (las horas disponibles no pueden quedar en negativo). Libere primero lo reservado o registre un ajuste por menos horas.`,
    confirmReverseYes: 'Sí, revertir',
    reversed: (entry: string) => `Movimiento revertido: ${entry}.`,
    blocked: {
      REVERSED: 'Ya revertido',
      IS_REVERSAL: 'Es una reversión',
      FOLLOWS_ESTIMATE: 'Sigue a su estimación',
      NOT_REVERSIBLE: 'No se puede revertir',
    } as Record<string, string>,
  },
};

export type HoursLedgerMessages = typeof hoursLedgerEsMX;
