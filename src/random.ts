// mulberry32: a tiny, well-known 32-bit seeded PRNG. Used wherever a run must be reproducible on every
// machine: layout starting positions, the synthetic corpus, the viewer benchmark's graph.
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
