// COPY's text format: columns separated by tabs, rows by newlines, NULL as \N, and backslash,
// tab, newline and carriage return escaped with a backslash.

const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const special = /[\\\t\n\r]/;
const specials = /[\\\t\n\r]/g;

export function copyValue(value: string | null): string {
  if (value === null) return '\\N';
  return special.test(value) ? value.replace(specials, (character) => escapes[character] ?? character) : value;
}

/** A text[] column: the array literal {"a","b"}, whose quotes and backslashes are escaped first. */
export function copyArray(values: readonly string[]): string {
  if (!values.length) return '{}';
  let literal = '{';
  for (const value of values)
    literal += `${literal.length > 1 ? ',' : ''}"${/["\\]/.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;
  return copyValue(`${literal}}`);
}

export function copyTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
