import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Context } from '../context';

/** Apollo Server would run a subscription sent over HTTP as if it were a query; say where it belongs. */
export function subscriptionsOverWebSocketOnly(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
          throw new GraphQLError('Subscriptions are served over WebSocket (the graphql-transport-ws protocol) on this same path', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
