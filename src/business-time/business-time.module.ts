import { Module } from '@nestjs/common';
import { CalendarsResolver } from './calendars/calendars.resolver';
import { CalendarsService } from './calendars/calendars.service';
import { BusinessDeadlineResolver } from './deadline/business-deadline.resolver';
import { BusinessDeadlineService } from './deadline/business-deadline.service';

/** Business calendars (versioned, in PostgreSQL) and the public deadline query. */
@Module({
  providers: [
    CalendarsService,
    CalendarsResolver,
    BusinessDeadlineService,
    BusinessDeadlineResolver,
  ],
  exports: [CalendarsService, BusinessDeadlineService],
})
export class BusinessTimeModule {}
