/**
 * Works through `items` with every worker busy until none is left; each worker takes the next
 * item. After a failure the others finish what they hold and take nothing more, so that the
 * caller's clean-up never runs beside them.
 */
export async function inParallel<W, T>(
  workers: readonly W[],
  items: readonly T[],
  work: (worker: W, item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    workers.map(async (worker) => {
      while (!failed && next < items.length) {
        const item = items[next++] as T;
        try {
          await work(worker, item);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    }),
  );
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}
