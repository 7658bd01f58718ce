// What the viewer's browser tests share: the page's test hook (viewer/src/hook.ts), and graph.json as they read it.
import type { Page } from 'playwright-core';
import type { NewsgraphHook } from '../../viewer/src/hook.js';

declare global {
  interface Window {
    __newsgraph: NewsgraphHook;
  }
}

/** graph.json (graphology's serialisation) as the tests read it. */
export interface SerializedGraph {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown>; undirected?: boolean }[];
}

/** Runs `fn` on the page's hook, in the page (the function travels as source text). */
export const hookOf =
  (page: Page) =>
  <T>(fn: (h: NewsgraphHook) => T) =>
    page.evaluate(`(${fn.toString()})(window.__newsgraph)`) as Promise<T>;
