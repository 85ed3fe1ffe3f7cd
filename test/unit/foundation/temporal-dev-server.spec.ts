import { devServerArgs } from '../../../src/infra/local-stack/temporal-dev-server';
import { ALL_SEARCH_ATTRIBUTES } from '../../../workflows/search-attributes';

// Foundation: the dev server persists to SQLite under .data/ and registers our search attributes.

describe('devServerArgs', () => {
  const base = {
    cliPath: 'temporal',
    dbFile: '/repo/.data/temporal/temporal.db',
    host: '127.0.0.1',
    port: 7233,
    namespace: 'default',
    searchAttributes: ALL_SEARCH_ATTRIBUTES,
  };

  it('starts a persistent dev server with the UI and every search attribute', () => {
    const args = devServerArgs({ ...base, uiPort: 8233 });
    expect(args.slice(0, 2)).toEqual(['server', 'start-dev']);
    expect(args).toEqual(
      expect.arrayContaining(['--db-filename', base.dbFile, '--ui-port', '8233']),
    );
    expect(args).not.toContain('--headless');
    const attrs = args.filter((_, i) => args[i - 1] === '--search-attribute');
    expect(attrs).toEqual([
      'SlaTicketNumber=Keyword',
      'SlaClientOrg=Keyword',
      'SlaTicketState=Keyword',
      'SlaStatus=Keyword',
      'SlaNextDeadline=Datetime',
    ]);
  });

  it('writes its SQLite file through a write-ahead log synced at every commit (durable, and no disk wait per write burst)', () => {
    const args = devServerArgs(base);
    const pragmas = args.filter((_, i) => args[i - 1] === '--sqlite-pragma');
    expect(pragmas).toEqual(['journal_mode=wal', 'synchronous=full']);
  });

  it('runs headless without a UI port', () => {
    expect(devServerArgs(base)).toContain('--headless');
  });
});
