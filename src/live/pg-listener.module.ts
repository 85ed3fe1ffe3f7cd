import { Module } from '@nestjs/common';
import { PgListenerService } from './pg-listener.service';

/**
 * The API instance's one LISTEN connection ({@link PgListenerService}), shared by the live
 * features and by identity's session check (which keeps users only while it hears their changes).
 */
@Module({ providers: [PgListenerService], exports: [PgListenerService] })
export class PgListenerModule {}
