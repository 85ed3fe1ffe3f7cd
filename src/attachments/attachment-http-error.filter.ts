import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { httpErrorAnswer } from './attachment-http-error';

/** The part of Express's response the filter uses. */
interface JsonResponse {
  readonly headersSent: boolean;
  status(code: number): { json(body: unknown): unknown };
}

/**
 * Every error of the attachment routes (the session guard's, multer's, the service's) answered as
 * JSON `{ code, reason, message }` with its HTTP status (see {@link httpErrorAnswer}).
 */
@Catch()
@Injectable()
export class AttachmentHttpErrorFilter implements ExceptionFilter {
  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<JsonResponse>();
    if (res.headersSent) return;
    const answer = httpErrorAnswer(exception, this.config.attachments.maxBytes);
    res.status(answer.status).json(answer.body);
  }
}
