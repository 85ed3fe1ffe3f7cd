import { COMMENT_MAX_FILES, COMMENT_MAX_LENGTH } from '../../../workflows/ticket/ticket.contract';
import { COMMENT_FILE_LIMIT, TEXT_LIMITS } from '../../../src/shared/text-limits';
import { overLimitText, textCountText } from '../../../web/src/components/text-count-text';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// QA S51: a text over its limit (a description of 20,000 characters) was said to be too long only
// in the refusal after sending. Its count now shows under the field from 90 % of the limit on.

describe('a long text’s count (TextCount)', () => {
  it('says nothing below 90 % of the limit, then the count, then how many are too many', () => {
    expect(textCountText(0, 20_000, esMX.textCount)).toBeNull();
    expect(textCountText(17_999, 20_000, esMX.textCount)).toBeNull();
    expect(textCountText(18_000, 20_000, esMX.textCount)).toEqual({
      text: '18,000 de 20,000 caracteres',
      over: false,
    });
    expect(textCountText(20_000, 20_000, esMX.textCount)).toEqual({
      text: '20,000 de 20,000 caracteres',
      over: false,
    });
    expect(textCountText(21_034, 20_000, esMX.textCount)).toEqual({
      text: '21,034 de 20,000 caracteres: sobran 1,034.',
      over: true,
    });
    expect(textCountText(5_001, 5_000, en.textCount)).toEqual({
      text: '5,001 of 5,000 characters: 1 too many.',
      over: true,
    });
    expect(textCountText(450, 500, en.textCount)?.text).toBe('450 of 500 characters');
  });

  // QA S52: past the limit the form refuses before sending, in the server's words for the rule.
  it('refuses a text past its limit in the server’s words, and nothing within it', () => {
    const over = 'x'.repeat(10_001);
    expect(overLimitText(over, 10_000, 'Su respuesta', esMX.serverErrors, 'es-MX')).toBe(
      '«Su respuesta» admite como máximo 10,000 caracteres.',
    );
    expect(overLimitText(over, 10_000, 'Your reply', en.serverErrors, 'en')).toBe(
      '“Your reply” takes at most 10,000 characters.',
    );
    expect(
      overLimitText('x'.repeat(10_000), 10_000, 'Su respuesta', esMX.serverErrors, 'es-MX'),
    ).toBeUndefined();
  });

  it('counts a comment and its files against the workflow’s own limits', () => {
    expect(TEXT_LIMITS.comment).toBe(COMMENT_MAX_LENGTH);
    expect(COMMENT_FILE_LIMIT).toBe(COMMENT_MAX_FILES);
  });
});
