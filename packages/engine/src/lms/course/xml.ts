/**
 * Just enough XML writing for the course manifests: escaped text and attribute values (provider text such as a
 * bank title is always text, never markup), and identifiers that are valid XML IDs.
 */

// Characters XML 1.0 does not allow at all (C0 controls other than tab, newline and carriage return, lone
// surrogates, U+FFFE and U+FFFF). Escaping cannot make them legal, so they are dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: `&`, `<` and `>` escaped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value for double quotes; tabs and line breaks as character references so parsers keep them. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * An XML ID (an NCName: a letter or `_` first, then letters, digits, `.`, `-`, `_`) made from ids such as a bank
 * id: each other character becomes `_`, and the prefix makes the first character a letter.
 */
export function xmlId(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].join('-').replace(/[^A-Za-z0-9._-]/g, '_');
}

/** At most `max` characters (code points), cut at the last space when there is one near the end. */
export function shorten(value: string, max: number): string {
  const chars = [...value.trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
