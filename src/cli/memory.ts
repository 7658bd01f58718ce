// Full garbage collections between the stages of a large build, to keep its peak memory near what it
// really holds. V8 sizes its heap to the machine (up to ~4 GB here) and collects lazily: on a
// 100,000-article build the garbage of layout and of the two writers piled up on top of the graph
// (heap 700 MB after the merge, 1.6 GB by the end of the GEXF file). A stage's garbage is dead once
// it ends, so collecting it then costs one full GC (well under a second) and lowers the peak.
//
// `gc` is not exposed without --expose-gc on the command line; V8 lets the flag be set at run time and
// the function be taken from a fresh context (the way jest-leak-detector does it), so `npm run kg`
// needs no extra node options.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** A full garbage collection, when the graph is large enough for it to matter (≥ 100,000 elements). */
export function collectGarbage(elements: number): void {
  if (elements < 100_000) return;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
