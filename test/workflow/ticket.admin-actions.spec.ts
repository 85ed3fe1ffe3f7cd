import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  cancelUpdate,
  classifyUpdate,
  closeAdminActionUpdate,
  confirmResolutionUpdate,
  recordAdminActionUpdate,
  resolveUpdate,
  ticketStateQuery,
} from '../../workflows/ticket/ticket.contract';
import {
  agent,
  approver,
  clientUser,
  HOUR,
  manager,
  maybeRecordHistory,
  useTicketHarness,
  req,
  startTicket,
  terminateIfOpen,
  type TicketHarness,
  withTicket,
  withWorker,
} from './ticket-harness';

// L3-17: odoo.sh administration (backups, restores, branch configuration) is requested by the
// client on an ADMIN_ACTION ticket and executed, recorded and closed by provider staff only.

let env: TestWorkflowEnvironment;
let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ env, h } = ctx);
});

const adminTicket = { category: 'ADMIN_ACTION' as const, subject: 'Restore staging from backup' };

/** Update events the server accepted into the history. */
async function acceptedUpdates(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const name = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
    return name ? [name] : [];
  });
}

describe('ticket workflow, admin actions (L3-17)', () => {
  it('L3-17: provider staff record a backup and a restore (who, when, what) and close the ticket', async () => {
    const view = await withTicket(h, adminTicket, async (handle, input) => {
      await env.sleep(HOUR);
      const executedAt = new Date(Date.parse(input.registeredAt) + 30 * 60_000).toISOString();
      const backup = await handle.executeUpdate(recordAdminActionUpdate, {
        args: [req(agent, { action: 'BACKUP' as const, details: 'Backup prod-2026', executedAt })],
      });
      expect(backup.state).toBe('REGISTERED');
      await handle.executeUpdate(recordAdminActionUpdate, {
        args: [req(manager, { action: 'RESTORE' as const, details: 'staging ← prod-2026' })],
      });
      const closed = await handle.executeUpdate(closeAdminActionUpdate, { args: [req(agent)] });
      expect(closed.state).toBe('CLOSED');
      const result = await handle.result();
      await maybeRecordHistory(handle, 'admin-action-closed');
      return result;
    });
    expect(view.state).toBe('CLOSED');
    expect(view.adminActions).toEqual([
      expect.objectContaining({
        action: 'BACKUP',
        details: 'Backup prod-2026',
        executedBy: agent.userId,
      }),
      expect.objectContaining({ action: 'RESTORE', executedBy: manager.userId }),
    ]);
    const [backup, restore] = view.adminActions!;
    expect(Date.parse(backup.executedAt)).toBe(Date.parse(view.registeredAt) + 30 * 60_000);
    expect(Date.parse(restore.executedAt)).toBeGreaterThanOrEqual(
      Date.parse(view.registeredAt) + HOUR,
    );
    expect(view.closure).toMatchObject({ outcome: 'ADMIN_ACTION_DONE' });
    expect(view.closure!.reason).toContain('BACKUP: Backup prod-2026');
    // Executing the request attends it: triage met, no clock left open.
    expect(view.clocks.map((c) => `${c.kind}:${c.status}`)).toEqual(['triage:MET']);
    const recorded = view.timeline.filter((e) => e.type === 'recordAdminAction');
    expect(recorded.map((e) => [e.actor?.userId, e.data.action])).toEqual([
      [agent.userId, 'BACKUP'],
      [manager.userId, 'RESTORE'],
    ]);
    expect(view.timeline.find((e) => e.type === 'closeAdminAction')?.actor).toEqual(agent);
  });

  it('L3-17: also executed after classification as a problem (IN_ANALYSIS); the client cannot resolve-confirm it', async () => {
    const view = await withTicket(h, adminTicket, async (handle) => {
      await handle.executeUpdate(classifyUpdate, {
        args: [req(manager, { classification: 'PROBLEM' as const, agentId: 'agent-9' })],
      });
      // An admin-action ticket is never resolved for the client to confirm.
      await expect(
        handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Done' })] }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      await handle.executeUpdate(recordAdminActionUpdate, {
        args: [req(agent, { action: 'BRANCH_CONFIGURATION' as const, details: 'staging → 17.0' })],
      });
      await handle.executeUpdate(closeAdminActionUpdate, {
        args: [req(agent, { note: 'Branch configured' })],
      });
      return handle.result();
    });
    expect(view.state).toBe('CLOSED');
    expect(view.closure).toMatchObject({
      outcome: 'ADMIN_ACTION_DONE',
      reason: 'Branch configured',
    });
    expect(view.clocks.map((c) => `${c.kind}:${c.status}`)).toEqual(['triage:MET', 'progress:MET']);
  });

  it('L3-17: an admin-action ticket is never classified as a requirement (INVALID_TRANSITION, nothing in history); as a problem it is', async () => {
    await withTicket(h, adminTicket, async (handle) => {
      // As a requirement it would go to diagnosis and estimates, where no action can be recorded
      // nor the ticket closed by staff, and end in testing the client may not accept.
      await expect(
        handle.executeUpdate(classifyUpdate, {
          args: [
            req(manager, {
              classification: 'REQUIREMENT' as const,
              requirementKind: 'CONFIGURATION' as const,
            }),
          ],
        }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      expect(await acceptedUpdates(handle)).toEqual([]);
      expect((await handle.query(ticketStateQuery)).state).toBe('REGISTERED');
      await handle.executeUpdate(classifyUpdate, {
        args: [req(manager, { classification: 'PROBLEM' as const, agentId: 'agent-9' })],
      });
      await handle.executeUpdate(recordAdminActionUpdate, {
        args: [req(agent, { action: 'BACKUP' as const, details: 'Backup prod' })],
      });
      await handle.executeUpdate(closeAdminActionUpdate, { args: [req(agent)] });
      expect((await handle.result()).state).toBe('CLOSED');
    });
  });

  it('L3-17: a client cannot record, close or (after execution) cancel; wrong category, state or arguments are rejected with nothing in history', async () => {
    await withTicket(h, adminTicket, async (handle) => {
      const reject = (promise: Promise<unknown>, type: string) =>
        expect(promise).rejects.toMatchObject({ cause: { type } });
      const backup = { action: 'BACKUP' as const, details: 'Backup before upgrade' };

      for (const actor of [clientUser, approver]) {
        await reject(
          handle.executeUpdate(recordAdminActionUpdate, { args: [req(actor, backup)] }),
          'FORBIDDEN',
        );
        await reject(
          handle.executeUpdate(closeAdminActionUpdate, { args: [req(actor)] }),
          'FORBIDDEN',
        );
      }
      // Nothing executed yet: staff cannot close it either.
      await reject(
        handle.executeUpdate(closeAdminActionUpdate, { args: [req(agent)] }),
        'INVALID_TRANSITION',
      );
      const now = await env.currentTimeMs();
      for (const bad of [
        { action: 'DROP_DATABASE', details: 'x' },
        { action: 'BACKUP', details: '  ' },
        { action: 'BACKUP', details: 'x', executedAt: new Date(now + 2 * HOUR).toISOString() },
        { action: 'BACKUP', details: 'x', executedAt: new Date(now - 48 * HOUR).toISOString() },
        { action: 'BACKUP', details: 'x', executedAt: 'yesterday' },
      ]) {
        await reject(
          handle.executeUpdate(recordAdminActionUpdate, {
            args: [req(agent, bad as unknown as typeof backup)],
          }),
          'VALIDATION_FAILED',
        );
      }
      await handle.executeUpdate(recordAdminActionUpdate, { args: [req(agent, backup)] });
      // Executed: the client may no longer cancel (nor confirm) it.
      await reject(
        handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Never mind' })] }),
        'INVALID_TRANSITION',
      );
      await reject(
        handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] }),
        'INVALID_TRANSITION',
      );
      expect(await acceptedUpdates(handle)).toEqual(['recordAdminAction']);
      const view = await handle.query(ticketStateQuery);
      expect(view.state).toBe('REGISTERED');
      expect(view.timeline.filter((e) => e.actor?.role.startsWith('CLIENT'))).toHaveLength(1);
      await handle.executeUpdate(closeAdminActionUpdate, { args: [req(agent)] });
      expect((await handle.result()).state).toBe('CLOSED');
    });
  });

  it('L3-17: admin actions exist only on ADMIN_ACTION tickets (wrong category rejected, no history event)', async () => {
    await withWorker(h, async () => {
      const { handle } = await startTicket(h, { category: 'INCIDENT' });
      await expect(
        handle.executeUpdate(recordAdminActionUpdate, {
          args: [req(agent, { action: 'BACKUP' as const, details: 'Backup' })],
        }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      await expect(
        handle.executeUpdate(closeAdminActionUpdate, { args: [req(agent)] }),
      ).rejects.toMatchObject({ cause: { type: 'INVALID_TRANSITION' } });
      expect(await acceptedUpdates(handle)).toEqual([]);
      const view = await handle.query(ticketStateQuery);
      expect(view.adminActions).toEqual([]);
      expect(view.timeline.map((e) => e.type)).toEqual(['registered', 'CLOCK_STARTED']);
      // Any other ticket is still cancelled by the client as before.
      await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Dup' })] });
      await handle.result();
      await terminateIfOpen(handle);
    });
  });
});
