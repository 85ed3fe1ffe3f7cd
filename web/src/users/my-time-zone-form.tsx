import { type FormEvent, useState } from 'react';
import { FormFooter } from '../components/form-footer';
import { TimeZonePicker } from '../components/time-zone-picker';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { accountTexts } from './account-texts';

/** The logged-in user's own time zone (L3-04, L3-11): their screens' and emails' dates. */
export function MyTimeZoneForm() {
  const { language } = useI18n();
  const a = accountTexts(language);
  const { user, savePreferences } = useSession();
  const form = useMutationForm();
  const [zone, setZone] = useState(user?.timeZone ?? '');
  if (!user) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.run(
      () => savePreferences({ timeZone: zone }),
      (_, w) => accountTexts(w.language).zoneSaved,
    );
  };

  return (
    <section className="card narrow" aria-labelledby="my-time-zone-title">
      <h2 id="my-time-zone-title">{a.zoneTitle}</h2>
      <p>{a.zoneIntro}</p>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <TimeZonePicker
          id="my-time-zone"
          label={a.zoneLabel}
          className="span-all"
          value={zone}
          onChange={setZone}
        />
        <FormFooter
          form={form}
          label={a.zoneSubmit}
          buttonClassName="button primary"
          disabled={zone === user.timeZone}
        />
      </form>
    </section>
  );
}
