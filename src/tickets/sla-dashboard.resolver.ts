import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, Roles } from '../identity';
import {
  SlaComplianceFilter,
  SlaComplianceRow,
  SlaTimerCountFilter,
  SlaTimerCounts,
  SlaTimerFilter,
  SlaTimerModel,
} from './sla-dashboard.model';
import { SlaDashboardService } from './sla-dashboard.service';

/** Managers watch the SLA timers (provider staff only). */
@Resolver()
export class SlaDashboardResolver {
  constructor(private readonly dashboard: SlaDashboardService) {}

  @Roles(Role.MANAGER, Role.ADMIN, Role.AGENT)
  @Query(() => [SlaTimerModel], {
    description: 'Running and paused clocks (or breached ones), soonest deadline first.',
  })
  slaTimers(@Args('filter', { defaultValue: { first: 200 } }) filter: SlaTimerFilter) {
    return this.dashboard.timers(filter);
  }

  @Roles(Role.MANAGER, Role.ADMIN, Role.AGENT)
  @Query(() => SlaTimerCounts, {
    description:
      "How many clocks the board's lists hold in all, with the same filters: a page of `slaTimers` may show fewer.",
  })
  slaTimerCounts(@Args('filter', { defaultValue: {} }) filter: SlaTimerCountFilter) {
    return this.dashboard.counts(filter);
  }

  @Roles(Role.MANAGER, Role.ADMIN)
  @Query(() => [SlaComplianceRow], { description: 'Met vs breached per month, clock and client.' })
  slaCompliance(@Args('filter') filter: SlaComplianceFilter) {
    return this.dashboard.compliance(filter);
  }
}
