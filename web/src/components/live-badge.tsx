import type { LiveStatus } from '../api/live';
import { useI18n } from '../i18n/i18n-context';

/** Whether the screen follows changes live: in words and colour (never colour alone). */
export function LiveBadge({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  const cls = status === 'live' ? 'badge live' : status === 'connecting' ? 'badge' : 'badge off';
  return (
    <span className={cls} data-testid="live-status" data-status={status}>
      {t.live[status]}
    </span>
  );
}
