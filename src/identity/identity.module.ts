import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { PgListenerModule } from '../live/pg-listener.module';
import { AppUserEntity } from './app-user.entity';
import { AuthTokenService } from './auth-token.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { GqlAuthGuard } from './gql-auth.guard';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsResolver } from './organizations.resolver';
import { OrganizationsService } from './organizations.service';
import { PasswordHasher } from './password-hasher';
import { PasswordLinksService } from './password-links.service';
import { PasswordResetRequestsService } from './password-reset-requests.service';
import { PgFailureLog } from './pg-failure-log';
import { RolesGuard } from './roles.guard';
import { SessionUserCache } from './session-user-cache';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

/**
 * Identity and access (L3-04): organizations, users issued by the provider, login, sessions, and
 * the global guards that make every GraphQL operation need a session unless marked @Public().
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrganizationEntity, AppUserEntity]),
    PgListenerModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken would otherwise try (and fail) to parse the
        // string as a public key on every verification before it treats it as a secret.
        secret: createSecretKey(Buffer.from(config.auth.tokenSecret)),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    PasswordHasher,
    PasswordLinksService,
    PasswordResetRequestsService,
    AuthTokenService,
    OrganizationsService,
    UsersService,
    PgFailureLog,
    SessionUserCache,
    AuthService,
    AuthResolver,
    UsersResolver,
    OrganizationsResolver,
    // Authentication, then roles (RolesGuard also refuses a caller without a session by itself).
    { provide: APP_GUARD, useClass: GqlAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, UsersService, OrganizationsService],
})
export class IdentityModule {}
