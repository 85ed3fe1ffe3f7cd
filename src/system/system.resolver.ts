import { Query, Resolver } from '@nestjs/graphql';
import pkg from '../../package.json';
import { SystemInfo } from './system-info.model';

@Resolver(() => SystemInfo)
export class SystemResolver {
  @Query(() => SystemInfo)
  systemInfo(): SystemInfo {
    return { name: pkg.name, version: pkg.version, now: new Date() };
  }
}
