import { getMetadataArgsStorage } from 'typeorm';
import { OrganizationEntity } from '../../src/identity/organization.entity';

// The tier runs in band: a TypeORM metadata storage shared with the main realm (the global
// setup's migrations) collected every spec file's entity classes and kept each file's modules
// alive until the heap ran out (CI, stop 65). Each file must get a storage of its own.
describe('TypeORM metadata in an integration spec file', () => {
  it('is this file’s own: each entity table once, none from the global setup or other files', () => {
    const tables = getMetadataArgsStorage().tables;
    const names = tables.map((t) => (typeof t.target === 'function' ? t.target.name : t.target));
    expect(names.filter((n) => n === 'OrganizationEntity')).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    expect(tables.find((t) => t.target === OrganizationEntity)).toBeDefined();
  });
});
