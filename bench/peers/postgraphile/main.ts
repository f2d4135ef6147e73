import { startPostGraphileServer } from './postgraphile-server';

// node --require bench/peers/postgraphile/promise-with-resolvers.cjs dist/bench/peers/postgraphile/main.js,
// with DATABASE_URL, PORT (0: any free one), DB_POOL_SIZE and LOG_SQL=true to print its SQL, as
// `npm run bench` starts it.

function numberSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number; got ${process.env[name]}`);
  return value;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const server = await startPostGraphileServer({
    databaseUrl,
    port: numberSetting('PORT', 0),
    poolSize: numberSetting('DB_POOL_SIZE', 10),
    logSql: process.env.LOG_SQL === 'true',
  });
  console.log(`Ready at ${server.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
