/**
 * Reads a CDP CPU profile (`Profiler.stop`) of the client and says where its time went, mapped through
 * the build's source maps to our files and to packages: self time by function and by file. A helper
 * of the browser benches, not a bench itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** `../../node_modules/lib0/decoding.js` → `lib0/decoding.js`; our files keep their path from the repository root. */
function owner(source: string): string {
  const inModules = source.lastIndexOf('node_modules/');
  if (inModules >= 0) return source.slice(inModules + 'node_modules/'.length);
  return source.replace(/^(\.\.\/)+/, '');
}

/** The hot functions and files of `profile`, as text; `clientDir` holds the built assets and their maps. */
export function summariseProfile(profile: CpuProfile, clientDir: string, top = 40): string {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const maps = new Map<string, SourceMapConsumer | null>();
  const consumer = (url: string): SourceMapConsumer | null => {
    if (!maps.has(url)) {
      const file = path.join(clientDir, new URL(url).pathname) + '.map';
      maps.set(url, fs.existsSync(file) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(file, 'utf8'))) : null);
    }
    return maps.get(url)!;
  };
  // Each node's function and file, mapped to the source.
  const keyOf = new Map<number, { where: string; file: string }>();
  for (const node of profile.nodes) {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let file = url ? new URL(url).pathname : `(${functionName || 'native'})`;
    let where = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
    const map = url.startsWith('http') && lineNumber >= 0 ? consumer(url) : null;
    if (map) {
      const pos = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (pos.source) {
        file = owner(pos.source);
        where = `${functionName || pos.name || '(anonymous)'} ${file}:${pos.line}`;
      }
    }
    keyOf.set(node.id, { where, file });
  }
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (m: Map<string, number>, key: string, ms: number): void => void m.set(key, (m.get(key) ?? 0) + ms);
  for (const [id, ms] of self) {
    const key = keyOf.get(id)!;
    add(byFunction, key.where, ms);
    add(byFile, key.file, ms);
    // Inclusive: once per function on the stack, however often it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf.get(at)!.where);
    for (const where of seen) add(inclusive, where, ms);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const list = (m: Map<string, number>, n: number): string =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`).join('\n');
  return `CPU profile: ${total.toFixed(0)} ms recorded\nself time by file or package:\n${list(byFile, 25)}\nself time by function:\n${list(byFunction, top)}\ntotal time (self + callees) by function:\n${list(inclusive, top)}\n`;
}
