// nlp.js ships no type declarations; these cover the parts grouping uses (stemmers and stop word lists).
declare module '@nlpjs/lang-da' {
  export class StemmerDa {
    stemWord(word: string): string;
  }
  export class StopwordsDa {
    dictionary: Record<string, boolean>;
  }
}
declare module '@nlpjs/lang-no' {
  export class StemmerNo {
    stemWord(word: string): string;
  }
  export class StopwordsNo {
    dictionary: Record<string, boolean>;
  }
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
  export class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
}
