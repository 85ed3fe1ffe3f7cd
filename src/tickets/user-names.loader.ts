import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AuthenticatedUser, isProviderStaff, OrganizationKind } from '../identity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One GraphQL request's names: asked for by field resolvers, read in one query per tick. */
interface Batch {
  readonly names: Map<string, Promise<string | null>>;
  pending: Map<string, { resolve: (name: string | null) => void; reject: (e: unknown) => void }>;
}

/**
 * Display names of the people a ticket mentions (assignee, event actors, approvers), batched per
 * GraphQL request like a DataLoader: every name the request's field resolvers ask for in the same
 * tick is read in one query, and each is read at most once per request (a list of 100 tickets is
 * one query, not 100). Keyed by the request's context object, so nothing outlives the request.
 *
 * Who may see whom: provider staff see every name; a client user sees the provider's staff and
 * its own organisation's users only (anyone else reads as null, as an unknown id does).
 */
@Injectable()
export class UserNamesLoader {
  private readonly batches = new WeakMap<object, Batch>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  load(context: object, viewer: AuthenticatedUser, id: string | null): Promise<string | null> {
    if (!id || !UUID.test(id)) return Promise.resolve(null);
    let batch = this.batches.get(context);
    if (!batch) {
      batch = { names: new Map(), pending: new Map() };
      this.batches.set(context, batch);
    }
    const known = batch.names.get(id);
    if (known) return known;
    const current = batch;
    const name = new Promise<string | null>((resolve, reject) => {
      if (current.pending.size === 0) {
        // After the resolvers of this tick have asked (DataLoader's schedule).
        void Promise.resolve().then(() => process.nextTick(() => void this.flush(current, viewer)));
      }
      current.pending.set(id, { resolve, reject });
    });
    batch.names.set(id, name);
    return name;
  }

  private async flush(batch: Batch, viewer: AuthenticatedUser): Promise<void> {
    const pending = batch.pending;
    batch.pending = new Map();
    const ids = [...pending.keys()];
    try {
      const rows: { id: string; display_name: string }[] = isProviderStaff(viewer)
        ? await this.db.query(`SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`, [
            ids,
          ])
        : await this.db.query(
            `SELECT id, display_name FROM app_user
              WHERE id = ANY($1::uuid[]) AND (organization_kind = $2 OR organization_id = $3)`,
            [ids, OrganizationKind.PROVIDER, viewer.organizationId],
          );
      const byId = new Map(rows.map((r) => [r.id, r.display_name]));
      for (const [id, { resolve }] of pending) resolve(byId.get(id) ?? null);
    } catch (err) {
      // Each field asking fails with the database's error (and may be asked again next request).
      for (const [id, { reject }] of pending) {
        batch.names.delete(id);
        reject(err);
      }
    }
  }
}
