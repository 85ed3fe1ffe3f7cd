import { parseInternalField } from '../../../src/attachments/attachment-policy';
import { DomainError } from '../../../src/common/errors/domain-error';

// L3-11: the upload's `internal` multipart field. Only an explicit `true` makes a staff-only
// file; a typo is refused instead of uploading a file the client should not see as visible.
describe('parseInternalField (L3-11 internal files)', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    ['false', false],
    [' FALSE ', false],
    ['true', true],
    ['True', true],
    [' true\n', true],
  ])('reads %p as %p', (raw, expected) => {
    expect(parseInternalField(raw)).toBe(expected);
  });

  it.each([['si'], ['1'], ['yes'], [['true', 'true']], [true]])(
    'refuses %p with VALIDATION_FAILED ATTACHMENT_INTERNAL_INVALID',
    (raw) => {
      let caught: unknown;
      try {
        parseInternalField(raw);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect(caught).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { reason: 'ATTACHMENT_INTERNAL_INVALID', field: 'internal' },
      });
    },
  );
});
