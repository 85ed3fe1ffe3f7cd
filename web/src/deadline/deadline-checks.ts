import {
  deadlineAmountProblem,
  type DeadlineUnit,
  maxDeadlineAmount,
} from '../../../src/shared/deadline-amount';
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
 * read «Revise lo siguiente: …» from the server where a negative one read one sentence). Hours
 * may have decimals that come to whole minutes (QA S57: 1.5 hours, as the cadence form takes).
 */
export function deadlineInputProblem(
  inputs: DeadlineInputs,
  t: Pick<Messages, 'serverErrors' | 'deadline'>,
  language: string,
): string | undefined {
  const c = t.serverErrors.constraints;
  const field = t.deadline.amount;
  const typed = inputs.amount.trim();
  const count = Number(typed);
  const max = maxDeadlineAmount(inputs.unit);
  const hours = inputs.unit === 'BUSINESS_HOURS';
  const notWhole = () => (hours ? t.deadline.wholeMinutes(field) : c.isInt(field));
  const problem = deadlineAmountProblem(count, inputs.unit);
  const checks: [boolean, () => string][] = [
    [!inputs.from, () => c.isNotEmpty(t.deadline.from)],
    [typed === '', () => c.isNotEmpty(field)],
    // Digits (and for hours a decimal point) only: «1e3» or «0x10» are numbers to JavaScript, not
    // amounts a person types (QA S57).
    // QA S58: «.5» is half an hour as much as «0.5» is.
    [
      !(hours ? /^-?(\d+(\.\d*)?|\.\d+)$/ : /^-?\d+$/).test(typed),
      () => (hours ? t.deadline.notANumber(field) : c.isInt(field)),
    ],
    [problem !== undefined, notWhole],
    [count < 0, () => c.min(field, '0')],
    [count > max, () => c.max(field, numberFormat(language, {}).format(max))],
  ];
  return checks.find(([failed]) => failed)?.[1]();
}
