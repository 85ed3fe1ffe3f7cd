import type { ReactNode } from 'react';

/**
 * A fold button's label: «▸ 3 plazos anteriores» folded, «▾ …» open. One inline box, so the
 * space after the arrow stays: a `.button` is a flex box, and as a child of its own the arrow's
 * trailing space was dropped («▾1 plazo anterior», QA). The arrow is hidden from screen readers
 * (the button's aria-expanded says it).
 */
export function FoldLabel({ open, children }: { open: boolean; children: ReactNode }) {
  return (
    <span>
      <span aria-hidden="true">{open ? '▾' : '▸'}</span> {children}
    </span>
  );
}
