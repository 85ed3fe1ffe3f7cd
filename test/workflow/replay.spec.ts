import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { bundleWorkflows, installQuietRuntime } from '../support/time-skipping-env';

// Recorded ticket histories (test/workflow/histories/*.json, written by the ticket specs with
// RECORD_HISTORIES=1, in `History.toObject` form) replayed against the current workflow bundle: a change that would break
// tickets already running fails here as nondeterminism.

const HISTORIES = join(__dirname, 'histories');
const files = readdirSync(HISTORIES)
  .filter((name) => name.endsWith('.json'))
  .sort();

let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  installQuietRuntime();
  bundle = await bundleWorkflows();
});

describe('ticket workflow replay (L3-06, L3-07, L3-08, L3-09)', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('replays every recorded history without nondeterminism', async () => {
    const histories = files.map((name) => ({
      workflowId: name.replace(/\.json$/, ''),
      history: temporal.api.history.v1.History.fromObject(
        JSON.parse(readFileSync(join(HISTORIES, name), 'utf8')),
      ),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });
});
