import type { Block, TemplateContext } from './email-content';

// L3-11 (QA S63 #6): an email that reaches someone because a user of the ticket is deactivated
// says so. Gender-neutral: «tiene la cuenta inactiva», «(cuenta inactiva)» (QA S63 #10).

/** Why an email reaches its recipient, or what it must tell them, because a user is inactive. */
export interface InactiveUserNotes {
  /** The inactive registrant the recipient (a client approver) stands in for. */
  readonly standsInFor?: string;
  /** The ticket's assignee, deactivated (staff emails only). */
  readonly inactiveAssigneeId?: string;
  /** The recipient is a manager told once per ticket of client activity while it lasts. */
  readonly managersOnce?: boolean;
}

/**
 * The lines that end an email's content for `notes`: for a stand-in approver «Le llega porque Sara
 * Saliente, quien registró el ticket, tiene la cuenta inactiva.»; for staff «Asignado a Ángel
 * Saliente (cuenta inactiva): reasígnelo.» (and, on a manager's once-per-ticket copy, that the
 * rest goes to the agents). None for anyone else.
 */
export function inactiveUserBlocks(notes: InactiveUserNotes, ctx: TemplateContext): Block[] {
  const blocks: Block[] = [];
  if (notes.standsInFor && !ctx.staff) {
    const name = ctx.names.get(notes.standsInFor);
    blocks.push({
      kind: 'paragraph',
      text: name
        ? ctx.t(
            `Le llega porque ${name}, quien registró el ticket, tiene la cuenta inactiva.`,
            `You get this because ${name}, who registered the ticket, has an inactive account.`,
          )
        : ctx.t(
            'Le llega porque quien registró el ticket tiene la cuenta inactiva.',
            'You get this because whoever registered the ticket has an inactive account.',
          ),
    });
  }
  if (notes.inactiveAssigneeId && ctx.staff) {
    const name = ctx.names.get(notes.inactiveAssigneeId);
    blocks.push({
      kind: 'paragraph',
      text: name
        ? ctx.t(
            `Asignado a ${name} (cuenta inactiva): reasígnelo.`,
            `Assigned to ${name} (inactive account): reassign it.`,
          )
        : ctx.t(
            'El agente asignado tiene la cuenta inactiva: reasígnelo.',
            'The assigned agent has an inactive account: reassign it.',
          ),
    });
    if (notes.managersOnce) {
      blocks.push({
        kind: 'paragraph',
        text: ctx.t(
          'Los gerentes reciben este aviso una vez por ticket; lo que el cliente haga después llega a los agentes hasta que se reasigne.',
          'Managers get this notice once per ticket; what the client does next goes to the agents until it is reassigned.',
        ),
      });
    }
  }
  return blocks;
}
