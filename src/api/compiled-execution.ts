import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  isScalarType,
  isSpecifiedScalarType,
  OperationTypeNode,
  execute as graphqlExecute,
  getVariableValues,
} from 'graphql';
import { inspect } from 'graphql/jsutils/inspect';
import {
  type CompiledQuery,
  type CompilerOptions,
  compileQuery,
  isCompiledQuery,
} from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type GatewayRequest = Parameters<GatewayExecutor>[0];

export interface CompiledExecutionInput {
  /** The built schema (known once Nest has built it, before the server starts). */
  readonly schema: () => GraphQLSchema;
  /** How many distinct documents stay compiled (least recently used dropped first). */
  readonly maxDocuments?: number;
  /**
   * How many new documents may be compiled per second (a token bucket holding as many): past it,
   * graphql-js answers a new document, which is compiled on a later request when the budget has
   * room again. A client sending ever-new documents spends no more of the API's CPU on compiling
   * than this allows, and is answered as it would be without graphql-jit.
   */
  readonly maxCompilesPerSecond?: number;
  /** The clock the budget refills by (milliseconds; tests pass their own). */
  readonly now?: () => number;
}

/** The executor, and what it has compiled (for tests and the bench). */
export interface CompiledExecutor extends GatewayExecutor {
  /** Documents (with their operation name) answered by compiled code, and how often. */
  readonly stats: () => {
    compiled: number;
    compiledRuns: number;
    graphqlJsRuns: number;
    /** New documents graphql-js answered because the compile budget was spent. */
    compilesDeferred: number;
  };
}

const DEFAULT_MAX_DOCUMENTS = 500;
/** A few dozen distinct documents (the web app's) compile at once; a flood waits its turn. */
const DEFAULT_MAX_COMPILES_PER_SECOND = 20;

/** A token bucket of `perSecond` tokens, refilled continuously. */
function compileBudget(perSecond: number, now: () => number): () => boolean {
  let tokens = perSecond;
  let at = now();
  return () => {
    const t = now();
    tokens = Math.min(perSecond, tokens + ((t - at) * perSecond) / 1000);
    at = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * Our scalars' own `serialize`, refusing a null as graphql-js does (graphql-jit would answer it
 * as a null value without an error); the message is graphql-js's.
 */
function strictCustomScalars(schema: GraphQLSchema): CompilerOptions['customSerializers'] {
  const serializers: CompilerOptions['customSerializers'] = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isScalarType(type) || isSpecifiedScalarType(type)) continue;
    serializers[type.name] = (value: unknown) => {
      const serialized = type.serialize(value);
      if (serialized == null) {
        throw new Error(
          `Expected \`${inspect(type)}.serialize(${inspect(value)})\` to return non-nullable value, returned: ${inspect(serialized)}`,
        );
      }
      return serialized;
    };
  }
  return serializers;
}

/**
 * graphql-jit's errors only borrow graphql-js's prototype: one whose cause has no `extensions`
 * has none at all, which Apollo's error formatting cannot read. Rebuilt as graphql-js's own,
 * with the same message, locations, path and cause, for Apollo and `formatError`.
 */
function graphqlJsErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((e) =>
    Object.assign(
      new GraphQLError(e.message, {
        path: e.path,
        originalError: e.originalError,
        extensions: e.extensions,
      }),
      { locations: e.locations },
    ),
  );
  return { ...result, errors };
}

/**
 * Runs queries with graphql-jit (issues #5/#10): each distinct document and operation name is
 * compiled once into JavaScript, which executes a 200-row list far cheaper than graphql-js's
 * generic executor. The compiled code calls the schema's own resolvers and scalars' `serialize`,
 * so Nest's guards, interceptors, field resolvers and batch scopes run as before, and Apollo
 * formats the errors as before (validation, plugins and `formatError` are Apollo's, unchanged).
 * graphql-js still runs mutations (one write after another, kept on the executor they were built
 * for), subscriptions, documents graphql-jit will not compile, requests whose variables do not
 * coerce, and new documents past the compile budget (`maxCompilesPerSecond`).
 */
export function compiledExecutor(input: CompiledExecutionInput): CompiledExecutor {
  const maxDocuments = input.maxDocuments ?? DEFAULT_MAX_DOCUMENTS;
  const mayCompile = compileBudget(
    input.maxCompilesPerSecond ?? DEFAULT_MAX_COMPILES_PER_SECOND,
    input.now ?? Date.now,
  );
  let compilesDeferred = 0;
  // null: graphql-jit refused the document; graphql-js answers it.
  const compiled = new Map<string, CompiledQuery | null>();
  let compiledRuns = 0;
  let graphqlJsRuns = 0;
  let customSerializers: CompilerOptions['customSerializers'] | undefined;

  const compiledFor = (key: string, request: GatewayRequest): CompiledQuery | null => {
    let query = compiled.get(key);
    if (query !== undefined) {
      compiled.delete(key);
    } else if (!mayCompile()) {
      // Not remembered: compiled on a later request, when the budget has room.
      compilesDeferred++;
      return null;
    } else {
      const schema = input.schema();
      customSerializers ??= strictCustomScalars(schema);
      const result = compileQuery(schema, request.document, request.operationName ?? undefined, {
        customSerializers,
      });
      query = isCompiledQuery(result) ? result : null;
      if (compiled.size >= maxDocuments) compiled.delete(compiled.keys().next().value as string);
    }
    compiled.set(key, query);
    return query;
  };

  return Object.assign(
    async (request: GatewayRequest): Promise<ExecutionResult> => {
      const schema = input.schema();
      // None when the document has no operation to pick (graphql-js answers that error).
      const operation = request.operation as GatewayRequest['operation'] | undefined;
      if (operation?.operation === OperationTypeNode.QUERY) {
        // graphql-js coerces the variables, so resolvers see what they always saw (graphql-jit
        // misses an input object's defaults, e.g. `first` in a list's filter) and bad ones are
        // answered with graphql-js's own errors, which Apollo maps to BAD_USER_INPUT.
        const { coerced } = getVariableValues(
          schema,
          operation.variableDefinitions ?? [],
          request.request.variables ?? {},
        );
        const key = `${request.operationName ?? ''}\n${request.source}`;
        const query = coerced && compiledFor(key, request);
        if (query) {
          const result = await query.query(undefined, request.context, coerced);
          if (result.data !== undefined) {
            compiledRuns++;
            return graphqlJsErrors(result);
          }
          // graphql-jit refused variables graphql-js accepted: nothing ran yet. graphql-js
          // answers this document from now on.
          compiled.set(key, null);
        }
      }
      graphqlJsRuns++;
      return graphqlExecute({
        schema,
        document: request.document,
        operationName: request.request.operationName,
        variableValues: request.request.variables,
        contextValue: request.context,
      });
    },
    { stats: () => ({ compiled: compiled.size, compiledRuns, graphqlJsRuns, compilesDeferred }) },
  );
}

/**
 * An Apollo Server gateway that serves Nest's own schema and runs operations with
 * {@link compiledExecutor}; everything else Apollo does is unchanged.
 */
export function compiledGateway(executor: CompiledExecutor, schema: () => GraphQLSchema): Gateway {
  return {
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema(), coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () => Promise.resolve({ executor }),
    stop: () => Promise.resolve(),
  };
}
