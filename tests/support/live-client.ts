import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Received<T> {
  data?: T | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  at: number;
}

export interface LiveSubscription<T> {
  /** Everything received so far, in order. */
  received: Received<T>[];
  /** Resolves with the first message received after `count` messages (or that has arrived already). */
  next(count: number, ms?: number): Promise<Received<T>>;
  /** Resolves when the server completed the subscription (or it failed). */
  ended: Promise<'complete' | 'error'>;
  stop(): void;
}

/** A graphql-ws client on the service's /graphql, as a browser's would be. */
export function liveClient(httpUrl: string, authorization?: string): Client & { closeCodes: number[] } {
  const closeCodes: number[] = [];
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => void closeCodes.push((event as { code: number }).code) },
  });
  return Object.assign(client, { closeCodes });
}

export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
  const received: Received<T>[] = [];
  const waiting: { count: number; done: (message: Received<T>) => void }[] = [];
  let end: (how: 'complete' | 'error') => void = () => {};
  const ended = new Promise<'complete' | 'error'>((done) => (end = done));
  const push = (message: Received<T>) => {
    received.push(message);
    for (const waiter of [...waiting]) {
      if (received.length > waiter.count) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.done(received[waiter.count] as Received<T>);
      }
    }
  };
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => push({ data: result.data, errors: result.errors, at: Date.now() }),
      error: (error) => {
        const errors = Array.isArray(error) ? (error as Received<T>['errors']) : [{ message: String(error) }];
        push({ errors, at: Date.now() });
        end('error');
      },
      complete: () => end('complete'),
    },
  );
  return {
    received,
    ended,
    stop,
    next(count, ms = 5000) {
      const already = received[count];
      if (already) return Promise.resolve(already);
      return new Promise((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no message #${count + 1} within ${ms} ms (got ${JSON.stringify(received)})`)), ms);
        waiting.push({
          count,
          done: (message) => {
            clearTimeout(timer);
            done(message);
          },
        });
      });
    },
  };
}
