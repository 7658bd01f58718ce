// The document object every extraction component reads and annotates (spaCy-style):
// one article, its sentences and tokens, with character offsets into the original text.

export type Lang = 'it' | 'en';

/** One token. `start`/`end` are offsets into `Article.text` (the original text, header included). */
export interface Token {
  /** The token exactly as written in the original text. */
  text: string;
  /**
   * Lower-cased form used for matching: NFC, typographic apostrophes and quotes folded to ASCII
   * (’ → ', “ ” « » → "), accents kept (Italian needs them: incontrerà ≠ incontrera).
   */
  norm: string;
  start: number;
  end: number;
  /** The first character is an upper-case letter. */
  upper: boolean;
  kind: 'word' | 'number' | 'punct';
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Slice of `Article.text` from start to end (original characters). */
  text: string;
  tokens: Token[];
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

export interface Article {
  /** Stable id: the file name without extension, or a content hash for stdin. */
  id: string;
  /** Publication date from the header or --date (ISO YYYY-MM-DD); undefined when unknown. */
  date?: string;
  /** Outlet from the header (e.g. "AgenPress"). */
  source?: string;
  title?: string;
  url?: string;
  lang: Lang;
  /** The decoded original text (BOM removed), header included: offsets point here. */
  text: string;
  /** Offset where the body starts (after the header). */
  bodyStart: number;
  sentences: Sentence[];
  /** Extra attributes carried along from the input (JSON Lines fields, …). */
  meta?: Record<string, string | number | boolean>;
}
