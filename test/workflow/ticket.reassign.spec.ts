import type { WorkflowHandle } from '@temporalio/client';
import {
  cancelUpdate,
  classifyUpdate,
  reassignUpdate,
  resolveUpdate,
  confirmResolutionUpdate,
  ticketStateQuery,
} from '../../workflows/ticket/ticket.contract';
import type { ticketWorkflow } from '../../workflows/ticket/ticket.workflow';
import {
  agent,
  clientUser,
  manager,
  maybeRecordHistory,
  req,
  startTicket,
  type TicketHarness,
  useTicketHarness,
  withTicket,
  withWorker,
} from './ticket-harness';
import { toInAnalysis, toInDiagnosis } from './ticket-steps';

// L3-07: a problem is assigned at once (classification), and so is a requirement to the agent
// who diagnoses it (L3-08); provider staff may then hand it to another agent, or give an
// unassigned open ticket its first one. The `reassign` Update records who moved it from whom to whom, the read model's
// assignee follows (projected once), and nothing else changes: neither the state nor a clock.

let h: TicketHarness;
useTicketHarness((ctx) => {
  ({ h } = ctx);
});

type Handle = WorkflowHandle<typeof ticketWorkflow>;

const refusedWith = (handle: Handle, args: Parameters<typeof req>[1], actor = manager) =>
  handle.executeUpdate(reassignUpdate, {
    args: [req(actor, args as { agentId: string; fromAgentId?: string })],
  });

