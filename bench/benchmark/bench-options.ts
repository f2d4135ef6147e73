import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isOperationName, operationNames, type OperationName } from '../operations';
import { projectRoot } from './project';
import { serverKinds, type ServerKind } from './server-process';

export interface BenchOptions {
  people: number;
  /** Seconds of load per measured round. */
  duration: number;
  /** Seconds of the same load before each round, not measured. */
  warmup: number;
  rounds: number;
  operations: OperationName[];
  connections: number[];
  /** The servers measured; the service is started for the preparation whatever this says. */
  servers: ServerKind[];
  /** Unset: the benchmark's own embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** The embedded PostgreSQL's shared_buffers. */
  sharedBuffers: string;
  /** Database connections of each server, the same for all of them. */
  poolSize: number;
}

/** PostgreSQL's advice for a dedicated server: a quarter of the memory. */
const defaultSharedBuffers = `${Math.floor(totalmem() / 4 / 2 ** 20)}MB`;

export const usage = `npm run bench -- [options]
  --people N           profiles in the database (seeded when there are fewer)  [100000]
  --duration S         seconds of measured load per round                      [8]
  --warmup S           seconds of unmeasured load before each round            [2]
  --rounds N           rounds per server and configuration, interleaved        [3]
  --only OPS           operations to run, comma-separated: ${operationNames.join(', ')}
  --connections LIST   concurrent connections, comma-separated                 [16,64]
  --servers LIST       servers to measure, comma-separated, of ${serverKinds.join(', ')}
                       (floor and postgraphile answer ProfilePage and PeopleList only)  [all]
  --database-url URL   use this PostgreSQL instead of the embedded one
  --data-dir DIR       the embedded PostgreSQL's data folder                   [.data/bench]
  --pool-size N        database connections per server                         [10]
  --shared-buffers S   the embedded PostgreSQL's shared_buffers        [a quarter of RAM: ${defaultSharedBuffers}]`;

function positive(name: string, text: string, { integer = true } = {}): number {
  const value = Number(text);
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a positive ${integer ? 'whole ' : ''}number; got ${text}`);
  }
  return value;
}

function sharedBuffersSetting(text: string): string {
  if (!/^\d+(kB|MB|GB)$/.test(text)) throw new Error(`--shared-buffers must be a size such as 512MB or 4GB; got ${text}`);
  return text;
}

export function parseBenchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      people: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '8' },
      warmup: { type: 'string', default: '2' },
      rounds: { type: 'string', default: '3' },
      only: { type: 'string', default: operationNames.join(',') },
      connections: { type: 'string', default: '16,64' },
      servers: { type: 'string', default: serverKinds.join(',') },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string', default: '.data/bench' },
      'pool-size': { type: 'string', default: '10' },
      'shared-buffers': { type: 'string', default: defaultSharedBuffers },
    },
  });
  const operations = values.only.split(',').map((name) => name.trim());
  const unknown = operations.filter((name) => !isOperationName(name));
  if (unknown.length) throw new Error(`--only: unknown operation ${unknown.join(', ')}; known: ${operationNames.join(', ')}`);
  const servers = values.servers.split(',').map((name) => name.trim());
  const unknownServers = servers.filter((name) => !(serverKinds as readonly string[]).includes(name));
  if (unknownServers.length) throw new Error(`--servers: unknown server ${unknownServers.join(', ')}; known: ${serverKinds.join(', ')}`);
  return {
    people: positive('people', values.people),
    duration: positive('duration', values.duration, { integer: false }),
    warmup: Number(values.warmup) === 0 ? 0 : positive('warmup', values.warmup, { integer: false }),
    rounds: positive('rounds', values.rounds),
    operations: operationNames.filter((name) => operations.includes(name)),
    connections: values.connections.split(',').map((text) => positive('connections', text.trim())),
    servers: serverKinds.filter((name) => servers.includes(name)),
    databaseUrl: values['database-url'],
    dataDir: resolve(projectRoot, values['data-dir']),
    poolSize: positive('pool-size', values['pool-size']),
    sharedBuffers: sharedBuffersSetting(values['shared-buffers']),
  };
}
