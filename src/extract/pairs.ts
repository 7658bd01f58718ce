// Who meets or negotiates with whom in one told event: across its sides when the text gives sides ("tra Kiev e
// Mosca", "Witkoff e Kushner incontrano Putin"), else every pair of the one group ("X e Y si sono incontrati").
// Shared by the fragment builder (edges) and the candidate stage (what the rules found).

/** Calls `fn` for each pair (a before b as told; a pair of one key with itself is skipped). */
export function forEachSidePair(sides: readonly (readonly string[])[], participants: readonly string[], fn: (a: string, b: string) => void): void {
  if (sides.length >= 2) {
    for (let x = 0; x < sides.length; x++) for (let y = x + 1; y < sides.length; y++) for (const a of sides[x]!) for (const b of sides[y]!) if (a !== b) fn(a, b);
  } else {
    for (let x = 0; x < participants.length; x++) for (let y = x + 1; y < participants.length; y++) if (participants[x] !== participants[y]) fn(participants[x]!, participants[y]!);
  }
}

/** Pairs as "a|b" with the two keys in sorted order, once each; none when more than `cap` take part. */
export function sidePairs(sides: readonly (readonly string[])[], participants: readonly string[], cap = Infinity): Set<string> {
  const out = new Set<string>();
  if (participants.length > cap) return out;
  forEachSidePair(sides, participants, (a, b) => out.add(a < b ? `${a}|${b}` : `${b}|${a}`));
  return out;
}
