import {
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { speculativeExecutor } from '../../../src/api/speculative-execution';

interface FakeUser {
  readonly id: string;
  readonly role: string;
}

interface FakeContext {
  req: { headers: { authorization?: string } };
  authentication?: Promise<FakeUser>;
}

/**
 * A schema whose fields check the session as the real guard does (`gql-auth.guard.ts`): the
 * request's one `authentication`, started by the first field that needs it.
 */
function harness(answers: Array<FakeUser | Error>) {
  const seen = { authentications: 0, executions: [] as string[] };
  const authenticate = (token: string | undefined): Promise<FakeUser> => {
    seen.authentications += 1;
    const next = answers.shift();
    if (!token || !next) return Promise.reject(new Error('Log in first'));
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  const guarded = async (ctx: FakeContext): Promise<string> => {
    ctx.authentication ??= authenticate(ctx.req.headers.authorization?.slice('Bearer '.length));
    const user = await ctx.authentication;
    seen.executions.push(user.role);
    return `${user.id}:${user.role}`;
  };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        me: {
          type: new GraphQLNonNull(GraphQLString),
          resolve: (_root, _args, ctx: FakeContext) => guarded(ctx),
        },
      },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: {
        touch: {
          type: new GraphQLNonNull(GraphQLString),
          resolve: (_root, _args, ctx: FakeContext) => guarded(ctx),
        },
      },
    }),
  });
  const executor = speculativeExecutor({ schema: () => schema, authenticate });
  const send = (source: string, token: string | undefined = 'tok-1') => {
    const document = parse(source);
    const context: FakeContext = {
      req: { headers: token ? { authorization: `Bearer ${token}` } : {} },
    };
    return executor({
      request: { variables: {} },
      context,
      document,
      operationName: null,
      operation: document.definitions[0] as OperationDefinitionNode,
    } as unknown as Parameters<typeof executor>[0]);
  };
  return { seen, send };
}

const AGENT: FakeUser = { id: 'u1', role: 'AGENT' };
const MANAGER: FakeUser = { id: 'u1', role: 'MANAGER' };

describe('speculativeExecutor', () => {
  it('runs a query once on its token’s last user when the fresh check gives the same user', async () => {
    const { seen, send } = harness([AGENT, { ...AGENT }]);
    expect(await send('{ me }')).toEqual({ data: { me: 'u1:AGENT' } });
    expect(await send('{ me }')).toEqual({ data: { me: 'u1:AGENT' } });
    expect(seen.authentications).toBe(2);
    expect(seen.executions).toEqual(['AGENT', 'AGENT']);
  });

  it('runs a query again with the fresh user when it changed, answering only the fresh run', async () => {
    const { seen, send } = harness([AGENT, MANAGER, MANAGER]);
    await send('{ me }');
    expect(await send('{ me }')).toEqual({ data: { me: 'u1:MANAGER' } });
    expect(seen.executions).toEqual(['AGENT', 'AGENT', 'MANAGER']);
    // The fresh user is the next guess.
    expect(await send('{ me }')).toEqual({ data: { me: 'u1:MANAGER' } });
    expect(seen.executions).toEqual(['AGENT', 'AGENT', 'MANAGER', 'MANAGER']);
    expect(seen.authentications).toBe(3);
  });

  it('answers a refused check with its error, not the guessed answer, and guesses no more', async () => {
    const { seen, send } = harness([AGENT, new Error('The session is no longer valid'), AGENT]);
    await send('{ me }');
    const refused = await send('{ me }');
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((e) => e.message)).toEqual(['The session is no longer valid']);
    // The guessed run happened; its answer was thrown away.
    expect(seen.executions).toEqual(['AGENT', 'AGENT']);
    // No guess left: the next query waits for its check like the first one.
    expect(await send('{ me }')).toEqual({ data: { me: 'u1:AGENT' } });
    expect(seen.executions).toEqual(['AGENT', 'AGENT', 'AGENT']);
    expect(seen.authentications).toBe(3);
  });

  it('never runs a mutation on a guess', async () => {
    const { seen, send } = harness([AGENT, MANAGER]);
    await send('{ me }');
    expect(await send('mutation { touch }')).toEqual({ data: { touch: 'u1:MANAGER' } });
    expect(seen.executions).toEqual(['AGENT', 'MANAGER']);
  });

  it('keeps one token’s guess from another token', async () => {
    const { seen, send } = harness([AGENT, MANAGER]);
    await send('{ me }', 'tok-1');
    expect(await send('{ me }', 'tok-2')).toEqual({ data: { me: 'u1:MANAGER' } });
    expect(seen.executions).toEqual(['AGENT', 'MANAGER']);
  });

  it('leaves a query without a token to the guard', async () => {
    const { seen, send } = harness([]);
    const answer = await send('{ me }', undefined);
    expect(answer.errors?.map((e) => e.message)).toEqual(['Log in first']);
    expect(seen.authentications).toBe(1);
  });
});
