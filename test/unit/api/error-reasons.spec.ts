import { ErrorCode } from '../../../src/common/errors/domain-error';
import { reasonOf } from '../../../src/common/errors/error-reasons';
import { formatGraphQLError } from '../../../src/common/errors/graphql-error-formatter';
import { DomainError } from '../../../src/common/errors/domain-error';

// The formatter gives English-only refusals a stable reason + parameters for clients to word
// (L3-09 estimate authorization, L3-12 prepaid hours); typed details always win.

describe('reasons of English-only refusals', () => {
  it('reads the hours of INSUFFICIENT_HOURS (L3-12)', () => {
    expect(
      reasonOf(
        ErrorCode.VALIDATION_FAILED,
        'Not enough prepaid hours: 100 h needed, 40.5 h available (short by 59.5 h)',
      ),
    ).toEqual({
      reason: 'INSUFFICIENT_HOURS',
      requestedHours: 100,
      availableHours: 40.5,
      shortfallHours: 59.5,
    });
  });

  it('reads a date that is not in the future, the role, the state and a missing thing', () => {
    expect(
      reasonOf(
        ErrorCode.VALIDATION_FAILED,
        'releaseDate 2026-11-20T16:00:00.000Z is not in the future',
      ),
    ).toEqual({ reason: 'NOT_IN_FUTURE', field: 'releaseDate', value: '2026-11-20T16:00:00.000Z' });
    expect(
      reasonOf(ErrorCode.FORBIDDEN, 'AGENT may not authorizeEstimate; allowed: CLIENT_APPROVER'),
    ).toEqual({
      reason: 'ROLE_NOT_ALLOWED',
      role: 'AGENT',
      action: 'authorizeEstimate',
      allowedRoles: ['CLIENT_APPROVER'],
    });
    expect(
      reasonOf(ErrorCode.INVALID_TRANSITION, 'cannot submitEstimate a ticket in state CLOSED'),
    ).toEqual({ reason: 'WRONG_STATE', action: 'submitEstimate', state: 'CLOSED' });
    expect(reasonOf(ErrorCode.NOT_FOUND, 'Ticket L3-2026-000001 not found')).toEqual({
      reason: 'NOT_FOUND',
      entity: 'ticket',
      id: 'L3-2026-000001',
    });
    // Same sentence, other code: no reason.
    expect(reasonOf(ErrorCode.CONFLICT, 'Ticket L3-2026-000001 not found')).toBeUndefined();
    expect(reasonOf(ErrorCode.VALIDATION_FAILED, 'something else')).toBeUndefined();
  });

  it('the formatter adds the derived reason, and keeps a typed one and the English message', () => {
    const derived = formatGraphQLError(
      { message: 'x' },
      new DomainError(ErrorCode.INVALID_TRANSITION, 'estimate v2 is already authorized'),
    );
    expect(derived).toMatchObject({
      message: 'estimate v2 is already authorized',
      extensions: {
        code: 'INVALID_TRANSITION',
        reason: 'ESTIMATE_ALREADY_AUTHORIZED',
        estimateVersion: 2,
      },
    });
    const typed = formatGraphQLError(
      { message: 'x' },
      new DomainError(ErrorCode.NOT_FOUND, 'Ticket T not found', { reason: 'OWN_REASON' }),
    );
    expect(typed.extensions).toEqual({ code: 'NOT_FOUND', reason: 'OWN_REASON' });
  });
});
