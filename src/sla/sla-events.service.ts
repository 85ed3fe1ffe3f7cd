import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SlaEventRecord } from '../../workflows/sla/sla-events.contract';
import { SlaEventEntity } from './sla-event.entity';

@Injectable()
export class SlaEventsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records an SLA event once: a retried activity or a replayed timer inserts nothing the second
   * time, thanks to the unique (clock_id, event) index.
   */
  async record(event: SlaEventRecord): Promise<{ firstTime: boolean }> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SlaEventEntity)
      .values({
        clockId: event.clockId,
        ticketKey: event.ticketKey,
        clockKind: event.kind,
        event: event.event,
        deadline: new Date(event.deadline),
        firedAt: new Date(event.firedAt),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return { firstTime: (result.raw as unknown[]).length > 0 };
  }

  async listForTicket(ticketKey: string): Promise<SlaEventEntity[]> {
    return this.dataSource
      .getRepository(SlaEventEntity)
      .find({ where: { ticketKey }, order: { firedAt: 'ASC' } });
  }
}