describe('reassign (L3-07)', () => {
  it('moves the assignee, records reassign with the previous agent, and keeps state and clocks', async () => {
    await withTicket(h, async (handle, input) => {
      await toInAnalysis(handle);
      const before = await handle.query(ticketStateQuery);
      expect(before.assigneeId).toBe('agent-1');

      const args = req(manager, { agentId: 'agent-2', note: '  Alex sale de vacaciones ' });
      const result = await handle.executeUpdate(reassignUpdate, { args: [args] });
      expect(result.state).toBe('IN_ANALYSIS');
      // A retry of the same request answers the first result and records nothing more.
      expect(await handle.executeUpdate(reassignUpdate, { args: [args] })).toEqual(result);

      const view = await handle.query(ticketStateQuery);
      expect(view.assigneeId).toBe('agent-2');
      expect(view.state).toBe('IN_ANALYSIS');
      expect(view.clocks).toEqual(before.clocks);
      const events = view.timeline.filter((e) => e.type === 'reassign');
      expect(events).toEqual([
        expect.objectContaining({
          seq: result.seq,
          actor: manager,
          data: { agentId: 'agent-2', previousAgentId: 'agent-1', note: 'Alex sale de vacaciones' },
        }),
      ]);
      // Projected once, with the read model's new assignee.
      const projected = h.projections
        .filter((b) => b.ticketNumber === input.ticketNumber)
        .flatMap((b) => b.events.map((e) => ({ e, slice: b.slice })))
        .filter(({ e }) => e.type === 'reassign');
      expect(projected).toHaveLength(1);
      expect(projected[0].slice.assigneeId).toBe('agent-2');

      // An agent hands it back; resolution and closure go on as before.
      await handle.executeUpdate(reassignUpdate, { args: [req(agent, { agentId: 'agent-1' })] });
      expect((await handle.query(ticketStateQuery)).assigneeId).toBe('agent-1');
      await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Listo' })] });
      await handle.executeUpdate(reassignUpdate, { args: [req(agent, { agentId: 'agent-3' })] });
      await handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] });
      const done = await handle.result();
      expect(done.assigneeId).toBe('agent-3');
      expect(done.timeline.filter((e) => e.type === 'reassign')).toHaveLength(3);
    });
  });

  it('QA S20: an agent named at classification is assigned by the classifier, not the system', async () => {
    await withTicket(h, async (handle) => {
      const problem = await toInAnalysis(handle, 'agent-2');
      expect(problem.timeline.filter((e) => e.type === 'ASSIGNED')).toEqual([
        expect.objectContaining({ actor: agent, data: { agentId: 'agent-2', automatic: false } }),
      ]);
      await handle.terminate('test done');
    });
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      await handle.executeUpdate(classifyUpdate, {
        args: [
          req(manager, {
            classification: 'REQUIREMENT' as const,
            requirementKind: 'CHANGE' as const,
            agentId: 'agent-3',
          }),
        ],
      });
      const requirement = await handle.query(ticketStateQuery);
      expect(requirement.timeline.filter((e) => e.type === 'ASSIGNED')).toEqual([
        expect.objectContaining({ actor: manager, data: { agentId: 'agent-3', automatic: false } }),
      ]);
      await handle.terminate('test done');
    });
  });

  it('is refused with nothing recorded: by a client, the same agent, no agent, closed', async () => {
    await withTicket(h, async (handle) => {
      await toInAnalysis(handle);
      const before = await handle.query(ticketStateQuery);
      await expect(refusedWith(handle, { agentId: 'agent-2' }, clientUser)).rejects.toMatchObject({
        cause: { type: 'FORBIDDEN' },
      });
      await expect(refusedWith(handle, { agentId: 'agent-1' })).rejects.toMatchObject({
        cause: { type: 'INVALID_TRANSITION' },
      });
      await expect(refusedWith(handle, { agentId: '  ' })).rejects.toMatchObject({
        cause: { type: 'VALIDATION_FAILED' },
      });
      expect(await handle.query(ticketStateQuery)).toEqual(before);

      await handle.executeUpdate(resolveUpdate, { args: [req(agent, { note: 'Listo' })] });
      await handle.executeUpdate(confirmResolutionUpdate, { args: [req(clientUser)] });
      const closed = await handle.result();
      expect(closed.timeline.some((e) => e.type === 'reassign')).toBe(false);
    });
  });

  it('a bulk hand-over (fromAgentId) moves a ticket only while that agent holds it: ASSIGNEE_CHANGED otherwise, nothing recorded', async () => {
    await withTicket(h, async (handle) => {
      await toInAnalysis(handle);
      // Handed to agent-2 by someone else after the bulk hand-over listed it as agent-1's.
      await handle.executeUpdate(reassignUpdate, { args: [req(agent, { agentId: 'agent-2' })] });
      const before = await handle.query(ticketStateQuery);
      await expect(
        refusedWith(handle, { agentId: 'agent-3', fromAgentId: 'agent-1' }),
      ).rejects.toMatchObject({
        cause: {
          type: 'INVALID_TRANSITION',
          details: [expect.objectContaining({ reason: 'ASSIGNEE_CHANGED', assigneeId: 'agent-2' })],
        },
      });
      expect(await handle.query(ticketStateQuery)).toEqual(before);
      // Still agent-2's: the same bulk hand-over from agent-2 moves it.
      await handle.executeUpdate(reassignUpdate, {
        args: [req(manager, { agentId: 'agent-3', fromAgentId: 'agent-2' })],
      });
      const after = await handle.query(ticketStateQuery);
      expect(after.assigneeId).toBe('agent-3');
      expect(after.timeline.filter((e) => e.type === 'reassign').at(-1)?.data).toEqual({
        agentId: 'agent-3',
        previousAgentId: 'agent-2',
      });
      await handle.terminate('test done');
    });
  });

  it('L3-08: a requirement gets its diagnosing agent at classification, the least-loaded candidate', async () => {
    const load = new Map([
      ['agent-busy', 4],
      ['agent-free', 0],
    ]);
    await withWorker(
      h,
      async () => {
        const { handle } = await startTicket(h, { category: 'DEVELOPMENT' });
        await handle.executeUpdate(classifyUpdate, {
          args: [
            req(agent, {
              classification: 'REQUIREMENT' as const,
              requirementKind: 'CHANGE' as const,
              candidateAgentIds: ['agent-busy', 'agent-free'],
            }),
          ],
        });
        const view = await handle.query(ticketStateQuery);
        expect(view).toMatchObject({ state: 'IN_DIAGNOSIS', assigneeId: 'agent-free' });
        expect(view.timeline.filter((e) => e.type === 'ASSIGNED')).toEqual([
          expect.objectContaining({
            actor: null,
            data: { agentId: 'agent-free', automatic: true },
          }),
        ]);
        // It changes hands like a problem; the diagnosis clock is untouched.
        await handle.executeUpdate(reassignUpdate, {
          args: [req(manager, { agentId: 'agent-2' })],
        });
        const moved = await handle.query(ticketStateQuery);
        expect(moved.assigneeId).toBe('agent-2');
        expect(moved.clocks).toEqual(view.clocks);
        await handle.executeUpdate(cancelUpdate, { args: [req(clientUser, { note: 'Ya no' })] });
        await handle.result();
        await maybeRecordHistory(handle, 'requirement-assignee');
      },
      (ids) => Promise.resolve(new Map(ids.map((id) => [id, load.get(id) ?? 0]))),
    );
  });

  it('L3-07/L3-08: an unassigned open ticket gets its first assignee through reassign', async () => {
    await withTicket(h, { category: 'DEVELOPMENT' }, async (handle) => {
      // Classified with no agent (as before requirements had one): nobody is assigned.
      expect((await toInDiagnosis(handle)).assigneeId).toBeNull();
      await handle.executeUpdate(reassignUpdate, { args: [req(agent, { agentId: 'agent-3' })] });
      const view = await handle.query(ticketStateQuery);
      expect(view.assigneeId).toBe('agent-3');
      expect(view.timeline.filter((e) => e.type === 'reassign')).toEqual([
        expect.objectContaining({ data: { agentId: 'agent-3', previousAgentId: null } }),
      ]);
      await handle.terminate('test done');
    });
  });

  it('L3-07: an agent assigned during triage keeps the ticket when it is classified without naming one', async () => {
    const load = new Map([['agent-free', 0]]);
    await withWorker(
      h,
      async () => {
        const { handle } = await startTicket(h);
        await handle.executeUpdate(reassignUpdate, {
          args: [req(manager, { agentId: 'agent-7' })],
        });
        // The API sends every active agent as candidates when the form says «Automático».
        await handle.executeUpdate(classifyUpdate, {
          args: [
            req(agent, {
              classification: 'PROBLEM' as const,
              candidateAgentIds: ['agent-free', 'agent-7'],
            }),
          ],
        });
        const view = await handle.query(ticketStateQuery);
        expect(view.assigneeId).toBe('agent-7');
        // The classifier left it to «Automático»: the choice stays the manager's who made it in
        // triage, neither the classifier's nor the system's.
        expect(view.timeline.filter((e) => e.type === 'ASSIGNED')).toEqual([
          expect.objectContaining({
            actor: manager,
            data: { agentId: 'agent-7', automatic: false },
          }),
        ]);
        await maybeRecordHistory(handle, 'kept-assignment-actor');
        // A named agent still wins.
        const other = await startTicket(h);
        await other.handle.executeUpdate(reassignUpdate, {
          args: [req(manager, { agentId: 'agent-7' })],
        });
        await toInAnalysis(other.handle, 'agent-2');
        expect((await other.handle.query(ticketStateQuery)).assigneeId).toBe('agent-2');
        await handle.terminate('test done');
        await other.handle.terminate('test done');
      },
      (ids) => Promise.resolve(new Map(ids.map((id) => [id, load.get(id) ?? 5]))),
    );
  });
});
