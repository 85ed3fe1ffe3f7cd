import type { ClosureHoursMessages } from './closure-hours.es-mx';

const h = (hours: number) => `${hours.toLocaleString('en', { maximumFractionDigits: 2 })} h`;

/** English: the hours «Aceptar entrega» charges and gives back (L3-12). */
export const closureHoursEn: ClosureHoursMessages = {
  acceptDelivery: ({ chargedHours, authorizedHours, returnedHours }) => {
    const back =
      returnedHours > 0
        ? `, and ${h(returnedHours)} ${returnedHours === 1 ? 'goes' : 'go'} back to your package`
        : '';
    return `Accepting closes the ticket. ${h(chargedHours)} of the ${h(authorizedHours)} authorized will be charged${back}.`;
  },
};
