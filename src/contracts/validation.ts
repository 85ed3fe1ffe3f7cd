import { applyDecorators } from '@nestjs/common';
import {
  IsISO8601,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-number';
import { MAX_HOURS } from './hours';
import { ISO_4217_ACTIVE } from '../shared/iso-4217';

// class-validator building blocks shared by the contracts inputs (the services re-check the same
// rules for callers that skip GraphQL, such as the workflow's activities).

/** Hours > 0 with at most 2 decimals. */
export const IsHours = () =>
  applyDecorators(
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }),
    Min(0.01),
    Max(MAX_HOURS),
  );

/** A non-blank text of at most `max` characters (reasons: 500). */
export const IsText = (field: string, max = 500) =>
  applyDecorators(
    IsString(),
    MaxLength(max),
    Matches(/\S/, { message: `${field} must not be blank` }),
  );

/** A real date YYYY-MM-DD. */
export const IsLocalDate = (field: string) =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be YYYY-MM-DD` }),
    IsISO8601({ strict: true }, { message: `${field} must be a real date` }),
  );

export const IsTicketNumber = () =>
  Matches(TICKET_NUMBER_PATTERN, { message: 'ticketNumber must look like L3-2026-000123' });

/**
 * The active ISO 4217 codes (MXN, USD, EUR…; not a typo such as «MNX»), from the committed table:
 * not Node's ICU list, which changes with the Node version (S18).
 */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(ISO_4217_ACTIVE);

/** Whether `code` is an ISO 4217 currency code, written as stored: three capitals («MXN»). */
export function isIsoCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code) && ISO_CURRENCIES.has(code);
}

/** Why a currency is refused (the API's English; the web words it itself). */
export const CURRENCY_MESSAGE =
  'currency must be a known ISO 4217 code in capitals, e.g. MXN or USD';

/** Every currency field of the contracts inputs (policy fee, hour package) – L3-03, L3-13. */
export const IsCurrency = () =>
  ValidateBy({
    name: 'isCurrency',
    validator: { validate: isIsoCurrency, defaultMessage: () => CURRENCY_MESSAGE },
  });
