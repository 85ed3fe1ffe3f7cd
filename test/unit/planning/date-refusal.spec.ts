import {
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, ErrorCode, notFound } from '../../../src/common/errors/domain-error';
import { permanentRefusal } from '../../../src/planning/date-refusal';
import { toDomainError } from '../../../src/tickets/ticket-workflow.client';

// L3-19: a reorder's moved date that a ticket refuses for good (closed, cancelled, the date past)
// is recorded once and never sent again; a failure of the service (Temporal away, a timeout) is
// retried by the reconciliation sweep.

const now = new Date('2026-11-30T17:00:00Z');

describe('L3-19 a moved date refused for good, or worth a retry', () => {
  it('records a typed refusal of the workflow with its code and reason', () => {
    const closed = new DomainError(
      ErrorCode.INVALID_TRANSITION,
      'adjustReleaseDate is not allowed in state CANCELLED',
    );
    expect(permanentRefusal('T-0001', closed, now)).toEqual({
      ticketNumber: 'T-0001',
      code: 'INVALID_TRANSITION',
      reason: null,
      message: 'adjustReleaseDate is not allowed in state CANCELLED',
      at: '2026-11-30T17:00:00.000Z',
    });
    const past = new DomainError(ErrorCode.VALIDATION_FAILED, 'newDate … is not in the future', {
      reason: 'NOT_IN_FUTURE',
      field: 'newDate',
    });
    expect(permanentRefusal('T-0002', past, now)).toMatchObject({
      code: 'VALIDATION_FAILED',
      reason: 'NOT_IN_FUTURE',
    });
  });

  it('records a date staff moved after the reorder read it as the read does: CONFLICT DATE_MOVED_SINCE', () => {
    // The workflow's refusal of a `fromDate` no longer there, as the API receives it.
    const message =
      'its release date is 2026-12-08T00:00:00.000Z, no longer 2026-12-04T00:00:00.000Z';
    const moved = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({
        message,
        type: 'CONFLICT',
        nonRetryable: true,
        details: [
          {
            reason: 'DATE_MOVED_SINCE',
            field: 'fromDate',
            value: '2026-12-04T00:00:00.000Z',
            releaseDate: '2026-12-08T00:00:00.000Z',
          },
        ],
      }),
    );
    expect(permanentRefusal('T-0006', toDomainError(moved, 'T-0006'), now)).toEqual({
      ticketNumber: 'T-0006',
      code: 'CONFLICT',
      reason: 'DATE_MOVED_SINCE',
      message,
      at: '2026-11-30T17:00:00.000Z',
    });
  });

  it('records an ended workflow (NOT_FOUND) and an Update whose handler failed', () => {
    expect(
      permanentRefusal('T-0003', notFound('ticket', 'T-0003', 'Ticket T-0003 not found'), now),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const failed = new WorkflowUpdateFailedError(
      'Workflow Update failed',
      ApplicationFailure.create({ message: 'boom', type: 'SomethingElse' }),
    );
    expect(permanentRefusal('T-0004', failed, now)).toMatchObject({ code: 'UPDATE_FAILED' });
  });

  it('leaves service failures and timeouts for a retry', () => {
    for (const err of [
      new ServiceError('Workflow Update failed', { cause: new Error('14 UNAVAILABLE') }),
      new WorkflowUpdateRPCTimeoutOrCancelledError('deadline exceeded'),
      new DomainError(ErrorCode.UNAVAILABLE, 'Temporal is unreachable'),
      new DomainError(ErrorCode.INTERNAL, 'unexpected'),
      new Error('socket hang up'),
      'not even an error',
    ]) {
      expect(permanentRefusal('T-0005', err, now)).toBeNull();
    }
  });
});
