// Seed-like graph for the viewer's tests, hand-written (not extractor output) so viewer tests do not
// depend on extraction: the leaders, countries and meetings a French/Ukrainian/Russian/US news day
// produces, plus one article whose texts carry HTML/JS payloads to prove the viewer renders them inert.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGraph, type KnowledgeGraph } from '../../src/graph/create.js';
import { edgeKey, UNDIRECTED_KINDS, type EdgeKind, type NodeAttributes, type Status } from '../../src/graph/model.js';
import { layoutGraph } from '../../src/graph/layout.js';
import { applyAppearance } from '../../src/graph/appearance.js';

export const PARIS_MEETING = 'meeting:2026-03-13:emmanuel-macron+volodymyr-zelensky';
export const FLORIDA_MEETING = 'meeting:2026-03-11:kirill-dmitriev+steve-witkoff';
export const PARIS_EVIDENCE =
  'Il presidente francese Emmanuel Macron riceverà venerdì a Parigi il presidente ucraino Volodymyr Zelensky.';
export const XSS_NODE = 'leader:mallory';
export const XSS_EVIDENCE = [
  'Mallory said <img src=x onerror="window.__pwned=1"> at the summit.',
  'A second quote: <script>window.__pwned=1</script> ended the talks.',
];

type NodeInput = Omit<NodeAttributes, 'key'>;

function node(g: KnowledgeGraph, key: string, attrs: NodeInput): void {
  g.addNode(key, { key, ...attrs });
}

interface EdgeInput {
  date?: string;
  status?: Status;
  evidence?: string[];
  articles?: string[];
  weight?: number;
  meeting?: string;
}

function edge(g: KnowledgeGraph, kind: EdgeKind, source: string, target: string, e: EdgeInput = {}): string {
  const date = e.date ?? '';
  const key = edgeKey(kind, source, target, date);
  const evidence = e.evidence ?? [];
  const articles = e.articles ?? evidence.map(() => 'a1');
  const attrs = {
    kind,
    date,
    status: e.status ?? 'reported',
    evidence,
    evidence_articles: articles,
    source: [...new Set(articles)],
    confidence: 0.8,
    weight: e.weight ?? 1,
    ...(e.meeting ? { meeting: e.meeting } : {}),
  };
  if (UNDIRECTED_KINDS.has(kind)) g.addUndirectedEdgeWithKey(key, source, target, attrs);
  else g.addDirectedEdgeWithKey(key, source, target, attrs);
  return key;
}

