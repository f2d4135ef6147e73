/** Words written as one block of text, one entry per whitespace-separated token. */
export function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** Entries that contain spaces, written one per line or separated by `|`. */
export function phrases(text: string): string[] {
  return text
    .split(/[|\n]/)
    .map((phrase) => phrase.trim())
    .filter(Boolean);
}
