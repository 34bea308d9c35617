import os from 'node:os';

/** Everything needed to reproduce and judge one table of figures. */
export interface Machine {
  node: string;
  cpu: string;
  cores: number;
}

export interface BenchTable {
  title: string;
  /** How to regenerate the figures, so a reader can check them on their own machine. */
  command: string;
  machine: Machine;
  headers: string[];
  rows: string[][];
  /** Caveats that belong next to the numbers rather than in someone's memory. */
  notes?: string[];
}

/** A bench module: bench/run.ts runs every module in bench/ that exports this. */
export type BenchModule = { run: () => Promise<BenchTable> };

export function machine(): Machine {
  const cpus = os.cpus();
  return { node: process.version, cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length };
}

export function toMarkdown(t: BenchTable): string {
  const esc = (cell: string): string => cell.replace(/\|/g, '\\|');
  const line = (cells: string[]): string => `| ${cells.map(esc).join(' | ')} |`;
  return [
    `## ${t.title}`,
    '',
    `Command: \`${t.command}\` · Node ${t.machine.node} · ${t.machine.cpu} · ${t.machine.cores} cores`,
    '',
    line(t.headers),
    line(t.headers.map(() => '---')),
    ...t.rows.map(line),
    ...(t.notes?.length ? ['', ...t.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}

/** Collects garbage between runs when node was started with --expose-gc, so one run's garbage is not billed to the next. */
export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Median wall time of `fn` in ms. Warm-ups let the JIT settle so we measure steady state, which is what
 * a long-running server and a long-open tab see; the median ignores a stray GC pause or scheduler hiccup.
 */
export function timeMs(fn: () => void, runs = 7, warmups = 2): number {
  for (let i = 0; i < warmups; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** Fixed significant figures: enough to compare, without pretending to precision the noise does not have. */
export const fmt = (n: number, digits = 3): string => (n >= 10 ** digits ? n.toFixed(0) : n.toPrecision(digits));
