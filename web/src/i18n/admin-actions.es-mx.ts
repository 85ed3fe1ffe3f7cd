/** Spanish (Mexico) texts of an admin-action ticket's page (odoo.sh, L3-17). */
export const adminActionsEsMX = {
  cardTitle: 'Acciones administrativas (odoo.sh)',
  none: 'Aún no se registra ninguna acción ejecutada.',
  kind: 'Acción',
  executedAt: 'Ejecutada',
  executedBy: 'Por',
  details: 'Detalles',
  /** The history line's detail: which action, and when it was executed (not recorded). */
  timelineLine: (kind: string, at: string) => `${kind} · ejecutada el ${at}`,
};

export type AdminActionsMessages = typeof adminActionsEsMX;