export function viewerFixture(opts: { malicious?: boolean } = {}): KnowledgeGraph {
  const g = createGraph();
  g.setAttribute('name', 'viewer fixture');
  g.setAttribute('articles', {
    a1: { id: 'a1', date: '2026-03-12', source: 'AgenPress', title: 'Macron riceve Zelensky', url: 'https://example.org/a1', lang: 'it', hash: 'h1' },
    a2: { id: 'a2', date: '2026-03-11', source: 'Wire Daily', title: 'Envoys meet in Florida', url: 'https://example.org/a2', lang: 'en', hash: 'h2' },
    x1: { id: 'x1', date: '2026-03-12', source: '<b>Evil</b> Outlet', title: '<script>window.__pwned=1</script>', lang: 'en', hash: 'h3' },
  });

  const countries: [string, string, string][] = [
    ['country:FRA', 'France', 'FRA'],
    ['country:UKR', 'Ukraine', 'UKR'],
    ['country:RUS', 'Russia', 'RUS'],
    ['country:USA', 'United States', 'USA'],
  ];
  for (const [key, label, iso] of countries) node(g, key, { label, kind: 'country', iso });

  const leaders: [string, string, string, string][] = [
    ['leader:emmanuel-macron', 'Emmanuel Macron', 'President of France', 'France'],
    ['leader:volodymyr-zelensky', 'Volodymyr Zelensky', 'President of Ukraine', 'Ukraine'],
    ['leader:vladimir-putin', 'Vladimir Putin', 'President of Russia', 'Russia'],
    ['leader:kirill-dmitriev', 'Kirill Dmitriev', 'special envoy', 'Russia'],
    ['leader:steve-witkoff', 'Steve Witkoff', 'special envoy', 'United States'],
    ['leader:donald-trump', 'Donald Trump', 'President of the United States', 'United States'],
  ];
  for (const [key, label, role, country] of leaders) node(g, key, { label, kind: 'leader', role, country, aliases: [label.split(' ').at(-1) ?? label] });
  g.mergeNodeAttributes('leader:volodymyr-zelensky', { aliases: ['Zelensky', 'Zelenskyj', 'Zelenski'] });

  node(g, 'place:paris', { label: 'Paris', kind: 'place', country: 'France' });
  node(g, 'place:florida', { label: 'Florida', kind: 'place', country: 'United States' });
  node(g, 'alliance:coalition-of-the-willing', { label: 'Coalition of the Willing', kind: 'alliance' });

  for (const [leader, country] of [
    ['leader:emmanuel-macron', 'country:FRA'],
    ['leader:volodymyr-zelensky', 'country:UKR'],
    ['leader:vladimir-putin', 'country:RUS'],
    ['leader:donald-trump', 'country:USA'],
  ] as const) edge(g, 'leader_of', leader, country, { status: 'ongoing' });

  // Paris, planned for 2026-03-13.
  node(g, PARIS_MEETING, {
    label: 'Macron – Zelensky, Paris, 2026-03-13',
    kind: 'meeting',
    date: '2026-03-13',
    place: 'Paris',
    status: 'planned',
    participants: ['Emmanuel Macron', 'Volodymyr Zelensky'],
    evidence: [PARIS_EVIDENCE],
    source: ['a1'],
  });
  const paris = { date: '2026-03-13', status: 'planned' as const, evidence: [PARIS_EVIDENCE], meeting: PARIS_MEETING };
  edge(g, 'participates_in', 'leader:emmanuel-macron', PARIS_MEETING, paris);
  edge(g, 'participates_in', 'leader:volodymyr-zelensky', PARIS_MEETING, paris);
  edge(g, 'held_in', PARIS_MEETING, 'place:paris', paris);
  edge(g, 'meets', 'leader:emmanuel-macron', 'leader:volodymyr-zelensky', paris);

  // Florida, held on 2026-03-11.
  const floridaText = 'Kirill Dmitriev and Steve Witkoff met in Florida on Wednesday to discuss a ceasefire.';
  node(g, FLORIDA_MEETING, {
    label: 'Dmitriev – Witkoff, Florida, 2026-03-11',
    kind: 'meeting',
    date: '2026-03-11',
    place: 'Florida',
    status: 'held',
    participants: ['Kirill Dmitriev', 'Steve Witkoff'],
    evidence: [floridaText],
    source: ['a2'],
  });
  const florida = { date: '2026-03-11', status: 'held' as const, evidence: [floridaText], articles: ['a2'], meeting: FLORIDA_MEETING };
  edge(g, 'participates_in', 'leader:kirill-dmitriev', FLORIDA_MEETING, florida);
  edge(g, 'participates_in', 'leader:steve-witkoff', FLORIDA_MEETING, florida);
  edge(g, 'held_in', FLORIDA_MEETING, 'place:florida', florida);
  edge(g, 'meets', 'leader:kirill-dmitriev', 'leader:steve-witkoff', florida);
  // A parallel relation between the same two envoys: drawn as curves.
  edge(g, 'negotiates_with', 'leader:kirill-dmitriev', 'leader:steve-witkoff', { ...florida, meeting: undefined });

  // Undated and other statuses, for the filters.
  edge(g, 'supports', 'country:FRA', 'country:UKR', { status: 'ongoing', evidence: ['France keeps supporting Ukraine.'], weight: 3 });
  edge(g, 'at_war_with', 'country:RUS', 'country:UKR', { status: 'ongoing', evidence: ['The war goes on.'], weight: 4 });
  edge(g, 'member_of', 'country:FRA', 'alliance:coalition-of-the-willing', { status: 'ongoing' });
  edge(g, 'calls_on', 'leader:donald-trump', 'leader:vladimir-putin', {
    date: '2026-03-10',
    status: 'reported',
    evidence: ['Trump called on Putin to accept the ceasefire.'],
    articles: ['a2'],
  });
  edge(g, 'sanctions', 'country:USA', 'country:RUS', { date: '2026-02', status: 'discussed', evidence: ['Washington discussed new sanctions on Moscow in February.'], articles: ['a2'] });

  // Kinds the seed article does not produce: a non-state group, an envoy representing a country, and
  // a kind no palette knows (the legend must list whatever kinds the graph has).
  node(g, 'group:hamas', { label: 'Hamas', kind: 'group' });
  edge(g, 'negotiates_with', 'group:hamas', 'country:USA', { date: '2026-03-09', status: 'reported', evidence: ['Hamas negotiated with Washington.'], articles: ['a2'] });
  edge(g, 'represents', 'leader:steve-witkoff', 'country:USA', { status: 'ongoing', evidence: ['Witkoff, the US envoy, met Dmitriev.'], articles: ['a2'] });
  g.addNode('rumour:x', { key: 'rumour:x', label: 'A rumour', kind: 'rumour' as never });
  edge(g, 'calls_on', 'rumour:x', 'leader:donald-trump', { date: '2026-03-09', status: 'reported', evidence: ['A rumour.'], articles: ['a2'] });

  if (opts.malicious) {
    node(g, XSS_NODE, { label: 'Mallory <img src=x onerror="window.__pwned=1">', kind: 'leader', role: '<script>window.__pwned=1</script>', country: 'Nowhere' });
    edge(g, 'calls_on', XSS_NODE, 'leader:volodymyr-zelensky', { date: '2026-03-12', status: 'reported', evidence: XSS_EVIDENCE, articles: ['x1', 'x1'] });
  }

  layoutGraph(g);
  applyAppearance(g);
  return g;
}

/** Writes the fixture as graph.json into `dir` (created) and returns the file's path. */
export function writeViewerFixture(dir: string, opts: { malicious?: boolean } = {}): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'graph.json');
  writeFileSync(file, JSON.stringify(viewerFixture(opts).export()));
  return file;
}
