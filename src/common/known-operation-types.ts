import { GraphQLError, type ValidationRule } from 'graphql';

// graphql-js 16 validates `mutation { ... }` against a schema without mutations and only fails
// while executing it, as an internal error. Refuse it as the client's mistake instead (graphql-js
// 17 has this rule built in).
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This service has no ${node.operation} operations`, { nodes: node }));
    }
  },
});
