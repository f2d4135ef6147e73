import { runPeerProcess } from '../../peer-process';
import { startPostGraphileServer } from './postgraphile-server';

// node --require bench/peers/postgraphile/promise-with-resolvers.cjs dist/bench/peers/postgraphile/main.js,
// with DATABASE_URL, PORT (0: any free one), DB_POOL_SIZE and LOG_SQL=true to print its SQL, as
// `npm run bench` starts it.
runPeerProcess((settings) => startPostGraphileServer({ ...settings, logSql: process.env.LOG_SQL === 'true' }));
