// The relation stage lives in ./relations/ (see its index.ts); this file keeps the import path
// '../relations.js' of the modules that read its results and tenseOfWord().
export { extractRelations, tenseOfWord } from './relations/index.js';
export type { Family, Occurrence, Relation, RelationResult } from './relations/index.js';
