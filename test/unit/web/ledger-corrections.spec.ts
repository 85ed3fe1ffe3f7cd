import { type ErrorWords, serverErrorText } from '../../../web/src/i18n/error-text';
import { hoursLedgerEn } from '../../../web/src/i18n/hours-ledger.en';
import { hoursLedgerEsMX } from '../../../web/src/i18n/hours-ledger.es-mx';
import { serverErrorsEn } from '../../../web/src/i18n/server-errors.en';
import { serverErrorsEsMX } from '../../../web/src/i18n/server-errors.es-mx';
import {
  checkAdjustment,
  checkReversal,
  reversalBlock,
} from '../../../web/src/contracts/ledger-corrections';

// L3-13: the ledger screen's corrections, checked before the API is asked: an adjustment's hours
// and reason as typed, the available hours never negative (the API's INSUFFICIENT_HOURS); which
// rows offer «Revertir» and, when not, why; the API's refusals in words, Spanish first.

describe('checkReversal (L3-13, QA S57)', () => {
  it('says what stays available once the entry’s effect is taken back', () => {
    // A 10 h purchase reversed with 25 h available; a −1.5 h adjustment reversed gives 1.5 back.
    expect(checkReversal(10, 25)).toEqual({ ok: true, availableAfter: 15 });
    expect(checkReversal(-1.5, 3)).toEqual({ ok: true, availableAfter: 4.5 });
    expect(checkReversal(0.1, 0.3)).toEqual({ ok: true, availableAfter: 0.2 });
    expect(checkReversal(7.5, 7.5)).toEqual({ ok: true, availableAfter: 0 });
  });

  it('refuses before asking one that would leave the available hours negative', () => {
    expect(checkReversal(10, 7.5)).toEqual({ ok: false, takes: 10, available: 7.5 });
  });

  it('words the refusal as a reversal’s, in both languages', () => {
    expect(hoursLedgerEsMX.corrections.reverseExceeds('10', '7.5')).toMatch(
      /^No se puede revertir: quitaría 10 h y solo hay 7\.5 h disponibles/,
    );
    expect(hoursLedgerEn.corrections.reverseExceeds('10', '7.5')).toMatch(
      /^It cannot be reversed: it would take 10 h away and only 7\.5 h are available/,
    );
  });
});

describe('checkAdjustment (L3-13)', () => {
  it('takes hours either sign with up to two decimals, a comma or a minus sign as typed', () => {
    // A credit is confirmed too (QA S14-F: 100000 typed for 10 went through in one click).
    expect(checkAdjustment('2', 'Cortesía', 5)).toEqual({
      ok: true,
      hours: 2,
      availableAfter: 7,
      confirm: true,
    });
    expect(checkAdjustment(' 1,25 ', 'Cortesía', 0)).toMatchObject({ ok: true, hours: 1.25 });
    expect(checkAdjustment('−1.5', 'Registro equivocado', 5)).toEqual({
      ok: true,
      hours: -1.5,
      availableAfter: 3.5,
      confirm: true,
    });
    // Hundredths, not floats: 0.3 − 0.1 leaves exactly 0.2.
    expect(checkAdjustment('-0.1', 'x', 0.3)).toMatchObject({ ok: true, availableAfter: 0.2 });
  });

  it('refuses zero, three decimals, text, beyond 100 000 h, and a blank reason', () => {
    for (const typed of ['0', '-0', '1.234', 'dos', '', '1e3', '100000.01', '+-1']) {
      expect(checkAdjustment(typed, 'Motivo', 10)).toEqual({ ok: false, problem: 'HOURS_INVALID' });
    }
    expect(checkAdjustment('1', '   ', 10)).toEqual({ ok: false, problem: 'REASON_REQUIRED' });
  });

  it('taking away more than the available hours is refused, as the API refuses it', () => {
    expect(checkAdjustment('-8.5', 'Corrección', 8.25)).toEqual({
      ok: false,
      problem: 'EXCEEDS_AVAILABLE',
      hours: -8.5,
      available: 8.25,
    });
    // Exactly all of them is allowed: the available hours end at 0.
    expect(checkAdjustment('-8.25', 'Corrección', 8.25)).toMatchObject({
      ok: true,
      availableAfter: 0,
      confirm: true,
    });
  });
});

