import { join } from 'node:path';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { formatGraphQLError } from '../common/errors/graphql-error-formatter';
import { repoRoot } from '../common/repo-root';

/** The committed schema file: API changes show in diffs (a unit test keeps it current). */
export function schemaFilePath(): string {
  return join(repoRoot(), 'schema.graphql');
}

/** @param writeSchemaFile  development writes `schema.graphql`; other runs build it in memory. */
export function graphQLOptions(writeSchemaFile: boolean): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: writeSchemaFile ? schemaFilePath() : true,
    sortSchema: true,
    graphiql: true,
    // Introspection stays on: the web app and tools read the schema; nothing secret is in it.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    context: ({ req }: { req: unknown }) => ({ req }),
  };
}
