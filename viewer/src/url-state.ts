// Shareable state: the parts of the ViewState a link should reopen (selection, focus, filters, time
// window, appearance) to and from URL query parameters. Pure; `file` and other parameters are kept.
import { COLOR_MODES, SIZE_MODES, dayNumber, isoDay, type ViewState } from './state.js';

const KEYS = ['node', 'depth', 'path', 'color', 'size', 'from', 'to', 'hideKinds', 'hideEdges', 'hideStatus', 'undated', 'meetings'] as const;

function list(set: ReadonlySet<string>): string | null {
  return set.size > 0 ? [...set].sort().join(',') : null;
}

/** `params` with the state's parameters written (defaults left out, so a plain view has a plain URL). */
export function writeState(state: ViewState, params: URLSearchParams, defaults: { foldMeetings: boolean }): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const k of KEYS) out.delete(k);
  const f = state.filters;
  const set = (k: (typeof KEYS)[number], v: string | null): void => {
    if (v !== null) out.set(k, v);
  };
  set('node', state.selected);
  set('depth', state.selected !== null && state.depth > 0 ? String(state.depth) : null);
  set('path', state.selected !== null ? state.pathTo : null);
  set('color', state.colorMode !== 'kind' ? state.colorMode : null);
  set('size', state.sizeMode !== 'degree' ? state.sizeMode : null);
  set('from', f.dateStart !== null ? isoDay(f.dateStart) : null);
  set('to', f.dateEnd !== null ? isoDay(f.dateEnd) : null);
  set('hideKinds', list(f.hiddenNodeKinds));
  set('hideEdges', list(f.hiddenEdgeKinds));
  set('hideStatus', list(f.hiddenStatuses));
  set('undated', f.hideUndated ? 'hide' : null);
  set('meetings', f.foldMeetings !== defaults.foldMeetings ? (f.foldMeetings ? 'folded' : 'nodes') : null);
  return out;
}

function splitList(v: string | null): Set<string> {
  return new Set((v ?? '').split(',').filter((x) => x !== ''));
}

/**
 * The state `params` describe, over `base` (the defaults for this graph). Unknown values are ignored
 * rather than refused: a link edited by hand still opens, with what could be read.
 */
export function readState(params: URLSearchParams, base: ViewState): ViewState {
  const f = { ...base.filters };
  const from = dayNumber(params.get('from') ?? '');
  const to = dayNumber(params.get('to') ?? '');
  if (from !== null) f.dateStart = from;
  if (to !== null) f.dateEnd = to;
  if (params.has('hideKinds')) f.hiddenNodeKinds = splitList(params.get('hideKinds'));
  if (params.has('hideEdges')) f.hiddenEdgeKinds = splitList(params.get('hideEdges'));
  if (params.has('hideStatus')) f.hiddenStatuses = splitList(params.get('hideStatus'));
  if (params.get('undated') === 'hide') f.hideUndated = true;
  const meetings = params.get('meetings');
  if (meetings === 'folded') f.foldMeetings = true;
  else if (meetings === 'nodes') f.foldMeetings = false;
  const color = params.get('color');
  const size = params.get('size');
  const depth = Number(params.get('depth'));
  return {
    ...base,
    filters: f,
    selected: params.get('node') ?? base.selected,
    pathTo: params.get('path') ?? base.pathTo,
    depth: depth === 1 || depth === 2 ? depth : base.depth,
    colorMode: COLOR_MODES.find((m) => m === color) ?? base.colorMode,
    sizeMode: SIZE_MODES.find((m) => m === size) ?? base.sizeMode,
  };
}
