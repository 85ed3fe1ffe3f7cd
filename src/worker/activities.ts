import type { INestApplicationContext } from '@nestjs/common';
import { CalendarsService } from '../business-time/calendars/calendars.service';
import { createSlaEventActivities } from '../sla/sla-event.activities';
import { calendarLookupFrom, createTicketActivities } from '../tickets/ticket.activities';
import { SlaEventsService } from '../sla/sla-events.service';
import {
  agentLoadFromReadModel,
  createTicketProjectionActivities,
} from '../tickets/ticket-projection.activities';
import { TicketProjectionService } from '../tickets/ticket-projection.service';
import { createTicketLedgerActivities } from '../tickets/ticket-ledger.activities';
import { HourLedgerService } from '../contracts/hour-ledger.service';
import { getDataSourceToken } from '@nestjs/typeorm';
import { CheckpointAgendaService } from '../checkpoints/checkpoint-agenda.service';
import { createCheckpointActivities } from '../checkpoints/checkpoint.activities';
import type { DataSource } from 'typeorm';

/** Every activity the worker registers, bound to the Nest services that own the data. */
export function createActivities(app: INestApplicationContext) {
  return {
    ...createSlaEventActivities(app.get(SlaEventsService)),
    ...createTicketActivities(
      calendarLookupFrom(app.get(CalendarsService)),
      agentLoadFromReadModel(app.get<DataSource>(getDataSourceToken())),
    ),
    ...createTicketProjectionActivities(app.get(TicketProjectionService)),
    ...createTicketLedgerActivities(app.get(HourLedgerService)),
    ...createCheckpointActivities(app.get(CheckpointAgendaService)),
  };
}
