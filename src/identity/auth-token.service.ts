import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { Role } from './role.enum';
import { SESSION_EXPIRED_MESSAGE } from './session-end-cause';

/** What a session token says: who (`sub`), of which organization (`org`), with which roles. */
export interface TokenClaims {
  readonly sub: string;
  readonly org: string;
  readonly roles: readonly Role[];
  readonly iat: number;
  readonly exp: number;
  /** The user's session epoch at issue; a later bump ends the session. Absent in older tokens (0). */
  readonly sep?: number;
  /**
   * Random, one per token: two logins of a user in one second are two sessions, and «Cerrar
   * sesión» ends only its own (QA S60 #2). Absent in older tokens.
   */
  readonly jti?: string;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

const ALGORITHM = 'HS256';
const ROLES = new Set<string>(Object.values(Role));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signs and checks session tokens (JWT, HS256, lifetime `AUTH_TOKEN_TTL`). */
@Injectable()
export class AuthTokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** A token for `user`, valid from `now` for the configured lifetime. */
  issue(
    user: {
      readonly id: string;
      readonly organizationId: string;
      readonly roles: readonly Role[];
      readonly sessionEpoch?: number;
    },
    now = new Date(),
  ): IssuedToken {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.config.auth.tokenTtlSeconds;
    // iat/exp in the payload (not `expiresIn`) so the expiry is exactly the one we return.
    const claims: TokenClaims = {
      sub: user.id,
      org: user.organizationId,
      roles: user.roles,
      iat,
      exp,
      sep: user.sessionEpoch ?? 0,
      jti: randomUUID(),
    };
    const token = this.jwt.sign({ ...claims }, { algorithm: ALGORITHM });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The claims of a genuine, unexpired token at `now`; UNAUTHENTICATED otherwise. */
  async verify(token: string, now?: Date): Promise<TokenClaims> {
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        algorithms: [ALGORITHM],
        ...(now ? { clockTimestamp: Math.floor(now.getTime() / 1000) } : {}),
      });
    } catch (err) {
      const expired = err instanceof Error && err.name === 'TokenExpiredError';
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        expired ? SESSION_EXPIRED_MESSAGE : 'The session token is not valid',
      );
    }
    if (!isTokenClaims(payload)) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'The session token is not valid');
    }
    return payload;
  }
}

function isTokenClaims(p: Record<string, unknown>): p is Record<string, unknown> & TokenClaims {
  return (
    typeof p.sub === 'string' &&
    UUID.test(p.sub) &&
    typeof p.org === 'string' &&
    Array.isArray(p.roles) &&
    p.roles.every((r) => typeof r === 'string' && ROLES.has(r)) &&
    typeof p.iat === 'number' &&
    typeof p.exp === 'number' &&
    (p.sep === undefined || (typeof p.sep === 'number' && Number.isInteger(p.sep) && p.sep >= 0))
  );
}
