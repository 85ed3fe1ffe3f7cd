import { Query, Resolver } from '@nestjs/graphql';
import pkg from '../../package.json';
import { Public } from '../identity/public.decorator';
import { SystemInfo } from './system-info.model';

@Resolver(() => SystemInfo)
export class SystemResolver {
  @Public()
  @Query(() => SystemInfo)
  systemInfo(): SystemInfo {
    return { name: pkg.name, version: pkg.version, now: new Date() };
  }
}
