import { en } from '../../../web/src/i18n/en';

// The English web app quotes as English does (“Confirm”), not with the Spanish «Confirm»
// (QA S14-F: «Request re-estimate», «No charge to the package» in English screens).

/** Every fixed text of a messages object, and what its functions give for sample arguments. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'function') {
    try {
      const result: unknown = (value as (...a: unknown[]) => unknown)('x', 'y', 'z', 'w');
      if (typeof result === 'string') out.push(result);
    } catch {
      // A function that needs other arguments: its fixed parts are tested where it is used.
    }
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) texts(v, out);
  }
  return out;
}

describe('English texts quote in English', () => {
  it('no «» in the English messages', () => {
    expect(texts(en).filter((s) => /[«»]/.test(s))).toEqual([]);
  });

  it('a shortfall names the action in English quotes; the agenda words its empty alerts', () => {
    expect(en.tickets.shortfallNext(['requestReestimate'])).toContain('“Request re-estimate”');
    expect(en.planning.checkpoints.noAlerts).toBe('No clock was at risk or breached.');
  });
});
