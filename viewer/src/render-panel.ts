// The side panel of the selected node. Every text that may come from an article (labels, evidence,
// titles, outlets) is set with textContent: article text is data, never markup.
import { displayAttributes, relationsOf, type AnyGraph, type Visibility } from './state.js';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const ARROW = { out: '→', in: '←', both: '—' } as const;

export function renderPanel(
  panel: HTMLElement,
  graph: AnyGraph,
  key: string | null,
  visibility: Visibility,
  onSelect: (key: string) => void,
): void {
  panel.replaceChildren();
  if (key === null || !graph.hasNode(key)) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const attrs = graph.getNodeAttributes(key);
  const close = el('button', '×', 'close');
  close.title = 'Close';
  close.dataset.action = 'close-panel';
  panel.append(close);
  panel.append(el('h2', typeof attrs.label === 'string' ? attrs.label : key));
  const kind = el('span', String(attrs.kind ?? ''), 'kind');
  panel.append(kind);

  const dl = el('dl', undefined, 'attributes');
  for (const [k, v] of displayAttributes(attrs)) {
    dl.append(el('dt', k), el('dd', v));
  }
  panel.append(dl);

  const relations = relationsOf(graph, key, visibility);
  panel.append(el('h3', `Relations (${relations.length})`));
  const list = el('ul', undefined, 'relations');
  for (const r of relations) {
    const li = el('li', undefined, r.visible ? 'relation' : 'relation filtered');
    li.dataset.edge = r.edge;
    const head = el('div', undefined, 'relation-head');
    head.append(el('span', r.kind, 'edge-kind'), el('span', ` ${ARROW[r.direction]} `));
    const other = el('a', r.otherLabel, 'other');
    other.href = '#';
    other.addEventListener('click', (ev) => {
      ev.preventDefault();
      onSelect(r.other);
    });
    head.append(other);
    li.append(head);
    const meta = el('div', undefined, 'relation-meta');
    meta.append(el('span', r.date || 'undated', 'date'), el('span', r.status || '', 'status'));
    li.append(meta);
    if (r.evidence.length > 0) {
      const ev = el('ul', undefined, 'evidence');
      for (const e of r.evidence) {
        const item = el('li');
        item.append(el('q', e.sentence, 'sentence'));
        const cite = el('cite', [e.outlet, e.articleId].filter(Boolean).join(' · '), 'article');
        if (e.title) cite.title = e.title;
        item.append(cite);
        ev.append(item);
      }
      li.append(ev);
    }
    list.append(li);
  }
  panel.append(list);
}
