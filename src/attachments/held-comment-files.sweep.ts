import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicSweep } from '../common/periodic-sweep';

const SWEEP_EVERY_MS = 60_000;

/**
 * L3-11: a file uploaded for a comment (`forComment`) is held (shown to nobody, told to nobody)
 * until the comment names it. One whose comment never came by the end of its hold (the browser
 * closed between the upload and the comment; the web app deletes those of a comment that was
 * refused) is an unsent draft's file: it is removed, as a mail client drops the attachments of a
 * draft never sent. It never reached the ticket's files, its history or an email. At boot and
 * every minute.
 */
@Injectable()
export class HeldCommentFilesSweep extends PeriodicSweep {
  protected readonly logger = new Logger(HeldCommentFilesSweep.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {
    super(SWEEP_EVERY_MS, 'held comment files');
  }

  /** Removes the files whose hold ended by `now`; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const [removed] = await this.db.query<{ count: number }[]>(
      `WITH removed AS (
         DELETE FROM ticket_attachment WHERE held_for_comment_until <= $1 RETURNING id)
       SELECT count(*)::int AS count FROM removed`,
      [now],
    );
    return removed.count;
  }
}
