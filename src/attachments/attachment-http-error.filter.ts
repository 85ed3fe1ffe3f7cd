import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Injectable,
  Logger,
} from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { httpErrorAnswer } from './attachment-http-error';

/** The part of Express's response the filter uses. */
interface JsonResponse {
  readonly headersSent: boolean;
  status(code: number): { json(body: unknown): unknown };
}

/** The part of Node's request the filter uses. */
interface UploadRequest {
  readonly socket?: { readonly destroyed?: boolean };
  readonly method?: string;
  readonly originalUrl?: string;
}

/**
 * Every error of the attachment routes (the session guard's, multer's, the service's) answered as
 * JSON `{ code, reason, message }` with its HTTP status (see {@link httpErrorAnswer}).
 */
@Catch()
@Injectable()
export class AttachmentHttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Attachments');

  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<JsonResponse>();
    const req = http.getRequest<UploadRequest>();
    // QA S65 #11: the person left or reloaded the page mid-upload (multer's «Request aborted»):
    // a normal act, not a server fault, and nobody waits for an answer (its connection is gone; a
    // request read to its end is `destroyed` too, so that is not the sign).
    if (req.socket?.destroyed) {
      this.logger.log(
        `${req.method ?? ''} ${req.originalUrl ?? ''}: upload abandoned by the client`,
      );
      return;
    }
    if (res.headersSent) return;
    const answer = httpErrorAnswer(exception, this.config.attachments.maxBytes);
    res.status(answer.status).json(answer.body);
  }
}
