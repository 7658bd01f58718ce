// External tools some tests need (xmllint, python3 with networkx, chromium). When one is missing the
// tests that need it are skipped with a visible notice, so a developer without it can still run the
// rest — except on CI (CI=true), where a missing tool is a failure: CI must run every check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Whether `name` is an executable on PATH (or an existing path). */
export function hasCommand(name: string): boolean {
  if (name.includes('/')) return existsSync(name);
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { stdio: 'ignore' }).status === 0;
}

/**
 * Debian's Python, where apt-get installs python3-networkx and python3-igraph (.ci/run): the python3 on
 * PATH may be another one (pyenv, a virtualenv) that has neither.
 */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Whether `python` (default: python3 on PATH) can import `module`. */
export function hasPythonModule(module: string, python = 'python3'): boolean {
  if (!hasCommand(python)) return false;
  return spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

const warned = new Set<string>();

/**
 * Returns true when tests needing `name` must be skipped: use as `describe.skipIf(requireOrSkip('xmllint'))`.
 * `available` defaults to hasCommand(name). Missing on CI (CI=true): throws, failing the test file.
 */
export function requireOrSkip(name: string, available: boolean = hasCommand(name)): boolean {
  if (available) return false;
  if (process.env.CI === 'true') throw new Error(`${name} is required on CI (CI=true) but is missing`);
  if (!warned.has(name)) {
    warned.add(name);
    console.warn(`\n*** NOTICE: ${name} not found: the tests that need it are SKIPPED ***\n`);
  }
  return true;
}

/** The GEXF schema folder: $NEWSGRAPH_GEXF_SCHEMA, else ../shared/gexf-schema from the repository root. */
export function gexfSchemaDir(): string {
  return process.env.NEWSGRAPH_GEXF_SCHEMA ?? resolve(process.cwd(), '../shared/gexf-schema');
}
