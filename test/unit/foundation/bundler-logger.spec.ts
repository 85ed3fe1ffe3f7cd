import { bundleWorkflowCode } from '@temporalio/worker';
import { bundlerLogger } from '../../../src/worker/bundler-logger';
import { WORKFLOWS_PATH } from '../../../src/worker/create-worker';

// Every `npm start` printed the worker's webpack module listing (36 lines) at info (QA S19). The
// worker now bundles with bundlerLogger: that listing is debug (LOG_LEVEL debug/verbose shows
// it), warnings and errors stay visible.
function recorder() {
  const lines = { debug: [] as string[], warn: [] as string[], error: [] as string[] };
  return {
    lines,
    nest: {
      debug: (m: string) => lines.debug.push(m),
      warn: (m: string) => lines.warn.push(m),
      error: (m: string) => lines.error.push(m),
    },
  };
}

describe('workflow bundler logger', () => {
  it('sends the webpack listing of a real bundle to debug, and nothing to warn or error', async () => {
    const { lines, nest } = recorder();
    const bundle = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_PATH,
      logger: bundlerLogger(nest),
    });
    expect(bundle.code.length).toBeGreaterThan(0);
    expect(lines.debug.join('\n')).toMatch(/webpack/);
    expect(lines.debug.some((m) => m.startsWith('Workflow bundle created'))).toBe(true);
    expect(lines.warn).toEqual([]);
    expect(lines.error).toEqual([]);
  });

  it('keeps warnings and errors (a failed bundle) at their own level, with their metadata', () => {
    const { lines, nest } = recorder();
    const logger = bundlerLogger(nest);
    logger.error('Module not found', { file: 'workflows/index.ts' });
    logger.warn('Ignoring module');
    logger.log('ERROR', 'webpack failed');
    logger.trace('detail');
    expect(lines.error).toEqual([
      'Module not found {"file":"workflows/index.ts"}',
      'webpack failed',
    ]);
    expect(lines.warn).toEqual(['Ignoring module']);
    expect(lines.debug).toEqual(['detail']);
  });
});
