import type { Page } from 'playwright-core';
import { horizontalOverflow, inSpanish, logIn, newPage } from './support/browser';
import { startE2eWorld, type E2eWorld } from './support/e2e-world';

// L3-11 (S18): «Correo saliente» answers «did the client get the email for L3-2025-000777?»:
// a manager narrows it by ticket, recipient and days (in their own zone, Mexico City here) besides
// the status; the filters live in the address (a reload or a shared link keeps them), days out of
// order are said before asking, and a search that finds nothing says so.

const MANAGER = 'gerente@becken.example';
const TICKET = 'L3-2025-000777';
const LONG_TICKET = 'L3-2025-000779';
const LONG_ADDRESS = 'aprobacion.de.compras@comercializadora-aurora-del-norte.example';

/** Subject, ticket, recipient, queued at (UTC; Mexico City is UTC−6 in November). */
const EMAILS: readonly [string, string, string, string][] = [
  ['Filtro uno', TICKET, 'ana@filtros.example', '2025-11-03T15:00:00Z'],
  ['Filtro dos', TICKET, 'luis@otro.example', '2025-11-04T15:00:00Z'],
  // 23:30 on Nov 5 in Mexico City, already Nov 6 in UTC: still Nov 5 for the manager.
  ['Filtro tres', TICKET, 'ana@filtros.example', '2025-11-06T05:30:00Z'],
  ['Filtro cuatro', 'L3-2025-000778', 'ana@filtros.example', '2025-11-05T15:00:00Z'],
  ['Filtro largo', LONG_TICKET, LONG_ADDRESS, '2025-11-05T16:00:00Z'],
];

