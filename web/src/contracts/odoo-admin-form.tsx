import { type FormEvent, useState } from 'react';
import { RECORD_ODOO_ADMIN_USER, type SupportPolicy } from '../api/contracts';
import { FormFooter } from '../components/form-footer';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { type Language, useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';

/** Texts of the Odoo admin user form (L3-16), Spanish (Mexico) first. */
const odooAdminEsMX = {
  title: 'Usuario administrador de Odoo',
  help: 'El usuario administrador permanente que el cliente reserva al proveedor en su Odoo (clientes SaaS). Márquelo como confirmado cuando haya comprobado que funciona; si falta o no está confirmado, la póliza lo señala.',
  login: 'Usuario de Odoo (login)',
  loginHint: 'Por ejemplo soporte@becken.example. Déjelo vacío para quitarlo.',
  confirmed: 'Comprobé que el usuario funciona',
  save: 'Guardar usuario de Odoo',
  saved: (login: string | null, confirmed: boolean) =>
    login === null
      ? 'Se quitó el usuario de Odoo; la póliza lo señala como faltante.'
      : confirmed
        ? `Usuario de Odoo ${login} guardado y confirmado.`
        : `Usuario de Odoo ${login} guardado; falta confirmarlo.`,
  notRecorded: 'Sin registrar',
};

type OdooAdminMessages = typeof odooAdminEsMX;

const odooAdminEn: OdooAdminMessages = {
  title: 'Odoo admin user',
  help: 'The permanent admin user the client keeps for the provider in its Odoo (SaaS clients). Mark it confirmed once you have checked that it works; while it is missing or unconfirmed, the policy flags it.',
  login: 'Odoo user (login)',
  loginHint: 'For example support@becken.example. Leave it empty to remove it.',
  confirmed: 'I checked that the user works',
  save: 'Save Odoo user',
  saved: (login, confirmed) =>
    login === null
      ? 'The Odoo user was removed; the policy flags it as missing.'
      : confirmed
        ? `Odoo user ${login} saved and confirmed.`
        : `Odoo user ${login} saved; not confirmed yet.`,
  notRecorded: 'Not recorded',
};

/** The Odoo admin user texts in the UI language. */
export const odooAdminTexts = (language: Language): OdooAdminMessages =>
  language === 'en' ? odooAdminEn : odooAdminEsMX;

/**
 * L3-16: the client's permanent Odoo admin user for the provider, recorded per client; empty
 * clears it, and an unconfirmed or missing user stays flagged on the policy.
 */
export function OdooAdminForm({
  policy,
  onSaved,
}: {
  policy: SupportPolicy;
  onSaved: () => Promise<void>;
}) {
  const { language } = useI18n();
  const o = odooAdminTexts(language);
  const { call } = useSession();
  const form = useMutationForm();
  const [login, setLogin] = useState(policy.odooAdminLogin ?? '');
  const [confirmed, setConfirmed] = useState(
    policy.odooAdminLogin !== null && !policy.odooAdminMissing,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = login.trim() || null;
    const ok = await form.run(
      async () =>
        (
          await call(RECORD_ODOO_ADMIN_USER, {
            input: { organizationId: policy.organizationId, login: value, confirmed },
          })
        ).recordOdooAdminUser,
      (saved, w) => odooAdminTexts(w.language).saved(saved.odooAdminLogin, !saved.odooAdminMissing),
    );
    if (ok) await onSaved();
  };

  return (
    <form
      className="form-grid subsection"
      onSubmit={(e) => void submit(e)}
      data-testid="odoo-admin-form"
    >
      <h3 className="span-all">{o.title}</h3>
      <p className="muted small span-all">{o.help}</p>
      <TextField
        id="policy-odoo-login"
        name="login"
        className="span-2"
        label={o.login}
        maxLength={200}
        autoComplete="off"
        aria-describedby="policy-odoo-login-hint"
        value={login}
        onChange={setLogin}
      >
        <p className="hint" id="policy-odoo-login-hint">
          {o.loginHint}
        </p>
      </TextField>
      <label className="check">
        <input
          id="policy-odoo-confirmed"
          type="checkbox"
          checked={confirmed && login.trim() !== ''}
          disabled={login.trim() === ''}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        {o.confirmed}
      </label>
      <FormFooter form={form} label={o.save} />
    </form>
  );
}
