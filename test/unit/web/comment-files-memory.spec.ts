import {
  fileNamesField,
  forgetCommentFiles,
  keepCommentFiles,
  keptCommentFiles,
  lostFileNames,
} from '../../../web/src/tickets/comment-files-memory';
import { planningEn } from '../../../web/src/i18n/planning.en';
import { draftKeyPrefix, formDraftKey } from '../../../web/src/tickets/live-draft';
import { planningEsMX } from '../../../web/src/i18n/planning.es-mx';

// L3-11, QA S58: a comment's chosen files stay with its draft while the writer visits another
// screen (in the tab's memory: a File cannot go in sessionStorage); after a reload the draft only
// names them, and the box says which to choose again.

const file = (name: string) => ({ name });

describe('a comment draft’s chosen files (QA S58)', () => {
  it('keeps the files per draft key, a copy of the list, until an empty list forgets them', () => {
    const chosen = [file('a.png'), file('b.log')];
    keepCommentFiles('u1:L3-2026-000001:comment', chosen);
    keepCommentFiles('u1:L3-2026-000002:comment', [file('otro.pdf')]);
    chosen.push(file('c.txt'));
    expect(keptCommentFiles('u1:L3-2026-000001:comment')).toEqual([file('a.png'), file('b.log')]);
    expect(keptCommentFiles('u2:L3-2026-000001:comment')).toEqual([]);

    keepCommentFiles('u1:L3-2026-000001:comment', []);
    expect(keptCommentFiles('u1:L3-2026-000001:comment')).toEqual([]);
    keepCommentFiles('u1:L3-2026-000002:comment', undefined);
    expect(keptCommentFiles('u1:L3-2026-000002:comment')).toEqual([]);
  });

  it('«Cerrar sesión» forgets the user’s files, and only theirs', () => {
    const mine = formDraftKey('u1', 'L3-2026-000001', 'comment');
    const theirs = formDraftKey('u10', 'L3-2026-000001', 'comment');
    keepCommentFiles(mine, [file('a.png')]);
    keepCommentFiles(theirs, [file('b.png')]);
    forgetCommentFiles(draftKeyPrefix('u1'));
    expect(keptCommentFiles(mine)).toEqual([]);
    expect(keptCommentFiles(theirs)).toEqual([file('b.png')]);
    keepCommentFiles(theirs, undefined);
  });

  it('names the files a reloaded draft lost, each name as often as it was chosen', () => {
    const field = fileNamesField(['a.png', 'captura.png', 'captura.png']);
    expect(lostFileNames(field, [])).toEqual(['a.png', 'captura.png', 'captura.png']);
    expect(lostFileNames(field, [file('captura.png')])).toEqual(['a.png', 'captura.png']);
    expect(lostFileNames(field, [file('captura.png'), file('a.png'), file('captura.png')])).toEqual(
      [],
    );
    expect(lostFileNames(fileNamesField([]), [])).toEqual([]);
    expect(lostFileNames(undefined, [file('a.png')])).toEqual([]);
  });

  it('says so in Spanish and English, naming the files', () => {
    expect(planningEsMX.comments.filesLost('a.png, b.log')).toBe(
      'Los archivos elegidos no se conservan al recargar la página. Elíjalos de nuevo: a.png, b.log.',
    );
    expect(planningEn.comments.filesLost('a.png, b.log')).toBe(
      'Chosen files are not kept when the page is reloaded. Choose them again: a.png, b.log.',
    );
  });
});
