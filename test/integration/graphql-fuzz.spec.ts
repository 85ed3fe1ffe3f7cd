import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { schemaFilePath } from '../../src/api/graphql-options';
import { ErrorCode } from '../../src/common/errors/domain-error';
import { Role } from '../../src/identity/role.enum';
import { databaseFingerprint } from '../support/database-fingerprint';
import { createSeededWorld, type SeededWorld } from '../support/seeded-world';

// Issue 10 item 3: random and malformed arguments for every query and mutation of schema.graphql
// (wrong types, wrong enums, oversized and empty strings, bad dates, missing or unknown
// arguments), deep and wide documents and malformed HTTP bodies. Every answer is a typed error
// (each error has an `extensions.code` of our ErrorCode set, never INTERNAL), never HTTP 500,
// never a stack trace or an internal path; and the mutations, all run as a client user with at
// least one invalid argument, change nothing in the database. Bounded and reproducible: a fixed
// seed (FUZZ_SEED overrides it, FUZZ_RUNS the number of cases), printed on failure.

const SCHEMA = buildSchema(readFileSync(schemaFilePath(), 'utf8'));
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL));
/** What a stack trace, a source path or a driver error looks like in a response. */
const LEAKS =
  /node_modules|\/work\/|\/home\/|\/src\/[\w/-]+\.ts|\.[jt]s:\d+:\d+|\n\s+at [\w.<>$]+ \(|QueryFailedError|TypeORMError|EntityNotFound|ECONNREFUSED|"stacktrace"/;

type Vars = Record<string, unknown>;
interface Call {
  readonly kind: 'query' | 'mutation';
  readonly field: string;
  readonly document: string;
  readonly variables: Vars;
}

// ---- values for schema types: plausible, malformed and oversized ----

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\n\t',
    'L3-1999-000001',
    'null',
    '<script>x</script>',
    "'; DROP TABLE ticket; --",
  ),
  fc.constantFrom('x'.repeat(20_001), 'ñ'.repeat(10_001), '\u0000'.repeat(5)),
  fc.uuid(),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString()),
);
const number = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 31, -(2 ** 53), 1e308, 0.001),
);

function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  if (isListType(type))
    return fc.array(valueOf(type.ofType, depth + 1), { maxLength: depth > 2 ? 0 : 4 });
  if (isEnumType(type)) {
    return fc.oneof(
      fc.constantFrom(...type.getValues().map((v) => v.name)),
      fc.constantFrom('NOT_A_VALUE', '', 'open'),
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)])), {
      requiredKeys: [],
    });
  }
  switch (isScalarType(type) ? type.name : '') {
    case 'Int':
    case 'Float':
      return number;
    case 'Boolean':
      return fc.boolean();
    default:
      // String, ID, DateTime and any other scalar.
      return text;
  }
}

/** A value no coercion of `type` accepts (so the call must fail before it changes anything). */
function wrongValueOf(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  const wrong: unknown[] = [{ nested: { object: true } }, [[['deep']]]];
  if (isEnumType(named)) wrong.push('NOT_A_VALUE', 42, true);
  else if (isInputObjectType(named)) wrong.push('text', 42, true);
  else if (named.name === 'Int') wrong.push('forty-two', 1.5, 2 ** 31, true);
  else if (named.name === 'Float') wrong.push('forty-two', true);
  else if (named.name === 'Boolean') wrong.push('yes', 1);
  else if (named.name === 'DateTime') wrong.push('not a date', '2026-02-30T25:61:00Z', true);
  if (isNonNullType(type)) wrong.push(null, undefined);
  return fc.constantFrom(...wrong);
}

