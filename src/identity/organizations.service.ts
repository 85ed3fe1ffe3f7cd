import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error';
import { slugify } from '../shared/slug';
import type { AuthenticatedUser } from './authenticated-user';
import type { CreateOrganizationInput } from './create-organization.input';
import { OrganizationKind } from './organization-kind.enum';
import { OrganizationEntity } from './organization.entity';
import { isProviderStaff } from './role-rules';
import { isUniqueViolation } from './unique-violation';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly orgs: Repository<OrganizationEntity>,
  ) {}

  /** NOT_FOUND when no organization has this id. */
  async get(id: string): Promise<OrganizationEntity> {
    const org = await this.orgs.findOneBy({ id });
    if (!org) throw notFound('organization', id, `No organization ${id}`);
    return org;
  }

  /** Provider staff see every organization; a client user sees only their own. */
  async listVisibleTo(user: AuthenticatedUser): Promise<OrganizationEntity[]> {
    if (!isProviderStaff(user)) return this.orgs.findBy({ id: user.organizationId });
    const all = await this.orgs.find({ order: { name: 'ASC' } });
    // The provider first, then the clients by name.
    return [
      ...all.filter((o) => o.kind === OrganizationKind.PROVIDER),
      ...all.filter((o) => o.kind !== OrganizationKind.PROVIDER),
    ];
  }

  /** CONFLICT on a taken slug, or on a second provider (one runs each installation). */
  async create(input: CreateOrganizationInput): Promise<OrganizationEntity> {
    const name = input.name.trim();
    const slug = input.slug ?? slugify(name);
    if (!slug) {
      // A name without a letter or digit A–Z/0–9 («★★★», «株式会社») gives no slug (QA S53).
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Give a slug: none can be derived', {
        reason: 'SLUG_NOT_DERIVABLE',
        field: input.slug === undefined ? 'name' : 'slug',
      });
    }
    if (await this.orgs.existsBy({ slug })) throw slugTaken(slug);
    if (
      input.kind === OrganizationKind.PROVIDER &&
      (await this.orgs.existsBy({ kind: OrganizationKind.PROVIDER }))
    ) {
      throw singleProvider();
    }
    try {
      return await this.orgs.save(this.orgs.create({ name, kind: input.kind, slug }));
    } catch (err) {
      // Lost a race with a concurrent create: same answers as the checks above.
      if (isUniqueViolation(err, 'uq_organization_slug')) throw slugTaken(slug);
      if (isUniqueViolation(err, 'uq_organization_single_provider')) throw singleProvider();
      throw err;
    }
  }
}

const slugTaken = (slug: string) =>
  new DomainError(ErrorCode.CONFLICT, `The slug "${slug}" is taken`, { field: 'slug' });
const singleProvider = () =>
  new DomainError(ErrorCode.CONFLICT, 'There already is a provider organization', {
    field: 'kind',
  });
