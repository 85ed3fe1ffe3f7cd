import { Module } from '@nestjs/common';
import { SlaEventsService } from './sla-events.service';

@Module({ providers: [SlaEventsService], exports: [SlaEventsService] })
export class SlaModule {}
