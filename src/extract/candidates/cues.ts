// Event cues for relation candidates: the words around which actor pairs become candidates
// (data/lang/LANG/event-cues.json). A form's word ending in `*` matches every word it begins, so one entry covers
// a verb's or noun's inflections ("incontr*": incontra, incontrerà, incontrato, incontri).
import { readFileSync } from 'node:fs';
import type { Lang, Token } from '../../read/types.js';
import { foldAccents } from '../phrase-index.js';
import { checkEventCueFile } from '../lang-schema.js';

export type CueFamily = 'meets' | 'negotiates' | 'sanctions';
export const CUE_FAMILIES: readonly CueFamily[] = ['meets', 'negotiates', 'sanctions'];

export interface CueMatch {
  family: CueFamily;
  class: string;
  /** Token span [i0, i1) in the sentence. */
  i0: number;
  i1: number;
}

interface CueWord {
  text: string;
  prefix: boolean;
}

interface CueForm {
  family: CueFamily;
  class: string;
  words: CueWord[];
}

interface CueFile {
  cues: { family: CueFamily; class: string; forms: string[] }[];
}

/** Prefix forms are indexed by their first PREFIX_KEY letters: a shorter stem would match too many words. */
const PREFIX_KEY = 4;

export class EventCues {
  private readonly exact = new Map<string, CueForm[]>();
  private readonly prefixed = new Map<string, CueForm[]>();

  constructor(file: CueFile) {
    for (const entry of file.cues) {
      for (const form of entry.forms) {
        const words = form.split(/\s+/).map((w): CueWord => {
          const prefix = w.endsWith('*');
          return { text: foldAccents(prefix ? w.slice(0, -1) : w).toLowerCase(), prefix };
        });
        const first = words[0]!;
        if (first.prefix && first.text.length < PREFIX_KEY) throw new Error(`event cue "${form}": a prefix needs ${PREFIX_KEY} letters`);
        const cue: CueForm = { family: entry.family, class: entry.class, words };
        const map = first.prefix ? this.prefixed : this.exact;
        const key = first.prefix ? first.text.slice(0, PREFIX_KEY) : first.text;
        const list = map.get(key);
        if (list) list.push(cue);
        else map.set(key, [cue]);
      }
    }
  }

  /** Every cue of the sentence, longest form first at each token; one match per family and start token. */
  find(tokens: readonly Token[]): CueMatch[] {
    const out: CueMatch[] = [];
    const folded = tokens.map((t) => (t.kind === 'word' ? foldAccents(t.norm) : ''));
    for (let i = 0; i < tokens.length; i++) {
      const w = folded[i]!;
      if (!w) continue;
      const exact = this.exact.get(w);
      const prefixed = w.length >= PREFIX_KEY ? this.prefixed.get(w.slice(0, PREFIX_KEY)) : undefined;
      if (!exact && !prefixed) continue; // most words: no cue starts here, nothing allocated
      const best: (CueMatch | undefined)[] = [undefined, undefined, undefined];
      for (const list of [exact, prefixed]) {
        if (!list) continue;
        for (const f of list) {
          const end = matchForm(f.words, folded, i);
          if (end < 0) continue;
          const slot = CUE_FAMILIES.indexOf(f.family);
          const had = best[slot];
          if (!had || end > had.i1) best[slot] = { family: f.family, class: f.class, i0: i, i1: end };
        }
      }
      for (const m of best) if (m) out.push(m);
    }
    return out;
  }
}

function matchForm(words: readonly CueWord[], folded: readonly string[], i: number): number {
  for (let k = 0; k < words.length; k++) {
    const w = folded[i + k];
    const c = words[k]!;
    if (!w || !(c.prefix ? w.startsWith(c.text) : w === c.text)) return -1;
  }
  return i + words.length;
}

const loaded = new Map<Lang, EventCues>();

export function loadEventCues(lang: Lang): EventCues {
  let cues = loaded.get(lang);
  if (!cues) {
    const data: unknown = JSON.parse(readFileSync(new URL(`../../../data/lang/${lang}/event-cues.json`, import.meta.url), 'utf8'));
    checkEventCueFile(`data/lang/${lang}/event-cues.json`, data);
    cues = new EventCues(data as CueFile);
    loaded.set(lang, cues);
  }
  return cues;
}
