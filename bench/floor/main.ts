import { runPeerProcess } from '../peer-process';
import { startFloorServer } from './floor-server';

// node dist/bench/floor/main.js, with DATABASE_URL, PORT (0: any free one) and DB_POOL_SIZE, as
// `npm run bench` starts it.
runPeerProcess(startFloorServer);
