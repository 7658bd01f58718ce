// Fault injection, loaded with `node --import`: every write to a file fails with ENOSPC (disk full),
// as on a full disk where open() still works but the data cannot be stored. stdout and stderr
// (fds 0-2) keep working so the process can still report. Used by test/robust-cli.test.ts only.
import fs from 'node:fs';
import { open } from 'node:fs/promises';

function enospc(syscall: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, ${syscall}`);
  err.code = 'ENOSPC';
  err.errno = -28;
  err.syscall = syscall;
  return err;
}

type Callback = (err: NodeJS.ErrnoException | null, ...rest: unknown[]) => void;

// Callback API (what fs.WriteStream uses under the hood).
for (const name of ['write', 'writev'] as const) {
  const original = fs[name] as unknown as (...args: unknown[]) => void;
  (fs as unknown as Record<string, unknown>)[name] = (fd: number, ...rest: unknown[]) => {
    if (fd <= 2) return original(fd, ...rest);
    const cb = rest[rest.length - 1] as Callback;
    process.nextTick(() => cb(enospc(name)));
  };
}

// Sync API.
for (const name of ['writeSync', 'writevSync'] as const) {
  const original = fs[name] as unknown as (...args: unknown[]) => unknown;
  (fs as unknown as Record<string, unknown>)[name] = (fd: number, ...rest: unknown[]) => {
    if (fd <= 2) return original(fd, ...rest);
    throw enospc('write');
  };
}
const writeFileSync = fs.writeFileSync;
(fs as unknown as Record<string, unknown>).writeFileSync = (file: unknown, ...rest: unknown[]) => {
  if (typeof file === 'number' && file <= 2) return (writeFileSync as (...a: unknown[]) => void)(file, ...rest);
  throw enospc('write');
};

// Promise API: FileHandle methods live on a prototype that is not exported; take it from a handle.
const handle = await open(process.execPath, 'r');
const proto = Object.getPrototypeOf(handle) as Record<string, unknown>;
await handle.close();
for (const name of ['write', 'writev', 'writeFile', 'appendFile']) {
  proto[name] = function (): Promise<never> {
    return Promise.reject(enospc('write'));
  };
}
const fsp = fs.promises as unknown as Record<string, unknown>;
for (const name of ['writeFile', 'appendFile']) {
  fsp[name] = (): Promise<never> => Promise.reject(enospc('write'));
}
