import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import type { InputViolation } from '../../common/errors/input-validation.pipe';
import { explainAddBusinessDays, explainAddBusinessMinutes, localDateOf } from '../engine';
import type { CompiledCalendar } from '../calendars/calendars.service';
import { explainDaysText, explainMinutesText } from '../calendars/explanation-text';
import type { BusinessDeadline } from './business-deadline.model';
import { BusinessUnit, ExplanationLanguage } from './business-deadline.model';
import { maxDeadlineAmount, minutesPerUnit } from '../../shared/deadline-amount';
import { dateTimeFormat } from '../../shared/intl-formats';

/**
 * The refusal of `amount` as one broken input rule, in the shape the input pipe gives
 * (`violations`), so that clients word it in their language («"Cantidad" debe ser como máximo
 * 36,500.») instead of showing this English message.
 */
function amountViolation(constraint: 'min' | 'max' | 'isInt', args: number[]) {
  const violation: InputViolation = { path: 'amount', property: 'amount', constraint, args };
  return {
    field: 'amount',
    reason: 'INPUT_CONSTRAINTS',
    violations: [violation],
  };
}

/** Deadlines with their explanation, on a compiled calendar version. */
@Injectable()
export class BusinessDeadlineService {
  compute(
    calendar: CompiledCalendar,
    from: Date,
    amount: number,
    unit: BusinessUnit,
    language: ExplanationLanguage,
  ): BusinessDeadline {
    if (!Number.isInteger(amount) || amount < 0) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'amount must be a whole number ≥ 0',
        amountViolation(Number.isInteger(amount) ? 'min' : 'isInt', [0]),
      );
    }
    const perUnit = minutesPerUnit(unit);
    const max = maxDeadlineAmount(unit);
    if (amount > max) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `amount must be at most ${max} for ${unit}`,
        amountViolation('max', [max]),
      );
    }
    const base = {
      calendarId: calendar.id,
      calendarVersion: calendar.version,
      timeZone: calendar.engine.timeZone,
    };
    if (perUnit) {
      const e = explainAddBusinessMinutes(calendar.engine, from, amount * perUnit);
      return {
        ...base,
        deadline: e.deadline,
        clockStart: e.clockStart,
        localDeadline: this.localWallTime(calendar, e.deadline),
        explanation: explainMinutesText(language, e),
      };
    }
    const e = explainAddBusinessDays(calendar.engine, from, amount);
    return {
      ...base,
      deadline: e.deadline,
      localDeadline: this.localWallTime(calendar, e.deadline),
      explanation: explainDaysText(language, e),
    };
  }

  /** Local wall time of an instant; a closing instant keeps its own date (18:00, not next 00:00). */
  private localWallTime(calendar: CompiledCalendar, instant: Date): string {
    const parts = dateTimeFormat('en-CA', {
      timeZone: calendar.engine.timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(instant);
    return `${localDateOf(calendar.engine, instant)}T${parts}`;
  }
}
