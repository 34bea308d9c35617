import type { Language } from '@sammen/shared';

/** Words only the paper renderings (PDF, Word) need, beside the report's shared words. */
export interface PaperStrings {
  appendix: string;
  boardPicture: string;
  /** Alt text of a board picture: what a sighted reader sees at a glance. */
  pictureAlt: (frame: string, notes: number, groups: string[]) => string;
  page: (n: number, of: number) => string;
}

const en: PaperStrings = {
  appendix: 'Appendix: the board', boardPicture: 'Board picture',
  pictureAlt: (f, n, g) => `Picture of the board area "${f}" with ${n === 1 ? '1 note' : `${n} notes`}${g.length ? `, grouped as: ${g.join(', ')}` : ''}.`,
  page: (n, of) => `Page ${n} of ${of}`,
};
const da: PaperStrings = {
  appendix: 'Bilag: tavlen', boardPicture: 'Tavlebillede',
  pictureAlt: (f, n, g) => `Billede af tavlens område "${f}" med ${n === 1 ? '1 seddel' : `${n} sedler`}${g.length ? `, samlet i grupperne: ${g.join(', ')}` : ''}.`,
  page: (n, of) => `Side ${n} af ${of}`,
};
const nb: PaperStrings = {
  appendix: 'Vedlegg: tavla', boardPicture: 'Bilde av tavla',
  pictureAlt: (f, n, g) => `Bilde av tavleområdet «${f}» med ${n === 1 ? '1 lapp' : `${n} lapper`}${g.length ? `, samlet i gruppene: ${g.join(', ')}` : ''}.`,
  page: (n, of) => `Side ${n} av ${of}`,
};
const nn: PaperStrings = {
  appendix: 'Vedlegg: tavla', boardPicture: 'Bilete av tavla',
  pictureAlt: (f, n, g) => `Bilete av tavleområdet «${f}» med ${n === 1 ? '1 lapp' : `${n} lappar`}${g.length ? `, samla i gruppene: ${g.join(', ')}` : ''}.`,
  page: (n, of) => `Side ${n} av ${of}`,
};

export const PAPER_STRINGS: Record<Language, PaperStrings> = { da, nb, nn, en };
