import {
  cannedLanguages,
  cannedTextFor,
  type CannedValues,
  fillCanned,
  insertCanned,
  PLACEHOLDERS,
  unfilledPlaceholders,
} from '../../../web/src/canned-responses/canned-fill';

// Canned responses («Respuestas predefinidas»): the placeholders are filled in the browser, where
// the agent sees the final text before sending it (L3-06 requests for information, L3-07
// progress updates, L3-11 the email that carries it); the text goes into the textarea at the
// cursor or after a blank line, never over what was typed.

const VALUES: CannedValues = {
  client: 'Comercializadora Aurora',
  ticket: 'L3-2026-000123',
  subject: 'No timbra la factura',
  requester: 'Úrsula Usuaria',
  agent: 'Alex Agent',
};

describe('fillCanned', () => {
  it('fills every Spanish placeholder and its English alias', () => {
    expect(
      fillCanned(
        'Hola {{solicitante}} ({{cliente}}): sobre el ticket {{ticket}} «{{asunto}}». Atte., {{agente}}',
        VALUES,
      ),
    ).toBe(
      'Hola Úrsula Usuaria (Comercializadora Aurora): sobre el ticket L3-2026-000123 «No timbra la factura». Atte., Alex Agent',
    );
    expect(fillCanned('{{requester}}|{{client}}|{{ticket}}|{{subject}}|{{agent}}', VALUES)).toBe(
      'Úrsula Usuaria|Comercializadora Aurora|L3-2026-000123|No timbra la factura|Alex Agent',
    );
    expect(PLACEHOLDERS.map((p) => p.name)).toEqual([
      'cliente',
      'ticket',
      'asunto',
      'solicitante',
      'agente',
    ]);
  });

  it('takes spaces inside the braces and any case; the same placeholder twice', () => {
    expect(fillCanned('{{ Cliente }} y {{TICKET}}; otra vez {{ticket}}', VALUES)).toBe(
      'Comercializadora Aurora y L3-2026-000123; otra vez L3-2026-000123',
    );
  });

  it('leaves unknown placeholders, unknown values and stray braces as typed', () => {
    expect(fillCanned('{{fecha}} {{ cuenta_odoo }} {{}} {ticket} {{ticket', VALUES)).toBe(
      '{{fecha}} {{ cuenta_odoo }} {{}} {ticket} {{ticket',
    );
    expect(
      fillCanned('Hola {{solicitante}}, ticket {{ticket}}', {
        ...VALUES,
        requester: null,
        ticket: '  ',
      }),
    ).toBe('Hola {{solicitante}}, ticket {{ticket}}');
  });

  it('does not fill a value that looks like a placeholder (one pass)', () => {
    expect(fillCanned('{{asunto}} / {{cliente}}', { ...VALUES, subject: '{{cliente}}' })).toBe(
      '{{cliente}} / Comercializadora Aurora',
    );
  });

  it('keeps a body without placeholders unchanged', () => {
    const body = 'Gracias por su paciencia.\n\nSeguimos revisando.';
    expect(fillCanned(body, VALUES)).toBe(body);
  });
});

describe('insertCanned', () => {
  const text = 'Hola Úrsula.';

  it('fills an empty (or blank) textarea with the text, cursor at its end', () => {
    expect(insertCanned('', { start: 0, end: 0 }, text)).toEqual({ value: text, caret: 12 });
    expect(insertCanned('  \n', { start: 3, end: 3 }, text)).toEqual({ value: text, caret: 12 });
  });

  it('appends after a blank line when the cursor is at the end of the text, or unknown', () => {
    const typed = 'Buen día.\n';
    const expected = { value: 'Buen día.\n\nHola Úrsula.', caret: 23 };
    expect(insertCanned(typed, { start: typed.length, end: typed.length }, text)).toEqual(expected);
    expect(insertCanned(typed, undefined, text)).toEqual(expected);
  });

  it('inserts at the cursor inside the text, replacing a selection, never glued to a word', () => {
    expect(insertCanned('Buen día. Saludos.', { start: 10, end: 10 }, text)).toEqual({
      value: 'Buen día. Hola Úrsula. Saludos.',
      caret: 22,
    });
    expect(insertCanned('Buen día. XXX Saludos.', { start: 10, end: 13 }, text)).toEqual({
      value: 'Buen día. Hola Úrsula. Saludos.',
      caret: 22,
    });
    // QA: the cursor right after «Buenos días.» with text following.
    expect(insertCanned('Buenos días.Gracias.', { start: 12, end: 12 }, text)).toEqual({
      value: 'Buenos días. Hola Úrsula. Gracias.',
      caret: 25,
    });
  });

  it('reads an out-of-range selection as the end of the text', () => {
    expect(insertCanned('Hola', { start: 99, end: 120 }, 'Adiós')).toEqual({
      value: 'Hola\n\nAdiós',
      caret: 11,
    });
  });
});

describe('unfilledPlaceholders', () => {
  it('names what a filled text still holds, each once, so it is replaced before sending (QA)', () => {
    const filled = fillCanned(
      'Hola {{solicitante}}: fecha {{fecha}}, hora {{ hora }}, {{fecha}}.',
      {
        ...VALUES,
      },
    );
    expect(unfilledPlaceholders(filled)).toEqual(['{{fecha}}', '{{ hora }}']);
    expect(unfilledPlaceholders(fillCanned('Hola {{solicitante}}.', VALUES))).toEqual([]);
  });
});

describe("cannedTextFor: the registrant's language picks the text (L3-06, L3-07, L3-11)", () => {
  const both = { body: 'Hola {{solicitante}}.', bodyEn: 'Hello {{requester}}.' };
  const spanishOnly = { body: 'Hola {{solicitante}}.', bodyEn: null };

  it('gives an English registrant the English text, and everyone else the Spanish one', () => {
    expect(cannedTextFor(both, 'EN')).toEqual({ text: 'Hello {{requester}}.', language: 'en' });
    expect(cannedTextFor(both, 'ES_MX')).toEqual({ text: 'Hola {{solicitante}}.', language: 'es' });
    // An unknown registrant (no name visible, none recorded): Spanish, the contract's language.
    expect(cannedTextFor(both, null)).toEqual({ text: 'Hola {{solicitante}}.', language: 'es' });
    expect(cannedTextFor(both, undefined).language).toBe('es');
  });

  it('falls back to Spanish when the response has no English text (none, or blank)', () => {
    expect(cannedTextFor(spanishOnly, 'EN')).toEqual({
      text: 'Hola {{solicitante}}.',
      language: 'es',
    });
    expect(cannedTextFor({ ...both, bodyEn: '  ' }, 'EN').language).toBe('es');
  });

  it('lists the languages a response has, Spanish first', () => {
    expect(cannedLanguages(both)).toEqual(['es', 'en']);
    expect(cannedLanguages(spanishOnly)).toEqual(['es']);
    expect(cannedLanguages({ bodyEn: ' ' })).toEqual(['es']);
  });

  it("fills the picked text's placeholders like any other (English aliases included)", () => {
    expect(fillCanned(cannedTextFor(both, 'EN').text, VALUES)).toBe('Hello Úrsula Usuaria.');
  });
});
