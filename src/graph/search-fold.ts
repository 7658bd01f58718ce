// How names are compared by a search, in the viewer (viewer/src/state.ts) and in the server's subgraph search
// (src/serve/subgraph.ts): one function, so a name the viewer finds in a small graph the server finds in a large one.

/** Lower case without diacritics, so "zelenskyj" and "Zelenskyj" or "Élysée" and "elysee" meet. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
