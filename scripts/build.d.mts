// Types of scripts/build.mjs (plain JavaScript, see there) for the TypeScript that imports it.
export declare const SRC: string;
export declare const DIST: string;
export declare const STAMP: string;
/** True when dist/ is missing or older than a file under src/. */
export declare function isStale(): boolean;
/** Compiles src/ into dist/, each file renamed into place whole. */
export declare function build(): Promise<void>;
