import { isDeepStrictEqual } from 'node:util';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  OperationTypeNode,
  execute as graphqlExecute,
} from 'graphql';
import { bearerToken, type GraphQLAuthContext } from '../identity/graphql-auth-context';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type GatewayRequest = Parameters<GatewayExecutor>[0];

/** What the auth guard reads and fills on the GraphQL context (`identity/gql-auth.guard.ts`). */
interface AuthContext<User> {
  req?: GraphQLAuthContext['req'];
  /** The request's one session check; the guard starts it when absent. */
  authentication?: Promise<User>;
}

export interface SpeculativeExecutionInput<User> {
  /** The built schema (known once Nest has built it, before the server starts). */
  readonly schema: () => GraphQLSchema;
  /** The session check the guard runs: token → user, or a DomainError. */
  readonly authenticate: (token: string | undefined) => Promise<User>;
  /** How many tokens' last users are kept (least recently used dropped first). */
  readonly maxGuesses?: number;
  /** graphql-js `execute` unless given. */
  readonly execute?: (args: ExecutionArgs) => Promise<ExecutionResult> | ExecutionResult;
}

const DEFAULT_MAX_GUESSES = 10_000;

/**
 * Executes a query without first waiting for its session check (issues #5/#10): every
 * authenticated request reads its user row before its resolvers may start, a database round trip
 * in series with the answer. A query whose token this instance has seen accepted runs at once as
 * the user it was last time (a guess), while the real check runs alongside. The answer leaves only
 * if the fresh user deep-equals the guess; otherwise (session ended, user changed, refused) it is
 * thrown away and the query runs again on a fresh context with the fresh check's outcome, exactly
 * as without this. So revocation stays instant (L3-04): every request still reads the user row.
 * Mutations and subscriptions are never run on a guess (side effects, long lives).
 */
export function speculativeExecutor<User>(input: SpeculativeExecutionInput<User>): GatewayExecutor {
  const guesses = new Map<string, User>();
  const maxGuesses = input.maxGuesses ?? DEFAULT_MAX_GUESSES;
  const execute = input.execute ?? graphqlExecute;

  const remember = (token: string, authentication: Promise<User>): void => {
    authentication.then(
      (user) => {
        guesses.delete(token);
        guesses.set(token, user);
        if (guesses.size > maxGuesses) guesses.delete(guesses.keys().next().value as string);
      },
      () => guesses.delete(token),
    );
  };

  return async (request: GatewayRequest) => {
    const context = request.context as AuthContext<User>;
    const run = async (contextValue: AuthContext<User>): Promise<ExecutionResult> =>
      execute({
        schema: input.schema(),
        document: request.document,
        operationName: request.request.operationName,
        variableValues: request.request.variables,
        contextValue,
      });
    const token = bearerToken({ req: context.req });
    // None when the document has no operation to pick (execute answers that error).
    const operation = request.operation as OperationDefinitionNode | undefined;
    const guess =
      token !== undefined && operation?.operation === OperationTypeNode.QUERY
        ? guesses.get(token)
        : undefined;
    if (token === undefined || guess === undefined) {
      const result = await run(context);
      // Set by the guard when a protected field ran (settled by now: the guard awaited it).
      if (token !== undefined && context.authentication) remember(token, context.authentication);
      return result;
    }
    const authentication = input.authenticate(token);
    remember(token, authentication);
    const [speculative, fresh] = await Promise.allSettled([
      run({ ...context, authentication: Promise.resolve(guess) }),
      authentication,
    ]);
    if (fresh.status === 'fulfilled' && isDeepStrictEqual(fresh.value, guess)) {
      if (speculative.status === 'rejected') throw speculative.reason;
      return speculative.value;
    }
    // The guard of the rerun awaits the same check: a refusal answers as it always has.
    context.authentication = authentication;
    return run(context);
  };
}

/**
 * An Apollo Server gateway that serves Nest's own schema and runs operations with
 * {@link speculativeExecutor}; everything else Apollo does (validation rules, plugins,
 * formatError) is unchanged.
 */
export function speculativeGateway<User>(input: SpeculativeExecutionInput<User>): Gateway {
  return {
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: input.schema(), coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor: speculativeExecutor(input) }),
    stop: () => Promise.resolve(),
  };
}
