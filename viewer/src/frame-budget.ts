// How many nodes the viewer draws while ForceAtlas2 runs. On a CPU-rendered canvas (SwiftShader, or a
// weak GPU) one redraw of 10k nodes blocks the main thread for hundreds of milliseconds, so during the
// layout only the largest nodes are drawn, as many as fit a frame budget measured as it goes: the
// redraw cost grows with the number of nodes drawn (bench/viewer.ts), so the count is scaled by
// target / measured, with damping so one noisy frame on a shared machine does not swing it.

export interface BudgetOptions {
  /** Frame time aimed at, in milliseconds (the benchmark's stall target is 100 ms). */
  targetMs: number;
  /** Never draw fewer nodes than this (or the whole graph, if smaller). */
  min: number;
  /** Largest shrink and growth factors per measured frame. */
  maxShrink: number;
  maxGrowth: number;
}

export const DEFAULT_BUDGET: BudgetOptions = { targetMs: 35, min: 100, maxShrink: 0.5, maxGrowth: 1.15 };

/** Nodes drawn in the first frames of a layout run, before any frame has been measured. */
export function initialNodeBudget(total: number, opts: BudgetOptions = DEFAULT_BUDGET): number {
  return Math.min(total, Math.max(opts.min, 500));
}

/**
 * The next number of nodes to draw, given the current one and how long the last redraw's frame took.
 * Stays within [min(min, total), total].
 */
export function nextNodeBudget(current: number, frameMs: number, total: number, opts: BudgetOptions = DEFAULT_BUDGET): number {
  const floor = Math.min(opts.min, total);
  if (!Number.isFinite(frameMs) || frameMs <= 0) return Math.max(floor, Math.min(total, current));
  const factor = Math.min(opts.maxGrowth, Math.max(opts.maxShrink, opts.targetMs / frameMs));
  return Math.max(floor, Math.min(total, Math.round(current * factor)));
}

/** Node keys ordered by decreasing size (ties by key), so the budget keeps the most connected nodes. */
export function rankBySize(sizes: ReadonlyMap<string, number>): Map<string, number> {
  const keys = [...sizes.keys()].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  return new Map(keys.map((k, i) => [k, i]));
}
