import { type FormEvent, useState } from 'react';
import {
  CANNED_BODY_MAX_LENGTH,
  CANNED_TITLE_MAX_LENGTH,
  CREATE_CANNED_RESPONSE,
  type CannedResponse,
  UPDATE_CANNED_RESPONSE,
} from '../api/canned-responses';
import { ApiError } from '../api/graphql-client';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { TextField } from '../components/text-field';
import { useNotice } from '../components/use-notice';
import { useMutationForm } from '../components/use-mutation-form';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';

interface Props {
  /** Unique on the page: prefixes the fields' ids. */
  idPrefix: string;
  /** The response to edit; none: a new one. */
  editing?: CannedResponse;
  /** After the server saved it (the list reloads); a new one's form then empties, an edit closes. */
  onSaved: (saved: CannedResponse) => Promise<void>;
  onCancel?: () => void;
}

/**
 * A canned response's title and text (managers and admins). Checked here first (both required,
 * in the API's limits), then by the server: a title already used is said in words next to the
 * form, which keeps what was typed.
 */
export function CannedResponseForm({ idPrefix, editing, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const c = t.cannedResponses;
  const { call } = useSession();
  const form = useMutationForm();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [bodyEn, setBodyEn] = useState(editing?.bodyEn ?? '');
  const [problem, setProblem] = useNotice();
  // The title the server last answered about: its refusal shows only while that title stands and
  // no newer check of the form's own replaced it (QA: a stale «Ya existe…» next to «Completa…»).
  const [answeredTitle, setAnsweredTitle] = useState<string>();
  const id = (field: string) => `${idPrefix}-${field}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gap = !title.trim()
      ? ([id('title'), 'titleLabel'] as const)
      : !body.trim()
        ? ([id('body'), 'bodyLabel'] as const)
        : undefined;
    if (gap) {
      const label = gap[1];
      setProblem(({ t }) => t.tickets.required(t.cannedResponses[label]));
      document.getElementById(gap[0])?.focus();
      return;
    }
    setProblem(undefined);
    // An empty English text: Spanish only (an edit that empties it removes it).
    const input = { title: title.trim(), body: body.trim(), bodyEn: bodyEn.trim() || null };
    setAnsweredTitle(input.title);
    const ok = await form.run(
      async () => {
        const saved = editing
          ? (await call(UPDATE_CANNED_RESPONSE, { input: { id: editing.id, ...input } }))
              .updateCannedResponse
          : (await call(CREATE_CANNED_RESPONSE, { input })).createCannedResponse;
        await onSaved(saved);
        return saved;
      },
      (saved, w) =>
        editing ? w.t.cannedResponses.saved(saved.title) : w.t.cannedResponses.created(saved.title),
    );
    if (ok && !editing) {
      setTitle('');
      setBody('');
      setBodyEn('');
    }
  };

  const serverError =
    problem === undefined && title.trim() === answeredTitle ? form.error : undefined;
  const taken =
    serverError instanceof ApiError && serverError.reason === 'TITLE_TAKEN'
      ? c.titleTaken(
          typeof serverError.extensions.title === 'string'
            ? serverError.extensions.title
            : title.trim(),
        )
      : undefined;

  return (
    <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
      <TextField
        id={id('title')}
        className="span-all"
        label={c.titleLabel}
        aria-required
        aria-describedby={id('title-hint')}
        maxLength={CANNED_TITLE_MAX_LENGTH}
        autoComplete="off"
        value={title}
        onChange={setTitle}
      >
        <p className="hint" id={id('title-hint')}>
          {c.titleHint}
        </p>
      </TextField>
      <TextAreaField
        id={id('body')}
        className="span-all"
        label={c.bodyLabel}
        hint={c.bodyHint}
        rows={6}
        aria-required
        limit={CANNED_BODY_MAX_LENGTH}
        value={body}
        onChange={setBody}
      />
      <TextAreaField
        id={id('body-en')}
        className="span-all"
        label={c.bodyEnLabel}
        hint={c.bodyEnHint}
        rows={6}
        lang="en"
        limit={CANNED_BODY_MAX_LENGTH}
        value={bodyEn}
        onChange={setBodyEn}
      />
      <FormProblem problem={problem} />
      <div className="form-actions span-all">
        <button type="submit" className="button primary" disabled={form.busy}>
          {editing ? c.saveChanges : c.save}
        </button>
        {onCancel && (
          <button type="button" className="button ghost" onClick={onCancel}>
            {c.cancel}
          </button>
        )}
      </div>
      <div className="span-all">
        {taken ? (
          <p className="notice notice-error" role="alert">
            {taken}
          </p>
        ) : (
          <ErrorMessage error={serverError} />
        )}
        {/* An edit closes the form: the page says it was saved. */}
        {!editing && <SuccessMessage text={form.done} />}
      </div>
    </form>
  );
}
