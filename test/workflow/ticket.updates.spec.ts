import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addBusinessDays, workingIntervalsOn, localDateOf } from '../../src/business-time/engine';
import {
  authorizeEstimateUpdate,
  classifyUpdate,
  setReleaseDateUpdate,
  submitEstimateUpdate,
  ticketStateQuery,
  cancelUpdate,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  HOUR,
  maybeRecordHistory,
  useTicketHarness,
  req,
  type TicketHarness,
  withTicket,
} from './ticket-harness';

// Transitions are Updates with validators: a rejected request is refused before it reaches
// history, with a stable `ApplicationFailure.type`; a retried requestId is applied once.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const requirement = () =>
  req(agent, { classification: 'REQUIREMENT' as const, requirementKind: 'CHANGE' as const });

/** The requestIds of every Update the server accepted into the history. */
async function acceptedRequestIds(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    const payload = accepted?.acceptedRequest?.input?.args?.payloads?.[0];
    if (!payload?.data) return [];
    const args = JSON.parse(Buffer.from(payload.data).toString('utf8')) as { requestId: string };
    return [args.requestId];
  });
}

describe('ticket updates are validated before history (L3-06, L3-08, L3-09)', () => {
  it('rejects invalid transitions, bad arguments and wrong roles with stable codes, writing nothing', async () => {
    await withTicket(h, async (handle) => {
      const rejected: string[] = [];
      const expectRejected = async (promise: Promise<unknown>, type: string): Promise<void> => {
        await expect(promise).rejects.toMatchObject({ cause: { type } });
      };
      const tryUpdate = <A extends { requestId: string }>(
        run: (args: A) => Promise<unknown>,
        args: A,
      ): Promise<unknown> => {
        rejected.push(args.requestId);
        return run(args);
      };

      // L3-06: classification is provider-only.
      await expectRejected(
        tryUpdate((a) => handle.executeUpdate(classifyUpdate, { args: [a] }), {
          ...requirement(),
          actor: clientUser,
        }),
        'FORBIDDEN',
      );
      const classify = requirement();
      await handle.executeUpdate(classifyUpdate, { args: [classify] });

      // L3-09: no authorization before an estimate exists.
      await expectRejected(
        tryUpdate((a) => handle.executeUpdate(authorizeEstimateUpdate, { args: [a] }), {
          ...req(approver, { estimateVersion: 1, statement: 'OK' }),
        }),
        'INVALID_TRANSITION',
      );
      // L3-08: hours must be finite and > 0.
      for (const hours of [0, -3, Number.POSITIVE_INFINITY, Number.NaN]) {
        await expectRejected(
          tryUpdate((a) => handle.executeUpdate(submitEstimateUpdate, { args: [a] }), {
            ...req(agent, { hours, scope: 'Report' }),
          }),
          'VALIDATION_FAILED',
        );
      }
      const estimate = req(agent, { hours: 8, scope: 'Report' });
      await handle.executeUpdate(submitEstimateUpdate, { args: [estimate] });

      // L3-09: only a CLIENT_APPROVER authorizes; provider staff never do.
      for (const actor of [clientUser, agent]) {
        await expectRejected(
          tryUpdate((a) => handle.executeUpdate(authorizeEstimateUpdate, { args: [a] }), {
            ...req(actor, { estimateVersion: 1, statement: 'OK' }),
          }),
          'FORBIDDEN',
        );
      }
      // …and only the submitted estimate version.
      await expectRejected(
        tryUpdate((a) => handle.executeUpdate(authorizeEstimateUpdate, { args: [a] }), {
          ...req(approver, { estimateVersion: 2, statement: 'OK' }),
        }),
        'INVALID_TRANSITION',
      );
      const authorization = req(approver, { estimateVersion: 1, statement: 'Autorizo 8 h.' });
      await handle.executeUpdate(authorizeEstimateUpdate, { args: [authorization] });
      // A second authorization of the same estimate.
      await expectRejected(
        tryUpdate((a) => handle.executeUpdate(authorizeEstimateUpdate, { args: [a] }), {
          ...req(approver, { estimateVersion: 1, statement: 'Again' }),
        }),
        'INVALID_TRANSITION',
      );
      // L3-09: a release date in the past.
      const past = new Date((await env.currentTimeMs()) - HOUR).toISOString();
      await expectRejected(
        tryUpdate((a) => handle.executeUpdate(setReleaseDateUpdate, { args: [a] }), {
          ...req(agent, { releaseDate: past }),
        }),
        'VALIDATION_FAILED',
      );

      const view = await handle.query(ticketStateQuery);
      expect(view.state).toBe('SCHEDULING');
      expect(view.estimates).toHaveLength(1);
      expect(view.authorizations).toHaveLength(1);
      const accepted = await acceptedRequestIds(handle);
      expect(accepted).toEqual([classify.requestId, estimate.requestId, authorization.requestId]);
      expect(accepted.filter((id) => rejected.includes(id))).toEqual([]);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'done' })] });
      // The ended ticket releases its hours (an activity): let it finish before the worker stops.
      await handle.result();
    });
  });

  it('L3-09: a release date outside business time is refused by the calendar check, state unchanged', async () => {
    await withTicket(h, async (handle) => {
      await handle.executeUpdate(classifyUpdate, { args: [requirement()] });
      await handle.executeUpdate(submitEstimateUpdate, {
        args: [req(agent, { hours: 3, scope: 'Field' })],
      });
      await handle.executeUpdate(authorizeEstimateUpdate, {
        args: [req(approver, { estimateVersion: 1, statement: 'Sí' })],
      });
      // 20:00 local, three business days ahead: in the future but after closing.
      const engine = h.calendars.engine;
      const closing = addBusinessDays(engine, new Date(await env.currentTimeMs()), 3);
      const evening = new Date(closing.getTime() + 2 * HOUR).toISOString();
      await expect(
        handle.executeUpdate(setReleaseDateUpdate, {
          args: [req(agent, { releaseDate: evening })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      expect((await handle.query(ticketStateQuery)).state).toBe('SCHEDULING');
      const date = localDateOf(engine, closing);
      const opening = workingIntervalsOn(engine, date).intervals[0].start.toISOString();
      const set = await handle.executeUpdate(setReleaseDateUpdate, {
        args: [req(agent, { releaseDate: opening })],
      });
      expect(set.state).toBe('RELEASE_DATE_SET');
      expect((await handle.query(ticketStateQuery)).releaseDate).toBe(opening);
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'done' })] });
      // The ended ticket releases its hours (an activity): let it finish before the worker stops.
      await handle.result();
    });
  });

  it('a retried requestId returns the earlier result and applies nothing twice', async () => {
    const view = await withTicket(h, async (handle) => {
      const classify = requirement();
      const first = await handle.executeUpdate(classifyUpdate, { args: [classify] });
      const estimate = req(agent, { hours: 5, scope: 'Import' });
      const submitted = await handle.executeUpdate(submitEstimateUpdate, { args: [estimate] });
      // Retries (e.g. after a network error), even once the ticket has moved on.
      expect(await handle.executeUpdate(submitEstimateUpdate, { args: [estimate] })).toEqual(
        submitted,
      );
      expect(await handle.executeUpdate(classifyUpdate, { args: [classify] })).toEqual(first);
      // The same requestId on another transition is a client bug.
      await expect(
        handle.executeUpdate(cancelUpdate, {
          args: [{ requestId: estimate.requestId, actor: clientUser, note: 'x' }],
        }),
      ).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'done' })] });
      const result = await handle.result();
      await maybeRecordHistory(handle, 'idempotent-retries');
      return result;
    });
    expect(view.estimates).toHaveLength(1);
    expect(view.clocks.filter((c) => c.kind === 'diagnosis')).toHaveLength(1);
    expect(view.timeline.filter((e) => e.type === 'submitEstimate')).toHaveLength(1);
    expect(view.timeline.filter((e) => e.type === 'classify')).toHaveLength(1);
  });
});
