import { createServer } from 'node:http';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { listenPeer, type PeerSettings, type RunningPeer } from '../../peer-process';
import { StatementCounter } from './statement-counter';

// PostGraphile 5 as a peer of the service: the Amber preset, its schema generated from the
// service's tables, grafserv on Node's own HTTP server, as its documentation sets it up. Beside
// /graphql: /readyz for the benchmark's start-up, and /metrics for the statements it counts.

export interface PostGraphileOptions extends PeerSettings {
  /** Print every SQL statement (to see what PostGraphile sends). */
  logSql?: boolean;
}

export async function startPostGraphileServer(options: PostGraphileOptions): Promise<RunningPeer> {
  // Its own pool, so that it has the same size as the service's and its statements can be counted.
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.poolSize, application_name: 'postgraphile-bench' });
  const counter = new StatementCounter(options.logSql);
  counter.watch(pool);
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    // No LISTEN/NOTIFY client: nothing here subscribes, and it would hold one of the pool's connections.
    pgServices: [makePgService({ pool, schemas: ['public'], pubsub: false })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, graphqlOverGET: false, watch: false, websockets: false },
    grafast: { explain: false },
  });
  // Introspection and schema building happen here, before the port opens: ready means ready.
  await pgl.getSchema();
  const serv = pgl.createServ(grafserv);
  // createHandler rather than serv.addTo: the handler must run inside the request's statement
  // count, and addTo only adds websockets on top, which this benchmark does not use.
  const graphql = serv.createHandler();
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/readyz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ready":true}\n');
    } else if (request.method === 'GET' && request.url === '/metrics') {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(counter.metrics());
    } else {
      counter.countRequest(response, () => graphql(request, response));
    }
  });
  return listenPeer(server, options.port, async () => {
    // Releases the grafserv instance it made too (releasing that first makes this throw).
    await pgl.release();
    await pool.end();
  });
}
