/** Textos de la explicación de plazos y del enlace a un estimado en la página del ticket. */
export const ticketPageEsMX = {
  whyTitle: '¿Por qué esta fecha?',
  whyLoading: 'Calculando la explicación…',
  whyUnavailable: 'La explicación estará lista en unos segundos; vuelve a abrir esta sección.',
  whyCalendar: (version: number, zone: string) => `Calendario versión ${version}, zona ${zone}.`,
  estimateLinked: (version: number) => `Estimado v${version}, el del enlace que recibiste`,
  estimateNotFound: (version: number) => `Este ticket no tiene un estimado v${version}.`,
};

export type TicketPageMessages = typeof ticketPageEsMX;
