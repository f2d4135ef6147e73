import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { createLoaders, type Context } from '../context';
import { isLsn } from './lsn';
import type { ReadReplicas } from './read-replicas';

/**
 * The WAL position of a write, for clients without an account that must read what was written:
 * every mutation's response carries the primary's position after it (`X-Profilegraph-LSN:
 * 16/B374D848`), and a request that sends it back in the same header is read from a replica only
 * once that replica has replayed it (else from the primary). A value that is not a WAL position is
 * ignored.
 */
export const writePositionHeader = 'x-profilegraph-lsn';

/**
 * Sends each query operation's reads to a replica, or to the primary when the reader's last write
 * is not replayed anywhere yet; mutations (their transactions, and the reads of their payloads)
 * stay on the primary, and after one the account's position is remembered. The choice is made once
 * the operation is known (with persisted queries the body may not say), before anything is read:
 * the context's `db` and loaders are then the replica's.
 */
export function readRoutingPlugin(replicas: ReadReplicas): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        async didResolveOperation({ operation, contextValue, request }) {
          if (operation?.operation !== OperationTypeNode.QUERY) return;
          const header = request.http?.headers.get(writePositionHeader)?.trim();
          const db = await replicas.readerFor(contextValue.viewer?.subject, header && isLsn(header) ? header : undefined);
          if (db === contextValue.db) return;
          contextValue.db = db;
          contextValue.loaders = createLoaders(db);
        },
        async willSendResponse({ operation, contextValue, response }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          const lsn = await replicas.rememberWrite(contextValue.viewer?.subject);
          if (lsn !== undefined) response.http.headers.set(writePositionHeader, lsn);
        },
      });
    },
  };
}
