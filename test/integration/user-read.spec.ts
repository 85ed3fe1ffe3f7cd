import { randomUUID } from 'node:crypto';
import { QueryFailedError } from 'typeorm';
import { AppUserEntity } from '../../src/identity/app-user.entity';
import { OrganizationEntity } from '../../src/identity/organization.entity';
import { UsersService } from '../../src/identity/users.service';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// L3-04 (every authenticated request reads its user: active, roles, session epoch): the read is
// one prepared statement filled from the entity metadata (issues 5/10). It must give the very
// entities TypeORM's own query builder gives, for every demo user, and nothing for others.

describe('UsersService.findById: the session check’s read', () => {
  let world: SeededWorld;
  let users: UsersService;

  beforeAll(async () => {
    world = await createSeededWorld('user_read');
    users = world.api.app.get(UsersService);
  });
  afterAll(async () => {
    await world?.close();
  });

  /** What TypeORM's query builder reads for `id` (the read before this change). */
  const viaQueryBuilder = (id: string) =>
    world.db
      .getRepository(AppUserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.organization', 'organization')
      .where('u.id = :id', { id })
      .getOne();

  it('gives each demo user as TypeORM does: every column but the password hash, with the organization', async () => {
    const ids = (await world.db.query<{ id: string }[]>('SELECT id FROM app_user')).map(
      (r) => r.id,
    );
    expect(ids.length).toBeGreaterThan(3);
    for (const id of ids) {
      const user = await users.findById(id);
      expect(user).toBeInstanceOf(AppUserEntity);
      expect(user?.organization).toBeInstanceOf(OrganizationEntity);
      expect(user).toEqual(await viaQueryBuilder(id));
      expect(user?.passwordHash).toBeUndefined();
      expect(user?.createdAt).toBeInstanceOf(Date);
      expect(Array.isArray(user?.roles)).toBe(true);
    }
  });

  it('a deactivated user is read as inactive at once (the next request is refused)', async () => {
    const [{ id }] = await world.db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE active ORDER BY email LIMIT 1`,
    );
    await world.db.query('UPDATE app_user SET active = false WHERE id = $1', [id]);
    try {
      expect((await users.findById(id))?.active).toBe(false);
    } finally {
      await world.db.query('UPDATE app_user SET active = true WHERE id = $1', [id]);
    }
    expect((await users.findById(id))?.active).toBe(true);
  });

  it('no such user: null; not a UUID: the driver’s refusal, as before', async () => {
    expect(await users.findById(randomUUID())).toBeNull();
    const refused = await users.findById('not-a-uuid').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(QueryFailedError);
    expect((refused as QueryFailedError<Error & { code: string }>).driverError.code).toBe('22P02');
  });
});
