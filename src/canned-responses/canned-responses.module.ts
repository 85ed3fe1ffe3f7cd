import { Module } from '@nestjs/common';
import { CannedResponsesResolver } from './canned-responses.resolver';
import { CannedResponsesService } from './canned-responses.service';

/**
 * Canned responses («Respuestas predefinidas»): texts provider staff insert into comments and
 * notes. API only; the placeholders are filled in the browser, where the agent sees the text.
 */
@Module({ providers: [CannedResponsesService, CannedResponsesResolver] })
export class CannedResponsesModule {}
