import { parse } from 'graphql';
import { nulCharacterPath } from '../../../src/api/request-hygiene';

// Issue 10 item 3: where a NUL character hides in an operation, named for the client.
describe('nulCharacterPath', () => {
  const doc = parse(
    'query ($input: RegisterTicketInput!) { registerTicket(input: $input) { number } }',
  );

  it('finds none in clean text', () => {
    expect(
      nulCharacterPath(doc, { input: { subject: 'Error al timbrar', tags: ['a', 'b'] } }),
    ).toBe(null);
    expect(nulCharacterPath(doc, null)).toBe(null);
  });

  it('names the variable path of a NUL in nested objects, arrays and keys', () => {
    expect(nulCharacterPath(doc, { input: { subject: 'a\u0000' } })).toBe('$input.subject');
    expect(nulCharacterPath(doc, { ids: ['ok', 'b\u0000'] })).toBe('$ids[1]');
    expect(nulCharacterPath(doc, { input: { ['k\u0000']: 1 } })).toBe('$input.<key>');
  });

  it('finds a NUL written as an escape in a string literal of the document', () => {
    expect(nulCharacterPath(parse('{ ticket(number: "L3\\u0000") { number } }'), {})).toBe(
      'a string literal',
    );
  });
});
