import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ContractsModule } from './contracts.module';
import { StatementDownloadController } from './statement-download.controller';

/** The API's REST download of monthly statements (not loaded by the worker). */
@Module({ imports: [IdentityModule, ContractsModule], controllers: [StatementDownloadController] })
export class StatementDownloadModule {}
