import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { projectCardDefaults, type ProjectCard, type ProjectMove } from '@sammen/shared';
import { portfolioTables, renderPortfolioCsv, renderPortfolioXlsx } from './portfolioExport.js';
import { portfolioBlocks, reportPortfolio } from './portfolioSection.js';

const card = (id: string, over: Partial<ProjectCard> = {}): ProjectCard => ({
  ...projectCardDefaults, effects: [], learnings: [], id, type: 'project', index: 'a1', frameId: null, x: 0, y: 0, createdAt: Date.UTC(2026, 8, 1), title: id, ...over,
});
const day = (d: number) => Date.UTC(2026, 10, d, 10);
const cards = [
  card('p1', { title: '=HYPERLINK("http://evil")', owner: '@Hanne', area: 'staff', effects: ['results', 'democracy'], phase: 'consolidate', learnings: [{ at: day(2), turn: 'test', text: '+1 line\n-2 line' }] }),
  card('p2', { title: 'Gåbus', area: 'Skoleområdet' }),
];
const moves = new Map<string, ProjectMove[]>([['p1', [{ at: day(2), by: 'Anna', from: 'mobilise', to: 'consolidate' }]]]);

describe('portfolio export', () => {
  it('has every card with its fields and every move and learning, in the workshop’s language', () => {
    const t = portfolioTables(cards, moves, 'da');
    expect(t.cards).toHaveLength(3);
    const p1 = t.cards.find((r) => r[0] === 'p1')!;
    expect(p1).toContain('Staben');
    expect(p1).toContain('Konsolidering');
    expect(p1).toContain('Bedre resultater; Demokratisk deltagelse');
    expect(t.cards.find((r) => r[0] === 'p2')).toContain('Skoleområdet');
    expect(t.history.slice(1).map((r) => r[2])).toEqual(['Faseskift', 'Læring']);
    expect(t.history[1]).toEqual(expect.arrayContaining(['Anna', 'Mobilisering', 'Konsolidering']));
  });

  it('neutralises formulas in CSV cells and in every line inside a cell', () => {
    const csv = renderPortfolioCsv(portfolioTables(cards, moves, 'en'));
    const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true });
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil")`);
    expect(cells).toContain("'@Hanne");
    expect(cells).toContain("'+1 line\n'-2 line");
    for (const cell of cells) for (const line of cell.split(/[\r\n]/)) expect(line).not.toMatch(/^[=+\-@]/);
  });

  it('writes an XLSX with a cards sheet and a history sheet of plain strings', async () => {
    const buffer = await renderPortfolioXlsx(portfolioTables(cards, moves, 'nb'), 'nb');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Prosjektkort', 'Historikk']);
    const sheet = book.getWorksheet('Prosjektkort')!;
    expect(sheet.rowCount).toBe(3);
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).toBe(ExcelJS.ValueType.String)));
    expect(book.getWorksheet('Historikk')!.rowCount).toBe(3);
  });

  it('reports cards by phase and the moves since the last meeting', () => {
    const p = reportPortfolio(cards, moves, day(9))!;
    expect(p.lastMeeting).toBe(new Date(Date.UTC(2026, 10, 2)).toISOString());
    expect(p.moves).toHaveLength(1);
    const text = portfolioBlocks('en', 'Europe/Copenhagen', p).map((b) => ('text' in b ? b.text : b.items.join('|'))).join('\n');
    expect(text).toContain('Consolidate (1)');
    expect(text).toContain('Moves since the last meeting');
    expect(text).toContain('Mobilise → Consolidate');
    expect(reportPortfolio([], moves, day(9))).toBeNull();
  });
});
