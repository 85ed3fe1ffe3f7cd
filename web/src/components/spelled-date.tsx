import { spelledDateInput } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';

/**
 * The day (and time) a native date control holds, in words in the UI language, as a hint under
 * it that describes it (`id` in the control's `aria-describedby`): browsers draw the control in
 * their own language and order. Empty while the control is empty or invalid.
 */
export function SpelledDate({ id, value }: { id: string; value: string }) {
  const { language } = useI18n();
  return (
    <p className="hint" id={id}>
      {spelledDateInput(value, language)}
    </p>
  );
}

/** The id of the {@link SpelledDate} of the control `inputId`. */
export function spelledDateId(inputId: string): string {
  return `${inputId}-spelled`;
}
