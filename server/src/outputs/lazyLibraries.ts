import type PDFDocument from 'pdfkit';
import type ExcelJS from 'exceljs';

/**
 * pdfkit and exceljs are loaded on the first PDF or XLSX asked for, not when the server starts: the
 * two are about a fifth of the time from `node main.js` to listening (~0.5 s of ~2.5 s on a busy
 * 2-core machine), which every restart and every test that starts a server would otherwise wait for.
 * Node caches the modules, so only the first export pays for the load.
 */
export const loadPdfkit = async (): Promise<typeof PDFDocument> => (await import('pdfkit')).default;

export const loadExceljs = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
