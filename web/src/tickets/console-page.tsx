import { useState } from 'react';
import { TICKETS } from '../api/tickets';
import { ErrorMessage } from '../components/error-message';
import { useQuery } from '../components/use-query';
import { useI18n } from '../i18n/i18n-context';
import { bySoonestDeadline, TicketTable } from './ticket-bits';

/** Agents' work queue: open tickets of every client, soonest SLA deadline first. */
export function ConsolePage() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const tickets = useQuery(TICKETS, {
    filter: { openOnly: true, ...(search ? { text: search } : {}) },
    first: 200,
  });
  const items = tickets.data ? [...tickets.data.tickets.items].sort(bySoonestDeadline) : undefined;

  return (
    <section className="card" aria-labelledby="page-title">
      <h1 id="page-title">{t.console.title}</h1>
      <p className="muted">{t.console.intro}</p>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim() === search) void tickets.reload();
          else setSearch(text.trim());
        }}
      >
        <div className="field inline">
          <label htmlFor="console-search">{t.console.search}</label>
          <input
            id="console-search"
            type="search"
            value={text}
            aria-describedby="console-search-hint"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button">
          {t.console.refresh}
        </button>
        <p className="hint" id="console-search-hint">
          {t.console.searchHint}
        </p>
      </form>
      <ErrorMessage error={tickets.error} />
      {tickets.loading && !items && <p role="status">{t.loading}</p>}
      {items && items.length === 0 && <p>{t.tickets.empty}</p>}
      {items && items.length > 0 && <TicketTable items={items} testId="queue" />}
    </section>
  );
}
