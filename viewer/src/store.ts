// The viewer's state store, in the manner of sigma's Camera: it holds the ViewState, applies patches,
// and tells its listeners which keys changed. It knows nothing of the DOM or of drawing, so the
// controller (main.ts) subscribes once instead of calling a redraw after each change, and a hover
// (which changes `hovered` only) need not recompute the filters' visibility.
import { initialState, type ViewState } from './state.js';

export type StateKey = keyof ViewState;
export type ChangeListener = (changed: ReadonlySet<StateKey>, state: ViewState) => void;

export interface ViewStore {
  get(): ViewState;
  /** Applies `patch`; listeners hear of the keys whose value changed (by identity), if any. */
  update(patch: Partial<ViewState>): void;
  /** Replaces the whole state (a new graph, a state read from the URL). */
  reset(state?: ViewState): void;
  /** Returns the function that unsubscribes. */
  on(listener: ChangeListener): () => void;
}

export function createViewStore(initial: ViewState = initialState()): ViewStore {
  let state = initial;
  const listeners = new Set<ChangeListener>();
  const emit = (changed: Set<StateKey>): void => {
    if (changed.size === 0) return;
    for (const l of [...listeners]) l(changed, state);
  };
  return {
    get: () => state,
    update(patch) {
      const changed = new Set<StateKey>();
      for (const key of Object.keys(patch) as StateKey[]) {
        if (patch[key] !== undefined && patch[key] !== state[key]) changed.add(key);
      }
      if (changed.size === 0) return;
      state = { ...state, ...patch };
      emit(changed);
    },
    reset(next = initialState()) {
      const changed = new Set<StateKey>();
      for (const key of Object.keys(next) as StateKey[]) if (next[key] !== state[key]) changed.add(key);
      state = next;
      emit(changed);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
