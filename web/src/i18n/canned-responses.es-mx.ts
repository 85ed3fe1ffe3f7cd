/** Textos de las respuestas predefinidas: su pantalla y el selector en la página del ticket. */
export const cannedResponsesEsMX = {
  title: 'Respuestas predefinidas',
  intro:
    'Textos que el equipo inserta en los comentarios y notas que lee el cliente: solicitudes de información, avances periódicos, respuestas frecuentes.',
  readOnly:
    'Los gerentes y administradores las escriben; usted las inserta desde la página de un ticket.',
  placeholdersTitle: 'Marcadores',
  placeholdersIntro:
    'Al insertar una respuesta en un ticket, cada marcador se reemplaza por el dato del ticket; el texto queda en el formulario para revisarlo y editarlo antes de enviarlo. Un marcador desconocido se queda tal cual.',
  placeholders: {
    cliente: 'la organización cliente',
    ticket: 'el número del ticket',
    asunto: 'el asunto del ticket',
    solicitante: 'quien registró el ticket',
    agente: 'quien inserta la respuesta (su nombre)',
  } as Record<string, string>,
  alsoAlias: (alias: string) => `también {{${alias}}}`,
  empty: 'Todavía no hay respuestas predefinidas.',
  listTitle: 'Respuestas',
  count: (n: number) => (n === 1 ? '1 respuesta' : `${n} respuestas`),
  updatedBy: (name: string | null, at: string) => (name ? `${name}, ${at}` : at),
  lastChange: 'Última modificación',
  create: 'Nueva respuesta predefinida',
  titleLabel: 'Título',
  titleHint: 'Hasta 120 caracteres; no puede repetirse (sin importar mayúsculas).',
  bodyLabel: 'Texto en español',
  bodyHint:
    'Hasta 10,000 caracteres. Puede llevar marcadores como {{solicitante}} o {{ticket}}. Se usa en los tickets de quien lee español y en los que no tienen texto en su idioma.',
  bodyEnLabel: 'Texto en inglés (opcional)',
  bodyEnHint:
    'Se inserta en los tickets registrados por alguien que lee inglés; los mismos marcadores. Vacío: se usa el texto en español.',
  languagesLabel: 'Idiomas',
  languageNames: { es: 'español', en: 'inglés' } as Record<'es' | 'en', string>,
  languagesList: (names: string[]) => names.join(' y '),
  spanishText: 'En español',
  englishText: 'En inglés',
  optionLabel: (title: string, languages: ('es' | 'en')[]) =>
    `${title} (${languages.map((l) => (l === 'es' ? 'ES' : 'EN')).join(' · ')})`,
  insertLanguage: (language: 'es' | 'en'): string =>
    language === 'en'
      ? 'Quien registró este ticket lee inglés: se inserta el texto en inglés (ES · EN) o, si la respuesta no lo tiene, el de español.'
      : 'Quien registró este ticket lee español: se inserta el texto en español.',
  insertedInSpanish: (title: string) =>
    `Se insertó «${title}» en español: no tiene texto en inglés. Revise el texto antes de enviarlo.`,
  save: 'Guardar respuesta',
  saveChanges: 'Guardar cambios',
  cancel: 'Cancelar',
  edit: 'Editar',
  editLabel: (title: string) => `Editar «${title}»`,
  editTitle: (title: string) => `Editar «${title}»`,
  delete: 'Eliminar',
  deleteLabel: (title: string) => `Eliminar «${title}»`,
  confirmDelete: (title: string) => `¿Eliminar la respuesta predefinida «${title}»?`,
  confirmDeleteText: 'No se puede deshacer; los textos ya enviados no cambian.',
  deleteYes: 'Sí, eliminar',
  created: (title: string) => `Respuesta «${title}» guardada.`,
  saved: (title: string) => `Cambios a «${title}» guardados.`,
  deleted: (title: string) => `Respuesta «${title}» eliminada.`,
  titleTaken: (title: string) => `Ya existe una respuesta predefinida con el título «${title}».`,
  // En la página del ticket: el selector junto al texto.
  insertLabel: 'Insertar respuesta predefinida',
  choose: 'Elija una respuesta…',
  insert: 'Insertar',
  insertHint:
    'Con los datos del ticket, donde dejó el cursor en el texto (si no, al final, tras una línea en blanco). Revísela antes de enviar.',
  inserted: (title: string) => `Se insertó «${title}»; revise el texto antes de enviarlo.`,
  gaps: (list: string) => `Quedan marcadores sin llenar: ${list}. Reemplácelos antes de enviar.`,
};

export type CannedResponsesMessages = typeof cannedResponsesEsMX;
