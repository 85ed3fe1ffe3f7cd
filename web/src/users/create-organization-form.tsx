import { type FormEvent, useState } from 'react';
import { operation, ApiError } from '../api/graphql-client';
import type { Organization } from '../api/operations';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { type Language, useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';
import { useSession } from '../session/session-context';

/** L3-01/L3-04: a new client company (provider admins); its slug is derived from the name. */
export const CREATE_CLIENT_ORGANIZATION = operation<
  { createOrganization: Organization },
  { input: { name: string; kind: 'CLIENT' } }
>(`mutation CreateClientOrganization($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id name kind }
}`);

/** Texts of the new-client form, Spanish (Mexico) first. */
const organizationEsMX = {
  title: 'Nueva organización cliente',
  intro:
    'Una empresa que recibe el servicio de soporte. Después cree su póliza y sus paquetes de horas en «Contratos y horas», su calendario si no usa el predeterminado, y sus usuarios en «Crear usuario», en esta misma página.',
  name: 'Nombre de la empresa',
  nameHint: 'Como lo verán sus usuarios, p. ej. Comercializadora Aurora, S.A. de C.V.',
  create: 'Crear organización',
  created: (name: string) => `Organización ${name} creada.`,
  next: 'Crear su póliza en Contratos y horas',
  /** QA S60: the new client's next steps, each with it chosen. */
  nextUsers: 'Crear sus usuarios',
  nextCalendar: 'Darle su propio calendario',
  taken:
    'Ya existe una organización con ese nombre (o con uno que solo cambia en acentos, mayúsculas o signos).',
};

type OrganizationMessages = typeof organizationEsMX;

const organizationEn: OrganizationMessages = {
  title: 'New client organization',
  intro:
    'A company that receives the support service. Then create its policy and hour packages in “Contracts and hours”, its calendar if it does not use the default one, and its users in “Create user” on this page.',
  name: 'Company name',
  nameHint: 'As its users will see it, e.g. Comercializadora Aurora, S.A. de C.V.',
  create: 'Create organization',
  created: (name) => `Organization ${name} created.`,
  next: 'Create its policy in Contracts and hours',
  nextUsers: 'Create its users',
  nextCalendar: 'Give it a calendar of its own',
  taken:
    'An organization with that name already exists (or with one that differs only in accents, capitals or punctuation).',
};

export const organizationTexts = (language: Language): OrganizationMessages =>
  language === 'en' ? organizationEn : organizationEsMX;

/**
 * Provider admins add a client company; the users page's lists then offer it, and «Crear usuario»
 * has it chosen (QA S60: it kept «Becken»). The note under it leads to its next steps with it
 * chosen: its users (this page's form), its policy, its calendar.
 */
export function CreateOrganizationForm({
  onCreated,
  onCreateUsers,
}: {
  onCreated: (organization: Organization) => Promise<void>;
  /** «Crear sus usuarios»: the page's new-user form, for `organizationId`. */
  onCreateUsers: (organizationId: string) => void;
}) {
  const { language } = useI18n();
  const m = organizationTexts(language);
  const { call } = useSession();
  const form = useMutationForm();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<Organization>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await form.run(
      async () => {
        const { createOrganization } = await call(CREATE_CLIENT_ORGANIZATION, {
          input: { name: name.trim(), kind: 'CLIENT' },
        });
        await onCreated(createOrganization);
        setCreated(createOrganization);
        return createOrganization;
      },
      (org, w) => organizationTexts(w.language).created(org.name),
    );
    if (ok) setName('');
  };

  // The slug derived from the name is taken: said in words, not as the server's English.
  const taken = form.error instanceof ApiError && form.error.code === 'CONFLICT';

  return (
    <section className="card" aria-labelledby="create-organization-title">
      <h2 id="create-organization-title">{m.title}</h2>
      <p className="muted">{m.intro}</p>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <TextField
          id="new-organization-name"
          name="name"
          className="span-2"
          label={m.name}
          required
          maxLength={200}
          autoComplete="organization"
          aria-describedby="new-organization-name-hint"
          value={name}
          onChange={setName}
        >
          <p className="hint" id="new-organization-name-hint">
            {m.nameHint}
          </p>
        </TextField>
        <div className="form-actions span-all">
          <button type="submit" className="button primary" disabled={form.busy}>
            {m.create}
          </button>
        </div>
        <div className="span-all">
          {taken ? (
            <p className="notice notice-error" role="alert">
              {m.taken}
            </p>
          ) : (
            <ErrorMessage error={form.error} />
          )}
          <SuccessMessage text={form.done} />
          {form.done && created && (
            <ul className="next-steps" data-testid="organization-next-steps">
              <li>
                <button
                  type="button"
                  className="button ghost small"
                  onClick={() => onCreateUsers(created.id)}
                >
                  {m.nextUsers}
                </button>
              </li>
              <li>
                <Link to={`/contratos?cliente=${created.id}`}>{m.next}</Link>
              </li>
              <li>
                <Link to={`/calendarios?cliente=${created.id}`}>{m.nextCalendar}</Link>
              </li>
            </ul>
          )}
        </div>
      </form>
    </section>
  );
}
