import type { Language } from '@sammen/shared';

/** Words only the paper renderings (PDF, Word) need, beside the report's shared words. */
export interface PaperStrings {
  /** Under a vote table that lists only what got dots. */
  noDots: (n: number) => string;
  page: (n: number, of: number) => string;
}

const en: PaperStrings = { noDots: (n) => `${n === 1 ? '1 more item' : `${n} more items`} got no dots.`, page: (n, of) => `Page ${n} of ${of}` };
const da: PaperStrings = { noDots: (n) => `${n === 1 ? '1 punkt mere' : `${n} punkter mere`} fik ingen prikker.`, page: (n, of) => `Side ${n} af ${of}` };
const nb: PaperStrings = { noDots: (n) => `${n === 1 ? '1 punkt til' : `${n} punkter til`} fikk ingen prikker.`, page: (n, of) => `Side ${n} av ${of}` };
const nn: PaperStrings = { noDots: (n) => `${n === 1 ? '1 punkt til' : `${n} punkt til`} fekk ingen prikkar.`, page: (n, of) => `Side ${n} av ${of}` };

export const PAPER_STRINGS: Record<Language, PaperStrings> = { da, nb, nn, en };
