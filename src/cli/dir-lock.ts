// An exclusive lock on an output directory, held by `kg build --out/--into` and `kg merge --out` for
// their whole read–merge–write cycle, so two builds into one directory cannot both read the old graph
// and the last rename silently drop the other's articles.
//
// The lock is the file DIR/.kg-build.lock holding the holder's pid, hostname and start time. It is
// created whole and atomically: written to a private temporary file, then hard-linked to its name
// (link() fails with EEXIST when the name is taken, and a reader never sees a half-written lock).
//
// Why hand-written and not proper-lockfile (the well-kept package for this): proper-lockfile decides
// that a lock is stale by its mtime, refreshed by a timer every few seconds. A build blocks its main
// thread for longer than that (ForceAtlas2 on a large graph, merging, writing a 900 MB graph.json), so
// its timer would not fire, and a second build would declare the live lock stale, take it over and
// lose articles — the bug this lock exists to prevent. Deciding by the holder's pid (on the same host)
// has no such window, and gives the pid and start time users need in the message. proper-lockfile
// stores neither.
//
// Limits: a lock written by another host (a shared network directory) cannot be checked, so it is
// never taken over (the message says so). Takeover of a dead holder's lock moves it aside by rename and
// checks that what it moved is still that dead lock; if two builds race for one stale lock, one of them
// gets it and the other waits (or stops). With three or more racing for one stale lock, a lock moved
// aside by mistake is put back, and a third build could take the name in the microseconds between:
// a build checks that its lock is still its own (verify()) before it writes, and stops if not.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, openSync, closeSync, writeSync, fsyncSync, readFileSync, renameSync, rmdirSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors.js';
import { writeError } from '../export/atomic.js';

export const LOCK_NAME = '.kg-build.lock';

/** What the lock file holds (JSON). */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  started: string;
  /** The holder's start time in clock ticks after boot (/proc/PID/stat), to tell a reused pid apart. */
  procStart?: string;
  /** Random: tells this holder's lock from a later lock of the same pid. */
  nonce: string;
}

export interface DirLock {
  readonly dir: string;
  /** Throws a UserError when the lock is no longer this process's (removed or taken over by hand). */
  verify(): void;
  /** Removes the lock (if still ours). `failed`: also removes the directory when the lock created it and it is empty. */
  release(failed?: boolean): void;
}

export interface LockOptions {
  /** Wait for the holder instead of stopping at once. */
  wait: boolean;
  /** One line of progress or notice, on stderr. */
  notice: (line: string) => void;
  /** Milliseconds between two looks at a held lock while waiting. */
  pollMs?: number;
}

/** "HH:MM:SS", local time, of an ISO time. */
function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '?' : d.toTimeString().slice(0, 8);
}

function describe(h: LockHolder): string {
  return `pid ${h.pid}${h.hostname === hostname() ? '' : ` on ${h.hostname}`}, since ${clock(h.started)}`;
}

/** The start time of process `pid` in clock ticks after boot, and its state; undefined without /proc. */
function procStat(pid: number): { start: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ..." — comm may hold spaces and parentheses: split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); starttime is field 22
    const start = fields[19];
    const state = fields[0];
    return start && state ? { start, state } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder still runs: false when its pid is gone, a zombie, or another process's now. */
function holderAlive(h: LockHolder): boolean {
  if (h.hostname !== hostname()) return true; // cannot tell: never take over another host's lock
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it exists, under another user
  }
  const stat = procStat(h.pid);
  if (stat?.state === 'Z') return false; // killed, not yet reaped by its parent: it will never release
  if (stat && h.procStart && stat.start !== h.procStart) return false; // the pid was reused
  return true;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockHolder> | null;
    if (v && typeof v.pid === 'number' && Number.isSafeInteger(v.pid) && v.pid > 0 && typeof v.hostname === 'string' && typeof v.started === 'string' && typeof v.nonce === 'string') {
      return { pid: v.pid, hostname: v.hostname, started: v.started, nonce: v.nonce, ...(typeof v.procStart === 'string' ? { procStart: v.procStart } : {}) };
    }
  } catch {
    // not JSON: reported by the caller
  }
  return undefined;
}

type Read = { holder: LockHolder; text: string } | { missing: true } | { unreadable: string };

function readLock(path: string): Read {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    return { unreadable: code ?? 'error' };
  }
  const holder = parseHolder(text);
  return holder ? { holder, text } : { unreadable: 'not a kg lock file' };
}

/** Writes `text` to a new file `path` (O_EXCL), synced; on failure (a full disk) the file is removed. */
function writeNew(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // gone already
    }
    throw err;
  }
  closeSync(fd);
}

