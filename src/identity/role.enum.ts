/**
 * What a user may do. Client organizations hold the first two, provider staff the other three.
 * Plain enum (registered for GraphQL in `graphql-enums.ts`), so entities can use it without
 * loading @nestjs/graphql.
 */
export enum Role {
  CLIENT_USER = 'CLIENT_USER',
  CLIENT_APPROVER = 'CLIENT_APPROVER',
  AGENT = 'AGENT',
  MANAGER = 'MANAGER',
  ADMIN = 'ADMIN',
}
