import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'identity:isPublic';

/** Opens a query or mutation (or a whole resolver) to callers without a session. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
