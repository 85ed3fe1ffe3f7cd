import { maxDeadlineAmount, type DeadlineUnit } from '../../../src/shared/deadline-amount';
import { numberFormat } from '../../../src/shared/intl-formats';
import type { Messages } from '../i18n/es-mx';

/** What the calculator's form holds, as typed. */
export interface DeadlineInputs {
  readonly from: string;
  readonly amount: string;
  readonly unit: DeadlineUnit;
}

/**
 * The first input the calculator cannot ask about, in the page's words; undefined when it can
 * ask. An empty, negative, fractional or too large amount is said here as one sentence, the way
 * the server words the same rule (QA S54: not the browser's bubble; QA S56: a too large amount
 * read «Revise lo siguiente: …» from the server where a negative one read one sentence).
 */
export function deadlineInputProblem(
  inputs: DeadlineInputs,
  t: Pick<Messages, 'serverErrors' | 'deadline'>,
  language: string,
): string | undefined {
  const c = t.serverErrors.constraints;
  const count = Number(inputs.amount);
  const max = maxDeadlineAmount(inputs.unit);
  const checks: [boolean, () => string][] = [
    [!inputs.from, () => c.isNotEmpty(t.deadline.from)],
    [inputs.amount.trim() === '', () => c.isNotEmpty(t.deadline.amount)],
    // Digits only: «1e3» or «0x10» are numbers to JavaScript, not amounts a person types (QA S57).
    [!/^-?\d+$/.test(inputs.amount.trim()), () => c.isInt(t.deadline.amount)],
    [count < 0, () => c.min(t.deadline.amount, '0')],
    [count > max, () => c.max(t.deadline.amount, numberFormat(language, {}).format(max))],
  ];
  return checks.find(([failed]) => failed)?.[1]();
}
