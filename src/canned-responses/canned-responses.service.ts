import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import type { AuthenticatedUser } from '../identity';
import { isUniqueViolation } from '../identity/unique-violation';
import { byTitle, CANNED_TITLE_CONSTRAINT } from './canned-response-rules';
import type {
  CreateCannedResponseInput,
  UpdateCannedResponseInput,
} from './canned-response.inputs';
import type { CannedResponseModel } from './canned-response.model';

interface CannedResponseRow {
  id: string;
  title: string;
  body: string;
  body_en: string | null;
  updated_at: Date;
  updated_by_name: string | null;
}

/** A canned response (`c`) with the name of who last wrote it. */
const SELECT = `SELECT c.id, c.title, c.body, c.body_en, c.updated_at, u.display_name AS updated_by_name
  FROM canned_response c LEFT JOIN app_user u ON u.id = c.updated_by`;

const toModel = (row: CannedResponseRow): CannedResponseModel => ({
  id: row.id,
  title: row.title,
  body: row.body,
  bodyEn: row.body_en,
  updatedAt: row.updated_at,
  updatedByName: row.updated_by_name,
});

const titleTaken = (title: string) =>
  new DomainError(ErrorCode.CONFLICT, `A canned response titled "${title}" already exists`, {
    reason: 'TITLE_TAKEN',
    title,
    field: 'title',
  });

const missing = (id: string) => notFound('canned_response', id, `No canned response ${id}`);

/**
 * Canned responses («Respuestas predefinidas»): texts provider staff insert into the comments and
 * notes the client reads (L3-06 requests for information, L3-07 progress updates, L3-11 emails).
 * Staff read them; managers and admins write them (the resolver's roles). Titles are unique
 * regardless of case: checked first for a clear answer, and by the unique index for two writers
 * at once. Inputs arrive trimmed and within their limits (class-validator); a refusal writes
 * nothing.
 */
@Injectable()
export class CannedResponsesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every canned response, by title (Spanish order: accents and case do not split it). */
  async list(): Promise<CannedResponseModel[]> {
    const rows = await this.db.query<CannedResponseRow[]>(SELECT);
    return rows.map(toModel).sort(byTitle);
  }

  async create(actor: AuthenticatedUser, input: CreateCannedResponseInput) {
    await this.assertTitleFree(input.title);
    const id = await this.unique(input.title, async () => {
      const [row] = await this.db.query<{ id: string }[]>(
        `INSERT INTO canned_response (title, body, body_en, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $4) RETURNING id`,
        [input.title, input.body, input.bodyEn ?? null, actor.id],
      );
      return row.id;
    });
    return this.get(id);
  }

  /**
   * Rewrites title and texts (an English text left out stays as it is; null or blank removes it);
   * saved unchanged, it stays as it was (who and when included).
   */
  async update(actor: AuthenticatedUser, input: UpdateCannedResponseInput) {
    const current = await this.get(input.id);
    const bodyEn = input.bodyEn === undefined ? current.bodyEn : input.bodyEn;
    if (current.title === input.title && current.body === input.body && current.bodyEn === bodyEn)
      return current;
    await this.assertTitleFree(input.title, input.id);
    await this.unique(input.title, () =>
      this.db.query(
        `UPDATE canned_response
            SET title = $2, body = $3, body_en = $4, updated_by = $5, updated_at = now()
          WHERE id = $1`,
        [input.id, input.title, input.body, bodyEn, actor.id],
      ),
    );
    return this.get(input.id);
  }

  /** Deletes it for good and answers it as it was; NOT_FOUND when there is no such response. */
  async delete(id: string): Promise<CannedResponseModel> {
    const current = await this.get(id);
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      'DELETE FROM canned_response WHERE id = $1 RETURNING id',
      [id],
    );
    // Deleted meanwhile by someone else: as if it had never been there.
    if (rows.length === 0) throw missing(id);
    return current;
  }

  /** NOT_FOUND when no canned response has this id. */
  async get(id: string): Promise<CannedResponseModel> {
    const [row] = await this.db.query<CannedResponseRow[]>(`${SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw missing(id);
    return toModel(row);
  }

  /** CONFLICT when another canned response (not `exceptId`) has this title, whatever its case. */
  private async assertTitleFree(title: string, exceptId?: string): Promise<void> {
    const [taken] = await this.db.query<{ id: string }[]>(
      `SELECT id FROM canned_response WHERE lower(title) = lower($1) AND id IS DISTINCT FROM $2`,
      [title, exceptId ?? null],
    );
    if (taken) throw titleTaken(title);
  }

  /** Runs a write; the unique index refusing a title (a concurrent writer) is CONFLICT too. */
  private async unique<T>(title: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err, CANNED_TITLE_CONSTRAINT)) throw titleTaken(title);
      throw err;
    }
  }
}
