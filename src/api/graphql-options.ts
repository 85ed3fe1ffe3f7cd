import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import {
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { DomainError, ErrorCode } from '../common/errors/domain-error';
import { formatGraphQLError } from '../common/errors/graphql-error-formatter';
import { repoRoot } from '../common/repo-root';
import { bearerToken, type GraphQLAuthContext } from '../identity/graphql-auth-context';
import type { LiveSocket } from '../live/live-sessions.service';
import { closeUnauthorized } from '../live/ws-close';
import { compiledExecutor, compiledGateway } from './compiled-execution';
import { DateTimeScalar } from './date-time.scalar';
import { dropPropertyReadResolvers } from './property-read-resolvers';
import { type QueryLimits, queryLimitsRule } from './query-limits';
import { noNulCharacters, nulCharacterError, nulCharacterPath } from './request-hygiene';

/** The committed schema file: API changes show in diffs (a unit test keeps it current). */
export function schemaFilePath(): string {
  return join(repoRoot(), 'schema.graphql');
}

export interface GraphQLOptionsInput<User = unknown> {
  /** Development writes `schema.graphql`; other runs build it in memory. */
  readonly writeSchemaFile: boolean;
  readonly limits: QueryLimits;
  /**
   * Checks a WebSocket connection's session token at `connection_init` (the auth service's
   * `authenticate`); a DomainError refuses the connection. Subscriptions are checked again.
   */
  readonly authenticate?: (token: string | undefined) => Promise<User>;
  /**
   * Handed each connection whose token `authenticate` accepted, with its user (the live sessions
   * close it when the user's sessions end: L3-04). The connection is acknowledged once it resolves
   * true; false: it closed the connection (the session ended meanwhile).
   */
  readonly trackConnection?: (socket: LiveSocket, user: User) => Promise<boolean>;
}

/** What graphql-ws hands the context factory for a subscription (see `live/`). */
interface WsContextSource {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra?: { request?: { headers?: Record<string, string | string[] | undefined> } };
}

/**
 * The GraphQL context: `{ req }` over HTTP. Over WebSocket (graphql-ws) the token comes from the
 * `connection_init` payload `{ authorization: 'Bearer …' }` (else the upgrade request's header)
 * and is put where the HTTP guard reads it, so one guard serves both transports.
 */
export function graphQLContext(source: { req?: unknown } & WsContextSource): { req: unknown } {
  if (source.req) return { req: source.req };
  const params = source.connectionParams ?? {};
  const fromParams = params.authorization ?? params.Authorization;
  const authorization =
    typeof fromParams === 'string' ? fromParams : source.extra?.request?.headers?.authorization;
  return { req: { headers: { authorization } } };
}

/**
 * Subscriptions run over WebSocket (graphql-ws) only; sent over HTTP they are refused before
 * execution with a clear request error (BAD_REQUEST, i.e. VALIDATION_FAILED), not run as a query.
 */
const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation: ({ operation }) => {
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return Promise.resolve();
        return Promise.reject(
          new GraphQLError('Subscriptions run over WebSocket (graphql-ws) at /graphql, not HTTP', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          }),
        );
      },
    }),
};

function formatAll(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => formatGraphQLError(e.toJSON(), e));
}

/**
 * graphql-ws `onConnect`: a connection that presents a token must present a valid one (expired,
 * deactivated, or ended by a password change, reset or removed role: closed with 4401 and
 * `UNAUTHENTICATED: <why>`); an accepted one is tracked and closed the same way if the user's
 * sessions end while it is open (L3-04). One without a token is let in; its subscriptions answer
 * UNAUTHENTICATED.
 */
function connectionAuthenticator<User>({
  authenticate,
  trackConnection,
}: GraphQLOptionsInput<User>) {
  return async (context: {
    connectionParams?: Readonly<Record<string, unknown>>;
    extra: unknown;
  }): Promise<boolean> => {
    if (!authenticate) return true;
    // graphql-ws/use/ws (what @nestjs/apollo runs) hands `{ socket, request }` as `extra`.
    const ctx = context as WsContextSource & { extra?: { socket?: LiveSocket } };
    const { req } = graphQLContext(ctx) as { req: GraphQLAuthContext['req'] };
    if (!req?.headers?.authorization) return true;
    let user: User;
    try {
      user = await authenticate(bearerToken({ req }));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // Closed here with a code and reason the client can word; graphql-ws's own refusal is a
      // bare 4403 "Forbidden". Returning false then finds the socket closing and does nothing.
      if (ctx.extra?.socket) closeUnauthorized(ctx.extra.socket, err.code, err.message);
      return false;
    }
    if (!trackConnection || !ctx.extra?.socket) return true;
    return trackConnection(ctx.extra.socket, user);
  };
}

export function graphQLOptions<User>(input: GraphQLOptionsInput<User>): ApolloDriverConfig {
  const { writeSchemaFile, limits } = input;
  const validationRules = [queryLimitsRule(limits)];
  // The built schema, for validating WebSocket operations (set once by `transformSchema`).
  let schema: GraphQLSchema | undefined;
  const builtSchema = (): GraphQLSchema => schema as GraphQLSchema;
  // Nest's config type leaves out `gateway`, which it spreads into `new ApolloServer` all the same.
  const options: ApolloDriverConfig & { gateway: ReturnType<typeof compiledGateway> } = {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: writeSchemaFile ? schemaFilePath() : true,
    sortSchema: true,
    // Every `Date` is our DateTime (Nest's, formatted faster: date-time.scalar.ts).
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    graphiql: true,
    // Introspection stays on: the web app and tools read the schema; nothing secret is in it.
    // The query limits do not count introspection fields.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
    // No HTTP cache hints are served (answers are per user), and Apollo's default cache-control
    // plugin would wrap every field resolver to compute them: ~20 % of a 200-row answer.
    plugins: [
      subscriptionsOverWebSocketOnly,
      noNulCharacters,
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules,
    context: graphQLContext,
    transformSchema: (built) => (schema = dropPropertyReadResolvers(built)),
    subscriptions: {
      'graphql-ws': {
        onConnect: connectionAuthenticator(input),
        // The limits, every standard rule and the NUL check also guard operations over WebSocket.
        onSubscribe: (_ctx, _id, payload) => {
          let errors: readonly GraphQLError[];
          try {
            const document = parse(payload.query);
            errors = validate(schema as GraphQLSchema, document, [
              ...specifiedRules,
              ...validationRules,
            ]);
            const nul = errors.length ? null : nulCharacterPath(document, payload.variables);
            if (nul) errors = [nulCharacterError(nul)];
          } catch (err) {
            errors = [err as GraphQLError];
          }
          if (!errors.length || !schema) return undefined;
          return errors.map(
            (e) =>
              new GraphQLError(e.message, {
                nodes: e.nodes,
                extensions: { code: ErrorCode.VALIDATION_FAILED },
              }),
          );
        },
        onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
          result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
      },
    },
    // Queries run as code compiled once per document (issues #5/#10; docs/PERFORMANCE.md).
    gateway: compiledGateway(compiledExecutor({ schema: builtSchema }), builtSchema),
  };
  return options;
}
