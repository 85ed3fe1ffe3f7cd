import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Res,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { AuthenticatedUser } from '../identity';
import { HttpAuthGuard, HttpUser } from '../identity/http-auth.guard';
import { AttachmentHttpErrorFilter } from './attachment-http-error.filter';
import {
  FOR_COMMENT_FIELD,
  INTERNAL_FIELD,
  parseForCommentField,
  parseInternalField,
} from './attachment-policy';
import { AttachmentsService } from './attachments.service';
import { type ByteRange, byteRangeOf, contentRange } from './byte-range';
import { TicketAttachmentModel } from './ticket-attachment.model';

/** The part of a multer file (memory storage) the upload reads. */
interface UploadedPart {
  readonly originalname: string;
  readonly mimetype: string;
  readonly buffer: Buffer;
}

/** The part of Express's response a download writes. */
interface FileResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  end(content: Buffer): unknown;
}

/** The multipart field that carries the file. */
export const ATTACHMENT_FIELD = 'file';

/**
 * `Content-Disposition: attachment` with the name in both forms: an ASCII fallback and the exact
 * UTF-8 name (RFC 6266 / RFC 5987), so `captura de pantalla ñ.png` downloads under its own name.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Files on tickets over plain HTTP (a GraphQL multipart upload is a poor fit for files): upload
 * with `POST /api/tickets/<number>/attachments` (multipart field `file`), download with
 * `GET /api/attachments/<id>`. Both need `Authorization: Bearer <token>`, the GraphQL session;
 * the session is checked before the body is read. Provider staff may add the multipart
 * field `internal=true`: a file only staff see (`INTERNAL_FILE_STAFF_ONLY` for anyone else). The
 * field `forComment=true` says the file goes with the comment its uploader posts next
 * (`addComment(attachmentIds)`): that comment's email names it, and it has none of its own.
 * Refusals are JSON `{ code, reason, message }`.
 * A download may ask for one byte range (`Range: bytes=0-262143`, answered 206 with
 * `Content-Range`), as the text preview does for the first part of a large log; the access rules
 * are checked first and are the same.
 */
@Controller('api')
@UseGuards(HttpAuthGuard)
@UseFilters(AttachmentHttpErrorFilter)
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('tickets/:number/attachments')
  @HttpCode(201)
  // Memory storage, one file, ATTACHMENT_MAX_BYTES: the module's multer options.
  @UseInterceptors(FileInterceptor(ATTACHMENT_FIELD))
  async upload(
    @HttpUser() user: AuthenticatedUser,
    @Param('number') number: string,
    @UploadedFile() file: UploadedPart | undefined,
    @Body(INTERNAL_FIELD) internal: unknown,
    @Body(FOR_COMMENT_FIELD) forComment: unknown,
  ): Promise<TicketAttachmentModel> {
    const stored = await this.attachments.upload(
      user,
      number,
      file && {
        originalName: file.originalname,
        declaredType: file.mimetype,
        content: file.buffer,
      },
      parseInternalField(internal),
      parseForCommentField(forComment),
    );
    return TicketAttachmentModel.fromEntity(stored);
  }

  @Get('attachments/:id')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'private, no-store')
  // Opened by mistake in a tab, a file still runs nothing and loads nothing.
  @Header('Content-Security-Policy', "default-src 'none'; sandbox")
  @Header('Accept-Ranges', 'bytes')
  async download(
    @HttpUser() user: AuthenticatedUser,
    @Param('id') id: string,
    @Headers('range') rangeHeader: string | undefined,
    // Written here: Nest would answer a returned file 200, also for a range.
    @Res() res: FileResponse,
  ): Promise<void> {
    const file = await this.attachments.download(user, id);
    const size = file.content.length;
    let range: ByteRange | undefined;
    try {
      range = byteRangeOf(rangeHeader, size);
    } catch (refused) {
      res.setHeader('Content-Range', contentRange(undefined, size));
      throw refused;
    }
    const content = range ? file.content.subarray(range.start, range.end + 1) : file.content;
    res.status(range ? 206 : 200);
    if (range) res.setHeader('Content-Range', contentRange(range, size));
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('Content-Length', String(content.length));
    res.end(content);
  }
}