describe('Outgoing mail: search by ticket, recipient and days (web app)', () => {
  let e2e: E2eWorld;
  let page: Page;

  beforeAll(async () => {
    e2e = await startE2eWorld('outbox_filters');
    for (const [subject, ticket, to, at] of EMAILS) {
      await e2e.world.db.query(
        `INSERT INTO email_outbox (event_key, event_type, ticket_number, recipient_address, locale,
           template, payload, subject, text, html, message_id, status, attempts, created_at, sent_at)
         VALUES ('e2e-filter:' || $1, 'TICKET_REGISTERED', $2, $3, 'es-MX', 'ticket-registered',
           '{}', $1, 'texto', '<p>texto</p>', '<e2e-filter-' || md5($1) || '@localhost>', 'SENT',
           1, $4, $4)`,
        [subject, ticket, to, at],
      );
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });
  afterEach(async () => {
    await page?.context().close();
  });

  /** The subjects the table shows, once it shows `expected` (in that order). */
  async function subjectsAre(expected: string[]): Promise<void> {
    // A string, run in the page (the tests' types know no DOM).
    await page.waitForFunction(
      `JSON.stringify([...document.querySelectorAll('[data-testid=outbox] tbody tr th')].map(
        (th) => th.firstChild?.textContent ?? '')) === ${JSON.stringify(JSON.stringify(expected))}`,
    );
  }

  it('narrows by ticket, recipient and days, kept in the address (es)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/correo');
    await page.getByTestId('outbox').waitFor();

    await page.getByLabel('Ticket', { exact: true }).fill(' l3-2025-000777 ');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await subjectsAre(['Filtro tres', 'Filtro dos', 'Filtro uno']);
    expect(new URL(page.url()).searchParams.get('ticket')).toBe(TICKET);

    await page.getByLabel('Destinatario', { exact: true }).fill('ANA@filtros');
    await page.getByLabel('Desde', { exact: true }).fill('2025-11-04');
    await page.getByLabel('Hasta', { exact: true }).fill('2025-11-05');
    // The browser draws the control in its own language and order: the day is said in words too,
    // and describes the field.
    expect(await page.locator('#outbox-from-spelled').innerText()).toBe(
      'martes, 4 de noviembre de 2025',
    );
    expect(await page.locator('#outbox-to-spelled').innerText()).toBe(
      'miércoles, 5 de noviembre de 2025',
    );
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    // Nov 5, 23:30 in Mexico City counts as Nov 5 (it is Nov 6 in UTC).
    await subjectsAre(['Filtro tres']);

    // A reload (or the link, shared) keeps the search.
    await page.reload();
    await subjectsAre(['Filtro tres']);
    expect(await page.getByLabel('Destinatario', { exact: true }).inputValue()).toBe('ANA@filtros');
    expect(await page.getByLabel('Hasta', { exact: true }).inputValue()).toBe('2025-11-05');

    // «Hasta» before «Desde»: said, nothing asked, the list unchanged.
    await page.getByLabel('Hasta', { exact: true }).fill('2025-11-01');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page
      .getByTestId('outbox-filter-error')
      .getByText('La fecha «Hasta» no puede ser anterior a «Desde».')
      .waitFor();
    await subjectsAre(['Filtro tres']);
    // Both dates are marked invalid and described by the message, then by their hint (QA S18)
    // and the day in words.
    for (const [label, id] of [
      ['Desde', 'outbox-from'],
      ['Hasta', 'outbox-to'],
    ]) {
      const field = page.getByLabel(label, { exact: true });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe(
        `outbox-filter-error outbox-dates-hint ${id}-spelled`,
      );
    }
    expect(await page.locator('#outbox-to-spelled').innerText()).toBe(
      'sábado, 1 de noviembre de 2025',
    );
    expect(await page.getByTestId('outbox-filter-error').getAttribute('id')).toBe(
      'outbox-filter-error',
    );
    expect(await page.getByLabel('Ticket', { exact: true }).getAttribute('aria-invalid')).toBe(
      null,
    );

    await page.getByLabel('Hasta', { exact: true }).fill('2025-11-04');
    await page.getByLabel('Estado', { exact: true }).selectOption('FAILED');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    expect(await page.getByTestId('outbox-empty').innerText()).toBe(
      'Ningún correo coincide con los filtros.',
    );
    expect(await page.getByTestId('outbox-filter-error').count()).toBe(0);
    expect(await page.getByLabel('Hasta', { exact: true }).getAttribute('aria-invalid')).toBe(null);
    expect(await page.getByLabel('Hasta', { exact: true }).getAttribute('aria-describedby')).toBe(
      'outbox-dates-hint outbox-to-spelled',
    );

    // In English, the same day in English words.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.waitForFunction(
      `document.querySelector('#outbox-from-spelled')?.textContent === 'Tuesday, November 4, 2025'`,
    );
    await page.getByRole('button', { name: 'Español', exact: true }).click();

    await page.getByRole('button', { name: 'Quitar filtros' }).click();
    await page.getByTestId('outbox').getByText('Filtro cuatro').waitFor();
    expect(new URL(page.url()).search).toBe('');
    // No day chosen, no day said.
    expect(await page.locator('#outbox-from-spelled').innerText()).toBe('');
  });

  it('choosing a status applies the ticket typed above it too (QA S18)', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await inSpanish(page);
    await page.goto('/correo');
    await page.getByTestId('outbox').waitFor();
    // Typed, not searched yet: the status chosen next searches what the form says, both.
    await page.getByLabel('Ticket', { exact: true }).fill('l3-2025-000778');
    await page.getByLabel('Estado', { exact: true }).selectOption('SENT');
    await subjectsAre(['Filtro cuatro']);
    const address = new URL(page.url()).searchParams;
    expect([address.get('ticket'), address.get('estado')]).toEqual(['L3-2025-000778', 'SENT']);
    // A mistake in the form is said, and the list stays what it was.
    await page.getByLabel('Ticket', { exact: true }).fill('778');
    await page.getByLabel('Estado', { exact: true }).selectOption('');
    await page
      .getByTestId('outbox-filter-error')
      .getByText('Escriba el número completo del ticket, p. ej. L3-2026-000123.')
      .waitFor();
    await subjectsAre(['Filtro cuatro']);
  });

  it('a long address breaks only between its parts, before its «@» or after a hyphen, at 1280, 1024 and 390 px (QA)', async () => {
    for (const width of [1280, 1024, 390]) {
      ({ page } = await newPage(e2e.browser, e2e.baseURL, { width, height: 900 }));
      await logIn(page, MANAGER, e2e.password(MANAGER));
      await inSpanish(page);
      await page.goto(`/correo?ticket=${LONG_TICKET}`);
      await subjectsAre(['Filtro largo']);
      // The address as laid out: its characters grouped by the top of their boxes, line by line.
      const lines = await page.evaluate<string[]>(`(() => {
        const cell = document.querySelector('[data-testid=outbox] tbody td[data-label="Destinatario"]');
        const byTop = new Map();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.data.length; i += 1) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const top = Math.round(range.getBoundingClientRect().top);
            byTop.set(top, (byTop.get(top) ?? '') + node.data[i]);
          }
        }
        return [...byTop.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
      })()`);
      expect(lines.join('')).toBe(LONG_ADDRESS);
      const midWord = lines
        .slice(1)
        .flatMap((line, i) =>
          line.startsWith('@') || lines[i].endsWith('-') ? [] : [`${lines[i]} | ${line}`],
        );
      expect({ width, lines, midWord }).toEqual({ width, lines, midWord: [] });
      await page.context().close();
    }
  });

  it('shows a whole ticket number and the chosen days in their fields, at 1280 and 390 px (QA S18)', async () => {
    for (const width of [1280, 390]) {
      ({ page } = await newPage(e2e.browser, e2e.baseURL, { width, height: 900 }));
      await logIn(page, MANAGER, e2e.password(MANAGER));
      await inSpanish(page);
      await page.goto(`/correo?ticket=${TICKET}&desde=2025-11-04&hasta=2025-11-05`);
      await subjectsAre(['Filtro tres', 'Filtro dos']);
      // Each field's room for text against what its value needs: the ticket number's width in the
      // field's own font, a date field's own width when nothing narrows it. A string, run in the page.
      const short = await page.evaluate<string[]>(`(() => {
        const canvas = document.createElement('canvas').getContext('2d');
        const room = (el) => {
          const s = getComputedStyle(el);
          return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
        };
        const out = [];
        const ticket = document.getElementById('outbox-ticket');
        canvas.font = getComputedStyle(ticket).font;
        if (room(ticket) < canvas.measureText(ticket.value).width) out.push('outbox-ticket');
        for (const id of ['outbox-from', 'outbox-to']) {
          const el = document.getElementById(id);
          const shown = el.getBoundingClientRect().width;
          const width = el.style.width;
          el.style.width = 'max-content';
          const needed = el.getBoundingClientRect().width;
          el.style.width = width;
          if (shown + 0.5 < needed) out.push(id + ' ' + shown + ' < ' + needed);
        }
        return out;
      })()`);
      expect({ width, short }).toEqual({ width, short: [] });
      expect(await horizontalOverflow(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('says in English that no email matches', async () => {
    ({ page } = await newPage(e2e.browser, e2e.baseURL));
    await logIn(page, MANAGER, e2e.password(MANAGER));
    await page.goto('/correo?destinatario=nadie%40filtros.example');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('No email matches the filters.').waitFor();
    expect(await page.getByLabel('Recipient', { exact: true }).inputValue()).toBe(
      'nadie@filtros.example',
    );
  });
});
