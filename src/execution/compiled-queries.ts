import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  getVariableValues,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Runs queries through graphql-jit: an operation that a client sends again is compiled once into
 * a JavaScript function that resolves exactly its selections, without graphql-js's per-field
 * interpretation (for the profile page and the people list, most of the execution time).
 *
 * Only the successful answer of a compiled query is ever sent. When the variables do not pass
 * graphql-js's own coercion, or the compiled function reports any error at all, the plugin answers
 * nothing and Apollo executes the operation with graphql-js as usual: every error a client sees
 * (codes, messages, paths, partial data, the didEncounterErrors log) is exactly graphql-js's.
 * Falling back re-runs the query's resolvers. They only read, and the request's DataLoaders still
 * hold what the first run loaded, so it costs little more SQL (root fields that do not go through
 * a loader, such as `people`, query again).
 *
 * Left to graphql-js: mutations (serial execution and writes stay as they were), introspection
 * (`__schema`, `__type`: Apollo Sandbox and tools, rare and not worth compiling), operations seen
 * only once (compiling costs more than running a one-off query), and documents graphql-jit cannot
 * compile.
 */
export interface CompiledQueryStats {
  /** A compiled function answered. */
  onCompiled(): void;
  /** A compiled function reported errors; graphql-js ran the operation again and answered. */
  onFallback(): void;
}

interface OperationState {
  /** Times seen before it was compiled. */
  seen: number;
  /** Compiled function; null when it is graphql-js's for good. */
  compiled?: CompiledQuery | null;
}

/** An operation is compiled when a client sends it for the second time. */
const compileAfter = 2;

function selectsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '__schema' && node.name.value !== '__type') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

export function compiledQueriesPlugin<TContext extends object>(stats?: CompiledQueryStats): ApolloServerPlugin<TContext> {
  // Keyed by Apollo's parsed document (one per query text while its document cache holds it), so
  // compiled functions go when the document does.
  const operations = new WeakMap<DocumentNode, Map<string, OperationState>>();

  function compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let byName = operations.get(document);
    if (!byName) {
      byName = new Map();
      operations.set(document, byName);
    }
    const key = operationName ?? '';
    let state = byName.get(key);
    if (!state) {
      state = { seen: 0 };
      byName.set(key, state);
    }
    if (state.compiled !== undefined) return state.compiled;
    if (++state.seen < compileAfter) return null;
    const result = selectsIntrospection(document) ? null : compileQuery(schema, document, operationName);
    state.compiled = result && isCompiledQuery(result) ? result : null;
    return state.compiled;
  }

  function variablesFit(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
    if (!operation.variableDefinitions?.length) return true;
    return !getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 1 }).errors;
  }

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          // No operation (none or several in the document, no name to choose): graphql-js says so.
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed as always set, but unset when operationName picks no single operation
          if (!operation || operation.operation !== OperationTypeNode.QUERY) return null;
          const query = compiledFor(schema, document, request.operationName ?? undefined);
          if (!query) return null;
          const variables = request.variables ?? {};
          // Refused by graphql-js with its own BAD_USER_INPUT (not a fallback: nothing compiled ran).
          if (!variablesFit(schema, operation, variables)) return null;
          const result = await query.query(undefined, contextValue, variables);
          if (result.errors?.length || !result.data) {
            stats?.onFallback();
            return null;
          }
          stats?.onCompiled();
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data } } };
        },
      };
    },
  };
}
