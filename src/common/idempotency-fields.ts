import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

/**
 * The optional `requestId` of a ticket operation (8–100 characters): the Temporal Update ID or a
 * unique key, so a retry with the same ID applies once.
 */
export const RequestIdField = (
  description = 'Idempotency key: a retry with the same ID applies once.',
) =>
  applyDecorators(Field({ nullable: true, description }), IsOptional(), IsString(), Length(8, 100));

/** The optional `idempotencyKey` of a ledger operation (1–200 characters). */
export const IdempotencyKeyField = () =>
  applyDecorators(
    Field({ nullable: true, description: 'Optional: a retry with the same key changes nothing.' }),
    IsOptional(),
    IsString(),
    Length(1, 200),
  );
