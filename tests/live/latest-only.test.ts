import { latestOnly } from '../../src/change-events/latest-only';

// The iterator between the change events and each live subscriber: what a slow or stalled
// subscriber holds, and what ending it releases.

test('a reader that falls behind gets the newest value only, then waits for the next', async () => {
  let push: (value: number) => void = () => {};
  const values = latestOnly<number>((listener) => {
    push = listener;
    return () => {};
  });
  for (let i = 1; i <= 5000; i++) push(i);
  expect(await values.next()).toEqual({ done: false, value: 5000 });
  const waiting = values.next();
  push(5001);
  expect(await waiting).toEqual({ done: false, value: 5001 });
});

test('return() stops listening and ends a next() that is still waiting', async () => {
  let listening = true;
  const values = latestOnly<number>(() => () => (listening = false));
  const waiting = values.next();
  await values.return?.();
  expect(await waiting).toEqual({ done: true, value: undefined });
  expect(listening).toBe(false);
  expect(await values.next()).toEqual({ done: true, value: undefined });
});
