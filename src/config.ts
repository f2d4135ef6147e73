import { z } from 'zod';

// Every setting the service reads, validated once. The README's settings table mirrors this.
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

// A comma-separated list of PostgreSQL URLs (empty: none).
const postgresUrlList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((url) => url.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/ })));

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  INTROSPECTION: booleanFlag.default(true),
  // The Federation 2 subgraph endpoint (/subgraph): off where no gateway or router uses it.
  FEDERATION_SUBGRAPH: booleanFlag.default(true),
  MIGRATIONS_RUN: booleanFlag.default(true),
  SEED_ON_START: booleanFlag.default(true),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(2000),
  DB_STARTUP_WAIT_MS: z.coerce.number().int().min(0).default(30_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  LOG_SQL: booleanFlag.default(false),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  MAX_BATCH_OPERATIONS: z.coerce.number().int().min(0).max(100).default(0),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).default(12),
  MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(25_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  // Scaling out (src/replicas, src/cluster): off unless set.
  DATABASE_REPLICA_URLS: postgresUrlList.default([]),
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(0).default(2000),
  DATABASE_REPLICA_CHECK_INTERVAL_MS: z.coerce.number().int().min(50).default(500),
  DATABASE_REPLICA_CATCH_UP_WAIT_MS: z.coerce.number().int().min(0).default(200),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  // Several instances (see README, "Running several instances"): all off unless set.
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(1).default(500),
  APQ_TTL_S: z.coerce.number().int().min(1).default(86_400),
  RATE_LIMIT_POINTS: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).default(60),
  SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(0).default(10),
  SUBSCRIPTIONS_PER_INSTANCE: z.coerce.number().int().min(0).default(1000),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= npm start`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** For entry points: a bad setting stops the process with a message naming it, not a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
