/**
 * `Node.js` → `node-js`, `CSS 3` → `css-3`, `C++` → `c-plus-plus`, `日本語` → `日本語`: lower case,
 * accents dropped, letters and digits of any script kept, everything else a single `-`. Empty only
 * for a name with no letter or digit at all.
 */
export function skillSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\+/g, '-plus-')
    .replace(/#/g, '-sharp-')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