/** Scalar fields of an object type (a flat selection that always validates). */
function selectionOf(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const leaves = Object.values(named.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => f.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

function documentOf(
  kind: Call['kind'],
  name: string,
  field: GraphQLField<unknown, unknown>,
): string {
  // Every argument is a variable; one with a default is nullable (left out, the default applies).
  const typeOf = (a: GraphQLArgument) =>
    a.defaultValue === undefined ? a.type.toString() : a.type.toString().replace(/!$/, '');
  const defs = field.args.map((a) => `$${a.name}: ${typeOf(a)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${defs ? ` Fuzz(${defs})` : ''} { ${name}${args ? `(${args})` : ''} ${selectionOf(field.type)} }`;
}

/**
 * Random variables for one operation. Mutations always carry one invalid argument (a wrong type,
 * a missing required one, or a broken field inside an input object); queries may be valid.
 */
function callOf(kind: Call['kind']): fc.Arbitrary<Call> {
  const root = kind === 'query' ? SCHEMA.getQueryType()! : SCHEMA.getMutationType()!;
  // A mutation without arguments (`logout`) has nothing to get wrong: it may rightly succeed (and
  // `logout` would end the fuzzing client's session), so the mutation property leaves it out.
  const fields = Object.entries(root.getFields()).filter(
    ([, field]) => kind === 'query' || field.args.length > 0,
  );
  return fc.constantFrom(...fields).chain(([name, field]) => {
    const document = documentOf(kind, name, field);
    const random = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type)])), {
      requiredKeys: [],
    });
    const withExtra = fc
      .tuple(random, fc.option(fc.constantFrom('bogus', 'input2')))
      .map(([variables, extra]) => (extra ? { ...variables, [extra]: 'x' } : variables));
    if (kind === 'query' || field.args.length === 0) {
      return withExtra.map((variables) => ({ kind, field: name, document, variables }));
    }
    const broken = fc.constantFrom(...field.args).chain((arg) => {
      const named = getNamedType(arg.type);
      const top = wrongValueOf(arg.type).map((v) => ({ arg: arg.name, value: v }));
      if (!isInputObjectType(named) || isListType(arg.type)) return top;
      // A broken field inside the input object, the other fields random.
      const inner = Object.values(named.getFields());
      const nested = fc.tuple(valueOf(arg.type), fc.constantFrom(...inner)).chain(([object, f]) =>
        wrongValueOf(f.type).map((v) => ({
          arg: arg.name,
          value: { ...(object as Vars), [f.name]: v },
        })),
      );
      return fc.oneof(top, nested);
    });
    return fc.tuple(withExtra, broken).map(([variables, { arg, value }]) => {
      const vars: Vars = { ...variables, [arg]: value };
      if (value === undefined) delete vars[arg];
      return { kind, field: name, document, variables: vars };
    });
  });
}

