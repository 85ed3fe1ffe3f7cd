import { SetMetadata } from '@nestjs/common';
import type { Role } from './role.enum';

export const ROLES_KEY = 'identity:roles';

/** The caller must hold at least one of `roles` (FORBIDDEN otherwise). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);
