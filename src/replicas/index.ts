import cluster from 'node:cluster';
import type { DataSource } from 'typeorm';
import { relayedWritePositions } from '../cluster/relayed-write-positions';
import type { Logger } from '../common/logger';
import type { Config } from '../config';
import { ReadReplicas } from './read-replicas';
import { readRoutingPlugin } from './read-routing-plugin';
import { InProcessWritePositions, type WritePositions } from './write-positions';

export { writePositionHeader } from './read-routing-plugin';
export type { WritePositions } from './write-positions';

export type StartedReplicas = ReturnType<typeof serve>;

function serve(replicas: ReadReplicas, exposeProblems: boolean) {
  return {
    plugin: readRoutingPlugin(replicas),
    /**
     * For /readyz: each replica's state and lag. Replicas being out does not make the service
     * unready. In production the driver's message (host names, addresses) stays in the logs.
     */
    readiness: () => ({
      replicas: replicas.status().map(({ problem, ...status }) => (exposeProblems && problem ? { ...status, problem } : status)),
    }),
    registerMetrics: replicas.registerMetrics.bind(replicas),
    close: () => replicas.close(),
  };
}

/**
 * Read replicas, when DATABASE_REPLICA_URLS names any (else undefined: everything on the primary,
 * as without this folder). Write positions are kept in the process, relayed between the workers
 * of WEB_CONCURRENCY; pass `positions` to share them across instances (e.g. in Redis).
 */
export async function startReadReplicas(
  primary: DataSource,
  config: Config,
  logger: Logger,
  positions: WritePositions = cluster.isWorker ? relayedWritePositions() : new InProcessWritePositions(),
): Promise<StartedReplicas | undefined> {
  if (!config.DATABASE_REPLICA_URLS.length) return undefined;
  const replicas = new ReadReplicas(primary, config, positions, logger);
  await replicas.start();
  const states = replicas.status().map((replica) => `${replica.name} ${replica.state}`);
  logger.info(`Read replicas: ${states.join(', ')}`);
  return serve(replicas, config.NODE_ENV !== 'production');
}
