import type { ClosureHours } from '../api/tickets';

const h = (hours: number) => `${hours.toLocaleString('es-MX', { maximumFractionDigits: 2 })} h`;

/** Spanish (Mexico), in «usted»: the hours «Aceptar entrega» charges and gives back (L3-12). */
export const closureHoursEsMX = {
  /**
   * «Al aceptar, el ticket se cierra. Se cobrarán 9.5 h de las 12 h autorizadas; se devolverán
   * 2.5 h a su paquete.»: the figures «Ticket cerrado» then reports.
   */
  acceptDelivery: ({ chargedHours, authorizedHours, returnedHours }: ClosureHours) => {
    const charged = `Se ${chargedHours === 1 ? 'cobrará' : 'cobrarán'} ${h(chargedHours)}`;
    const of =
      authorizedHours === 1 ? 'de la 1 h autorizada' : `de las ${h(authorizedHours)} autorizadas`;
    const back =
      returnedHours > 0
        ? `; se ${returnedHours === 1 ? 'devolverá' : 'devolverán'} ${h(returnedHours)} a su paquete`
        : '';
    return `Al aceptar, el ticket se cierra. ${charged} ${of}${back}.`;
  },
};

export type ClosureHoursMessages = typeof closureHoursEsMX;
