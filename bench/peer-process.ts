import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The process around a server the benchmark measures beside the service (the floor, PostGraphile):
// its settings come from the environment as `npm run bench` passes them, it prints "Ready at
// <url>" once listening, and SIGINT or SIGTERM closes it.

export interface PeerSettings {
  databaseUrl: string;
  /** 0: any free one. */
  port: number;
  poolSize: number;
}

export interface RunningPeer {
  /** The GraphQL endpoint. */
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (port 0: any free one) and returns the GraphQL URL and a close() that may be
 * called more than once: it stops taking requests, drops open connections, then `release`s what
 * the server holds (its pool).
 */
export async function listenPeer(server: Server, port: number, release: () => Promise<void>): Promise<RunningPeer> {
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${actual}/graphql`,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await closed;
        await release();
      })();
      return closing;
    },
  };
}

function numberSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number; got ${process.env[name]}`);
  return value;
}

/** Reads DATABASE_URL, PORT and DB_POOL_SIZE, starts the server and stops it on a signal. */
export function runPeerProcess(start: (settings: PeerSettings) => Promise<RunningPeer>): void {
  const run = async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) throw new Error('DATABASE_URL is not set');
    const server = await start({ databaseUrl, port: numberSetting('PORT', 0), poolSize: numberSetting('DB_POOL_SIZE', 10) });
    console.log(`Ready at ${server.url}`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => void server.close().then(() => process.exit(0)));
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
