// The controls around the drawing: legend (doubling as the node-kind filter), edge-kind and status
// filters, the timeline, search suggestions, error banner. Builds DOM from the state's summary and
// reports user changes through callbacks; it holds no state of its own.
import { isoDay, type Filters, type GraphSummary, type Suggestion } from './state.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

export interface CheckItem {
  value: string;
  count: number;
  color?: string;
}

/** A list of labelled checkboxes; ticked = shown. */
export function renderChecklist(
  container: HTMLElement,
  name: string,
  items: CheckItem[],
  hidden: ReadonlySet<string>,
  onChange: (value: string, shown: boolean) => void,
): void {
  container.replaceChildren();
  for (const item of items) {
    const label = el('label', undefined, 'check');
    const box = el('input');
    box.type = 'checkbox';
    box.name = name;
    box.value = item.value;
    box.checked = !hidden.has(item.value);
    box.addEventListener('change', () => onChange(item.value, box.checked));
    label.append(box);
    if (item.color) {
      const swatch = el('span', undefined, 'swatch');
      swatch.style.background = item.color;
      label.append(swatch);
    }
    label.append(el('span', item.value, 'name'), el('span', String(item.count), 'count'));
    container.append(label);
  }
}

export interface TimelineHandles {
  start: HTMLInputElement;
  end: HTMLInputElement;
  startLabel: HTMLElement;
  endLabel: HTMLElement;
}

/** Two range inputs over the edges' days; disabled when no edge is dated. */
export function setupTimeline(t: TimelineHandles, summary: GraphSummary, filters: Filters): void {
  const { minDay, maxDay } = summary;
  const enabled = minDay !== null && maxDay !== null;
  for (const input of [t.start, t.end]) {
    input.disabled = !enabled;
    input.min = String(minDay ?? 0);
    input.max = String(maxDay ?? 0);
    input.step = '1';
  }
  t.start.value = String(filters.dateStart ?? minDay ?? 0);
  t.end.value = String(filters.dateEnd ?? maxDay ?? 0);
  updateTimelineLabels(t);
}

export function updateTimelineLabels(t: TimelineHandles): void {
  t.startLabel.textContent = t.start.disabled ? '—' : isoDay(Number(t.start.value));
  t.endLabel.textContent = t.end.disabled ? '—' : isoDay(Number(t.end.value));
}

export function renderSuggestions(list: HTMLDataListElement, suggestions: Suggestion[]): void {
  list.replaceChildren(
    ...suggestions.map((s) => {
      const o = el('option');
      // The option's value is what the input receives; the key is looked up again on submit.
      o.value = s.label;
      o.label = s.kind;
      return o;
    }),
  );
}

export function showError(banner: HTMLElement, message: string | null): void {
  banner.textContent = message ?? '';
  banner.hidden = message === null;
}

/** The colour legend of the current appearance (communities, countries): swatch, name, count. */
export function renderLegend(container: HTMLElement, items: { value: string; count: number; color: string }[]): void {
  container.replaceChildren(
    ...items.map((item) => {
      const row = el('div', undefined, 'legend-item');
      const swatch = el('span', undefined, 'swatch');
      swatch.style.background = item.color;
      row.append(swatch, el('span', item.value, 'name'), el('span', String(item.count), 'count'));
      return row;
    }),
  );
  container.hidden = items.length === 0;
}
