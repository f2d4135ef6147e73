import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export { freePort } from '../../bench/free-port';

const mainScript = resolve(__dirname, '../../dist/src/main.js');
const running = new Set<ChildProcess>();

/** For afterAll: a failed assertion must not leave a service (and its postgres) running. */
export function killLeftoverServices(): void {
  for (const child of running) {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  }
}

export interface ServiceProcess {
  output(): string;
  /** Resolves with the first match of `pattern` in what the process printed. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  /** Like Ctrl-C in a terminal: the whole process group (the embedded postgres too) gets SIGINT. */
  interrupt(): void;
  /** Sends a signal to the service's process alone. */
  signal(signal: NodeJS.Signals): void;
  exitCode: Promise<number | null>;
}

export interface ReadyService extends ServiceProcess {
  url: string;
}

/** Starts the built service (`node dist/src/main.js`, what `npm start` runs). */
export function spawnService(env: Record<string, string | undefined>): ServiceProcess {
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

  const waitFor = (pattern: RegExp, ms = 60_000) =>
    new Promise<RegExpExecArray>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`service never printed ${pattern}:\n${output}`)), ms);
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          done(match);
        }
      };
      child.stdout?.on('data', check);
      check();
      void exitCode.then((code) => {
        clearTimeout(timer);
        fail(new Error(`service exited with ${code} before it printed ${pattern}:\n${output}`));
      });
    });

  return {
    output: () => output,
    waitFor,
    interrupt: () => process.kill(-(child.pid ?? 0), 'SIGINT'),
    signal: (signal) => child.kill(signal),
    exitCode,
  };
}

/** Starts the built service and waits until it is ready. */
export async function startService(env: Record<string, string | undefined>): Promise<ReadyService> {
  const service = spawnService(env);
  const [, url] = await service.waitFor(/Ready at (http:\/\/[^\s"]+)/);
  return { ...service, url: url ?? '' };
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
