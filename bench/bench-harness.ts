import { cpus } from 'node:os';

/** One measured figure of a scenario. */
export interface BenchRow {
  readonly scenario: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** The in-run baseline the value is compared with, when the scenario has one. */
  readonly baseline?: { readonly label: string; readonly value: number };
  /** The goal, as text (e.g. `≥ 100000 /s`), and whether this run met it. */
  readonly goal?: { readonly text: string; readonly met: boolean };
}

export interface BenchScenario {
  readonly name: string;
  run(): Promise<BenchRow[]>;
}

/** Calls `fn` repeatedly for about `ms` milliseconds after a warm-up; returns calls per second. */
export function throughput(fn: (i: number) => void, ms = 1_000): number {
  for (let i = 0; i < 2_000; i++) fn(i);
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  for (;;) {
    for (let j = 0; j < 1_000; j++) fn(calls++);
    if (process.hrtime.bigint() - start >= budget) break;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return calls / seconds;
}

/** Deterministic PRNG (mulberry32) so every run measures the same inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export function formatTable(rows: readonly BenchRow[]): string {
  const fmt = (n: number): string =>
    n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3);
  const lines = rows.map((r) => [
    r.scenario,
    r.metric,
    `${fmt(r.value)} ${r.unit}`,
    r.baseline ? `${r.baseline.label}: ${fmt(r.baseline.value)}` : '',
    r.goal ? `${r.goal.text} ${r.goal.met ? 'met' : 'MISSED'}` : '',
  ]);
  const header = ['scenario', 'metric', 'value', 'baseline', 'goal'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]): string =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}
