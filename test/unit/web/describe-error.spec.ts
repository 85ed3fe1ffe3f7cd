import { ApiError } from '../../../web/src/api/graphql-client';
import { describeError } from '../../../web/src/components/describe-error';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA S20: a refusal worded for its reason was shown under the code's general line. For a conflict
// that line is often wrong («Ya existe un registro igual.» above «No puede desactivar su propia
// cuenta.») or says it twice (a client's second calendar); a conflict in its own words stands
// alone. Invalid data keeps its heading above the field's words.

const conflict = (reason: string, extensions: Record<string, unknown> = {}) =>
  new ApiError('CONFLICT', 'server words', undefined, reason, {
    code: 'CONFLICT',
    reason,
    ...extensions,
  });

describe('an error in the UI language (describeError)', () => {
  it('a conflict worded for its reason is said once, in those words', () => {
    expect(describeError(conflict('OWN_ACCOUNT_DEACTIVATION'), esMX)).toEqual({
      text: esMX.serverErrors.ownAccountDeactivation,
    });
    const taken = conflict('CALENDAR_TAKEN', { organization: 'Comercializadora Aurora' });
    expect(describeError(taken, esMX).text).toMatch(/^Comercializadora Aurora ya tiene su propio/);
    expect(describeError(taken, esMX).detail).toBeUndefined();
    expect(describeError(taken, en).text).toMatch(/^Comercializadora Aurora already has/);
  });

  it("a screen's own words for a conflict still lead, and an unknown reason keeps the general line", () => {
    const taken = conflict('CALENDAR_TAKEN', { organization: 'Comercializadora Aurora' });
    const described = describeError(taken, esMX, { CONFLICT: 'Ese orden ya cambió.' });
    expect(described.text).toBe('Ese orden ya cambió.');
    expect(described.detail).toMatch(/ya tiene su propio calendario/);
    expect(describeError(conflict('SOMETHING_NEW'), esMX)).toEqual({
      text: esMX.errors.CONFLICT,
      detail: 'server words',
      detailLanguage: 'en',
    });
  });

  it('invalid data said in words for its field is introduced by «Revise lo siguiente:» (QA S52)', () => {
    const invalid = new ApiError(
      'VALIDATION_FAILED',
      'server words',
      undefined,
      'DUPLICATE_HOLIDAY',
      {
        code: 'VALIDATION_FAILED',
        reason: 'DUPLICATE_HOLIDAY',
        date: '2026-09-16',
      },
    );
    const described = describeError(invalid, esMX);
    expect(described.text).toBe('Revise lo siguiente:');
    expect(describeError(invalid, en).text).toBe('Please check the following:');
    // Without words for a field, the plain heading stays.
    expect(describeError(new ApiError('VALIDATION_FAILED', 'server words'), esMX).text).toBe(
      'Los datos no son válidos.',
    );
    expect(described.detail).toMatch(/ya es un día inhábil/);
  });
});
