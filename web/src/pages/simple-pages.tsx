import { useI18n } from '../i18n/i18n-context';
import { Link } from '../router/router';

/** A section that is planned but not built yet: says so, shows no made-up data. */
export function ComingSoonPage({ title, body }: { title: string; body: string }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      <p className="badge">{t.placeholder.comingSoon}</p>
      <p>{body}</p>
    </section>
  );
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <section className="card narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t.forbidden.title}</h1>
      <p role="alert">{t.forbidden.body}</p>
      <p>
        <Link to="/">{t.forbidden.back}</Link>
      </p>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="card narrow" aria-labelledby="page-title">
      <h1 id="page-title">{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <p>
        <Link to="/">{t.forbidden.back}</Link>
      </p>
    </section>
  );
}
