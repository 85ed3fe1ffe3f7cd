import { ObjectTypeDefinitionFactory } from '@nestjs/graphql/dist/schema-builder/factories/object-type-definition.factory.js';
import {
  execute,
  type GraphQLFieldResolver,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
} from 'graphql';
import { dropPropertyReadResolvers } from '../../../src/api/property-read-resolvers';

// Issues 5/10 (the SLA board's page, L3-06…L3-09): code-first fields whose resolver only reads
// the model's property lose it, so graphql-jit reads the property inline; every other resolver
// stays. The resolvers are made by Nest's own factory, as in the app's schema.

type Resolver = GraphQLFieldResolver<unknown, unknown>;

/** The resolver Nest gives a code-first field (`ObjectTypeDefinitionFactory.createFieldResolver`). */
function nestResolver(
  name: string,
  options: { defaultValue?: unknown; middleware?: unknown[] } = {},
): Resolver {
  const factory = Object.create(ObjectTypeDefinitionFactory.prototype) as {
    createFieldResolver(field: unknown, options: unknown): Resolver;
  };
  return factory.createFieldResolver(
    { name, options: { defaultValue: options.defaultValue }, middleware: options.middleware },
    { fieldMiddleware: [] },
  );
}

describe('dropPropertyReadResolvers', () => {
  const upper: Resolver = (root) => String((root as { computed: string }).computed).toUpperCase();
  const clock = new GraphQLObjectType({
    name: 'Clock',
    fields: {
      plain: { type: GraphQLString, resolve: nestResolver('plain') },
      withDefault: {
        type: GraphQLString,
        resolve: nestResolver('withDefault', { defaultValue: 'por defecto' }),
      },
      guarded: {
        type: GraphQLString,
        resolve: nestResolver('guarded', {
          middleware: [(_ctx: unknown, next: () => unknown) => next()],
        }),
      },
      computed: { type: GraphQLString, resolve: upper },
    },
  });
  const schema = () =>
    new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          clock: { type: clock, resolve: () => ({ plain: 'a', guarded: 'b', computed: 'c' }) },
        },
      }),
    });

  it('drops the plain property read and keeps defaults, middleware and computed fields', () => {
    const fields = (
      dropPropertyReadResolvers(schema()).getType('Clock') as GraphQLObjectType
    ).getFields();
    expect(fields.plain.resolve).toBeUndefined();
    expect(fields.withDefault.resolve).toBeDefined();
    expect(fields.guarded.resolve).toBeDefined();
    expect(fields.computed.resolve).toBe(upper);
  });

  it('answers the same before and after', async () => {
    const document = parse('{ clock { plain withDefault guarded computed } }');
    const before = await execute({ schema: schema(), document });
    const after = await execute({ schema: dropPropertyReadResolvers(schema()), document });
    expect(after).toEqual(before);
    expect(after.data).toEqual({
      clock: { plain: 'a', withDefault: 'por defecto', guarded: 'b', computed: 'C' },
    });
  });
});
