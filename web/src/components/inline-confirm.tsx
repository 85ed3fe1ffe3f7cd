import { type ReactNode, useRef } from 'react';

interface InlineConfirmProps {
  id: string;
  title: string;
  text: string;
  /** What else the change leaves behind, under `text` (a user's open tickets: QA S62). */
  detail?: ReactNode;
  yes: string;
  no: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}

/**
 * A question before a change that cannot be taken back or that reaches others («¿Agregar el … como
 * día festivo?», «¿Desactivar a …?»): what it does in words, then yes / cancel, the focus on cancel
 * so Enter does not confirm by accident. An alertdialog in the page, not the browser's
 * `window.confirm`, whose title names the host and whose buttons speak the browser's language
 * (QA S55).
 */
export function InlineConfirm({
  id,
  title,
  text,
  detail,
  yes,
  no,
  busy,
  onYes,
  onNo,
}: InlineConfirmProps) {
  // What had the focus when it opened (its opener: read before «Cancelar» takes the focus), to
  // give it back on «Cancelar» or Esc (QA S56: Esc did nothing here, unlike the ticket's forms).
  const opener = useRef(document.activeElement);
  const cancel = () => {
    const back = opener.current;
    onNo();
    if (back instanceof HTMLElement) requestAnimationFrame(() => back.isConnected && back.focus());
  };
  return (
    <div
      className="notice notice-info"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={detail ? `${id}-text ${id}-detail` : `${id}-text`}
      data-testid={`${id}-confirm`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || busy) return;
        e.preventDefault();
        e.stopPropagation();
        cancel();
      }}
    >
      <p>
        <strong id={`${id}-title`}>{title}</strong>
      </p>
      <p id={`${id}-text`}>{text}</p>
      {detail && <div id={`${id}-detail`}>{detail}</div>}
      <div className="form-actions">
        <button type="button" className="button primary" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="button" autoFocus onClick={cancel}>
          {no}
        </button>
      </div>
    </div>
  );
}

/** {@link InlineConfirm} as a table row under the row it asks about, across its `columns`. */
export function InlineConfirmRow({ columns, ...props }: InlineConfirmProps & { columns: number }) {
  return (
    <tr className="confirm-row">
      <td colSpan={columns}>
        <InlineConfirm {...props} />
      </td>
    </tr>
  );
}
