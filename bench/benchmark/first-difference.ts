/** Where two answers part, with some context on each side, for a message. */
export function firstDifference(expected: string, actual: string, actualName = 'floor', context = 120): string {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - context), at + context));
  const width = Math.max('service'.length, actualName.length) + 1;
  return `They differ at character ${at}:\n  ${'service:'.padEnd(width)} ${around(expected)}\n  ${`${actualName}:`.padEnd(width)} ${around(actual)}`;
}
