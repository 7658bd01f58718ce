// Checks of the language files (data/lang/LANG/triggers.json, cues.json, event-cues.json) as they are read, in the
// spirit of spaCy's pattern validation: an unknown key ("requiresWth") or a value of the wrong type would
// otherwise be ignored without a word and a rule would silently stop working. A bad file is a DataError naming the
// file, the entry and the key; the tests load every file through these checks.

export class LangDataError extends Error {}

type Shape = 'strings' | 'boolean' | 'string' | 'tenseMap' | 'stringOrTenseMap';

const TRIGGER_TOP: Record<string, Shape | 'verbs' | 'nouns' | 'support'> = {
  verbs: 'verbs', nouns: 'nouns', supportVerbs: 'support', callVerbs: 'strings', impositionVerbs: 'strings', liftVerbs: 'strings',
  sanctionTargetPreps: 'strings', pressureTargetPreps: 'strings', mediatorPreps: 'strings',
};
const VERB_KEYS: Record<string, Shape> = {
  family: 'string', stems: 'strings', class: 'string', forms: 'tenseMap', irregular: 'tenseMap', mutual: 'boolean', personObject: 'boolean',
  requiresWith: 'boolean', weak: 'boolean', visit: 'boolean', reflexiveOnly: 'boolean', requiresAfter: 'strings',
};
const NOUN_KEYS: Record<string, Shape> = { family: 'string', forms: 'strings', visit: 'boolean', pressure: 'boolean', agentive: 'boolean', round: 'strings' };
const SUPPORT_KEYS: Record<string, Shape> = { stems: 'strings', forms: 'strings', irregular: 'strings' };
const FAMILIES = new Set(['meets', 'negotiates', 'sanctions', 'mediates', 'supports', 'at_war_with']);

function fail(file: string, where: string, msg: string): never {
  throw new LangDataError(`${file}: ${where}: ${msg}`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function checkValue(file: string, where: string, shape: Shape, v: unknown): void {
  const ok = shape === 'strings' ? Array.isArray(v) && v.every((s) => typeof s === 'string')
    : shape === 'boolean' ? typeof v === 'boolean'
      : shape === 'string' ? typeof v === 'string'
        : isRecord(v) && Object.values(v).every((s) => typeof s === 'string');
  if (!ok) fail(file, where, `expected ${shape === 'strings' ? 'a list of strings' : shape === 'tenseMap' || shape === 'stringOrTenseMap' ? 'an object of strings' : `a ${shape}`}`);
}

function checkObject(file: string, where: string, o: unknown, keys: Record<string, Shape>): void {
  if (!isRecord(o)) fail(file, where, 'expected an object');
  for (const [k, v] of Object.entries(o)) {
    const shape = keys[k];
    if (!shape) fail(file, where, `unknown key "${k}"`);
    checkValue(file, `${where}.${k}`, shape, v);
  }
}

/** triggers.json: its top-level keys, and every verb and noun entry's keys and types. */
export function checkTriggerFile(file: string, data: unknown): void {
  if (!isRecord(data)) fail(file, 'top level', 'expected an object');
  for (const [k, v] of Object.entries(data)) {
    if (k === '_doc') continue;
    const shape = TRIGGER_TOP[k];
    if (!shape) fail(file, 'top level', `unknown key "${k}"`);
    if (shape === 'verbs' || shape === 'nouns') {
      if (!Array.isArray(v)) fail(file, k, 'expected a list');
      v.forEach((entry, i) => {
        checkObject(file, `${k}[${i}]`, entry, shape === 'verbs' ? VERB_KEYS : NOUN_KEYS);
        if (!FAMILIES.has(String((entry as Record<string, unknown>).family))) fail(file, `${k}[${i}]`, `unknown family "${String((entry as Record<string, unknown>).family)}"`);
      });
    } else if (shape === 'support') checkObject(file, k, v, SUPPORT_KEYS);
    else checkValue(file, k, shape, v);
  }
}

/** cues.json: every key one of `known` (the loader's CueFile), lists of strings but for the two objects. */
export function checkCueFile(file: string, data: unknown, known: readonly string[]): void {
  if (!isRecord(data)) fail(file, 'top level', 'expected an object');
  for (const [k, v] of Object.entries(data)) {
    if (k === '_doc') continue;
    if (!known.includes(k)) fail(file, 'top level', `unknown key "${k}"`);
    if (k === 'prepositions' || k === 'reflexive') {
      if (!isRecord(v)) fail(file, k, 'expected an object');
      for (const [pk, pv] of Object.entries(v)) checkValue(file, `${k}.${pk}`, 'strings', pv);
    } else checkValue(file, k, 'strings', v);
  }
}

/** event-cues.json: a list of {family, class, forms}. */
export function checkEventCueFile(file: string, data: unknown): void {
  if (!isRecord(data)) fail(file, 'top level', 'expected an object');
  for (const k of Object.keys(data)) if (k !== '_doc' && k !== 'cues') fail(file, 'top level', `unknown key "${k}"`);
  if (!Array.isArray(data.cues)) fail(file, 'cues', 'expected a list');
  data.cues.forEach((entry, i) => {
    checkObject(file, `cues[${i}]`, entry, { family: 'string', class: 'string', forms: 'strings' });
    const fam = (entry as Record<string, unknown>).family;
    if (fam !== 'meets' && fam !== 'negotiates' && fam !== 'sanctions') fail(file, `cues[${i}]`, `unknown family "${String(fam)}"`);
  });
}