describe('reversalBlock (L3-13)', () => {
  const row = (
    kind: string,
    hours: number,
    reversible: boolean,
    reversedByEntryId = null as string | null,
  ) => ({
    kind,
    hours,
    reversible,
    reversedByEntryId,
  });
  it('offers «Revertir» exactly where the API says the row is reversible', () => {
    expect(reversalBlock(row('PURCHASE', 10, true))).toBeNull();
    expect(reversalBlock(row('ADJUSTMENT', -2, true))).toBeNull();
    expect(reversalBlock(row('CONSUMPTION', -1.5, true))).toBeNull();
    // L3-18: time logged on a no-charge ticket (0 h) is cancelled the same way.
    expect(reversalBlock(row('CONSUMPTION', 0, true))).toBeNull();
  });
  it('says why not otherwise', () => {
    expect(reversalBlock(row('ADJUSTMENT', 2, false, '41'))).toBe('REVERSED');
    expect(reversalBlock(row('REVERSAL', 1.5, false))).toBe('IS_REVERSAL');
    expect(reversalBlock(row('RESERVATION', 4, false))).toBe('FOLLOWS_ESTIMATE');
    expect(reversalBlock(row('RESERVATION_RELEASE', -4, false))).toBe('FOLLOWS_ESTIMATE');
    for (const why of ['REVERSED', 'IS_REVERSAL', 'FOLLOWS_ESTIMATE', 'NOT_REVERSIBLE']) {
      expect(hoursLedgerEsMX.corrections.blocked[why]).toBeTruthy();
      expect(hoursLedgerEn.corrections.blocked[why]).toBeTruthy();
    }
  });
});

describe('the corrections in words, es-MX first (L3-13)', () => {
  const words = (server: typeof serverErrorsEsMX): ErrorWords => ({
    server,
    roleNames: {},
    actionNames: {},
    states: {},
    categories: {},
  });
  const ctx = (language: string) => ({ language, formatInstant: (iso: string) => iso });
  const text = (reason: string, server = serverErrorsEsMX, language = 'es-MX') =>
    serverErrorText(
      { code: 'CONFLICT', message: 'x', extensions: { code: 'CONFLICT', reason } },
      words(server),
      ctx(language),
    );

  it('words the API refusals of a reversal or a replayed key', () => {
    expect(text('ALREADY_REVERSED')).toMatch(/^Este movimiento ya se revirtió/);
    expect(text('NOT_REVERSIBLE')).toMatch(/^Este movimiento no se puede revertir/);
    expect(text('IDEMPOTENCY_KEY_REUSED')).toMatch(/^Esta operación ya se registró/);
    expect(text('ALREADY_REVERSED', serverErrorsEn, 'en')).toMatch(/already been reversed/);
  });

  it('names the entry and confirms a negative adjustment with what stays available', () => {
    const c = hoursLedgerEsMX.corrections;
    expect(hoursLedgerEsMX.reversalOf('29 nov 2026 · L3-2026-000123 · Consumo −1.5 h')).toBe(
      'Reversión de 29 nov 2026 · L3-2026-000123 · Consumo −1.5 h',
    );
    expect(hoursLedgerEsMX.entryName('29 nov 2026', null, 'Ajuste +2 h')).toBe(
      '29 nov 2026 · Ajuste +2 h',
    );
    // Asked in the page: the question, then what follows (QA S56).
    expect(c.confirmNegative('2', 'Comercializadora Aurora')).toBe(
      '¿Quitar 2 h a Comercializadora Aurora?',
    );
    expect(c.confirmNegativeText('6.25')).toBe(
      'Quedarán 6.25 h disponibles. Solo se puede deshacer con una reversión.',
    );
    expect(hoursLedgerEn.corrections.confirmNegative('2', 'Aurora')).toBe(
      'Take 2 h away from Aurora?',
    );
    expect(hoursLedgerEn.corrections.confirmNegativeText('6.25')).toBe(
      '6.25 h will be available. Only a reversal can undo it.',
    );
    expect(c.confirmPositive('100,000', 'Comercializadora Aurora')).toBe(
      '¿Sumar 100,000 h a Comercializadora Aurora?',
    );
    expect(c.confirmPositiveText('100,040')).toBe('Quedarán 100,040 h disponibles.');
    expect(hoursLedgerEn.corrections.confirmPositive('2.5', 'Aurora')).toBe('Add 2.5 h to Aurora?');
    expect(hoursLedgerEn.corrections.confirmPositiveText('42.5')).toBe('42.5 h will be available.');
  });
});
