/**
 * An async iterator over values pushed to it, holding only the latest one not read yet: a reader
 * that falls behind skips to the newest, and a stalled one holds one value, not a growing queue.
 * `listen` starts at once and is undone by `return()`, which also ends a `next()` still waiting.
 */
export function latestOnly<T>(listen: (push: (value: T) => void) => () => void): AsyncIterableIterator<T> {
  const finished: IteratorReturnResult<undefined> = { done: true, value: undefined };
  let unread: { value: T } | null = null;
  let waiting: ((result: IteratorResult<T, undefined>) => void) | null = null;
  let ended = false;

  const unlisten = listen((value) => {
    if (ended) return;
    if (!waiting) {
      unread = { value };
      return;
    }
    const reader = waiting;
    waiting = null;
    reader({ done: false, value });
  });

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (unread) {
        const { value } = unread;
        unread = null;
        return Promise.resolve({ done: false, value });
      }
      if (ended) return Promise.resolve(finished);
      return new Promise((resolve) => (waiting = resolve));
    },
    return() {
      if (!ended) {
        ended = true;
        unread = null;
        unlisten();
        waiting?.(finished);
        waiting = null;
      }
      return Promise.resolve(finished);
    },
  };
}
