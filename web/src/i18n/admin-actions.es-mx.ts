/** Spanish (Mexico) texts of an admin-action ticket's page (odoo.sh, L3-16/L3-17). */
export const adminActionsEsMX = {
  cardTitle: 'Acciones administrativas (odoo.sh)',
  none: 'Aún no se registra ninguna acción ejecutada.',
  kind: 'Acción',
  executedAt: 'Ejecutada',
  executedBy: 'Por',
  details: 'Detalles',
  /** The history line's detail: which action, and when it was executed (not recorded). */
  timelineLine: (kind: string, at: string) => `${kind} · ejecutada el ${at}`,
  /** L3-16, for provider staff only: the client's Odoo admin user is missing or unconfirmed. */
  odooAdminMissing:
    'Este cliente no tiene un usuario administrador de Odoo confirmado para el proveedor.',
};

export type AdminActionsMessages = typeof adminActionsEsMX;
