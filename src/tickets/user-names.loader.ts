import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestBatcher } from '../common/request-batcher';
import {
  type AuthenticatedUser,
  isProviderStaff,
  Locale,
  OrganizationKind,
  Role,
} from '../identity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The order in which a person's role is picked when an act that no ticket event records (a file
 * attached or deleted, a no-charge decision, a rating) is stored with the session's role, and for
 * a row that holds no role: the order `Role` declares them in — client roles first, then provider
 * roles, least power first.
 */
export const ACTING_ROLE_ORDER: readonly Role[] = Object.values(Role);

/**
 * The role a person with `roles` acts in (and is shown in where nothing recorded one): the first
 * of {@link ACTING_ROLE_ORDER} they hold.
 */
export function actingRole(roles: readonly string[] | null | undefined): Role | null {
  return ACTING_ROLE_ORDER.find((role) => roles?.includes(role)) ?? null;
}

/** A person as a ticket shows them. */
interface Person {
  readonly name: string;
  readonly role: Role | null;
  /** The language of their screens and emails. */
  readonly locale: Locale;
  /** Whether their account is active (QA S62: an inactive registrant or assignee is marked). */
  readonly active: boolean;
}

/**
 * Display names (and roles) of the people a ticket mentions (assignee, event actors, approvers,
 * who attached or deleted a file), batched per
 * GraphQL request (`RequestBatcher`): every name the request's field resolvers ask for in the same
 * tick is read in one query, and each is read at most once per request.
 *
 * Who may see whom: provider staff see every name; a client user sees the provider's staff and
 * its own organization's users only (anyone else reads as null, as an unknown id does).
 */
@Injectable()
export class UserNamesLoader {
  private readonly batcher = new RequestBatcher<AuthenticatedUser, Person>((ids, viewer) =>
    this.peopleOf(ids, viewer),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  load(context: object, viewer: AuthenticatedUser, id: string | null): Promise<string | null> {
    return this.person(context, viewer, id).then((p) => p?.name ?? null);
  }

  /** The person's language (their user locale), seen by the same people as the name. */
  loadLocale(
    context: object,
    viewer: AuthenticatedUser,
    id: string | null,
  ): Promise<Locale | null> {
    return this.person(context, viewer, id).then((p) => p?.locale ?? null);
  }

  /**
   * QA S62 #1, #2: whether the person's account is active, for provider staff only (a client never
   * learns whether a staff member, or anyone, was deactivated); null for an unknown id.
   */
  loadActive(
    context: object,
    viewer: AuthenticatedUser,
    id: string | null,
  ): Promise<boolean | null> {
    if (!isProviderStaff(viewer)) return Promise.resolve(null);
    return this.person(context, viewer, id).then((p) => p?.active ?? null);
  }

  /**
   * The role the person acted in: `recorded`, the role stored with the act (L3-09/L3-11 audit
   * trail: a later role change does not relabel it); where that is null, their current role
   * ({@link actingRole}). Seen by the same people as the name (null otherwise), in the same batch.
   */
  loadRole(
    context: object,
    viewer: AuthenticatedUser,
    id: string | null,
    recorded: Role | null,
  ): Promise<Role | null> {
    return this.person(context, viewer, id).then((p) => (p ? (recorded ?? p.role) : null));
  }

  private person(
    context: object,
    viewer: AuthenticatedUser,
    id: string | null,
  ): Promise<Person | null> {
    if (!id || !UUID.test(id)) return Promise.resolve(null);
    return this.batcher.load(context, id, viewer);
  }

  private async peopleOf(ids: string[], viewer: AuthenticatedUser): Promise<Map<string, Person>> {
    const rows: {
      id: string;
      display_name: string;
      roles: string[];
      locale: string;
      active: boolean;
    }[] = isProviderStaff(viewer)
      ? await this.db.query(
          `SELECT id, display_name, roles, locale, active FROM app_user WHERE id = ANY($1::uuid[])`,
          [ids],
        )
      : await this.db.query(
          `SELECT id, display_name, roles, locale, active FROM app_user
            WHERE id = ANY($1::uuid[]) AND (organization_kind = $2 OR organization_id = $3)`,
          [ids, OrganizationKind.PROVIDER, viewer.organizationId],
        );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          name: r.display_name,
          role: actingRole(r.roles),
          locale: r.locale === (Locale.EN as string) ? Locale.EN : Locale.ES_MX,
          active: r.active,
        },
      ]),
    );
  }
}
