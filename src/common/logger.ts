import cluster from 'node:cluster';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config';

export type { Logger };

/**
 * Structured JSON lines in production; the same records, human-readable, in development.
 * Request logs carry ids, names, timings and codes only: never tokens, variables or bodies.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT' | 'NODE_ENV'>): Logger {
  const format = config.LOG_FORMAT ?? (config.NODE_ENV === 'development' ? 'pretty' : 'json');
  // Under WEB_CONCURRENCY each worker's lines say which worker wrote them.
  const options = { level: config.LOG_LEVEL, base: { service: 'profilegraph', ...(cluster.worker && { worker: cluster.worker.id }) } };
  if (format === 'json') return pino(options);
  return pino(options, pretty({ sync: true, ignore: 'pid,hostname,service', translateTime: 'HH:MM:ss.l' }));
}
