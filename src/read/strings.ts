// String primitives called through String.prototype's own functions, held in constants.
//
// Why: the hot loops of the reader and the extractor see strings of many internal representations (flat,
// sliced, concatenated; one- or two-byte; from JSON, from files, from slicing), and V8's inline cache for a
// method read such as `s.charCodeAt` gives up past four of them ("megamorphic"): every character read then
// went through a generic property lookup, the largest single cost of tokenising (measured with perf: about
// 5% of extraction). Calling the prototype's function directly needs no lookup on the string, and the
// optimising compiler turns `charCodeAtFn.call(s, i)` into the same machine code as a monomorphic
// `s.charCodeAt(i)`. Same functions, same results: only how they are reached changes.

const charCodeAtFn = String.prototype.charCodeAt;
const codePointAtFn = String.prototype.codePointAt;
const sliceFn = String.prototype.slice;
const toLowerCaseFn = String.prototype.toLowerCase;
const endsWithFn = String.prototype.endsWith;
const includesFn = String.prototype.includes;
const startsWithFn = String.prototype.startsWith;

/** s.charCodeAt(i) */
export function charCodeAt(s: string, i: number): number {
  return charCodeAtFn.call(s, i);
}

/** s.codePointAt(i) */
export function codePointAt(s: string, i: number): number | undefined {
  return codePointAtFn.call(s, i);
}

/** s.slice(start, end) */
export function slice(s: string, start: number, end?: number): string {
  return sliceFn.call(s, start, end);
}

/** s.toLowerCase() */
export function toLowerCase(s: string): string {
  return toLowerCaseFn.call(s);
}

/** s.endsWith(suffix) */
export function endsWith(s: string, suffix: string): boolean {
  return endsWithFn.call(s, suffix);
}

/** s.startsWith(prefix) */
export function startsWith(s: string, prefix: string): boolean {
  return startsWithFn.call(s, prefix);
}

/** s.includes(part) */
export function includes(s: string, part: string): boolean {
  return includesFn.call(s, part);
}
