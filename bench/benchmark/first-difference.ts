/** Where two answers part, with some context on each side, for a message. */
export function firstDifference(expected: string, actual: string, context = 120): string {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, at - context), at + context));
  return `They differ at character ${at}:\n  service: ${around(expected)}\n  floor:   ${around(actual)}`;
}
