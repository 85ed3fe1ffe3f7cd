import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type DocumentNode, Kind, parse, print, validate, visit } from 'graphql';
import { TICKET_NUMBER_PATTERN } from '../../../src/shared/ticket-number-pattern';

// The README's GraphQL examples are what a new user pastes first (QA S19): each operation in a
// ```graphql block, the queries inside the shell and JavaScript examples, must be valid against
// the committed schema.graphql (which the integration tier checks against the served schema).
// Ticket-workflow examples: L3-05/L3-06 registration and triage, L3-10/L3-19 queue reorder.

const root = join(__dirname, '../../..');
const schema = buildSchema(readFileSync(join(root, 'schema.graphql'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function blocks(language: string): string[] {
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'gm');
  return [...readme.matchAll(fence)].map((m) => m[1]);
}

/** Each operation of a block as its own document: the README shows them to run one at a time. */
function operations(source: string): DocumentNode[] {
  return parse(source).definitions.map((definition) => ({
    kind: Kind.DOCUMENT,
    definitions: [definition],
  }));
}

/** GraphQL inside other examples: `"query":"…"` in JSON bodies and `query: '…'` in JavaScript. */
function embeddedQueries(): string[] {
  const found: string[] = [];
  for (const block of [...blocks('bash'), ...blocks('js')]) {
    for (const m of block.matchAll(/"query":"((?:[^"\\]|\\.)*)"|query: '([^']*)'/g)) {
      found.push(m[1] !== undefined ? (JSON.parse(`"${m[1]}"`) as string) : m[2]);
    }
  }
  return found;
}

describe('README examples', () => {
  const graphqlOperations = blocks('graphql').flatMap(operations);

  it('has the examples a new user follows', () => {
    const names = graphqlOperations.map((doc) => print(doc)).join('\n');
    for (const field of [
      'businessDeadline',
      'registerTicket',
      'classifyTicket',
      'previewQueueReorder',
      'confirmQueueReorder',
    ]) {
      expect(names).toContain(field);
    }
    const embedded = embeddedQueries().join('\n');
    expect(embedded).toContain('login(email: $e, password: $p)');
    expect(embedded).toContain('me {');
    expect(embedded).toContain('subscription { ticketChanged');
  });

  it.each(graphqlOperations.map((doc) => [print(doc).split('\n').slice(0, 2).join(' '), doc]))(
    'graphql block operation %s is valid against schema.graphql',
    (_, doc) => {
      expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    },
  );

  it.each(embeddedQueries().map((q) => [q.slice(0, 60), q]))(
    'embedded query %s is valid against schema.graphql',
    (_, query) => {
      expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
    },
  );

  it('classifies the ticket registerTicket answered, not a number fixed to one year', () => {
    // QA S19: the example said "L3-2026-000001", wrong from 2027 on and for any second ticket.
    const classify = graphqlOperations.find((doc) => print(doc).includes('classifyTicket'));
    const literals: string[] = [];
    visit(classify!, { StringValue: (node) => void literals.push(node.value) });
    expect(literals.filter((value) => TICKET_NUMBER_PATTERN.test(value))).toEqual([]);
    expect(print(classify!)).toContain('number: $number');
    expect(readme).toMatch(/`classifyTicket` takes the `number` that `registerTicket`\s+answered/);
  });

  it('tells Node users of the subscription example to pass a WebSocket implementation', () => {
    // Node 20 (the README's minimum) has no global WebSocket: graphql-ws throws without one.
    const subscription = blocks('js').find((b) => b.includes('createClient'));
    expect(subscription).toContain("import WebSocket from 'ws'");
    expect(subscription).toContain('webSocketImpl: WebSocket');
  });
});
