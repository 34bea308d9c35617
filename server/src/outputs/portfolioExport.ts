import { stringify } from 'csv-stringify/sync';
import type { Language, ProjectCard, ProjectMove } from '@sammen/shared';
import { areaName } from './portfolioSection.js';
import { PORTFOLIO_STRINGS } from './portfolioStrings.js';
import { neutraliseCell } from './renderCsv.js';
import { loadExceljs } from './lazyLibraries.js';

/**
 * The portfolio as two tables: every project card with its fields, and the history (phase moves,
 * recorded by the server with who moved, and each turn's learning). Dates as ISO 8601 (UTC), so a
 * spreadsheet sorts them; the words in the workshop's language.
 */
export interface PortfolioTables {
  cards: string[][];
  history: string[][];
}

const iso = (t: number): string => new Date(t).toISOString();

export function portfolioTables(cards: readonly ProjectCard[], moves: ReadonlyMap<string, readonly ProjectMove[]>, language: Language): PortfolioTables {
  const s = PORTFOLIO_STRINGS[language];
  const c = s.columns;
  const ordered = [...cards].sort((a, b) => a.title.localeCompare(b.title, language) || (a.id < b.id ? -1 : 1));
  const head = [c.id, c.title, c.need, c.needOwner, c.participants, c.hypothesis, c.effects, c.measures, c.owner, c.area, c.phase, c.cycle, c.round, c.created, c.lastMove];
  const rows = ordered.map((card) => {
    const last = (moves.get(card.id) ?? []).at(-1);
    return [
      card.id,
      card.title,
      card.need,
      card.needOwner,
      card.participants,
      card.hypothesis,
      card.effects.map((e) => s.effects[e]).join('; '),
      card.measures,
      card.owner,
      areaName(s, card.area),
      s.phases[card.phase],
      s.cycle[card.cycle],
      String(card.round),
      card.createdAt ? iso(card.createdAt) : '',
      last ? iso(last.at) : '',
    ];
  });
  const historyHead = [c.id, c.title, c.kind, c.date, c.by, c.from, c.to, c.cycle, c.text];
  const history = ordered.flatMap((card) => {
    const entries: Array<{ at: number; row: string[] }> = [
      ...(moves.get(card.id) ?? []).map((m) => ({ at: m.at, row: [card.id, card.title, s.kindMove, iso(m.at), m.by, s.phases[m.from], s.phases[m.to], '', ''] })),
      ...card.learnings.map((l) => ({ at: l.at, row: [card.id, card.title, s.kindLearning, iso(l.at), '', '', '', s.cycle[l.turn], l.text] })),
    ];
    return entries.sort((a, b) => a.at - b.at).map((e) => e.row);
  });
  return { cards: [head, ...rows], history: [historyHead, ...history] };
}

/**
 * CSV: the cards, an empty line, then the history; every cell quoted and neutralised against formula
 * injection exactly as the report's CSV (`neutraliseCell`). UTF-8 with BOM for Excel.
 */
export function renderPortfolioCsv(t: PortfolioTables): string {
  const rows = [...t.cards, [], ...t.history];
  return `\uFEFF${stringify(rows.map((r) => r.map(neutraliseCell)), { record_delimiter: '\r\n', quoted: true })}`;
}

/**
 * XLSX: one sheet of cards, one of history. Every value is written as a string cell (never a formula:
 * exceljs makes a formula only from a `{ formula }` object), and neutralised like the CSV, so a cell
 * stays harmless if someone saves the sheet as CSV again.
 */
export async function renderPortfolioXlsx(t: PortfolioTables, language: Language): Promise<Buffer> {
  const s = PORTFOLIO_STRINGS[language];
  const ExcelJS = await loadExceljs();
  const book = new ExcelJS.Workbook();
  book.creator = 'Sammen';
  for (const [name, table] of [[s.sheets.cards, t.cards], [s.sheets.history, t.history]] as const) {
    const sheet = book.addWorksheet(name.slice(0, 31));
    for (const row of table) sheet.addRow(row.map(neutraliseCell));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.columns.forEach((col) => {
      col.width = 22;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
