// Entry point Temporal bundles for the worker: export every workflow function here.
export { slaTimerWorkflow } from './sla-timer/sla-timer.workflow';
export { ticketWorkflow } from './ticket/ticket.workflow';
export { checkpointWorkflow } from './checkpoint/checkpoint.workflow';