/** Creates the lock file with `text` if nobody holds it: true when taken, false when the name exists. */
function tryCreate(lockPath: string, text: string): boolean {
  const tmp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeNew(tmp, text);
  try {
    linkSync(tmp, lockPath);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // File systems without hard links (FAT, some FUSE mounts): O_EXCL on the name itself. A reader may
    // then see the file empty for a moment; it treats an unreadable lock as held and looks again.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      try {
        writeNew(lockPath, text);
        return true;
      } catch (err2) {
        if ((err2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw err2;
      }
    }
    throw err;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
}

/**
 * Removes the lock of a dead holder, if it is still that lock: moved aside by rename (atomic), then
 * compared with what was read. If another build took the stale lock over and made its own in between,
 * what was moved is that new lock, and it is put back.
 */
function removeStale(lockPath: string, seen: string): boolean {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.stale.tmp`;
  try {
    renameSync(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false; // someone else removed it
    throw err;
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as not ours to remove
  }
  if (moved === seen) {
    unlinkSync(aside);
    return true;
  }
  // Not the stale lock any more: put it back where its owner expects it (link: never over a newer one).
  try {
    linkSync(aside, lockPath);
  } catch {
    // a third build took the name meanwhile; the displaced owner notices with verify()
  }
  unlinkSync(aside);
  return false;
}

/** Runs `fn` with a file-system error a user can fix reported as one line about DIR/graph.json. */
function asWriteError<T>(dir: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw writeError(join(dir, 'graph.json'), err);
  }
}

/**
 * Takes the lock on `dir` (created if missing), waiting for the holder when `opts.wait`, or throwing
 * the one-line UserError "DIR is being written by another build (pid N, since HH:MM:SS); use --wait".
 */
export async function lockDir(dir: string, opts: LockOptions): Promise<DirLock> {
  let created: string | undefined;
  try {
    created = mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new UserError(`cannot create ${dir}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const lockPath = join(dir, LOCK_NAME);
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    started: new Date().toISOString(),
    ...(procStat(process.pid) ? { procStart: procStat(process.pid)!.start } : {}),
    nonce: randomBytes(8).toString('hex'),
  };
  const text = JSON.stringify(me) + '\n';
  const removeCreated = (): void => {
    if (!created) return;
    // the directories this lock created, deepest first, as long as they are empty
    for (let d = dir; ; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        return;
      }
      if (d === created || dirname(d) === d) return;
    }
  };
  let waitingFor = '';
  let unreadableLooks = 0;
  for (;;) {
    let taken: boolean;
    try {
      taken = asWriteError(dir, () => tryCreate(lockPath, text));
    } catch (err) {
      removeCreated();
      throw err;
    }
    if (taken) break;
    const read = readLock(lockPath);
    if ('missing' in read) continue; // released meanwhile: try again
    if ('unreadable' in read) {
      // a lock being created without hard links can be empty for a moment: look a few times
      if (++unreadableLooks < 20 || opts.wait) {
        if (unreadableLooks === 20) opts.notice(`kg: waiting for ${dir}: ${lockPath} is unreadable (${read.unreadable}); remove it if no build is writing ${dir}`);
        await sleep(opts.pollMs ?? 100);
        continue;
      }
      throw new UserError(`${dir} is locked by ${lockPath} (${read.unreadable}); remove it if no build is writing ${dir}`);
    }
    unreadableLooks = 0;
    const { holder } = read;
    if (!holderAlive(holder)) {
      if (asWriteError(dir, () => removeStale(lockPath, read.text))) {
        opts.notice(`kg: taking over ${dir}: its lock was left by a build that is no longer running (${describe(holder)})`);
      }
      continue;
    }
    if (!opts.wait) {
      removeCreated();
      const remote = holder.hostname !== hostname() ? ` (a lock from another host: if no build runs there, remove ${lockPath})` : '';
      throw new UserError(`${dir} is being written by another build (${describe(holder)}); use --wait${remote}`);
    }
    const who = `${holder.pid}@${holder.hostname}/${holder.nonce}`;
    if (who !== waitingFor) {
      waitingFor = who;
      opts.notice(`kg: waiting for ${dir}: being written by another build (${describe(holder)})`);
    }
    // Jittered, so that builds waiting for the same holder do not all look at the same instant.
    await sleep((opts.pollMs ?? 100) * (0.5 + Math.random()));
  }

  let held = true;
  const onSignal = (signal: NodeJS.Signals): void => {
    release(true);
    // die of the signal as without the handler (exit status 128 + n for the caller)
    process.kill(process.pid, signal);
  };
  const onExit = (): void => release(true);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  function release(failed = false): void {
    if (!held) return;
    held = false;
    for (const s of signals) process.off(s, onSignal);
    process.off('exit', onExit);
    const now = readLock(lockPath);
    if ('holder' in now && now.holder.nonce === me.nonce) {
      try {
        unlinkSync(lockPath);
      } catch {
        // gone already
      }
    }
    if (failed) removeCreated();
  }
  // A build stopped by Ctrl+C or `kill` (not -9), or ending through process.exit, removes its lock.
  for (const s of signals) process.once(s, onSignal);
  process.once('exit', onExit);
  return {
    dir,
    verify() {
      const now = readLock(lockPath);
      if (!('holder' in now) || now.holder.nonce !== me.nonce) {
        throw new UserError(`lost the lock on ${dir} (${LOCK_NAME} was removed or replaced while this build ran); nothing written`);
      }
    },
    release,
  };
}
