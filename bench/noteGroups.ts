/**
 * Suggested groups: how long the server takes to group a frame's notes (stemming, TF-IDF, cosine
 * matrix, average-link clustering, labels). The budget is one second for 500 notes.
 * Notes are the 60-note fixture's sentences, varied (a word from another note appended, a number),
 * so the vocabulary grows with the board as it does in a real workshop.
 */
import { FIXTURE_NOTES } from '../server/src/workshops/noteGroups.fixture.ts';
import { suggestNoteGroups } from '../server/src/workshops/noteGroups.ts';
import { type BenchTable, gc, machine, timeMs } from './table.ts';

const SIZES = [100, 500, 1_000];

function notes(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const base = FIXTURE_NOTES[i % FIXTURE_NOTES.length]!;
    const other = FIXTURE_NOTES[(i * 7 + 3) % FIXTURE_NOTES.length]!.text.split(' ');
    return { id: `n${i}`, text: `${base.text} ${other[i % other.length]} ${i}` };
  });
}

export async function run(): Promise<BenchTable> {
  const rows: string[][] = [];
  for (const n of SIZES) {
    const input = notes(n);
    const first = process.hrtime.bigint();
    const groups = suggestNoteGroups(input, { language: 'da' }).length;
    const firstMs = Number(process.hrtime.bigint() - first) / 1e6;
    gc();
    const ms = timeMs(() => void suggestNoteGroups(input, { language: 'da' }), 5, 1);
    rows.push([String(n), `${ms.toFixed(0)} ms`, `${firstMs.toFixed(0)} ms`, String(groups)]);
  }
  return {
    title: 'Suggested groups (server/src/workshops/noteGroups.ts)',
    command: 'npm run bench -- noteGroups',
    machine: machine(),
    headers: ['notes', 'median of 5', 'first call (cold)', 'groups suggested'],
    rows,
    notes: ['Budget: under 1 s for 500 notes. The first call runs before the JIT has warmed up.'],
  };
}
