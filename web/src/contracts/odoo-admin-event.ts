/** What an ODOO_ADMIN_RECORDED event of the policy history keeps (`changes`, as JSON). */
interface OdooAdminChange {
  readonly from: string | null;
  readonly to: string | null;
  /** Absent only if some event was written without it; then the line says nothing of it. */
  readonly confirmed?: boolean;
}

function parsed(changes: string): OdooAdminChange | null {
  try {
    const data = JSON.parse(changes) as Partial<OdooAdminChange> | null;
    if (!data || typeof data !== 'object' || !('to' in data)) return null;
    return {
      from: typeof data.from === 'string' ? data.from : null,
      to: typeof data.to === 'string' ? data.to : null,
      confirmed: typeof data.confirmed === 'boolean' ? data.confirmed : undefined,
    };
  } catch {
    return null;
  }
}

// The UI language as a plain string ('es-MX' or 'en'), so the unit tier can load this file.
const TEXTS: Record<
  'es-MX' | 'en',
  {
    recorded: (login: string, confirmed: boolean | undefined) => string;
    removed: (was: string | null) => string;
  }
> = {
  'es-MX': {
    recorded: (login, confirmed) =>
      `Usuario de Odoo registrado: ${login}${confirmed === undefined ? '' : confirmed ? ' (confirmado)' : ' (sin confirmar)'}`,
    removed: (was) => `Usuario de Odoo quitado${was === null ? '' : ` (era ${was})`}`,
  },
  en: {
    recorded: (login, confirmed) =>
      `Odoo user recorded: ${login}${confirmed === undefined ? '' : confirmed ? ' (confirmed)' : ' (not confirmed)'}`,
    removed: (was) => `Odoo user removed${was === null ? '' : ` (was ${was})`}`,
  },
};

/**
 * The policy history line of the Odoo admin user kept for the provider (L3-16): which login was
 * recorded and whether it was confirmed, or which one was removed. Null when `changes` does not
 * say (the line then keeps the event's name).
 */
export function odooAdminEventText(changes: string, language: string): string | null {
  const change = parsed(changes);
  if (!change) return null;
  const texts = TEXTS[language === 'en' ? 'en' : 'es-MX'];
  return change.to === null
    ? texts.removed(change.from)
    : texts.recorded(change.to, change.confirmed);
}
