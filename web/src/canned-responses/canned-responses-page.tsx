import { Fragment, useState } from 'react';
import {
  CANNED_RESPONSES,
  type CannedResponse,
  DELETE_CANNED_RESPONSE,
} from '../api/canned-responses';
import { InlineConfirm } from '../components/inline-confirm';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { can } from '../session/roles';
import { useSession } from '../session/session-context';
import { useLocalTime } from '../tickets/ticket-bits';
import { cannedLanguages, PLACEHOLDERS } from './canned-fill';
import { CannedResponseForm } from './canned-response-form';
import { useNotice } from '../components/use-notice';

const editButtonId = (id: string) => `canned-${id}-edit`;
const LIST_TITLE_ID = 'canned-list-title';

/** Focus back on a control that stays once the one that had it is gone (form closed, row deleted). */
function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * «Respuestas predefinidas»: the texts provider staff insert into the comments and notes the
 * client reads (L3-06, L3-07, L3-11), with the placeholders they may hold. Agents read them;
 * managers and admins also write, edit and delete them (delete asks first).
 */
export function CannedResponsesPage() {
  const { t } = useI18n();
  const c = t.cannedResponses;
  const { user, call } = useSession();
  const manage = user ? can.manageCannedResponses(user) : false;
  const { format } = useLocalTime();
  const list = useQuery(CANNED_RESPONSES, {});
  const responses = list.data?.cannedResponses;
  const [editingId, setEditingId] = useState<string>();
  /** The response whose deletion is being asked about, in the page (QA S55). */
  const [deletingId, setDeletingId] = useState<string>();
  const [notice, setNotice] = useNotice();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const closeEdit = (id: string) => {
    setEditingId(undefined);
    focusLater(editButtonId(id));
  };

  const remove = async (response: CannedResponse) => {
    setDeletingId(undefined);
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await call(DELETE_CANNED_RESPONSE, { id: response.id });
      await list.reload();
      setNotice((w) => w.t.cannedResponses.deleted(response.title));
      if (editingId === response.id) setEditingId(undefined);
      focusLater(LIST_TITLE_ID);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="page-title">
        <h1 id="page-title">{c.title}</h1>
        <p className="muted">{c.intro}</p>
        {!manage && <p className="notice notice-info">{c.readOnly}</p>}
        <section className="subsection" aria-labelledby="canned-placeholders-title">
          <h2 id="canned-placeholders-title">{c.placeholdersTitle}</h2>
          <p className="muted">{c.placeholdersIntro}</p>
          <dl className="facts" data-testid="canned-placeholders">
            {PLACEHOLDERS.map((p) => (
              <Fragment key={p.name}>
                <dt>
                  <code>{`{{${p.name}}}`}</code>
                </dt>
                <dd>
                  {c.placeholders[p.name]}
                  {p.alias !== p.name && (
                    <span className="muted">
                      {' '}
                      (<code>{c.alsoAlias(p.alias)}</code>)
                    </span>
                  )}
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
      </section>

      <section className="card" aria-labelledby={LIST_TITLE_ID} data-testid="canned-responses">
        <div className="title-row">
          <h2 id={LIST_TITLE_ID} tabIndex={-1}>
            {c.listTitle}
          </h2>
          {responses && responses.length > 0 && (
            <span className="badge">{c.count(responses.length)}</span>
          )}
        </div>
        <ErrorMessage error={list.error} />
        {list.loading && !responses && <p role="status">{t.loading}</p>}
        {responses && responses.length === 0 && <p className="muted">{c.empty}</p>}
        {responses && responses.length > 0 && (
          <ul className="canned-list">
            {responses.map((r) => {
              const editing = editingId === r.id;
              const titleId = `canned-${r.id}-heading`;
              return (
                <li key={r.id} aria-labelledby={titleId} data-testid="canned-response">
                  <div className="title-row">
                    <h3 id={titleId}>{r.title}</h3>
                    {manage && (
                      <div className="row-actions">
                        <button
                          id={editButtonId(r.id)}
                          type="button"
                          className="button small"
                          aria-label={c.editLabel(r.title)}
                          aria-expanded={editing}
                          onClick={() => {
                            setNotice(undefined);
                            setEditingId(editing ? undefined : r.id);
                          }}
                        >
                          {c.edit}
                        </button>{' '}
                        <button
                          type="button"
                          className="button small danger"
                          aria-label={c.deleteLabel(r.title)}
                          disabled={busy}
                          onClick={() => setDeletingId(r.id)}
                        >
                          {c.delete}
                        </button>
                      </div>
                    )}
                  </div>
                  {deletingId === r.id && (
                    <InlineConfirm
                      id={`canned-${r.id}-delete`}
                      title={c.confirmDelete(r.title)}
                      text={c.confirmDeleteText}
                      yes={c.deleteYes}
                      no={c.cancel}
                      busy={busy}
                      onYes={() => void remove(r)}
                      onNo={() => setDeletingId(undefined)}
                    />
                  )}
                  {editing ? (
                    <CannedResponseForm
                      key={r.id}
                      idPrefix={`canned-edit-${r.id}`}
                      editing={r}
                      onSaved={async (saved) => {
                        await list.reload();
                        setNotice((w) => w.t.cannedResponses.saved(saved.title));
                        closeEdit(r.id);
                      }}
                      onCancel={() => closeEdit(r.id)}
                    />
                  ) : r.bodyEn ? (
                    <dl className="facts canned-texts">
                      <dt>{c.spanishText}</dt>
                      <dd className="prewrap canned-body">{r.body}</dd>
                      <dt>{c.englishText}</dt>
                      <dd className="prewrap canned-body" lang="en">
                        {r.bodyEn}
                      </dd>
                    </dl>
                  ) : (
                    <p className="prewrap canned-body">{r.body}</p>
                  )}
                  <p className="muted small" data-testid="canned-languages">
                    {c.languagesLabel}:{' '}
                    {c.languagesList(cannedLanguages(r).map((l) => c.languageNames[l]))}
                  </p>
                  <p className="muted small">
                    {c.lastChange}: {c.updatedBy(r.updatedByName, format(r.updatedAt))}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        <ErrorMessage error={error} />
        <SuccessMessage text={notice} />
      </section>

      {manage && (
        <section className="card" aria-labelledby="canned-new-heading" data-testid="canned-new">
          <h2 id="canned-new-heading">{c.create}</h2>
          <CannedResponseForm
            idPrefix="canned-new"
            onSaved={async () => {
              setNotice(undefined);
              await list.reload();
            }}
          />
        </section>
      )}
    </div>
  );
}
