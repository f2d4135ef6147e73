import { startFloorServer } from './floor-server';

// node dist/bench/floor/main.js, with DATABASE_URL, PORT (0: any free one) and DB_POOL_SIZE, as
// `npm run bench` starts it.

function numberSetting(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number; got ${process.env[name]}`);
  return value;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  const floor = await startFloorServer({
    databaseUrl,
    port: numberSetting('PORT', 0),
    poolSize: numberSetting('DB_POOL_SIZE', 10),
  });
  console.log(`Ready at ${floor.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void floor.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
