import { type FormEvent, useEffect, useState } from 'react';
import {
  RATE_TICKET,
  RATING_ANCHOR,
  RATING_COMMENT_MAX_LENGTH,
  SCORES,
  TICKET_SATISFACTION,
  type TicketSatisfaction,
} from '../api/satisfaction';
import { ErrorMessage, SuccessMessage } from '../components/error-message';
import { FormProblem, TextAreaField } from '../components/text-area-field';
import { useNotice } from '../components/use-notice';
import { useMutationForm } from '../components/use-mutation-form';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSession } from '../session/session-context';
import { useLocalTime } from './ticket-bits';

/** Client users of the ticket's organization rate it (the API checks the organization). */
const RATING_ROLES = new Set(['CLIENT_USER', 'CLIENT_APPROVER']);

/** The rating as read: score in words, comment, who and when. */
function RatingView({ rating, own }: { rating: TicketSatisfaction; own: boolean }) {
  const { t } = useI18n();
  const c = t.satisfaction;
  const { format } = useLocalTime();
  const who = rating.ratedByName ?? '—';
  return (
    <figure className="authorization" data-testid="satisfaction-rating">
      <p>
        <strong>{own ? c.yourRating : c.clientRating}: </strong>
        <span data-testid="satisfaction-score">{c.scoreOf(rating.score)}</span>
        {' · '}
        {c.scores[rating.score]}
      </p>
      {rating.comment ? (
        <blockquote>
          <p className="prewrap">{rating.comment}</p>
        </blockquote>
      ) : (
        <p className="muted">{c.noComment}</p>
      )}
      <figcaption className="muted small">
        {/* The name is who gave the current score: the first rater, or the last to change it. */}
        {rating.updatedAt === rating.ratedAt
          ? c.ratedBy(who, format(rating.ratedAt))
          : c.changedBy(who, format(rating.updatedAt), format(rating.ratedAt))}
      </figcaption>
    </figure>
  );
}

/**
 * On a CLOSED ticket: the client's rating of the support (1–5 and a comment). Client users of the
 * ticket's organization rate it and may change it for 14 days after the first rating; provider
 * staff read it. The closure email links here (`#calificar`).
 */
export function SatisfactionSection({ number }: { number: string }) {
  const { t } = useI18n();
  const c = t.satisfaction;
  const { user, call } = useSession();
  const { format } = useLocalTime();
  const query = useQuery(TICKET_SATISFACTION, { number });
  const rating = query.data?.ticket.satisfaction ?? null;
  const client = user ? user.roles.some((r) => RATING_ROLES.has(r)) : false;
  const changeable = rating === null || Date.now() < Date.parse(rating.changeableUntil);
  const [editing, setEditing] = useState(false);
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useNotice();
  const form = useMutationForm();

  // The closure email's link: bring the rating into view once it is here.
  const loaded = query.data !== undefined;
  useEffect(() => {
    if (loaded && window.location.hash === `#${RATING_ANCHOR}`) {
      document.getElementById(RATING_ANCHOR)?.scrollIntoView({ block: 'start' });
    }
  }, [loaded]);

  const startEditing = () => {
    setScore(rating?.score);
    setComment(rating?.comment ?? '');
    setProblem(undefined);
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === undefined) {
      setProblem(({ t }) => t.satisfaction.chooseScore);
      document.getElementById('rating-score-1')?.focus();
      return;
    }
    setProblem(undefined);
    const saved = await form.run(
      () => call(RATE_TICKET, { input: { number, score, comment: comment.trim() || null } }),
      (_, w) => w.t.satisfaction.thanks,
    );
    if (saved) {
      setEditing(false);
      await query.reload();
    }
  };

  const showForm = client && changeable && (rating === null || editing);

  return (
    <section
      className="card"
      id={RATING_ANCHOR}
      aria-labelledby="satisfaction-title"
      data-testid="satisfaction"
    >
      <h2 id="satisfaction-title">{client && showForm ? c.question : c.title}</h2>
      <ErrorMessage error={query.error} />
      {query.loading && !query.data && <p role="status">{t.loading}</p>}
      {loaded && !rating && !client && <p className="muted">{c.notRated}</p>}
      {rating && !editing && (
        <RatingView rating={rating} own={client && rating.ratedById === user?.id} />
      )}
      {rating && client && !editing && (
        <p className="muted small" data-testid="satisfaction-window">
          {changeable
            ? c.changeableUntil(format(rating.changeableUntil))
            : c.windowClosed(format(rating.changeableUntil))}
        </p>
      )}
      {rating && client && changeable && !editing && (
        <p>
          <button type="button" className="button" onClick={startEditing}>
            {c.change}
          </button>
        </p>
      )}
      {loaded && showForm && (
        <form className="form-grid" noValidate onSubmit={(e) => void submit(e)}>
          {!rating && <p className="muted span-all">{c.intro}</p>}
          <fieldset className="field span-all">
            <legend>{c.scoreLegend}</legend>
            {SCORES.map((s) => (
              <label className="check" key={s}>
                <input
                  type="radio"
                  id={`rating-score-${s}`}
                  name="rating-score"
                  value={s}
                  checked={score === s}
                  onChange={() => {
                    setScore(s);
                    setProblem(undefined);
                  }}
                />
                {c.scoreOption(s, c.scores[s])}
              </label>
            ))}
          </fieldset>
          <TextAreaField
            id="rating-comment"
            name="comment"
            className="span-all"
            label={c.comment}
            hint={c.commentHint}
            rows={3}
            limit={RATING_COMMENT_MAX_LENGTH}
            value={comment}
            onChange={setComment}
          />
          <FormProblem problem={problem} />
          <div className="form-actions span-all">
            <button type="submit" className="button primary" disabled={form.busy}>
              {form.busy ? c.sending : rating ? c.save : c.submit}
            </button>
            {rating && (
              <button type="button" className="button" onClick={() => setEditing(false)}>
                {c.cancel}
              </button>
            )}
          </div>
          <div className="span-all">
            <ErrorMessage error={form.error} />
          </div>
        </form>
      )}
      <SuccessMessage text={editing ? undefined : form.done} />
    </section>
  );
}
