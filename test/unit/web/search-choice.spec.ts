import {
  isId,
  offeredChoice,
  searchChoice,
  searchWith,
  wordedSearchChoice,
} from '../../../web/src/router/search-choice';

// Review S19 (L3-06…L3-09, L3-11, L3-19): the screens that keep their filters in the address (the
// ticket list, the SLA board, «Correo saliente», the one-client screens, «Usuarios») read them back
// with one reader: a value the screen does not offer falls back to the screen's default.

const AURORA = '2f1e4c1a-8b7d-4c2e-9a51-0c6f3d2b7e10';
const KINDS = ['triage', 'diagnosis', 'scheduling', 'progress'] as const;

describe('One reader of the choices in the address', () => {
  it('gives the offered choice the address names, spelled as the choice is', () => {
    expect(searchChoice('?reloj=progress', 'reloj', KINDS, null)).toBe('progress');
    expect(searchChoice('?mostrar=open', 'mostrar', ['ALL', 'OPEN'], 'ALL')).toBe('OPEN');
    expect(searchChoice(`?cliente=%20${AURORA.toUpperCase()}%20`, 'cliente', [AURORA], '')).toBe(
      AURORA,
    );
  });

  it('falls back to the default for a value not offered, an empty one or none', () => {
    for (const search of ['', '?reloj=', '?reloj=lunch', '?otro=triage']) {
      expect(searchChoice(search, 'reloj', KINDS, null)).toBeNull();
    }
    expect(searchChoice('?cliente=gone', 'cliente', [AURORA], 'first')).toBe('first');
  });

  it('offers what could be an ID while the list is not read yet', () => {
    expect(searchChoice(`?agente=${AURORA}`, 'agente', isId, '')).toBe(AURORA);
    expect(searchChoice('?agente=juan', 'agente', isId, '')).toBe('');
    expect(searchChoice(`?agente=${AURORA.slice(0, 20)}`, 'agente', isId, '')).toBe('');
    expect(offeredChoice(AURORA, [], '')).toBe('');
    expect(offeredChoice(undefined, [AURORA], 'x')).toBe('x');
  });

  it('writes choices into the address, keeping its other parameters', () => {
    expect(searchWith('?lang=en&cliente=x', { cliente: AURORA, reloj: null })).toBe(
      `?lang=en&cliente=${AURORA}`,
    );
    expect(searchWith(`?cliente=${AURORA}`, { cliente: '', reloj: undefined })).toBe('');
    const search = searchWith('', { organizacion: AURORA });
    expect(searchChoice(search, 'organizacion', [AURORA], '')).toBe(AURORA);
  });

  it('reads a choice by its word in the address, or by its code as older links wrote it', () => {
    const words = { AWAITING: 'por-autorizar', CLOSED: 'cerrados' } as const;
    expect(wordedSearchChoice('?mostrar=por-autorizar', 'mostrar', words, 'ALL')).toBe('AWAITING');
    expect(wordedSearchChoice('?mostrar=%20Cerrados%20', 'mostrar', words, 'ALL')).toBe('CLOSED');
    expect(wordedSearchChoice('?mostrar=awaiting', 'mostrar', words, 'ALL')).toBe('AWAITING');
    for (const search of ['', '?mostrar=', '?mostrar=por', '?otro=cerrados']) {
      expect(wordedSearchChoice(search, 'mostrar', words, 'ALL')).toBe('ALL');
    }
  });
});
