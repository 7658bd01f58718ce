// XML text helpers for the GEXF writer.
//
// Hand-written rather than taken from xmlbuilder2: see the note at the top of gexf.ts. Escaping is one
// regular-expression pass with a fast path (most labels and keys contain nothing to escape).

/**
 * Characters XML 1.0 does not allow at all (§2.2 Char): C0 controls other than tab, LF and CR, U+FFFE,
 * U+FFFF, and UTF-16 surrogates that are not part of a pair. They cannot even be written as character
 * references, so they are dropped (controls) or replaced by U+FFFD (broken surrogates, as
 * String.prototype.toWellFormed does).
 */
const ILLEGAL = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Everything that must change inside a double-quoted attribute value. Tab, LF and CR are written as
 * character references because attribute-value normalisation would otherwise turn them into spaces. */
const ATTR_SPECIAL = /[&<>"\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;
const ATTR_ALL = /[&<>"\t\n\r]|[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function replaceChar(c: string): string {
  const e = ENTITIES[c];
  if (e !== undefined) return e;
  return c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\uFFFD' : '';
}

/** Removes characters that XML 1.0 cannot carry (see ILLEGAL); everything else is kept as is. */
export function xmlSafe(text: string): string {
  return text.replace(ILLEGAL, replaceChar);
}

/** Escapes text for a double-quoted XML attribute value, dropping characters XML cannot carry. */
export function escapeAttr(text: string): string {
  // Surrogate pairs (emoji) hit ATTR_SPECIAL's range too; the full pass then keeps them intact.
  return ATTR_SPECIAL.test(text) ? text.replace(ATTR_ALL, replaceChar) : text;
}

/** Escapes element text content (<description> etc.). */
export function escapeText(text: string): string {
  return escapeAttr(text);
}