describe('GraphQL fuzz: typed errors only, no 500s, no leaks, no state change (issue 10 item 3)', () => {
  let world: SeededWorld;

  beforeAll(async () => {
    // No worker: nothing runs in the background, so any change to the database is the API's.
    world = await createSeededWorld('fuzz');
  });
  afterAll(async () => {
    await world?.close();
  });

  async function post(
    body: string,
    headers: Record<string, string> = {},
    method = 'POST',
  ): Promise<{ status: number; text: string }> {
    const res = await fetch(`${world.api.url}/graphql`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(method === 'GET' ? {} : { body }),
    });
    return { status: res.status, text: await res.text() };
  }

  /** The problems with one answer (empty: fine). */
  function problems(status: number, text: string, expectFailure: boolean): string[] {
    const found: string[] = [];
    if (status >= 500) found.push(`HTTP ${status}`);
    if (LEAKS.test(text)) found.push(`leak: ${LEAKS.exec(text)![0]}`);
    let body: {
      data?: Record<string, unknown> | null;
      errors?: { extensions?: { code?: unknown } }[];
    };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      found.push(`not JSON: ${text.slice(0, 120)}`);
      return found;
    }
    for (const e of body.errors ?? []) {
      const code = String(e.extensions?.code);
      if (!CODES.has(code)) found.push(`untyped error ${code}: ${JSON.stringify(e).slice(0, 200)}`);
    }
    const answered = body.data && Object.values(body.data).some((v) => v !== null);
    if (expectFailure && (answered || !body.errors?.length)) found.push('a mutation succeeded');
    if (!body.errors?.length && !body.data) found.push('neither data nor errors');
    return found;
  }

  const client = () => world.bearer(Role.CLIENT_USER);

  it(`every random or malformed mutation as a client fails typed and changes nothing (${RUNS} runs, seed ${SEED})`, async () => {
    const before = await databaseFingerprint(world.db);
    await fc.assert(
      fc.asyncProperty(callOf('mutation'), async (call) => {
        const { status, text } = await post(
          JSON.stringify({ query: call.document, variables: call.variables }),
          client(),
        );
        const found = problems(status, text, true);
        if (found.length) {
          throw new Error(
            `${call.field} ${JSON.stringify(call.variables).slice(0, 300)}: ${found.join('; ')}`,
          );
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const after = await databaseFingerprint(world.db);
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual([]);
  });

  it(`every random query answers data or typed errors, no 500s or leaks (${RUNS} runs, seed ${SEED})`, async () => {
    const before = await databaseFingerprint(world.db);
    const roles = [Role.CLIENT_USER, Role.CLIENT_APPROVER, Role.AGENT, Role.MANAGER, Role.ADMIN];
    await fc.assert(
      fc.asyncProperty(
        callOf('query'),
        fc.constantFrom<Role | null>(null, ...roles),
        async (call, role) => {
          const { status, text } = await post(
            JSON.stringify({ query: call.document, variables: call.variables }),
            role ? world.bearer(role) : {},
          );
          const found = problems(status, text, false);
          if (found.length) {
            throw new Error(
              `${role} ${call.field} ${JSON.stringify(call.variables).slice(0, 300)}: ${found.join('; ')}`,
            );
          }
        },
      ),
      { seed: SEED + 1, numRuns: RUNS, endOnFailure: true },
    );
    const after = await databaseFingerprint(world.db);
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual([]);
  });

  it('malformed requests, deep and wide documents: typed errors, no 500s, no leaks', async () => {
    const nest = (levels: number) => `${'{ me '.repeat(levels)}{ id }${' }'.repeat(levels)}`;
    const wide = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: me { id email }`).join(' ')} }`;
    const fragmentCycle =
      'query { me { ...A } } fragment A on User { organization { ...B } } fragment B on Organization { ...A }';
    const bodies: [string, string][] = [
      ['malformed JSON', '{"query": "{ me { id } }"'],
      ['JSON array of garbage', '[1, 2, 3]'],
      ['query not a string', JSON.stringify({ query: { me: 'id' } })],
      ['variables not an object', JSON.stringify({ query: '{ me { id } }', variables: 'x' })],
      ['empty query', JSON.stringify({ query: '' })],
      ['no query', JSON.stringify({ variables: {} })],
      ['syntax error', JSON.stringify({ query: '{ me { id ' })],
      [
        'unknown operation name',
        JSON.stringify({ query: 'query A { me { id } }', operationName: 'B' }),
      ],
      [
        'two operations, no name',
        JSON.stringify({ query: 'query A { me { id } } query B { me { id } }' }),
      ],
      ['unknown field', JSON.stringify({ query: '{ me { password } }' })],
      ['deep (20 levels)', JSON.stringify({ query: nest(20) })],
      ['very deep (3,000 levels)', JSON.stringify({ query: nest(3_000) })],
      ['wide (500 aliases)', JSON.stringify({ query: wide })],
      ['fragment cycle', JSON.stringify({ query: fragmentCycle })],
      [
        'subscription over HTTP',
        JSON.stringify({ query: 'subscription { ticketChanged { number } }' }),
      ],
      ['null bytes', JSON.stringify({ query: '{ me { id } }\u0000\u0000' })],
      [
        'huge variables',
        JSON.stringify({ query: '{ me { id } }', variables: { a: 'x'.repeat(2_000_000) } }),
      ],
      ['huge document', JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(2_000_000)}` })],
    ];
    const found: string[] = [];
    const before = await databaseFingerprint(world.db);
    for (const [label, body] of bodies) {
      for (const headers of [client(), {}]) {
        const { status, text } = await post(body, headers);
        // A body the server refuses to parse (HTTP 400/413) may carry no GraphQL error list.
        const list = problems(status, text, false).filter(
          (p) => !(status >= 400 && status < 500 && p === 'neither data nor errors'),
        );
        if (list.length) found.push(`${label}: HTTP ${status}: ${list.join('; ')}`);
      }
    }
    for (const [label, res] of [
      ['GET without query', await post('', client(), 'GET')],
      [
        'text/plain body',
        await post('{ me { id } }', { ...client(), 'content-type': 'text/plain' }),
      ],
    ] as const) {
      if (res.status >= 500 || LEAKS.test(res.text))
        found.push(`${label}: HTTP ${res.status} ${res.text.slice(0, 120)}`);
    }
    expect(found).toEqual([]);
    const after = await databaseFingerprint(world.db);
    expect(Object.keys(after).filter((t) => after[t] !== before[t])).toEqual([]);
  });
});
