import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { dataSourceOptions } from '../src/database/data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/database/embedded-postgres';
import { runScript } from '../src/scripts/run-script';
import { peterCai } from '../src/seed/petercai';
import { loadProfile } from '../src/seed/load-profile';
import { freePort } from './free-port';
import { syntheticProfile } from './synthetic-profile';

// npm run soak -- [--duration 60] [--connections 16] [--people 200]
// Holds a steady load of the UIs' operations on the production build for a while and reports
// errors (must be none), latency percentiles and the server's memory at the start and the end.
// It starts its own PostgreSQL (embedded, in a temporary folder) and server, and stops them after.

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '16' },
    people: { type: 'string', default: '200' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);
const peopleCount = Number(options.people);

const operations = [
  {
    name: 'ProfilePage',
    query: `query ProfilePage($handle: String!) { person(handle: $handle) { id handle name headline summary
      roles { title company startDate endDate description } degrees { institution degree field } skills { name slug } } }`,
    variables: (i: number) => ({ handle: i % 10 === 0 ? 'petercai' : `person-${i % peopleCount}` }),
  },
  {
    name: 'PeopleList',
    query: `query PeopleList($first: Int) { people(first: $first) { totalCount pageInfo { endCursor }
      nodes { handle name headline roles(first: 3) { title company } skills { name } } } }`,
    variables: (i: number) => ({ first: 5 + (i % 16) }),
  },
  {
    name: 'SkillDirectory',
    query: `query SkillDirectory($first: Int) { skills(first: $first) { totalCount nodes { name slug peopleCount } } }`,
    variables: (i: number) => ({ first: 10 + (i % 41) }),
  },
];

async function residentMemory(url: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<number> {
  const workDir = await mkdtemp(join(tmpdir(), 'profilegraph-soak-'));
  await chmod(workDir, 0o755); // PostgreSQL runs as its own user when we are root
  let postgres: EmbeddedPostgres | undefined;
  let db: DataSource | undefined;
  let server: ReturnType<typeof spawn> | undefined;
  try {
    postgres = await startEmbeddedPostgres({ dataDir: join(workDir, 'postgres'), port: await freePort() });
    db = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: postgres.url })));
    await db.initialize();
    await db.runMigrations();
    await loadProfile(db, peterCai);
    for (let n = 0; n < peopleCount; n++) await loadProfile(db, syntheticProfile(n));
    await db.destroy();

    const port = await freePort();
    server = spawn(process.execPath, [resolve(__dirname, '../src/main.js')], {
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), DATABASE_URL: postgres.url },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const url = `http://localhost:${port}/graphql`;
    for (let attempt = 0; ; attempt++) {
      const ready = await fetch(new URL('/readyz', url)).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (attempt > 100) throw new Error('the server did not become ready');
      await new Promise((done) => setTimeout(done, 200));
    }

    const memoryAtStart = await residentMemory(url);
    let graphqlErrors = 0;
    let sent = 0;
    console.log(`Soaking ${url} for ${duration} s with ${connections} connections (${peopleCount + 1} profiles)...`);
    const result = await autocannon({
      url,
      connections,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => {
            const i = sent++;
            const operation = operations[i % operations.length] ?? operations[0];
            return {
              ...request,
              body: JSON.stringify({ query: operation?.query, operationName: operation?.name, variables: operation?.variables(i) }),
            };
          },
          onResponse: (_status, body) => {
            if (body.includes('"errors"')) graphqlErrors++;
          },
        },
      ],
    });
    const memoryAtEnd = await residentMemory(url);

    const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
    console.log(
      [
        `requests:      ${result.requests.total} (${result.requests.average.toFixed(0)}/s)`,
        `errors:        ${errors} (connection ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}, GraphQL ${graphqlErrors})`,
        `latency:       p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
        `server memory: ${mib(memoryAtStart)} at start, ${mib(memoryAtEnd)} at end`,
      ].join('\n'),
    );
    return errors === 0 ? 0 : 1;
  } finally {
    if (server && server.exitCode === null) {
      await new Promise((done) => {
        server?.once('exit', done);
        server?.kill('SIGTERM');
      });
    }
    if (db?.isInitialized) await db.destroy();
    await postgres?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

runScript(main);
