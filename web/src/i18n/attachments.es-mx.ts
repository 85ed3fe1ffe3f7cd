/** Spanish (Mexico) texts of a ticket's files (L3-11). */
export const attachmentsEsMX = {
  title: 'Adjuntos',
  intro:
    'Capturas de pantalla, bitácoras, hojas de cálculo y documentos del ticket. Solo las personas que ven el ticket pueden descargarlos.',
  empty: 'Todavía no hay archivos adjuntos.',
  name: 'Archivo',
  size: 'Tamaño',
  uploadedBy: 'Adjuntó',
  uploadedAt: 'Fecha',
  actions: 'Acciones',
  download: (name: string) => `Descargar ${name}`,
  downloading: 'Descargando…',
  delete: 'Eliminar',
  deleteLabel: (name: string) => `Eliminar ${name}`,
  deleting: 'Eliminando…',
  deleted: (name: string) => `Se eliminó «${name}».`,
  confirmDelete: (name: string) => `¿Eliminar «${name}»?`,
  confirmDeleteText:
    'El contenido se borra definitivamente y no se puede recuperar; en la lista queda constancia de quién lo eliminó y cuándo.',
  deleteYes: 'Sí, eliminar',
  cancel: 'Cancelar',
  /** A deleted file in the list: «x.log — eliminado por Ana López, 28 nov 2026 14:02». */
  deletedBy: (name: string | null, when: string) =>
    name ? `eliminado por ${name}, ${when}` : `eliminado el ${when}`,
  someone: 'Alguien',
  // The chooser takes several files at once: its label and the empty button say so (plural).
  choose: 'Archivos para adjuntar',
  hint: (max: string, types: string) => `Hasta ${max} por archivo. Tipos: ${types}.`,
  dropHere: 'O arrastre uno o varios archivos aquí.',
  dropNow: 'Suelte los archivos para agregarlos a la lista.',
  upload: 'Adjuntar archivos',
  uploadOne: 'Adjuntar archivo',
  uploadMany: (n: number) => `Adjuntar ${n} archivos`,
  uploading: 'Adjuntando…',
  // The summary after the files went up, without its period: «Se adjuntaron 2 archivos; 1
  // rechazado.» (upload-queue.ts `uploadSummary` joins the parts).
  summaryOne: (name: string) => `Se adjuntó «${name}»`,
  summaryMany: (n: number) => `Se adjuntaron ${n} archivos`,
  summaryNone: 'No se adjuntó ningún archivo',
  summaryRefused: (n: number) => (n === 1 ? '1 rechazado' : `${n} rechazados`),
  // The files chosen or dropped, before and while they go up, one after another.
  queueTitle: 'Archivos elegidos',
  queueReady: 'Listo para adjuntar',
  queueUploaded: 'Subido',
  queueRefused: (reason: string) => `Rechazado: ${reason}`,
  remove: 'Quitar',
  // A refusal that was the network's or the server's momentary failure, not the file's.
  retry: 'Reintentar',
  retryLabel: (name: string) => `Reintentar ${name}`,
  removeLabel: (name: string) => `Quitar ${name} de la lista`,
  // QA S62 #5: each file going up shows its own progress, then its result.
  progressWaiting: 'En espera',
  progressUploading: (percent: number) => `Subiendo… ${percent} %`,
  progressLabel: (name: string) => `Avance de ${name}`,
  progressDone: 'Adjuntado',
  // QA S65c #1: the file going up can be stopped; its request is aborted and nothing is kept.
  cancelUpload: 'Cancelar',
  cancelUploadLabel: (name: string) => `Cancelar el envío de ${name}`,
  cancelled: (names: readonly string[]) =>
    names.length === 1
      ? `Se canceló el envío de «${names[0]}»: no se adjuntó.`
      : `Se canceló el envío de ${names.map((n) => `«${n}»`).join(', ')}: no se adjuntaron.`,
  progressTitle: 'Archivos del ticket',
  // …and the files announced with the registration that never arrived (the tab was closed).
  missingOwn: (names: readonly string[]) =>
    names.length === 1
      ? `No llegó: ${names[0]}. Adjúntelo de nuevo.`
      : `No llegaron: ${names.join(', ')}. Adjúntelos de nuevo.`,
  missingAttach: 'Adjuntar de nuevo',
  missingOthers: (names: readonly string[]) =>
    names.length === 1
      ? `1 archivo anunciado al registrar el ticket no llegó: ${names[0]}.`
      : `${names.length} archivos anunciados al registrar el ticket no llegaron: ${names.join(', ')}.`,
  // In the ticket's history («Historial»).
  timelineAttached: (name: string, size: string) => `Archivo adjuntado: ${name} (${size})`,
  timelineDeleted: (name: string) => `Archivo eliminado: ${name}`,
  agentNotice: 'El cliente recibirá un correo con el nombre del archivo.',
  // Internal files (provider staff only), like internal notes.
  internalToggle: 'Solo para el equipo (interno)',
  internalBadge: 'Interno',
  internalNotice: 'Los archivos internos no se envían por correo ni se muestran al cliente.',
  closed: 'El ticket está cerrado: ya no admite archivos nuevos.',
  count: (n: number, max: number) => `${n} de ${max} archivos.`,
  /** The count line when deleted files are listed too (they take no place). */
  countWithDeleted: (n: number, max: number, deleted: number) =>
    `${n} de ${max} archivos (más ${deleted} ${deleted === 1 ? 'eliminado' : 'eliminados'}).`,
  /** Staff, after the count: internal files have places of their own (QA S58). */
  countInternal: (n: number, max: number) =>
    `Además, ${n} de ${max} ${max === 1 ? 'archivo interno' : 'archivos internos'} (tienen su propio límite).`,
  // Previews of images, PDFs and text: a thumbnail for images, «Ver» opens them in a dialog.
  view: 'Ver',
  viewLabel: (name: string) => `Ver ${name}`,
  previewLoading: 'Cargando la vista previa…',
  /** Under a PDF in the dialog: phones and some browsers show no PDF inside a page. */
  previewPdfHint: 'Si el documento no se muestra aquí, use «Descargar».',
  /** An image whose bytes the browser cannot draw (a damaged file). */
  previewUndrawable: 'El navegador no puede mostrar esta imagen; use «Descargar».',
  /** A text file shown as text: the box's name, and what is shown when the file is longer. */
  previewTextLabel: (name: string) => `Contenido de ${name}`,
  previewTextCut: (shown: string, total: string) =>
    `Se muestran los primeros ${shown} de ${total}; use «Descargar» para el archivo completo.`,
  /** Bytes that are not UTF-8 (an old system's log), read as Latin-1. */
  previewTextLatin1: 'El archivo no está en UTF-8; se muestra como Latin-1 (ISO-8859-1).',
  previewDownload: 'Descargar',
  previewClose: 'Cerrar',
};

export type AttachmentsMessages = typeof attachmentsEsMX;
