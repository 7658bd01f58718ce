import { edges, meetings } from '../test/helpers/quality.js';
const t = 'Donald Trump met Malaysia and Indonesia at a summit in Kuala Lumpur on Sunday.';
console.log(JSON.stringify(meetings(t)), edges(t, 'meets').map((e) => e.source + '~' + e.target), edges(t, 'participates_in').map((e) => e.source));
