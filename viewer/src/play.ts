// The timeline's play button: moves the time window through the dates, one step per tick, keeping its
// width, so the graph's growth can be watched; stops at the last date. It only drives the window
// through callbacks: the sliders and the state stay the controller's.

export interface PlayerHooks {
  /** First and last day of the graph's dates; null when nothing is dated. */
  range(): { min: number; max: number } | null;
  /** The window now (slider values, days). */
  window(): { start: number; end: number };
  move(start: number, end: number): void;
  playing(on: boolean): void;
}

/** Milliseconds between steps. */
export const PLAY_TICK_MS = 700;
/** A whole run takes about this many steps, whatever the span of dates. */
export const PLAY_STEPS = 40;

/**
 * The window after one step, or null at the end. A window covering everything (nothing narrowed
 * yet) first shrinks to a quarter of the span, starting at the first date, so there is something
 * to watch.
 */
export function nextWindow(range: { min: number; max: number }, w: { start: number; end: number }): { start: number; end: number } | null {
  const span = range.max - range.min;
  if (span <= 0) return null;
  if (w.start <= range.min && w.end >= range.max) return { start: range.min, end: range.min + Math.max(1, Math.round(span / 4)) };
  if (w.end >= range.max) return null;
  const step = Math.max(1, Math.round(span / PLAY_STEPS));
  const width = w.end - w.start;
  const end = Math.min(range.max, w.end + step);
  return { start: end - width, end };
}

export class Player {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private hooks: PlayerHooks) {}

  get running(): boolean {
    return this.timer !== null;
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  start(): void {
    if (this.running) return;
    const range = this.hooks.range();
    if (!range) return;
    // Pressed at the end: start over from the first date with the same width.
    const w = this.hooks.window();
    if (w.end >= range.max && w.start > range.min) this.hooks.move(range.min, range.min + (w.end - w.start));
    this.timer = setInterval(() => this.tick(), PLAY_TICK_MS);
    this.hooks.playing(true);
    this.tick();
  }

  stop(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    this.hooks.playing(false);
  }

  private tick(): void {
    const range = this.hooks.range();
    const next = range ? nextWindow(range, this.hooks.window()) : null;
    if (!next) {
      this.stop();
      return;
    }
    this.hooks.move(next.start, next.end);
    if (range && next.end >= range.max) this.stop();
  }
}
