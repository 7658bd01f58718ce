// Bytes to text. Strict UTF-8: a wrongly encoded article would silently corrupt names (Zelens’kyj), so it is
// refused with the offset of the first bad byte rather than patched with U+FFFD. UTF-16 is read when the file
// says so with its byte-order mark (Windows' Notepad and PowerShell save "Unicode" text that way); without a
// mark its NUL bytes make it look binary, and guessing the byte order would be guessing.
import { UserError } from '../errors.js';

/** Share of control characters (other than tab, newline, carriage return, form feed) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.05;
/** Only this many leading bytes are sampled for the control-character share. */
const SAMPLE = 64 * 1024;

/**
 * Largest article accepted, in bytes of UTF-8 (16 MiB). A news article is a few KB; anything this big is a
 * wrong file (a dump, a video, a whole corpus) and would take minutes to extract, while past ~512 MiB V8
 * cannot even hold it as one string. Refused with a one-line error rather than read and crashed on.
 */
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

export function tooLarge(name: string, bytes: number): UserError {
  const mb = (n: number): string => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return new UserError(`${name}: article too large (${mb(bytes)}; the limit is ${mb(MAX_ARTICLE_BYTES)})`);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** The byte order of a file that starts with a UTF-16 byte-order mark (FF FE little-endian, FE FF big-endian). */
function utf16ByteOrder(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Byte offset of the first code unit of `bytes` (UTF-16, BOM included) that is not part of valid UTF-16: an
 * unpaired surrogate, or a last code unit cut in half (an odd length); -1 when valid.
 */
export function firstInvalidUtf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be'): number {
  const unit = (i: number): number => (order === 'utf-16le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return i < bytes.length ? i : -1;
}

/** The same share of control characters as looksBinary, over decoded text (UTF-16 files, whose bytes hold NULs). */
function textLooksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  if (text.indexOf('\0', n) >= 0) return true;
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  if (bytes.indexOf(0, n) >= 0) return true;
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** Remove a leading byte-order mark and refuse an empty or whitespace-only text. */
export function checkText(text: string, name: string): string {
  // UTF-16 length ≤ UTF-8 length, so only texts that may be over the limit pay for the byte count.
  if (text.length > MAX_ARTICLE_BYTES / 3) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_ARTICLE_BYTES) throw tooLarge(name, bytes);
  }
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (t.trim() === '') throw new UserError(`${name}: empty article`);
  return t;
}

/** Strict UTF-16 with a BOM (the BOM is removed by checkText). */
function decodeUtf16(bytes: Uint8Array, order: 'utf-16le' | 'utf-16be', name: string): string {
  let text: string;
  try {
    text = new TextDecoder(order, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf16(bytes, order);
    throw new UserError(`${name}: not valid UTF-16 (byte offset ${at < 0 ? 0 : at})`);
  }
  if (textLooksBinary(text)) throw new UserError(`${name}: binary file, not a text article`);
  return checkText(text, name);
}

/**
 * Decode an article file: strict UTF-8, or strict UTF-16 when it starts with a UTF-16 byte-order mark; BOM removed.
 * Throws UserError "NAME: empty article", "NAME: article too large (...)", "NAME: binary file, not a text article",
 * "NAME: not valid UTF-8 (byte offset N)" or "NAME: not valid UTF-16 (byte offset N)".
 */
export function decodeArticleBytes(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new UserError(`${name}: empty article`);
  if (bytes.length > MAX_ARTICLE_BYTES) throw tooLarge(name, bytes.length);
  const utf16 = utf16ByteOrder(bytes);
  if (utf16) return decodeUtf16(bytes, utf16, name);
  if (looksBinary(bytes)) throw new UserError(`${name}: binary file, not a text article`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new UserError(`${name}: not valid UTF-8 (byte offset ${at < 0 ? 0 : at})`);
  }
  return checkText(text, name);
}
