import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const mainScript = resolve(__dirname, '../../dist/src/main.js');
const running = new Set<ChildProcess>();

/** For afterAll: a failed assertion must not leave a service (and its postgres) running. */
export function killLeftoverServices(): void {
  for (const child of running) {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface ServiceProcess {
  url: string;
  output(): string;
  /** Like Ctrl-C in a terminal: the whole process group (the embedded postgres too) gets SIGINT. */
  interrupt(): void;
  terminate(): void;
  exitCode: Promise<number | null>;
}

/** Starts the built service (`node dist/src/main.js`, what `npm start` runs) and waits until it is ready. */
export async function startService(env: Record<string, string | undefined>): Promise<ServiceProcess> {
  if (!existsSync(mainScript)) throw new Error(`${mainScript} is missing: run the tests with npm test, which builds first`);
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, [mainScript], {
    env: { ...inherited, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  running.add(child);
  const exitCode = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      running.delete(child);
      done(code);
    }),
  );

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`service did not become ready:\n${output}`)), 60_000);
    const check = () => {
      const ready = /Ready at (http:\/\/\S+)/.exec(output);
      if (ready?.[1]) {
        clearTimeout(timer);
        done(ready[1]);
      }
    };
    child.stdout?.on('data', check);
    void exitCode.then((code) => {
      clearTimeout(timer);
      fail(new Error(`service exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    interrupt: () => process.kill(-(child.pid ?? 0), 'SIGINT'),
    terminate: () => child.kill('SIGTERM'),
    exitCode,
  };
}

/** Resolves once the process has exited (or after a timeout, with what it printed). */
export async function exitOf(service: ServiceProcess, ms = 30_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`service did not exit:\n${service.output()}`)), ms);
  });
  try {
    return await Promise.race([service.exitCode, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function post<T>(url: string, query: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: T }).data;
}
