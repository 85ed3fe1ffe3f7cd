import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { graphQLOptions } from './api/graphql-options';
import type { AppConfig } from './config/app-config';
import { AttachmentsModule } from './attachments/attachments.module';
import { CannedResponsesModule } from './canned-responses/canned-responses.module';
import { ResolverErrorFilter } from './common/errors/resolver-error.filter';
import { ConfigModule } from './config/config.module';
import { ContractsModule } from './contracts/contracts.module';
import { StatementDownloadModule } from './contracts/statement-download.module';
import { BusinessTimeModule } from './business-time/business-time.module';
import { CheckpointsModule } from './checkpoints/checkpoints.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AuthService } from './identity/auth.service';
import { IdentityModule } from './identity/identity.module';
import { LiveSessionsService } from './live/live-sessions.service';
import { LiveModule } from './live/live.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PlanningModule } from './planning/planning.module';
import { SatisfactionModule } from './satisfaction/satisfaction.module';
import { SlaModule } from './sla/sla.module';
import { SystemModule } from './system/system.module';
import { TemporalModule } from './temporal/temporal.module';
import { TicketsModule } from './tickets/tickets.module';
import { WebModule } from './web/web.module';

/** The API application: GraphQL, health, and the domain modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        TemporalModule,
        // Async only to hand graphql-ws's onConnect the auth service (sessions checked at connect)
        // and the live sessions (open connections closed when their sessions end, L3-04).
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [IdentityModule, LiveModule],
          inject: [AuthService, LiveSessionsService],
          useFactory: (auth: AuthService, sessions: LiveSessionsService) =>
            graphQLOptions({
              writeSchemaFile: config.nodeEnv === 'development',
              limits: { maxDepth: config.api.maxQueryDepth, maxCost: config.api.maxQueryCost },
              authenticate: (token) => auth.session(token),
              trackConnection: (socket, { user, expiresAt, tokenKey }) =>
                sessions.track(socket, {
                  id: user.id,
                  sessionEpoch: user.sessionEpoch,
                  expiresAt,
                  tokenKey,
                }),
            }),
        }),
        HealthModule,
        BusinessTimeModule,
        IdentityModule,
        ContractsModule,
        StatementDownloadModule,
        NotificationsModule.forApi(),
        SlaModule,
        SystemModule,
        TicketsModule,
        AttachmentsModule,
        PlanningModule,
        SatisfactionModule,
        CannedResponsesModule,
        CheckpointsModule,
        LiveModule,
        WebModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ResolverErrorFilter }],
    };
  }
}
