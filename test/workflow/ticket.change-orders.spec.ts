import {
  acceptDeliveryUpdate,
  authorizeChangeOrderUpdate,
  authorizeEstimateUpdate,
  cancelUpdate,
  rejectChangeOrderUpdate,
  releaseForTestingUpdate,
  reportFailuresUpdate,
  submitChangeOrderUpdate,
  ticketStateQuery,
  type TicketView,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  manager,
  req,
  startTicket,
  type TicketHarness,
  useTicketHarness,
  withTicket,
  withWorker,
} from './ticket-harness';
import {
  releaseForTesting,
  submitChangeOrder,
  type TicketHandle,
  toInDevelopment,
  toInDiagnosis,
} from './ticket-steps';

// L3-12 change orders: more hours for a requirement already authorized and being worked on. A new
// estimate version marked as a change order; the ticket keeps its state and clocks; the approver
// authorizes it in writing (the new total is reserved) or rejects it; one pending at a time.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

/** A requirement estimated at 8 h, authorized, scheduled and in development (L3-08, L3-09). */
async function inDevelopment(): Promise<TicketHandle> {
  const { handle } = await startTicket(h);
  await toInDevelopment(h, handle);
  return handle;
}

async function finish(handle: TicketHandle): Promise<void> {
  await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'fin' })] });
  // The ended ticket releases its hours (an activity): let it finish before the worker stops.
  await handle.result();
}

const unchangedBut = (before: TicketView, after: TicketView) => {
  expect(after.state).toBe(before.state);
  expect(after.clocks).toEqual(before.clocks);
  expect(after.releaseDate).toBe(before.releaseDate);
};

