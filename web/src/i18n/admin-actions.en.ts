import type { AdminActionsMessages } from './admin-actions.es-mx';

/** English texts of an admin-action ticket's page (odoo.sh, L3-16/L3-17). */
export const adminActionsEn: AdminActionsMessages = {
  cardTitle: 'Admin actions (odoo.sh)',
  none: 'No executed action has been recorded yet.',
  kind: 'Action',
  executedAt: 'Executed',
  executedBy: 'By',
  details: 'Details',
  timelineLine: (kind, at) => `${kind} · executed ${at}`,
  odooAdminMissing: 'This client has no confirmed Odoo admin user for the provider.',
};
