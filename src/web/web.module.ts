import { join } from 'node:path';
import {
  Logger,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnModuleInit,
  RequestMethod,
} from '@nestjs/common';
import { repoRoot } from '../common/repo-root';
import { SpaStaticMiddleware } from './spa-static.middleware';
import { WebAssets } from './web-assets';

/** The web app (`web/`, built by Vite into `dist/web`), served by the API at `/`. */
@Module({
  providers: [
    { provide: WebAssets, useFactory: () => new WebAssets(join(repoRoot(), 'dist', 'web')) },
    SpaStaticMiddleware,
  ],
})
export class WebModule implements NestModule, OnModuleInit {
  private readonly logger = new Logger('Web');

  constructor(private readonly assets: WebAssets) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SpaStaticMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  onModuleInit(): void {
    this.logger.log(
      this.assets.built
        ? `Web app served from ${this.assets.root}`
        : `Web app not built (${this.assets.root}); / answers with a 404 page`,
    );
  }
}
