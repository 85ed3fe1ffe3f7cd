import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestBatcher } from '../common/request-batcher';
import { type AuthenticatedUser, isProviderStaff, OrganizationKind } from '../identity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Display names of the people a ticket mentions (assignee, event actors, approvers), batched per
 * GraphQL request (`RequestBatcher`): every name the request's field resolvers ask for in the same
 * tick is read in one query, and each is read at most once per request.
 *
 * Who may see whom: provider staff see every name; a client user sees the provider's staff and
 * its own organisation's users only (anyone else reads as null, as an unknown id does).
 */
@Injectable()
export class UserNamesLoader {
  private readonly batcher = new RequestBatcher<AuthenticatedUser, string>((ids, viewer) =>
    this.namesOf(ids, viewer),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  load(context: object, viewer: AuthenticatedUser, id: string | null): Promise<string | null> {
    if (!id || !UUID.test(id)) return Promise.resolve(null);
    return this.batcher.load(context, id, viewer);
  }

  private async namesOf(ids: string[], viewer: AuthenticatedUser): Promise<Map<string, string>> {
    const rows: { id: string; display_name: string }[] = isProviderStaff(viewer)
      ? await this.db.query(`SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`, [
          ids,
        ])
      : await this.db.query(
          `SELECT id, display_name FROM app_user
            WHERE id = ANY($1::uuid[]) AND (organization_kind = $2 OR organization_id = $3)`,
          [ids, OrganizationKind.PROVIDER, viewer.organizationId],
        );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }
}
