import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type NoticeWords, noticeOf } from '../../../web/src/components/notice';
import { en } from '../../../web/src/i18n/en';
import { esMX } from '../../../web/src/i18n/es-mx';

// L3-15, L3-13: a form's success notice is kept as data and worded when shown, so switching the
// language rewords it (QA S14-F: checkpoint decisions recorded in Spanish, then the switch to
// English, and «Decisiones registradas.» stayed Spanish).

const spanish: NoticeWords = { t: esMX, language: 'es-MX' };
const english: NoticeWords = { t: en, language: 'en' };

describe('success notices follow the language switch (L3-15, L3-13)', () => {
  it('the checkpoint decisions notice reads in the language on screen, not the one it was sent in', () => {
    const notice = noticeOf({ recordCheckpointDecisions: { id: 'c1' } }, (_, w) => {
      return w.t.planning.checkpoints.recorded;
    });
    expect(notice(spanish)).toBe('Decisiones registradas.');
    expect(notice(english)).toBe('Decisions recorded.');
    // And back: nothing of the first wording is kept.
    expect(notice(spanish)).toBe('Decisiones registradas.');
  });

  it('a notice that quotes the result words it again from the same result', () => {
    const notice = noticeOf({ hours: 2.5 }, (result, w) =>
      w.t.hoursLedger.corrections.adjusted(
        new Intl.NumberFormat(w.language, { signDisplay: 'exceptZero' }).format(result.hours),
        'Comercializadora Aurora',
      ),
    );
    const es = notice(spanish);
    const enText = notice(english);
    expect(es).toContain('+2.5');
    expect(es).toContain('Comercializadora Aurora');
    expect(enText).toContain('+2.5');
    expect(enText).not.toBe(es);
    expect(enText).toBe(en.hoursLedger.corrections.adjusted('+2.5', 'Comercializadora Aurora'));
  });

  it('no form keeps a success notice as text: each is set as data worded when shown', () => {
    const web = join(__dirname, '../../../web/src');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith('.tsx') ? [path] : [];
      });
    const textNotices = files(web).flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\bset(?:Done|Notice)\(([^)]*)/g)]
        .map((m) => m[1].trim())
        // undefined clears it; `(w) =>` words it when shown; the actions panel keeps its own data.
        .filter((arg) => arg !== 'undefined' && !arg.startsWith('(w') && arg !== 'result')
        .map((arg) => `${path.slice(web.length + 1)}: ${arg}`),
    );
    expect(textNotices).toEqual([]);
  });
});
