import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Link, usePath } from '../router/router';

export interface MenuItem {
  to: string;
  label: string;
}

/** The page's own side room (`--space`, 1rem) right of the entries. */
const SIDE_ROOM_REM = 1;
/** The page's width (`main`'s `max-width`, 72rem): the entries start where its content does. */
const PAGE_REM = 72;

/**
 * Whether the entries, on one line, are wider than the menu bar has room for (QA S53, S54: a phone
 * upright, or on its side at 844 px where a manager's eleven entries ran off the edge; a narrow
 * window). Measured on a hidden copy of the entries (`measure`) whenever the bar's width changes
 * and whenever the entries or their language do (`entries`).
 */
function useEntriesOverflow(
  bar: RefObject<HTMLElement | null>,
  measure: RefObject<HTMLElement | null>,
  entries: string,
): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const barElement = bar.current;
    const measureElement = measure.current;
    if (!barElement || !measureElement) return;
    const check = () => {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const width = barElement.clientWidth;
      // Left of the entries: the page's margin on a wide window, then its side room.
      const left = Math.max(0, (width - PAGE_REM * rem) / 2) + SIDE_ROOM_REM * rem;
      setOverflows(measureElement.offsetWidth > width - left - SIDE_ROOM_REM * rem);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(barElement);
    return () => observer.disconnect();
  }, [bar, measure, entries]);
  return overflows;
}

/**
 * The main menu. When its entries do not fit on one line it folds behind one button that names
 * the page you are on («Menú: Cola»): the entries open in place under it and fold back on the
 * next page, on choosing the page you are on, with Esc, or when a tap or the focus goes elsewhere.
 * A menu of one or two entries (signed out) never folds.
 */
export function MainMenu({
  items,
  isCurrent,
}: {
  items: readonly MenuItem[];
  isCurrent: (item: MenuItem) => boolean;
}) {
  const { t } = useI18n();
  const path = usePath();
  const nav = useRef<HTMLElement>(null);
  const measure = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const overflows = useEntriesOverflow(nav, measure, items.map((item) => item.label).join('\n'));
  const folded = items.length > 2 && overflows;
  const current = items.find(isCurrent);

  useEffect(() => setOpen(false), [path]);

  // Open, it folds back on Esc wherever the focus is, and on a tap or click outside it.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const classes = ['app-nav', folded && 'folded', folded && open && 'open'].filter(Boolean);
  return (
    <nav
      ref={nav}
      className={classes.join(' ')}
      aria-label={t.nav.label}
      onBlur={(event) => {
        // Tabbing on past the last entry (or back before the button) folds it.
        if (open && !nav.current?.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      {folded && (
        <button
          ref={button}
          type="button"
          className="nav-toggle"
          aria-expanded={open}
          aria-controls="app-nav-list"
          onClick={() => setOpen((was) => !was)}
        >
          <span className="nav-toggle-icon" aria-hidden="true">
            {open ? '✕' : '☰'}
          </span>
          {current ? t.nav.menuAt(current.label) : t.nav.menu}
        </button>
      )}
      {/* An entry chosen folds it, the page you are on too (its path does not change). */}
      <ul id="app-nav-list" onClick={() => setOpen(false)}>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={isCurrent(item) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
      <div className="nav-measure" ref={measure} aria-hidden="true">
        {items.map((item) => (
          <span key={item.to}>{item.label}</span>
        ))}
      </div>
    </nav>
  );
}
