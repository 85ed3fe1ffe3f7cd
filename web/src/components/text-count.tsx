import { useI18n } from '../i18n/i18n-context';
import { textCountText } from './text-count-text';

/**
 * A text field's count near its limit (`TEXT_LIMITS`), under the field, so a long text is seen to
 * be too long before it is sent (QA S51: only the refusal said so). The field has no `maxLength`:
 * a long paste is kept whole for its writer to shorten, not cut where the browser stops it.
 * `id` is for the field's `aria-describedby` while the count shows (`countId`); a polite status
 * announces it as it changes. Empty below the threshold, it takes no room (`.hint:empty`).
 */
export function TextCount({ id, value, limit }: { id: string; value: string; limit: number }) {
  const { t } = useI18n();
  const count = textCountText(value.length, limit, t.textCount);
  return (
    <p
      id={id}
      role="status"
      className={count?.over ? 'field-error' : 'hint'}
      data-testid="text-count"
    >
      {count?.text}
    </p>
  );
}
