import { applyDecorators } from '@nestjs/common';
import { IsISO8601, IsNumber, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TICKET_NUMBER_PATTERN } from '../tickets/ticket-number';
import { MAX_HOURS } from './hours';

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

export const IsCurrency = () =>
  Matches(/^[A-Z]{3}$/, { message: 'currency must be 3 capital letters (ISO 4217)' });