describe('L3-12 change orders', () => {
  it('submit → authorize: a change-order version, the new total reserved, state and clocks kept', async () => {
    await withTicket(h, async (handle) => {
      await toInDevelopment(h, handle);
      const before = await handle.query(ticketStateQuery);
      const submitted = await handle.executeUpdate(submitChangeOrderUpdate, {
        args: [req(agent, { additionalHours: 4, scope: 'Falta el filtro por sucursal' })],
      });
      expect(submitted.state).toBe('IN_DEVELOPMENT');
      let view = await handle.query(ticketStateQuery);
      unchangedBut(before, view);
      expect(view.estimates[1]).toMatchObject({
        version: 2,
        hours: 12,
        additionalHours: 4,
        changeOrder: true,
        status: 'SUBMITTED',
        scope: 'Falta el filtro por sucursal',
        submittedBy: agent.userId,
      });
      expect(view.timeline.at(-1)).toMatchObject({
        type: 'submitChangeOrder',
        actor: agent,
        data: { additionalHours: 4, scope: 'Falta el filtro por sucursal' },
      });
      // No approval clock for a change order, and the estimate's reminders (v1) stay stopped; its
      // own reminders are scheduled (ticket.change-order-reminders.spec.ts).
      expect(view.approvalReminder?.estimateVersion ?? 1).toBe(1);
      expect(view.changeOrderReminder).toMatchObject({ estimateVersion: 2, sent: 0 });

      const statement = 'Autorizo 4 h adicionales para el filtro por sucursal.';
      await handle.executeUpdate(authorizeChangeOrderUpdate, {
        args: [req(approver, { estimateVersion: 2, statement })],
      });
      view = await handle.query(ticketStateQuery);
      unchangedBut(before, view);
      expect(view.estimates.map((e) => e.status)).toEqual(['AUTHORIZED', 'AUTHORIZED']);
      expect(view.authorizations[1]).toMatchObject({
        estimateVersion: 2,
        approverId: approver.userId,
        statement,
      });
      expect(view.timeline.at(-1)).toMatchObject({
        type: 'authorizeChangeOrder',
        actor: approver,
        data: { estimateVersion: 2, statement },
      });
      // The ledger reserves the ticket's new total (it replaces the 8 h hold): logging may go to 12 h.
      expect(h.ledger.reservations.map((r) => [r.estimateVersion, r.hours])).toEqual([
        [1, 8],
        [2, 12],
      ]);
      // A second change order once the first is decided; then the work goes on as before.
      await handle.executeUpdate(submitChangeOrderUpdate, {
        args: [req(manager, { additionalHours: 1.5, scope: 'Exportar a Excel' })],
      });
      expect((await handle.query(ticketStateQuery)).estimates[2]).toMatchObject({
        hours: 13.5,
        additionalHours: 1.5,
      });
      const released = await handle.executeUpdate(releaseForTestingUpdate, { args: [req(agent)] });
      expect(released.state).toBe('RELEASED_FOR_TESTING');
      await finish(handle);
    });
  });

  it('submit → reject: nothing reserved, the reason kept, a new change order may follow', async () => {
    await withTicket(h, async (handle) => {
      await toInDevelopment(h, handle);
      await submitChangeOrder(handle, { additionalHours: 6, scope: 'Rediseño' });
      const reason = 'El rediseño no estaba en el alcance acordado.';
      const rejected = await handle.executeUpdate(rejectChangeOrderUpdate, {
        args: [req(approver, { estimateVersion: 2, reason })],
      });
      expect(rejected.state).toBe('IN_DEVELOPMENT');
      const view = await handle.query(ticketStateQuery);
      expect(view.estimates.map((e) => e.status)).toEqual(['AUTHORIZED', 'REJECTED']);
      expect(view.authorizations).toHaveLength(1);
      expect(view.timeline.at(-1)).toMatchObject({
        type: 'rejectChangeOrder',
        actor: approver,
        data: { estimateVersion: 2, reason },
      });
      expect(h.ledger.reservations.map((r) => r.estimateVersion)).toEqual([1]);
      // Rejected: it can no longer be authorized; a new one starts from the authorized 8 h.
      await expect(
        handle.executeUpdate(authorizeChangeOrderUpdate, {
          args: [req(approver, { estimateVersion: 2, statement: 'Sí, autorizo' })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      await submitChangeOrder(handle, { additionalHours: 2, scope: 'Solo el filtro' });
      expect((await handle.query(ticketStateQuery)).estimates[2]).toMatchObject({
        version: 3,
        hours: 10,
        changeOrder: true,
      });
      await finish(handle);
    });
  });

  it('one pending at a time; wrong roles, states, versions and arguments write nothing', async () => {
    await withWorker(h, async () => {
      const refused = async (promise: Promise<unknown>, type: string, reason?: string) => {
        await expect(promise).rejects.toMatchObject({
          cause: { type, ...(reason ? { details: [expect.objectContaining({ reason })] } : {}) },
        });
      };
      // Before authorization (IN_DIAGNOSIS) there is nothing to add hours to.
      const { handle: early } = await startTicket(h);
      await toInDiagnosis(early);
      await refused(
        early.executeUpdate(submitChangeOrderUpdate, {
          args: [req(agent, { additionalHours: 2, scope: 'x' })],
        }),
        'INVALID_TRANSITION',
        'WRONG_STATE',
      );
      await early.terminate('test done');

      const handle = await inDevelopment();
      const before = await handle.query(ticketStateQuery);
      // Client users never submit change orders.
      for (const actor of [clientUser, approver]) {
        await refused(
          handle.executeUpdate(submitChangeOrderUpdate, {
            args: [req(actor, { additionalHours: 2, scope: 'x' })],
          }),
          'FORBIDDEN',
        );
      }
      for (const additionalHours of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
        await refused(
          handle.executeUpdate(submitChangeOrderUpdate, {
            args: [req(agent, { additionalHours, scope: 'x' })],
          }),
          'VALIDATION_FAILED',
        );
      }
      await refused(
        handle.executeUpdate(submitChangeOrderUpdate, {
          args: [req(agent, { additionalHours: 2, scope: '  ' })],
        }),
        'VALIDATION_FAILED',
      );
      // Nothing pending: nothing to decide.
      await refused(
        handle.executeUpdate(authorizeChangeOrderUpdate, {
          args: [req(approver, { estimateVersion: 1, statement: 'Autorizo' })],
        }),
        'INVALID_TRANSITION',
        'CHANGE_ORDER_NOT_PENDING',
      );
      expect(await handle.query(ticketStateQuery)).toEqual(before);

      await submitChangeOrder(handle, { additionalHours: 3, scope: 'Filtro' });
      await refused(
        handle.executeUpdate(submitChangeOrderUpdate, {
          args: [req(manager, { additionalHours: 1, scope: 'Otro' })],
        }),
        'INVALID_TRANSITION',
        'CHANGE_ORDER_PENDING',
      );
      // Only a client approver decides, only the pending version, with a statement or reason.
      for (const actor of [agent, clientUser]) {
        await refused(
          handle.executeUpdate(authorizeChangeOrderUpdate, {
            args: [req(actor, { estimateVersion: 2, statement: 'Autorizo' })],
          }),
          'FORBIDDEN',
        );
      }
      await refused(
        handle.executeUpdate(authorizeChangeOrderUpdate, {
          args: [req(approver, { estimateVersion: 1, statement: 'Autorizo' })],
        }),
        'INVALID_TRANSITION',
        'CHANGE_ORDER_NOT_PENDING',
      );
      await refused(
        handle.executeUpdate(rejectChangeOrderUpdate, {
          args: [req(approver, { estimateVersion: 2, reason: '' })],
        }),
        'VALIDATION_FAILED',
      );
      // The estimate Updates do not decide change orders (the state is not ESTIMATE_SUBMITTED).
      await refused(
        handle.executeUpdate(authorizeEstimateUpdate, {
          args: [req(approver, { estimateVersion: 2, statement: 'Autorizo' })],
        }),
        'INVALID_TRANSITION',
      );
      // The balance is short: refused, nothing recorded, still pending.
      h.ledger.available = 5;
      await refused(
        handle.executeUpdate(authorizeChangeOrderUpdate, {
          args: [req(approver, { estimateVersion: 2, statement: 'Autorizo 3 h más' })],
        }),
        'VALIDATION_FAILED',
      );
      const view = await handle.query(ticketStateQuery);
      expect(view.estimates.map((e) => e.status)).toEqual(['AUTHORIZED', 'SUBMITTED']);
      expect(view.authorizations).toHaveLength(1);
      expect(view.timeline.at(-1)?.type).toBe('submitChangeOrder');
      await finish(handle);
    });
  });

  it('a change order pending when the ticket is cancelled is withdrawn, nothing reserved', async () => {
    await withTicket(h, async (handle) => {
      await toInDevelopment(h, handle);
      await submitChangeOrder(handle, { additionalHours: 4, scope: 'Filtro por sucursal' });
      const cancelled = await handle.executeUpdate(cancelUpdate, {
        args: [req(clientUser, { note: 'Ya no lo necesitamos' })],
      });
      expect(cancelled.state).toBe('CANCELLED');
      const view = await handle.query(ticketStateQuery);
      expect(view.estimates.map((e) => e.status)).toEqual(['AUTHORIZED', 'WITHDRAWN']);
      expect(view.estimates[1]).toMatchObject({ version: 2, changeOrder: true, hours: 12 });
      expect(view.authorizations).toHaveLength(1);
      // Only the authorized estimate was ever reserved; the cancellation gives its hold back, and
      // the ended run asks again with the same key (a replay for the real ledger, L3-12).
      await handle.result();
      expect(h.ledger.reservations.map((r) => r.estimateVersion)).toEqual([1]);
      expect(h.ledger.releases.map((r) => r.reason)).toEqual([
        'ticket cancelled',
        'ticket cancelled',
      ]);
      expect(new Set(h.ledger.releases.map((r) => r.idempotencyKey)).size).toBe(1);
    });
  });

  it('released for testing: a pending change order is not authorized (rework goes back to development); accepting the delivery withdraws it', async () => {
    await withTicket(h, async (handle) => {
      await toInDevelopment(h, handle);
      await submitChangeOrder(handle, { additionalHours: 2, scope: 'Exportar a Excel' });
      await releaseForTesting(handle);
      const before = await handle.query(ticketStateQuery);
      await expect(
        handle.executeUpdate(authorizeChangeOrderUpdate, {
          args: [req(approver, { estimateVersion: 2, statement: 'Autorizo 2 h más.' })],
        }),
      ).rejects.toMatchObject({
        cause: {
          type: 'INVALID_TRANSITION',
          details: [expect.objectContaining({ reason: 'WRONG_STATE' })],
        },
      });
      expect(await handle.query(ticketStateQuery)).toEqual(before);
      expect(h.ledger.reservations.map((r) => r.estimateVersion)).toEqual([1]);

      // Failures reported: back in development, where the change order may be authorized.
      await handle.executeUpdate(reportFailuresUpdate, {
        args: [req(clientUser, { note: 'Falla el total' })],
      });
      await handle.executeUpdate(authorizeChangeOrderUpdate, {
        args: [req(approver, { estimateVersion: 2, statement: 'Autorizo 2 h más.' })],
      });
      // A third one pending at the second release; the client accepts the delivery.
      await submitChangeOrder(handle, { additionalHours: 1, scope: 'Ajuste menor' });
      await releaseForTesting(handle);
      const closed = await handle.executeUpdate(acceptDeliveryUpdate, { args: [req(clientUser)] });
      expect(closed.state).toBe('CLOSED');
      const view = await handle.query(ticketStateQuery);
      expect(view.estimates.map((e) => e.status)).toEqual([
        'AUTHORIZED',
        'AUTHORIZED',
        'WITHDRAWN',
      ]);
      await handle.result();
      expect(h.ledger.reservations.map((r) => r.estimateVersion)).toEqual([1, 2]);
    });
  });
});
