import {
  commentFileStates,
  filesProblemFixed,
} from '../../../web/src/tickets/comment-upload-state';

// QA S65c (L3-11): the comment box says where each of its files is, and its files' problem clears
// once fixed. (The cancel itself, an aborted XHR, needs the DOM: test/e2e/upload-cancel.spec.ts.)

describe('commentFileStates (QA S65c #3)', () => {
  const files = ['a.pdf', 'b.log', 'c.zip'];
  it('says «Adjuntado», «Subiendo… n %» and «En espera» while the comment is sent', () => {
    expect(
      commentFileStates(files, (f) => f === 'a.pdf', { file: 'b.log', percent: 47 }, true),
    ).toEqual([{ kind: 'attached' }, { kind: 'uploading', percent: 47 }, { kind: 'waiting' }]);
  });
  it('says nothing of a file not sent yet while nothing is being sent', () => {
    expect(commentFileStates(files, (f) => f === 'c.zip', undefined, false)).toEqual([
      undefined,
      undefined,
      { kind: 'attached' },
    ]);
  });
});

describe('filesProblemFixed (QA S65c #2)', () => {
  it('holds while a refused file is left, clears once none is', () => {
    expect(filesProblemFixed([undefined, 'Supera 10 MB'], 2, 10)).toBe(false);
    expect(filesProblemFixed([undefined, undefined], 2, 10)).toBe(true);
  });
  it('holds while there are too many files', () => {
    expect(filesProblemFixed([], 11, 10)).toBe(false);
  });
});
