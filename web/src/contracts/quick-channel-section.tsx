import { type FormEvent, useState } from 'react';
import { QUICK_CHANNEL, SET_QUICK_CHANNEL } from '../api/planning';
import { ErrorMessage } from '../components/error-message';
import { FormFooter } from '../components/form-footer';
import { TextField } from '../components/text-field';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';

/** L3-14: managers set (or remove) the client's WhatsApp group link shown in its portal. */
export function QuickChannelSection({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const w = t.planning.quickChannel;
  const { call } = useSession();
  const query = useQuery(QUICK_CHANNEL, { organizationId });
  const form = useMutationForm();
  const [url, setUrl] = useState<string>();
  const current = query.data?.quickChannel.whatsappGroupUrl ?? '';
  const value = url ?? current;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const link = value.trim();
    const ok = await form.run(
      () =>
        call(SET_QUICK_CHANNEL, {
          input: { organizationId, whatsappGroupUrl: link === '' ? null : link },
        }),
      (_, words) =>
        link === '' ? words.t.planning.quickChannel.removed : words.t.planning.quickChannel.saved,
    );
    if (ok) {
      setUrl(undefined);
      await query.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="quick-channel-title">
      <h2 id="quick-channel-title">{w.title}</h2>
      <p className="muted">{w.intro}</p>
      <ErrorMessage error={query.error} />
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <TextField
          id="quick-channel-url"
          className="span-2"
          label={w.url}
          type="url"
          inputMode="url"
          aria-describedby="quick-channel-hint"
          value={value}
          onChange={setUrl}
        >
          <p className="hint" id="quick-channel-hint">
            {w.urlHint}
          </p>
        </TextField>
        <FormFooter
          form={form}
          label={w.save}
          buttonClassName="button primary"
          disabled={!query.data}
        />
      </form>
    </section>
  );
}

/** L3-14: the client's WhatsApp group link in its portal (nothing more). */
export function QuickChannelCard() {
  const { t } = useI18n();
  const w = t.planning.quickChannel;
  const query = useQuery(QUICK_CHANNEL, { organizationId: null });
  const url = query.data?.quickChannel.whatsappGroupUrl;
  return (
    <section className="card" aria-labelledby="quick-channel-title" data-testid="quick-channel">
      <h2 id="quick-channel-title">{w.title}</h2>
      <p className="muted">{w.intro}</p>
      <ErrorMessage error={query.error} />
      {query.data &&
        (url ? (
          <p>
            <a className="whatsapp-link" href={url} target="_blank" rel="noopener noreferrer">
              {w.open}
            </a>
          </p>
        ) : (
          <p>{w.none}</p>
        ))}
    </section>
  );
}
