import { announcedFilesOf, filesNotArrived } from '../../../src/tickets/announced-files';

// QA S62 #5 (L3-11): the files a registration announces, kept by name so one that never arrives
// is told; the names are cleaned as an upload's name is, so they match the stored file's.

describe('files announced with a registration', () => {
  it('counts the names when no count is given, and cleans them as an upload name', () => {
    expect(
      announcedFilesOf({
        announcedFileNames: ['C:\\fakepath\\informe.pdf', 'bita\u0301cora.log '],
      }),
    ).toEqual({ count: 2, names: ['informe.pdf', 'bitácora.log'] });
    expect(announcedFilesOf({ attachmentsToFollow: 2 })).toEqual({ count: 2, names: [] });
    expect(announcedFilesOf({})).toEqual({ count: 0, names: [] });
    expect(announcedFilesOf({ attachmentsToFollow: 1, announcedFileNames: ['a.log'] })).toEqual({
      count: 1,
      names: ['a.log'],
    });
  });

  it('refuses a count that disagrees with the names, and a name that is no name', () => {
    expect(() =>
      announcedFilesOf({ attachmentsToFollow: 1, announcedFileNames: ['a.log', 'b.log'] }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    for (const name of ['\u200e', ' ', '..', 'dir/']) {
      expect(() => announcedFilesOf({ announcedFileNames: [name] })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });

  it('names what did not arrive, each arrived file answering one announced name', () => {
    expect(filesNotArrived(['a.pdf', 'b.log', 'a.pdf'], ['a.pdf'])).toEqual(['b.log', 'a.pdf']);
    expect(filesNotArrived(['a.pdf', 'b.log'], ['b.log', 'a.pdf', 'c.png'])).toEqual([]);
    expect(filesNotArrived(['A.pdf'], ['a.pdf'])).toEqual(['A.pdf']);
    expect(filesNotArrived([], ['a.pdf'])).toEqual([]);
  });
});
