// `kg build --timings`: wall time and heap of each stage on stderr, to see where a large build spends
// its time and memory (the benchmarks report totals; this says which stage to look at).
export interface Timings {
  /** Ends the running stage (started at the previous lap or at creation) under this name. */
  lap(stage: string, note?: string): void;
  /** One line: every stage, then the peak resident memory. */
  report(): string;
}

const NONE: Timings = { lap() {}, report: () => '' };

export function startTimings(enabled: boolean): Timings {
  if (!enabled) return NONE;
  const laps: string[] = [];
  let last = performance.now();
  return {
    lap(stage, note) {
      const now = performance.now();
      const heap = process.memoryUsage().heapUsed / 2 ** 20;
      laps.push(`${stage} ${((now - last) / 1000).toFixed(1)} s (${note ? `${note}, ` : ''}heap ${heap.toFixed(0)} MB)`);
      last = now;
    },
    report() {
      // ru_maxrss is in KiB on Linux
      const peak = process.resourceUsage().maxRSS / 1024;
      return `kg: timings: ${laps.join(' · ')}; peak RSS ${peak.toFixed(0)} MB\n`;
    },
  };
}
