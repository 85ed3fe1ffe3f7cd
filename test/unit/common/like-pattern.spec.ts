import { containsPattern } from '../../../src/common/like-pattern';

// The searches' "contains" pattern (tickets' text, L3-05; the outbox's recipient, L3-11): what a
// person types is matched literally, its `%`, `_` and `\` escaped for ILIKE's default escape.

describe('containsPattern', () => {
  it('wraps plain text in % on both sides', () => {
    expect(containsPattern('@aurora.example')).toBe('%@aurora.example%');
  });

  it('escapes ILIKE wildcards and the escape character itself', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
