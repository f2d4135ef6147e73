import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { projectRoot } from './project';

export const serverKinds = ['profilegraph', 'floor', 'postgraphile'] as const;
export type ServerKind = (typeof serverKinds)[number];
/** The servers the service is compared with. */
export type PeerKind = Exclude<ServerKind, 'profilegraph'>;
export const peerKinds: readonly PeerKind[] = ['floor', 'postgraphile'];

const entryPoints: Record<ServerKind, string> = {
  profilegraph: join(projectRoot, 'dist/src/main.js'),
  floor: join(projectRoot, 'dist/bench/floor/main.js'),
  postgraphile: join(projectRoot, 'dist/bench/peers/postgraphile/main.js'),
};

/** Node options before the entry point: PostGraphile 5 needs Promise.withResolvers, which Node 20 lacks. */
const nodeOptions: Record<ServerKind, string[]> = {
  profilegraph: [],
  floor: [],
  postgraphile: ['--require', join(projectRoot, 'bench/peers/postgraphile/promise-with-resolvers.cjs')],
};

export interface ServerSettings {
  databaseUrl: string;
  poolSize: number;
}

export interface RunningServer {
  kind: ServerKind;
  /** The GraphQL endpoint. */
  url: string;
  /** The server's own process (node itself, no npm or shell in between), for /proc. */
  pid: number;
  stop(): Promise<void>;
}

function environment(kind: ServerKind, port: number, settings: ServerSettings): NodeJS.ProcessEnv {
  const common = { PORT: String(port), DATABASE_URL: settings.databaseUrl, DB_POOL_SIZE: String(settings.poolSize) };
  if (kind === 'floor') return { PATH: process.env.PATH, ...common };
  // Grafast reads NODE_ENV (GRAPHILE_ENV unset): production skips its development-time checks.
  if (kind === 'postgraphile') return { PATH: process.env.PATH, ...common, NODE_ENV: 'production' };
  return {
    ...process.env,
    ...common,
    NODE_ENV: 'production',
    // One log line per request is what production writes, but its cost is the log pipe's, not
    // the service's; warnings and errors still show.
    LOG_LEVEL: 'warn',
    INTROSPECTION: 'false',
    SEED_ON_START: 'false',
  };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    const ready = await fetch(new URL('/readyz', url)).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the server did not become ready within a minute:\n${output()}`);
}

/** Starts a server on a free port and waits until it answers /readyz. */
export async function startServer(kind: ServerKind, settings: ServerSettings): Promise<RunningServer> {
  if (!existsSync(entryPoints[kind])) throw new Error(`${entryPoints[kind]} is missing: run npm run bench, which builds first`);
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeOptions[kind], entryPoints[kind]], {
    env: environment(kind, port, settings),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept short: only for saying why a server failed.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    kind,
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
