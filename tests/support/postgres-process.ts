import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './service-process';

/**
 * A PostgreSQL server of the test's own (postgres-server.mjs, in a process of its own), on a free
 * port, that the test can stop under a running service and start again over the same data: a real
 * outage. Never the machine's PostgreSQL on 5432.
 */
export interface PostgresProcess {
  port: number;
  /** Starts the server (initialising its data on first use); resolves to its database's URL once it accepts connections. */
  start(): Promise<string>;
  /** Stops the server and waits until it has exited; nothing to do if it is not running. */
  stop(): Promise<void>;
  /** stop(), then deletes its data. */
  remove(): Promise<void>;
}

/** A server under the system's temporary folder, named for the test (`name`) and this process. */
export async function postgresProcess(name: string): Promise<PostgresProcess> {
  const folder = join(tmpdir(), `profilegraph-${name}-${process.pid}`);
  const dataDir = join(folder, 'postgres');
  const port = await freePort();
  let child: ChildProcess | undefined;

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise((done) => {
      running.once('exit', done);
      running.kill('SIGTERM');
    });
  };

  return {
    port,
    start() {
      const started = spawn(process.execPath, [resolve(__dirname, 'postgres-server.mjs'), dataDir, String(port)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child = started;
      return new Promise((done, fail) => {
        let output = '';
        started.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const ready = /ready (\S+)/.exec(output);
          if (ready?.[1]) done(ready[1]);
        });
        started.once('exit', (code) => fail(new Error(`postgres exited with ${code}: ${output}`)));
      });
    },
    stop,
    async remove() {
      await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
