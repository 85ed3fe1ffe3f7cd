import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Spawns a Node entry point with the given env, prefixing each output line with `[name]`. */
export function spawnNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => print(`[${name}] ${line}`));
  }
  return child;
}
