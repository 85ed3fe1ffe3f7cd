// Entry point Temporal bundles for the worker: export every workflow function here.
export { ticketWorkflow } from './ticket/ticket.workflow';
export { checkpointWorkflow } from './checkpoint/checkpoint.workflow';
