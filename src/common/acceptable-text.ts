/**
 * What text this service accepts, decided once for every string that may reach SQL: arguments,
 * input fields, list items, cursors, JSON Resume documents (keys and values at any depth),
 * values taken from headers and URLs.
 *
 * - No control characters but tab, line feed and carriage return (so CRLF line ends from a
 *   pasted text survive): PostgreSQL's text cannot hold NUL at all, and the rest are never
 *   meant to be part of a profile.
 * - Well-formed Unicode: a lone surrogate cannot be encoded as UTF-8; the driver would silently
 *   store U+FFFD in its place.
 * - At most `maxTextLength` characters. Fields have tighter limits of their own (a name 200, a
 *   summary 5,000); this one bounds everything else, such as search text, cursors and IDs.
 */
export const maxTextLength = 10_000;

// With the u flag, [\uD800-\uDFFF] matches only surrogates that are not part of a pair.
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const unacceptable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDFFF]/u;

/** Why `value` is not acceptable text, as the end of a sentence naming the field; null when it is. */
export function textProblem(value: string): string | null {
  if (value.length > maxTextLength) return `must be at most ${maxTextLength} characters`;
  const found = unacceptable.exec(value);
  if (!found) return null;
  const character = found[0].codePointAt(0) ?? 0;
  const name = `U+${character.toString(16).toUpperCase().padStart(4, '0')}`;
  return character >= 0xd800 && character <= 0xdfff
    ? `must be well-formed Unicode text (found a lone surrogate, ${name}, at character ${found.index + 1})`
    : `must not contain control characters (found ${name} at character ${found.index + 1})`;
}

export function isAcceptableText(value: string): boolean {
  return value.length <= maxTextLength && !unacceptable.test(value);
}
