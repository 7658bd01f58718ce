// The data table under the graph: tabs for nodes and relations, a filter box, sortable headers,
// rows linked to the selection (a click selects; the selected node's rows are marked). Cells are set
// with textContent: labels come from articles. Shows at most MAX_ROWS rows; the CSV has them all.
import { filterRows, sortRows, type Row, type Table } from './table.js';

/** Rows drawn at once: thousands of DOM rows would stall the page; filtering narrows the rest. */
export const MAX_ROWS = 500;

export interface TableView {
  tab: 'nodes' | 'edges';
  sort: string;
  descending: boolean;
  filter: string;
}

export interface TableCallbacks {
  onSort(column: string): void;
  onSelect(node: string): void;
}

/** The rows the view shows, filtered and sorted (all of them, before the MAX_ROWS cut). */
export function shownRows(table: Table, view: TableView): Row[] {
  return sortRows(filterRows(table.rows, view.filter), view.sort, view.descending);
}

export function renderTable(container: HTMLElement, table: Table, view: TableView, selected: string | null, cb: TableCallbacks): Row[] {
  const rows = shownRows(table, view);
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  for (const c of table.columns) {
    const th = document.createElement('th');
    th.textContent = c.title + (c.key === view.sort ? (view.descending ? ' ▼' : ' ▲') : '');
    th.dataset.column = c.key;
    th.className = c.numeric ? 'num' : '';
    th.addEventListener('click', () => cb.onSort(c.key));
    head.append(th);
  }
  const body = t.createTBody();
  for (const r of rows.slice(0, MAX_ROWS)) {
    const tr = body.insertRow();
    tr.dataset.key = r.key;
    if (selected !== null && r.nodes.includes(selected)) tr.className = 'selected';
    for (const c of table.columns) {
      const td = tr.insertCell();
      td.textContent = String(r.cells[c.key] ?? '');
      if (c.numeric) td.className = 'num';
    }
    // A relation row selects the end that is not selected yet, so clicking walks along the relation.
    tr.addEventListener('click', () => cb.onSelect(r.nodes.find((n) => n !== selected) ?? r.nodes[0]!));
  }
  container.replaceChildren(t);
  return rows;
}
