import { endSentence } from './sentence';

/** Textos de la calificación de la atención (tickets cerrados) y de su resumen para gerentes. */
export const satisfactionEsMX = {
  title: 'Satisfacción con la atención',
  question: '¿Cómo calificaría la atención?',
  intro:
    'El ticket está cerrado. Su calificación ayuda al equipo de soporte a mejorar; puede cambiarla durante 14 días.',
  scoreLegend: 'Calificación',
  scores: {
    1: 'Muy insatisfecho',
    2: 'Insatisfecho',
    3: 'Regular',
    4: 'Satisfecho',
    5: 'Muy satisfecho',
  } as Record<number, string>,
  scoreOption: (score: number, label: string) => `${score} · ${label}`,
  scoreOf: (score: number) => `${score} de 5`,
  comment: 'Comentario (opcional)',
  commentHint: 'Hasta 2,000 caracteres. Lo lee el equipo de soporte.',
  submit: 'Enviar calificación',
  save: 'Guardar cambios',
  sending: 'Enviando…',
  change: 'Cambiar calificación',
  cancel: 'Cancelar',
  chooseScore: 'Elija una calificación del 1 al 5.',
  yourRating: 'Su calificación',
  clientRating: 'Calificación del cliente',
  ratedBy: (name: string, at: string) => `${name}, ${at}`,
  /**
   * A changed rating: who gave the current score and when, then when it was first rated (QA S56:
   * «Arturo, 11:23 · Cambiada el 11:36» credited Arturo with Úrsula's first rating).
   */
  changedBy: (name: string, at: string, first: string) =>
    `${name} la cambió el ${at} (primera calificación: ${first})`,
  changeableUntil: (at: string) =>
    `Puede cambiarla hasta el ${at} (14 días desde la primera calificación).`,
  windowClosed: (at: string) =>
    `El plazo para cambiarla terminó el ${at} (14 días desde la primera calificación).`,
  thanks: '¡Gracias! Guardamos su calificación.',
  notRated: 'El cliente todavía no califica la atención.',
  notRatedClient: 'Todavía no califica la atención de este ticket.',
  noComment: 'Sin comentario.',
  // In the ticket's history («Historial»): the rating's latest value, at its last change.
  timelineRating: (score: number) => `Calificación: ${score}/5`,
  timelineRatingChanged: (score: number) => `Calificación cambiada: ${score}/5`,
  timelineFirstRated: (at: string) => endSentence(`Calificada por primera vez el ${at}`),
  // Tablero: satisfacción junto al cumplimiento del SLA. The intro says how the API groups
  // (src/satisfaction/satisfaction.service.ts): a rating by the month of its first rating
  // (rated_at), its current score; the response rate by closure month; both in the calendar zone.
  cardTitle: 'Satisfacción',
  cardIntro: (months: number) =>
    `Calificaciones de los clientes en los últimos ${months} meses: cada una cuenta en el mes en que se dio por primera vez, en la zona horaria del calendario de su cliente, con su valor más reciente. Satisfechos: 4 o 5. La tasa de respuesta cuenta los tickets cerrados en esos meses, por mes de cierre en la misma zona.`,
  overall: (ratings: number, average: string, satisfied: string) =>
    `${ratings === 1 ? '1 calificación' : `${ratings} calificaciones`} · promedio ${average} de 5 · ${satisfied} satisfechos`,
  noRatings: 'Todavía no hay calificaciones en este periodo.',
  // L3-11: de los tickets cerrados (que se pueden calificar) en el periodo, cuántos se calificaron.
  responseRate: (rated: number, ratable: number, percent: string) =>
    `Tasa de respuesta: ${rated} de ${ratable} (${percent})`,
  responseRateHint:
    'Tickets cerrados en el periodo (por mes de cierre) que ya tienen calificación.',
  responseColumn: 'Tasa de respuesta',
  // What each month of the table counts: ratings by when they were given, the response rate by
  // when the tickets closed (a ticket closed in May and rated in June: May's rate, June's ratings).
  ratedInMonth: 'Calificaciones recibidas en el mes',
  closedInMonth: 'Tickets cerrados en el mes',
  responseOf: (rated: number, ratable: number, percent: string) =>
    `${rated} de ${ratable} (${percent})`,
  client: 'Cliente',
  month: 'Mes',
  ratings: 'Calificaciones',
  average: 'Promedio',
  satisfiedPercent: '% satisfechos',
  /** A month or client without ratings, where «% satisfechos» shows a dash. */
  noneRated: 'Sin calificaciones',
  total: 'Total del periodo',
  byClientTitle: 'Por cliente y mes',
  lowestTitle: 'Calificaciones más bajas',
  lowestOf: (client: string) => `Calificaciones más bajas de ${client}`,
  noLowRatings: 'Ninguna calificación baja en el periodo.',
  ticket: 'Ticket',
  score: 'Calificación',
  commentColumn: 'Comentario',
  date: 'Fecha',
};

export type SatisfactionMessages = typeof satisfactionEsMX;
