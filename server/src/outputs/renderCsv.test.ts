import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportModel, ReportNote } from './reportModel.js';
import { renderCsv } from './renderCsv.js';

const DANGEROUS = ['=', '+', '-', '@', '\t', '\r'];
/** Hostile text: formulas, line breaks of every kind, quotes, separators, mixed with any unicode. */
const hostile = fc
  .array(fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', ';', "'", '=1+1', '@SUM(A1)', '=HYPERLINK("http://x")', '\u2028'), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

function model(notes: Array<Pick<ReportNote, 'text' | 'author' | 'clusterLabel' | 'frameTitle'>>): ReportModel {
  return {
    language: 'en',
    steps: [{ step: { title: '=step' } }],
    actions: [],
    notes: notes.map((n, i) => ({ id: `n${i}`, votes: i, stepIndex: 0, ...n })),
  } as unknown as ReportModel;
}

/** What the text must read as in a spreadsheet: an apostrophe before a formula character at each line start. */
function expected(text: string): string {
  let out = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (lineStart && DANGEROUS.includes(ch)) out += "'";
    out += ch;
    lineStart = ch === '\n' || (ch === '\r' && text[i + 1] !== '\n');
  }
  return out;
}

describe('CSV report', () => {
  it('the note "\\n=1+1" stays inside its quoted cell and is no formula', () => {
    const csv = renderCsv(model([{ text: '\n=1+1', author: null, clusterLabel: null, frameTitle: null }])).replace(/^\uFEFF/, '');
    const rows = parse(csv, { relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]![3]).toBe("\n'=1+1");
    for (const line of csv.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
  });

  it('any hostile text: a real parser reads back one row per note, every cell as written, no line starts a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostile, hostile, hostile), { minLength: 1, maxLength: 5 }), (cells) => {
        const notes = cells.map(([text, author, label]) => ({ text, author, clusterLabel: label, frameTitle: text }));
        const csv = renderCsv(model(notes));
        expect(csv.startsWith('\uFEFF"')).toBe(true);
        const rows = parse(csv.slice(1), { relax_column_count: false }) as string[][];
        expect(rows).toHaveLength(notes.length + 1);
        notes.forEach((n, i) => {
          expect(rows[i + 1]).toEqual([expected('1. =step'), expected(n.frameTitle), expected(n.clusterLabel), expected(n.text), String(i), expected(n.author), 'Note', '', '', '']);
        });
        for (const row of rows) for (const cell of row) for (const line of cell.split(/\r\n|\r|\n/)) expect(DANGEROUS).not.toContain(line[0]);
        // A reader that splits the file on line breaks sees no formula either.
        for (const line of csv.slice(1).split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^[=+\-@\t]/);
      }),
      { numRuns: 150 },
    );
  });
});
